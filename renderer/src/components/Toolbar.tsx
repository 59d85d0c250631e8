import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../shared/model';
import type { HistoryState } from '../../../shared/edit/commands';
import { setLanguage, type Lang } from '../i18n';
import { RecentMenu } from './RecentMenu';

export type FileDialogKind = 'new' | 'open' | 'saveCopy';

export interface EditControls {
  history: HistoryState | null;
  connectMode: boolean;
  canDelete: boolean;
  onNewActor: () => void;
  onNewPartnership: () => void;
  onToggleConnect: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onDelete: () => void;
}

/** File actions, edit actions (with undo and redo), the document's name and the language switch. */
export function Toolbar({
  doc,
  onFile,
  onOpenPath,
  busy,
  edit,
  checks,
  onReport,
  onExchange,
}: {
  doc: DocumentInfo | null;
  onFile: (k: FileDialogKind | 'demo') => void;
  onOpenPath: (path: string) => void;
  busy: boolean;
  edit: EditControls | null;
  /** The findings that need action, per severity; the button opens them. */
  checks: { counts: Record<'HIGH' | 'MEDIUM' | 'LOW', number>; onOpen: () => void } | null;
  /** Opens the report builder (null without a document). */
  onReport: (() => void) | null;
  /** Opens import and export. */
  onExchange: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <header className="toolbar">
      <h1 className="brand">{t('app.title')}</h1>
      <nav aria-label={t('toolbar.file')} className="file-actions">
        <button type="button" onClick={() => onFile('new')} disabled={busy}>{t('toolbar.new')}</button>
        <button type="button" onClick={() => onFile('open')} disabled={busy}>{t('toolbar.open')}</button>
        <RecentMenu onOpen={onOpenPath} disabled={busy} />
        <button type="button" onClick={() => onFile('demo')} disabled={busy}>{t('toolbar.demo')}</button>
        <button type="button" onClick={() => onFile('saveCopy')} disabled={busy || !doc}>{t('toolbar.saveCopy')}</button>
        <button type="button" onClick={() => onReport?.()} disabled={busy || !onReport} title={t('report.openHint')} data-testid="report-open">{t('report.open')}</button>
        <button type="button" onClick={onExchange} disabled={busy} title={t('exchange.openHint')} data-testid="exchange-open">{t('exchange.open')}</button>
      </nav>
      {edit && (
        <nav aria-label={t('toolbar.edit')} className="file-actions edit-actions">
          <button type="button" onClick={edit.onNewActor} data-testid="new-actor">{t('toolbar.newActor')}</button>
          <button type="button" onClick={edit.onNewPartnership} data-testid="new-partnership">{t('toolbar.newPartnership')}</button>
          <button type="button" aria-pressed={edit.connectMode} onClick={edit.onToggleConnect} data-testid="connect-mode" title={t('toolbar.connectHint')}>
            {t('toolbar.connect')}
          </button>
          <button type="button" onClick={edit.onDelete} disabled={!edit.canDelete} data-testid="delete">{t('toolbar.delete')}</button>
          <button
            type="button"
            onClick={edit.onUndo}
            disabled={!edit.history?.undo}
            data-testid="undo"
            title={edit.history?.undo ? t('toolbar.undoWhat', { what: edit.history.undo.label }) : undefined}
            aria-keyshortcuts="Control+Z"
          >
            {t('toolbar.undo')}
          </button>
          <button
            type="button"
            onClick={edit.onRedo}
            disabled={!edit.history?.redo}
            data-testid="redo"
            title={edit.history?.redo ? t('toolbar.redoWhat', { what: edit.history.redo.label }) : undefined}
            aria-keyshortcuts="Control+Shift+Z Control+Y"
          >
            {t('toolbar.redo')}
          </button>
        </nav>
      )}
      {checks && (
        <button type="button" className="check-counts" onClick={checks.onOpen} data-testid="check-counts" title={t('checks.countsHint')}>
          {t('checks.button')}
          {(['HIGH', 'MEDIUM', 'LOW'] as const).map((s) => (
            <span key={s} className={`count sev-${s.toLowerCase()}`} data-testid={`count-${s}`} aria-label={t('checks.countLabel', { count: checks.counts[s], severity: t(`checks.severity.${s}`) })}>
              {checks.counts[s]}
            </span>
          ))}
        </button>
      )}
      <div className="doc-name" data-testid="doc-name" title={doc?.path}>
        {doc ? `${doc.meta.title} · ${doc.fileName}` : ''}
        {doc?.readOnly && <span className="badge">{t('readOnly')}</span>}
      </div>
      <label className="lang">
        <span>{t('toolbar.language')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Lang)} data-testid="language">
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </label>
    </header>
  );
}
