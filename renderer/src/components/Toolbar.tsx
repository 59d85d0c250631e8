import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../shared/model';
import { setLanguage, type Lang } from '../i18n';
import { RecentMenu } from './RecentMenu';

export type FileDialogKind = 'new' | 'open' | 'saveCopy';

/** File actions, the document's name and the language switch. */
export function Toolbar({
  doc,
  onFile,
  onOpenPath,
  busy,
}: {
  doc: DocumentInfo | null;
  onFile: (k: FileDialogKind | 'demo') => void;
  onOpenPath: (path: string) => void;
  busy: boolean;
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
      </nav>
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
