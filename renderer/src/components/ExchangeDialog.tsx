import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/exchange/contract';
import { call, dialogError } from '../api';
import { Modal } from './Modal';

export type ExchangeDone = { kind: 'export'; path: string; bytes: number } | { kind: 'import'; fileName: string; counts: Record<string, number>; created: boolean };

/** The lists a preview counts, in the order it shows them. */
const PREVIEW_LISTS = ['actors', 'agreements', 'services', 'partnerships', 'gaps', 'meetings', 'views', 'changeLog'] as const;

/**
 * Import and export: the whole document as JSON (backup, exchange between municipalities). An import is read and
 * checked first (what the file holds, everything wrong with it, each with its place); nothing is written until the
 * user confirms, and then all of it at once, as one undoable step.
 */
export function ExchangeDialog({ askPath, onCancel, onDone }: { askPath: boolean; onCancel: () => void; onDone: (d: ExchangeDone) => Promise<void> | void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'import' | 'export'>('import');
  const [exportPath, setExportPath] = useState('');
  const [importPath, setImportPath] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [into, setInto] = useState<'current' | 'new'>('new');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(dialogError(err));
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      if (askPath && !importPath.trim()) throw new Error(t('exchange.noImportPath'));
      const p = await call('exchange.preview', { path: askPath ? importPath.trim() : undefined });
      setPreview(p);
      setInto(p.intoCurrent.allowed ? 'current' : 'new');
    });
  const confirm = () =>
    run(async () => {
      if (!preview) return;
      if (into === 'new' && askPath && !target.trim()) throw new Error(t('exchange.noTarget'));
      const done = await call('exchange.import', { path: preview.path, into, target: into === 'new' && askPath ? target.trim() : undefined });
      await onDone({ kind: 'import', fileName: preview.fileName, counts: done.counts, created: done.created });
    });
  const exportNow = () =>
    run(async () => {
      if (askPath && !exportPath.trim()) throw new Error(t('exchange.noExportPath'));
      const done = await call('exchange.export', { format: 'json', path: askPath ? exportPath.trim() : undefined });
      await onDone({ kind: 'export', path: done.path, bytes: done.bytes });
    });

  const ready = preview && !preview.problems.length;
  const okLabel = busy ? t('report.busy') : tab === 'export' ? t('exchange.export') : ready ? t('exchange.import') : t('exchange.check');
  const onOk = tab === 'export' ? exportNow : ready ? confirm : check;
  return (
    <Modal title={t('exchange.title')} okLabel={okLabel} onOk={() => void onOk()} onCancel={onCancel} error={error} busy={busy} testId="exchange-dialog">
      <fieldset className="report-presets">
        <legend>{t('exchange.what')}</legend>
        {(['import', 'export'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="exchange-tab" checked={tab === k} onChange={() => (setTab(k), setError(null))} data-testid={`exchange-tab-${k}`} />
            {t(`exchange.tab.${k}`)}
          </label>
        ))}
      </fieldset>
      {tab === 'export' ? (
        <>
          <p className="muted">{t('exchange.jsonHint')}</p>
          {askPath && (
            <div className="field">
              <label htmlFor="exchange-export-path">{t('exchange.exportPath')}</label>
              <input id="exchange-export-path" value={exportPath} onChange={(e) => setExportPath(e.target.value)} placeholder="/pad/naar/netwerk.json" data-testid="exchange-export-path" />
            </div>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('exchange.importHint')}</p>
          {askPath && (
            <div className="field">
              <label htmlFor="exchange-import-path">{t('exchange.importPath')}</label>
              <input
                id="exchange-import-path"
                value={importPath}
                onChange={(e) => (setImportPath(e.target.value), setPreview(null))}
                placeholder="/pad/naar/netwerk.json"
                data-testid="exchange-import-path"
              />
            </div>
          )}
          {preview && (
            <section aria-labelledby="exchange-preview-heading" data-testid="exchange-preview">
              <h3 id="exchange-preview-heading">{t('exchange.previewTitle', { file: preview.fileName })}</h3>
              {preview.problems.length ? (
                <>
                  <p className="dialog-error" role="alert" data-testid="exchange-problem-count">
                    {t('exchange.problems', { count: preview.problems.length })}
                  </p>
                  <div className="problem-list">
                    <table data-testid="exchange-problems">
                      <thead>
                        <tr>
                          <th scope="col">{t('exchange.where')}</th>
                          <th scope="col">{t('exchange.problem')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.problems.map((p, i) => (
                          <tr key={i}>
                            <td>{p.where || '–'}</td>
                            <td>{p.message}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              ) : (
                <>
                  <ul className="preview-counts" data-testid="exchange-counts">
                    {PREVIEW_LISTS.filter((k) => preview.counts[k] !== undefined).map((k) => (
                      <li key={k}>{t(`exchange.count.${k}`, { count: preview.counts[k] })}</li>
                    ))}
                  </ul>
                  <fieldset className="report-presets">
                    <legend>{t('exchange.into')}</legend>
                    <label className="check">
                      <input type="radio" name="exchange-into" checked={into === 'current'} disabled={!preview.intoCurrent.allowed} onChange={() => setInto('current')} data-testid="exchange-into-current" />
                      {t('exchange.intoCurrent')}
                    </label>
                    {preview.intoCurrent.reason && <p className="muted" data-testid="exchange-into-reason">{preview.intoCurrent.reason}</p>}
                    <label className="check">
                      <input type="radio" name="exchange-into" checked={into === 'new'} onChange={() => setInto('new')} data-testid="exchange-into-new" />
                      {t('exchange.intoNew')}
                    </label>
                  </fieldset>
                  {into === 'new' && askPath && (
                    <div className="field">
                      <label htmlFor="exchange-target">{t('exchange.target')}</label>
                      <input id="exchange-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="/pad/naar/netwerk.regiekaart" data-testid="exchange-target" />
                    </div>
                  )}
                </>
              )}
            </section>
          )}
        </>
      )}
    </Modal>
  );
}
