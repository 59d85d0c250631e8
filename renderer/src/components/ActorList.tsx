import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../shared/model';

/** The side list of actors, filterable by name or id; selection is shared with the map. */
export function ActorList({ actors, selected, onSelect }: { actors: Actor[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('nl');
    return [...actors]
      .filter((a) => !q || a.name.toLocaleLowerCase('nl').includes(q) || a.id.toLocaleLowerCase('nl') === q)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [actors, query]);
  return (
    <aside className="actor-list" aria-labelledby="actor-list-heading">
      <h2 id="actor-list-heading">{t('actors.heading')}</h2>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('actors.filter')} aria-label={t('actors.filter')} />
      <p className="muted" data-testid="actor-count">{t('actors.count', { count: shown.length })}</p>
      {shown.length === 0 && <p>{t('actors.none')}</p>}
      <ul data-testid="actor-list">
        {shown.map((a) => (
          <li key={a.id}>
            <button type="button" aria-pressed={a.id === selected} className={a.id === selected ? 'selected' : ''} onClick={() => onSelect(a.id)}>
              {a.name}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
