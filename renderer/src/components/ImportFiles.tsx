import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/exchange/contract';

/**
 * The spreadsheet files of one import: the first, and those added to go with it (Gephi's node table and edge table,
 * a list of actors and one of agreements). They are checked together and imported as one step. With `askPath` (the
 * web host) the user types the path; else the host's dialog asks. With one file it is one quiet link; the list and
 * the explanation show once the user adds a file or asks to.
 */
export function ImportFiles({ preview, askPath, busy, onChange }: { preview: ImportPreview; askPath: boolean; busy: boolean; onChange: (change: { also?: string[]; addFile?: boolean }) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [open, setOpen] = useState(false);
  const also = preview.also ?? [];
  const add = () => {
    if (!askPath) return onChange({ addFile: true });
    if (!path.trim()) return;
    onChange({ also: [...also.map((a) => a.path), path.trim()] });
    setPath('');
  };
  if (!also.length && !open) {
    return (
      <p className="import-files-more">
        <button type="button" className="link" disabled={busy} onClick={() => (askPath ? setOpen(true) : add())} title={t('exchange.files.hint')} data-testid="import-files-more">
          {t('exchange.files.more')}
        </button>
      </p>
    );
  }
  return (
    <section className="import-files" aria-labelledby="import-files-heading" data-testid="import-files">
      <h4 id="import-files-heading">{t('exchange.files.title')}</h4>
      <ul>
        <li>{preview.fileName}</li>
        {also.map((a, i) => (
          <li key={a.path}>
            {a.fileName}{' '}
            <button type="button" className="link" disabled={busy} onClick={() => onChange({ also: also.filter((_, j) => j !== i).map((b) => b.path) })} aria-label={t('exchange.files.remove', { file: a.fileName })} data-testid={`import-files-remove-${i}`}>
              {t('exchange.files.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">{t('exchange.files.hint')}</p>
      {askPath ? (
        <div className="field inline">
          <label htmlFor="import-files-path">{t('exchange.files.path')}</label>
          <input id="import-files-path" value={path} onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())} placeholder="/pad/naar/edges.csv" autoFocus={open && !also.length} data-testid="import-files-path" />
          <button type="button" disabled={busy || !path.trim()} onClick={add} data-testid="import-files-add">
            {t('exchange.files.add')}
          </button>
        </div>
      ) : (
        <button type="button" disabled={busy} onClick={add} data-testid="import-files-add">
          {t('exchange.files.addDialog')}
        </button>
      )}
    </section>
  );
}
