import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_VIEW_ID, EMPTY_FILTERS, mergedSources, OWN_MAP, type NetworkData, type View, type ViewFilters } from '../../../shared/model';
import { vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { isUnfiltered } from '../../../shared/graph/filter';

type CodeFilter = Exclude<keyof ViewFilters, 'focus' | 'origins'>;

/** Each filter, the vocabulary it draws on, and the codes this document actually uses (only those are offered). */
const FILTERS: { key: CodeFilter; kind: VocabKind; used: (d: NetworkData) => string[] }[] = [
  { key: 'sectors', kind: 'sector', used: (d) => d.actors.flatMap((a) => a.sectors) },
  { key: 'levels', kind: 'level', used: (d) => d.actors.map((a) => a.level) },
  { key: 'actorTypes', kind: 'actorType', used: (d) => d.actors.map((a) => a.type) },
  { key: 'targetGroups', kind: 'targetGroup', used: (d) => [...d.services.flatMap((s) => s.targetGroups), ...d.partnerships.flatMap((p) => p.targetGroups)] },
  { key: 'lifeDomains', kind: 'lifeDomain', used: (d) => [...d.services.flatMap((s) => s.lifeDomains), ...d.partnerships.flatMap((p) => p.lifeDomains)] },
  { key: 'agreementTypes', kind: 'agreementType', used: (d) => d.agreements.map((a) => a.type) },
  { key: 'agreementStatuses', kind: 'agreementStatus', used: (d) => d.agreements.map((a) => a.status) },
];

function FilterGroup({
  label,
  codes,
  selected,
  onChange,
  labelOf,
  testId,
}: {
  label: string;
  codes: string[];
  selected: string[];
  onChange: (v: string[]) => void;
  labelOf: (code: string) => string;
  testId: string;
}) {
  return (
    <details className="filter-group" open={selected.length > 0} data-testid={testId}>
      <summary>
        {label}
        {selected.length > 0 && <span className="badge">{selected.length}</span>}
      </summary>
      <fieldset>
        <legend className="sr-only">{label}</legend>
        {codes.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={selected.includes(code)}
              onChange={(e) => onChange(e.target.checked ? [...selected, code] : selected.filter((c) => c !== code))}
            />
            {labelOf(code)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * The left panel: which view is shown (the standard one or a named one saved in the document), its filters, and
 * the focus on one actor's neighbourhood. Saving a view stores its filters and the map's current positions.
 */
export function ViewPanel({
  data,
  vocab,
  views,
  viewId,
  filters,
  dirty,
  readOnly,
  onView,
  onFilters,
  onSaveAs,
  onUpdate,
  onDelete,
}: {
  data: NetworkData;
  vocab: Record<VocabKind, VocabEntry[]>;
  views: View[];
  viewId: string;
  filters: ViewFilters;
  /** The filters differ from what the named view has saved. */
  dirty: boolean;
  readOnly: boolean;
  onView: (id: string) => void;
  onFilters: (f: ViewFilters) => void;
  onSaveAs: () => void;
  onUpdate: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const selectId = useId();
  // Where actors come from: offered once a neighbour's map has been merged in.
  const sources = useMemo(() => mergedSources(data.actors), [data.actors]);
  const offered = useMemo(() => {
    const out = {} as Record<CodeFilter, string[]>;
    for (const f of FILTERS) {
      const used = new Set([...f.used(data), ...filters[f.key]]);
      // In the vocabulary's own order, which is the order of domain.md.
      out[f.key] = vocab[f.kind].map((v) => v.code).filter((c) => used.has(c));
    }
    return out;
  }, [data, vocab, filters]);
  const focusActor = filters.focus ? data.actors.find((a) => a.id === filters.focus!.actorId) : null;
  const named = viewId !== DEFAULT_VIEW_ID;
  const viewName = (v: View) => (v.id === DEFAULT_VIEW_ID ? t('views.standard') : v.name);

  return (
    <aside className="view-panel" aria-labelledby="view-panel-heading">
      <h2 id="view-panel-heading">{t('views.heading')}</h2>
      <label htmlFor={selectId} className="sr-only">
        {t('views.choose')}
      </label>
      <select id={selectId} value={viewId} onChange={(e) => onView(e.target.value)} data-testid="view-select">
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {viewName(v)}
          </option>
        ))}
      </select>
      {!readOnly && (
        <div className="view-actions">
          <button type="button" onClick={onSaveAs} data-testid="view-save-as">
            {t('views.saveAs')}
          </button>
          {named && (
            <>
              <button type="button" onClick={onUpdate} disabled={!dirty} data-testid="view-update">
                {t('views.update')}
              </button>
              <button type="button" onClick={onDelete} data-testid="view-delete">
                {t('views.delete')}
              </button>
            </>
          )}
        </div>
      )}
      {dirty && named && <p className="muted">{t('views.changed')}</p>}

      <h3>{t('filters.heading')}</h3>
      {focusActor && filters.focus && (
        <div className="focus-box" data-testid="focus-box">
          <p>{t('filters.focusOn', { name: focusActor.name })}</p>
          <div className="segmented" role="group" aria-label={t('filters.depth')}>
            {[1, 2, 3].map((d) => (
              <button key={d} type="button" aria-pressed={filters.focus!.depth === d} onClick={() => onFilters({ ...filters, focus: { actorId: focusActor.id, depth: d } })}>
                {t('filters.steps', { count: d })}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => onFilters({ ...filters, focus: null })} data-testid="focus-clear">
            {t('filters.focusClear')}
          </button>
        </div>
      )}
      {FILTERS.map((f) => (
        <FilterGroup
          key={f.key}
          label={t(`filters.${f.key}`)}
          codes={offered[f.key]}
          selected={filters[f.key]}
          onChange={(v) => onFilters({ ...filters, [f.key]: v })}
          labelOf={(code) => vocabLabel(vocab, f.kind, code, lang)}
          testId={`filter-${f.key}`}
        />
      ))}
      {(sources.length > 0 || filters.origins.length > 0) && (
        <FilterGroup
          label={t('filters.origins')}
          codes={[...new Set([OWN_MAP, ...sources, ...filters.origins])]}
          selected={filters.origins}
          onChange={(v) => onFilters({ ...filters, origins: v })}
          labelOf={(code) => (code === OWN_MAP ? t('filters.ownMap', { name: data.meta.municipality || data.meta.title }) : code)}
          testId="filter-origins"
        />
      )}
      <button type="button" onClick={() => onFilters(EMPTY_FILTERS)} disabled={isUnfiltered(filters)} data-testid="filters-clear">
        {t('filters.clear')}
      </button>
    </aside>
  );
}
