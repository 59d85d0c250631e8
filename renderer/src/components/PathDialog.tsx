import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecent } from '../data';
import type { FileDialogKind } from './Toolbar';

/** Where a host has no native file dialog (the web host), the user types or picks a path. */
export function PathDialog({
  kind,
  onCancel,
  onSubmit,
  error,
}: {
  error: string | null;
  kind: FileDialogKind;
  onCancel: () => void;
  onSubmit: (path: string, extra?: { title?: string; municipality?: string }) => void;
}) {
  const { t } = useTranslation();
  const recent = useRecent();
  const [path, setPath] = useState('');
  const [title, setTitle] = useState('');
  const [municipality, setMunicipality] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const heading = kind === 'open' ? t('dialog.openTitle') : kind === 'new' ? t('dialog.newTitle') : t('dialog.copyTitle');
  return (
    <dialog ref={ref} className="path-dialog" aria-labelledby="path-dialog-title" onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onSubmit(path.trim(), kind === 'new' ? { title: title || undefined, municipality: municipality || undefined } : undefined);
        }}
      >
        <h2 id="path-dialog-title">{heading}</h2>
        <label>
          {t('dialog.path')}
          <input value={path} onChange={(e) => setPath(e.target.value)} required autoFocus data-testid="path-input" />
        </label>
        {kind === 'new' && (
          <>
            <label>
              {t('dialog.title')}
              <input value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              {t('dialog.municipality')}
              <input value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
            </label>
          </>
        )}
        {kind === 'open' && recent.data && recent.data.length > 0 && (
          <fieldset>
            <legend>{t('dialog.recent')}</legend>
            <ul>
              {recent.data.map((r) => (
                <li key={r.path}>
                  <button type="button" className="link" onClick={() => setPath(r.path)} disabled={!r.exists}>
                    {r.fileName}
                  </button>{' '}
                  <span className="muted">{r.exists ? r.path : t('dialog.missing')}</span>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {error && (
          <p className="dialog-error" role="alert" data-testid="dialog-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>{t('dialog.cancel')}</button>
          <button type="submit" className="primary">{t('dialog.ok')}</button>
        </div>
      </form>
    </dialog>
  );
}
