import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutKind } from './MapCanvas';

/**
 * Search on the map (Ctrl+F): matches are ringed and everything else dimmed as you type; Enter jumps to the next
 * match and selects it, Shift+Enter to the previous one, Escape clears.
 */
export function SearchBox({
  query,
  onQuery,
  count,
  index,
  hiddenCount,
  onStep,
  inputRef,
}: {
  query: string;
  onQuery: (q: string) => void;
  count: number;
  /** The match last jumped to (0-based), or -1. */
  index: number;
  hiddenCount: number;
  onStep: (delta: 1 | -1) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const active = query.trim() !== '';
  return (
    <div className="map-search" role="search">
      <label htmlFor={id} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="Control+F"
        aria-describedby={`${id}-result`}
        data-testid="map-search"
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onQuery('');
          }
        }}
      />
      <button type="button" onClick={() => onStep(-1)} disabled={!count} aria-label={t('search.prev')} title={t('search.prev')}>
        ↑
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={!count} aria-label={t('search.next')} title={t('search.next')}>
        ↓
      </button>
      <span id={`${id}-result`} className="search-result" aria-live="polite" data-testid="search-result">
        {active && t('search.results', { count, index: index >= 0 ? index + 1 : 0 })}
        {active && hiddenCount > 0 && ` · ${t('search.hidden', { count: hiddenCount })}`}
      </span>
    </div>
  );
}

/** The i18n key of a layout's name. */
export const layoutKey = (k: LayoutKind) => (k === 'fcose' ? 'layout.auto' : k === 'levels' ? 'layout.levels' : 'layout.sectors');

/** The "Schikken" menu: three layouts, each for the nodes the view shows, each after a confirmation. */
export function ArrangeMenu({ onArrange, disabled }: { onArrange: (kind: LayoutKind) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const kinds: LayoutKind[] = ['fcose', 'levels', 'sectors'];
  return (
    <details className="menu arrange-menu" data-testid="arrange-menu">
      <summary aria-disabled={disabled}>{t('layout.label')}</summary>
      <ul>
        {kinds.map((k) => (
          <li key={k}>
            <button
              type="button"
              disabled={disabled}
              data-testid={`arrange-${k}`}
              onClick={(e) => {
                (e.currentTarget.closest('details') as HTMLDetailsElement).open = false;
                onArrange(k);
              }}
            >
              {t(layoutKey(k))}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
