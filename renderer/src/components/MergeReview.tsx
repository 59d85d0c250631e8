import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEW_ACTOR, type MergeChoicesInput, type MergePreview } from '../../../shared/exchange/contract';

/** The choice in a row's list that opens the search over all of our actors. */
const OTHER = '__ANDERE__';
/** How one of our actors is offered for picking: its name and id (two actors may share a name). */
const optionLabel = (a: { id: string; name: string }) => `${a.name} (${a.id})`;

/** The kinds a merge counts, in the order the summary shows them. */
const KINDS = ['actors', 'agreements', 'services', 'partnerships', 'members', 'areas'] as const;

/**
 * The review step of merging another municipality's map: its name, each of its actors and the actor of ours it
 * becomes (matched by KBO number, Sociale Kaart id or name, or chosen here; or added), and each field both maps fill
 * differently with a choice of whose value stays. Every change asks the core for a new plan.
 */
export function MergeReview({ merge, choices, onChange }: { merge: MergePreview; choices: MergeChoicesInput; onChange: (next: MergeChoicesInput) => void }) {
  const { t } = useTranslation();
  // What the user is typing in the two name fields; until then they show the core's names (which follow each other:
  // renaming the other map renames the default view).
  const [sourceDraft, setSourceDraft] = useState<string | null>(null);
  const [viewDraft, setViewDraft] = useState<string | null>(null);
  const source = sourceDraft ?? merge.source;
  const view = viewDraft ?? merge.view?.name ?? '';
  // The names apply when the field is left or Enter is pressed (Enter here must not start the merge with the old name).
  const applySource = () => {
    setSourceDraft(null);
    if (source.trim() && source.trim() !== merge.source) onChange({ ...choices, source: source.trim() });
  };
  const applyView = () => {
    setViewDraft(null);
    if (view.trim() !== (merge.view?.name ?? '')) onChange({ ...choices, view: view.trim() || null });
  };
  const take = (key: string, side: 'ours' | 'theirs') => onChange({ ...choices, take: { ...choices.take, [key]: side } });
  const takeAll = (side: 'ours' | 'theirs') => onChange({ ...choices, take: {}, takeAll: side });
  // New actors first: those are the ones to check for a partner the name did not find.
  const matches = [...merge.matches].sort((a, b) => Number(!!a.ourId) - Number(!!b.ourId) || a.theirName.localeCompare(b.theirName, 'nl'));
  const left = Object.entries(merge.leftOut);
  // Another actor of ours is picked from one list for the whole table, by typing its name.
  const listId = useId();
  const [picking, setPicking] = useState<string | null>(null);
  const ourName = useMemo(() => new Map(merge.ourActors.map((a) => [a.id, a.name])), [merge.ourActors]);
  const actorByOption = useMemo(() => new Map(merge.ourActors.map((a) => [optionLabel(a), a.id])), [merge.ourActors]);
  const pick = (theirId: string, ourId: string) => {
    setPicking(null);
    onChange({ ...choices, matches: { ...choices.matches, [theirId]: ourId } });
  };
  /** The actors of ours a row offers: its match, the actors of the same name, and the one the user picked. */
  const optionsFor = (m: MergePreview['matches'][number]) => {
    const ids = [m.ourId, ...m.candidates.map((c) => c.id), ...m.near.map((c) => c.id), choices.matches?.[m.theirId]].filter((id): id is string => !!id && id !== NEW_ACTOR);
    return [...new Set(ids)].map((id) => ({ id, name: ourName.get(id) ?? id }));
  };
  return (
    <div className="merge-review" data-testid="merge-review">
      <datalist id={listId}>
        {merge.ourActors.map((a) => (
          <option key={a.id} value={optionLabel(a)} />
        ))}
      </datalist>
      <p>{t('exchange.merge.intro', { own: merge.ownName })}</p>
      <div className="report-row">
        <div className="field">
          <label htmlFor="merge-source">{t('exchange.merge.source')}</label>
          <input
            id="merge-source"
            value={source}
            onChange={(e) => setSourceDraft(e.target.value)}
            onBlur={applySource}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), applySource())}
            data-testid="merge-source"
          />
        </div>
        <div className="field">
          <label htmlFor="merge-view">{t('exchange.merge.view')}</label>
          <input id="merge-view" value={view} onChange={(e) => setViewDraft(e.target.value)} onBlur={applyView} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), applyView())} placeholder={t('exchange.merge.noView')} data-testid="merge-view" />
        </div>
      </div>
      <ul className="plan-counts" data-testid="merge-summary">
        {KINDS.filter((k) => Object.values(merge.summary[k] ?? {}).some((n) => n > 0)).map((k) => (
          <li key={k}>{t('exchange.merge.line', { kind: t(`exchange.merge.kind.${k}`), create: merge.summary[k].create, matched: merge.summary[k].update + merge.summary[k].unchanged, update: merge.summary[k].update })}</li>
        ))}
        {merge.filled > 0 && <li>{t('exchange.merge.filled', { count: merge.filled })}</li>}
        {merge.view && <li>{t(merge.view.created ? 'exchange.merge.viewNew' : 'exchange.merge.viewWiden', { name: merge.view.name })}</li>}
        {left.length > 0 && <li className="muted">{t('exchange.merge.leftOut', { what: left.map(([k, n]) => t(`exchange.merge.left.${k}`, { count: n })).join(', '), source: merge.source })}</li>}
      </ul>

      <h4 id="merge-actors-heading">{t('exchange.merge.actors')}</h4>
      <div className="problem-list">
        <table aria-labelledby="merge-actors-heading" data-testid="merge-actors">
          <thead>
            <tr>
              <th scope="col">{t('exchange.merge.theirs', { source: merge.source })}</th>
              <th scope="col">{t('exchange.merge.becomes', { own: merge.ownName })}</th>
              <th scope="col">{t('exchange.merge.by')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr key={m.theirId} data-testid={`merge-actor-${m.theirId}`}>
                <th scope="row">{m.theirName}</th>
                <td>
                  {picking === m.theirId ? (
                    <input
                      list={listId}
                      autoFocus
                      aria-label={t('exchange.merge.pickFor', { name: m.theirName })}
                      placeholder={t('exchange.merge.pickHint')}
                      onChange={(e) => {
                        const chosen = actorByOption.get(e.target.value);
                        if (chosen) pick(m.theirId, chosen);
                      }}
                      onKeyDown={(e) => {
                        // Escape closes the search, not the dialog; Enter picks a listed actor, and never merges.
                        if (e.key === 'Escape' || e.key === 'Enter') e.preventDefault();
                        if (e.key === 'Escape') setPicking(null);
                        const chosen = e.key === 'Enter' ? actorByOption.get(e.currentTarget.value) : undefined;
                        if (chosen) pick(m.theirId, chosen);
                      }}
                      onBlur={() => setPicking(null)}
                      data-testid={`merge-pick-${m.theirId}`}
                    />
                  ) : (
                    <select
                      aria-label={t('exchange.merge.becomesFor', { name: m.theirName })}
                      value={choices.matches?.[m.theirId] ?? m.ourId ?? NEW_ACTOR}
                      onChange={(e) => (e.target.value === OTHER ? setPicking(m.theirId) : pick(m.theirId, e.target.value))}
                      data-testid={`merge-match-${m.theirId}`}
                    >
                      <option value={NEW_ACTOR}>{t('exchange.merge.asNew')}</option>
                      {/* Only the likely ones here; any other actor of ours is picked by typing (a list of all of ours in every row is too heavy for a large map). */}
                      {optionsFor(m).map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                      <option value={OTHER}>{t('exchange.merge.other')}</option>
                    </select>
                  )}
                </td>
                <td className={m.ourId ? '' : 'muted'}>
                  {m.ourId ? t(`exchange.merge.byWhat.${m.by ?? 'KEUZE'}`)
                    : m.candidates.length ? t('exchange.merge.ambiguous', { count: m.candidates.length })
                    : m.near.length ? t('exchange.merge.near', { names: m.near.map((c) => `"${c.name}"`).join(t('exchange.merge.or')) })
                    : t('exchange.merge.added')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4 id="merge-diff-heading">{t('exchange.merge.differences', { count: merge.differences.length })}</h4>
      {merge.differences.length === 0 ? (
        <p className="muted" data-testid="merge-no-differences">
          {t('exchange.merge.noDifferences')}
        </p>
      ) : (
        <>
          <p className="muted">{t('exchange.merge.differencesHint')}</p>
          <div className="merge-all">
            <button type="button" onClick={() => takeAll('ours')} data-testid="merge-all-ours">
              {t('exchange.merge.allOurs')}
            </button>
            <button type="button" onClick={() => takeAll('theirs')} data-testid="merge-all-theirs">
              {t('exchange.merge.allTheirs', { source: merge.source })}
            </button>
          </div>
          <div className="problem-list">
            <table aria-labelledby="merge-diff-heading" data-testid="merge-differences">
              <thead>
                <tr>
                  <th scope="col">{t('exchange.merge.what')}</th>
                  <th scope="col">{t('exchange.merge.ours', { own: merge.ownName })}</th>
                  <th scope="col">{t('exchange.merge.theirValue', { source: merge.source })}</th>
                </tr>
              </thead>
              <tbody>
                {merge.differences.map((d) => (
                  <tr key={d.key} data-testid={`merge-diff-${d.key}`}>
                    <th scope="row">
                      {d.label}
                      <span className="muted"> · {d.fieldLabel}</span>
                    </th>
                    {(['ours', 'theirs'] as const).map((side) => (
                      <td key={side}>
                        <label className="check">
                          <input type="radio" name={`merge-${d.key}`} checked={(choices.take?.[d.key] ?? choices.takeAll ?? d.take) === side} onChange={() => take(d.key, side)} data-testid={`merge-take-${side}-${d.key}`} />
                          {side === 'ours' ? d.ours : d.theirs}
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
