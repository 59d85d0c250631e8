import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecent } from '../data';

/** "Recent": the last opened network maps, one click to reopen; missing files are shown but disabled. */
export function RecentMenu({ onOpen, disabled }: { onOpen: (path: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const recent = useRecent();
  const details = useRef<HTMLDetailsElement>(null);
  const items = recent.data ?? [];
  return (
    <details className="recent-menu" ref={details} data-testid="recent-menu">
      <summary aria-disabled={disabled}>{t('toolbar.recent')}</summary>
      <ul>
        {items.length === 0 && <li className="muted">{t('inspector.none')}</li>}
        {items.map((r) => (
          <li key={r.path}>
            <button
              type="button"
              disabled={disabled || !r.exists}
              title={r.path}
              onClick={() => {
                details.current?.removeAttribute('open');
                onOpen(r.path);
              }}
            >
              {r.fileName}
              {!r.exists && <span className="muted"> ({t('dialog.missing')})</span>}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
