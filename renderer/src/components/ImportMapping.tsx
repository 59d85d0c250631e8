import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NEW_ACTOR as NEW_PARTY, type ImportPreview, type SheetMappingInput } from '../../../shared/exchange/contract';
import { TABLE_FIELDS, TABLE_KINDS, type TableKind } from '../../../shared/exchange/fields';
import { distinctDetails, type Actor } from '../../../shared/model';
import { pushTo } from '../../../shared/util/multimap';
import { normalise } from '../../../shared/exchange/fields';
import { DEFAULT_VOCAB, type VocabEntry, type VocabKind } from '../../../shared/vocab';

/** What an actor to choose from needs: its name, and what tells it apart from another of that name. */
export type ChoosableActor = Pick<Actor, 'id' | 'name' | 'kbo' | 'provenance' | 'contact'>;

type Sheet = NonNullable<ImportPreview['sheets']>[number];

/** How many actors the list to choose a party from may have (a map of thousands has the suggestions only). */
const MAX_LISTED_ACTORS = 2000;

/** What the user chose for values the vocabulary does not know, by field and value. */
function chosenValues(s: Sheet): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const v of s.values ?? []) if (v.chosen && !v.remembered) (out[v.field] ??= {})[v.value] = v.chosen;
  return out;
}

/** Which actor the user said each party name not found is (by the name as in the file). */
function chosenParties(s: Sheet): Record<string, string> {
  return Object.fromEntries((s.parties ?? []).filter((p) => p.chosen).map((p) => [p.value, p.chosen!]));
}

/** The mapping of a sheet as the core last saw it, as an input to send back with one change. */
export const mappingOf = (s: Sheet): SheetMappingInput => ({
  sheet: s.name,
  kind: s.kind,
  columns: s.columns,
  fallbacks: s.fallbacks,
  ...(s.top ? { headerRow: s.headerRow } : {}),
  ...(s.values?.some((v) => v.chosen && !v.remembered) ? { values: chosenValues(s) } : {}),
  ...(s.newParties ? { newParties: true } : {}),
  ...(s.parties?.some((p) => p.chosen) ? { parties: chosenParties(s) } : {}),
});

/** A row's filled cells in one short line, for choosing the header row. */
function shortCells(row: readonly string[]): string {
  const text = row.filter((c) => c.trim()).join(' · ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * The column-mapping step of a spreadsheet import: per sheet, which row holds the headers (a title may stand above
 * them) and what it holds; per column, a few values and the field it fills (or kept as a custom field, or ignored);
 * for new rows with an empty cell, the code they get. Another header row starts the sheet's mapping afresh.
 */
export function ImportMapping({
  sheets,
  pending,
  vocab,
  actors,
  onChange,
}: {
  sheets: Sheet[];
  /**
   * The mapping last sent, while the core plans it: a choice made meanwhile goes on top of it, not of the preview
   * shown (choosing twice in quick succession would otherwise lose the first choice).
   */
  pending: SheetMappingInput[] | null;
  vocab: Record<VocabKind, VocabEntry[]> | null;
  /** The actors of the document the import goes into, to choose from for a party name not found. */
  actors: readonly ChoosableActor[];
  onChange: (mapping: SheetMappingInput[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const words = vocab ?? DEFAULT_VOCAB;
  /** A sheet's mapping as it stands: as last sent, else as the preview shows it. */
  const current = (i: number): SheetMappingInput => pending?.[i] ?? mappingOf(sheets[i]);
  const change = (index: number, next: Partial<SheetMappingInput>) =>
    onChange(sheets.map((s, i) => (i === index ? { ...current(i), ...next, ...(next.kind && next.kind !== (current(i).kind ?? s.kind) ? { columns: undefined, fallbacks: undefined, values: undefined, parties: undefined } : {}) } : current(i))));
  // Every actor of the map to choose from, by name (a list of thousands is left to the suggestions and the search).
  // Two of the same name ("Sociaal Huis" of two municipalities) are told apart by where they are.
  const allActors = useMemo(() => {
    if (actors.length > MAX_LISTED_ACTORS) return [];
    const byName = new Map<string, ChoosableActor[]>();
    for (const a of actors) pushTo(byName, normalise(a.name), a);
    return [...byName.values()]
      .flatMap((same) => (same.length === 1 ? [{ id: same[0].id, label: same[0].name }] : distinctDetails(same).map((d, i) => ({ id: same[i].id, label: `${same[i].name} (${d})` }))))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }, [actors]);
  /** A vocabulary's entries as the options of a select. */
  const options = (vocabKind: VocabKind) =>
    words[vocabKind].map((w) => (
      <option key={w.code} value={w.code}>
        {w[lang]}
      </option>
    ));
  /** A field's vocabulary, for a code field of the sheet's kind. */
  const vocabOf = (kind: TableKind, field: string) => {
    const type = TABLE_FIELDS[kind].find((f) => f.key === field)?.type;
    return type && 'vocab' in type ? type.vocab : null;
  };
  return (
    <div className="import-mapping" data-testid="import-mapping">
      {sheets.map((s, i) => {
        const kind = s.kind;
        return (
        <section key={s.name} aria-labelledby={`sheet-${i}`} className="mapping-sheet" data-testid={`mapping-sheet-${i}`}>
          <div className="mapping-head">
            <h4 id={`sheet-${i}`}>{s.file ? t(/\.(csv|tsv|txt)$/i.test(s.file) ? 'exchange.sheetFile' : 'exchange.sheetIn', { name: s.name, file: s.file, count: s.rows }) : t('exchange.sheet', { name: s.name, count: s.rows })}</h4>
            {s.top && s.top.length > 1 && (
              <label>
                <span>{t('exchange.headerRow')}</span>
                <select
                  value={s.headerRow}
                  onChange={(e) => change(i, { headerRow: Number(e.target.value), kind: undefined, columns: undefined, fallbacks: undefined })}
                  data-testid={`mapping-header-${i}`}
                >
                  {s.top.map((r, n) => (
                    <option key={n} value={n + 1}>
                      {t('exchange.headerRowOption', { row: n + 1, cells: shortCells(r) || t('exchange.emptyRow') })}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              <span>{t('exchange.sheetKind')}</span>
              <select value={s.kind} onChange={(e) => change(i, { kind: e.target.value as TableKind | 'skip' })} data-testid={`mapping-kind-${i}`}>
                {[...TABLE_KINDS, 'skip' as const].map((k) => (
                  <option key={k} value={k}>
                    {t(`exchange.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {s.info && kind === 'skip' && (
            <p className="muted" data-testid={`mapping-info-${i}`}>
              {t('exchange.infoSheet')}
            </p>
          )}
          {s.headerRow > 1 && <p className="muted mapping-above">{t('exchange.aboveHeader', { count: s.headerRow - 1 })}</p>}
          {kind !== 'skip' && (
            <>
              <table className="mapping-table">
                <thead>
                  <tr>
                    <th scope="col">{t('exchange.column')}</th>
                    <th scope="col">{t('exchange.sample')}</th>
                    <th scope="col">{t('exchange.fills')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.header.map((h, c) => (
                    <tr key={h}>
                      <th scope="row">{h}</th>
                      <td className="muted">{s.samples.map((r) => r[c] ?? '').filter(Boolean).slice(0, 2).join(' · ')}</td>
                      <td>
                        <select
                          aria-label={t('exchange.fillsFor', { column: h })}
                          value={s.columns[h] ?? 'ignore'}
                          onChange={(e) => change(i, { columns: { ...(current(i).columns ?? s.columns), [h]: e.target.value } })}
                          data-testid={`mapping-column-${i}-${c}`}
                        >
                          {/* Fields only other formats fill (a graph's node id, the Sociale Kaart sync date) show where they are used. */}
                          {TABLE_FIELDS[kind].filter((f) => !f.internal || Object.values(s.columns).includes(f.key)).map((f) => (
                            <option key={f.key} value={f.key}>
                              {f[lang]}
                              {f.required ? ' *' : ''}
                            </option>
                          ))}
                          {kind !== 'services' && <option value="custom">{t('exchange.custom')}</option>}
                          <option value="ignore">{t('exchange.ignore')}</option>
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {TABLE_FIELDS[kind]
                .filter((f) => f.fallback && (f.type.t === 'code' || f.type.t === 'codes'))
                .map((f) => {
                  const vocabKind = (f.type as { vocab: VocabKind }).vocab;
                  return (
                    <label key={f.key} className="mapping-fallback">
                      <span>{t('exchange.fallback', { field: f[lang] })}</span>
                      <select value={s.fallbacks[f.key] ?? f.fallback} onChange={(e) => change(i, { fallbacks: { ...(current(i).fallbacks ?? s.fallbacks), [f.key]: e.target.value } })} data-testid={`mapping-fallback-${i}-${f.key}`}>
                        {options(vocabKind)}
                      </select>
                    </label>
                  );
                })}
              {kind === 'agreements' && (
                <label className="check mapping-new-parties">
                  <input type="checkbox" checked={!!s.newParties} onChange={(e) => change(i, { newParties: e.target.checked || undefined })} data-testid={`mapping-new-parties-${i}`} />
                  {t('exchange.newParties')}
                </label>
              )}
              {s.values && s.values.length > 0 && (
                <fieldset className="mapping-values" data-testid={`mapping-values-${i}`}>
                  <legend>{t('exchange.values')}</legend>
                  <p className="muted">{t('exchange.valuesHint')}</p>
                  {s.values.map((v) => {
                    const vocabKind = vocabOf(kind, v.field);
                    if (!vocabKind) return null;
                    // The choice at once, while the core plans it (a value remembered from before is not sent back).
                    const shown = pending ? (current(i).values?.[v.field]?.[v.value] ?? (v.remembered ? v.chosen : null) ?? '') : (v.chosen ?? '');
                    const set = (code: string) => {
                      const values = { ...(current(i).values ?? {}) };
                      const forField = { ...(values[v.field] ?? {}) };
                      if (code) forField[v.value] = code;
                      else delete forField[v.value];
                      change(i, { values: { ...values, [v.field]: forField } });
                    };
                    return (
                      <label key={`${v.field}|${v.value}`} className="mapping-value">
                        <span>
                          {t('exchange.valueFor', { column: v.column, value: v.value, count: v.rows })}
                          {v.remembered && <span className="muted"> {t('exchange.valueRemembered')}</span>}
                        </span>
                        <select aria-label={t('exchange.valueBecomes', { column: v.column, value: v.value })} value={shown} onChange={(e) => set(e.target.value)} className={shown ? '' : 'unchosen'}>
                          <option value="">{t('exchange.valueUnchosen')}</option>
                          {options(vocabKind)}
                        </select>
                      </label>
                    );
                  })}
                  {s.valuesMore ? <p className="muted">{t('exchange.valuesMore', { count: s.valuesMore })}</p> : null}
                </fieldset>
              )}
              {s.parties && s.parties.length > 0 && (
                <fieldset className="mapping-values mapping-parties" data-testid={`mapping-parties-${i}`}>
                  {/* An actors sheet: its new actors that resemble actors of the map (new unless the user says otherwise). */}
                  <legend>{t(kind === 'actors' ? (s.parties.some((p) => p.ambiguous) ? 'exchange.sameChoose' : 'exchange.sameActors') : s.parties.some((p) => p.ambiguous) ? 'exchange.partiesChoose' : 'exchange.parties')}</legend>
                  {s.parties.some((p) => !p.ambiguous) && <p className="muted">{t(kind === 'actors' ? 'exchange.sameActorsHint' : 'exchange.partiesHint')}</p>}
                  {s.parties.some((p) => p.ambiguous) && <p className="muted">{t('exchange.partiesAmbiguousHint')}</p>}
                  {s.parties.map((p) => {
                    const set = (to: string) => {
                      const chosen = { ...(current(i).parties ?? {}) };
                      if (to) chosen[p.value] = to;
                      else delete chosen[p.value];
                      change(i, { parties: chosen });
                    };
                    // The choice at once, while the core plans it.
                    const shown = pending ? (current(i).parties?.[p.value] ?? '') : (p.chosen ?? '');
                    const near = new Set(p.near.map((n) => n.ref));
                    // A choice made from the whole list stays an option after the preview is made anew.
                    const others = allActors.filter((a) => !near.has(a.id));
                    const known = shown && shown !== NEW_PARTY && !near.has(shown) && !others.some((a) => a.id === shown);
                    return (
                      <label key={p.value} className="mapping-value">
                        <span>
                          {p.ambiguous
                            ? p.row !== undefined
                              ? t('exchange.sameAmbiguous', { row: p.row, value: p.value, actors: p.near.length })
                              : t('exchange.partyAmbiguous', { column: p.column, value: p.value, count: p.rows, actors: p.near.length })
                            : p.row !== undefined
                              ? t('exchange.sameFor', { row: p.row, value: p.value })
                              : t('exchange.partyFor', { column: p.column, value: p.value, count: p.rows })}
                        </span>
                        <select
                          aria-label={t(p.row !== undefined ? 'exchange.sameIs' : 'exchange.partyIs', { value: p.value })}
                          value={shown}
                          onChange={(e) => set(e.target.value)}
                          className={shown || (p.row !== undefined && !p.ambiguous) ? '' : 'unchosen'}
                          data-testid="mapping-party"
                        >
                          <option value="">{t(p.row !== undefined && !p.ambiguous ? 'exchange.sameNew' : 'exchange.partyUnchosen')}</option>
                          {p.near.length > 0 && (
                            <optgroup label={t(p.ambiguous ? 'exchange.partySameName' : 'exchange.partyNear')}>
                              {p.near.map((n) => (
                                <option key={n.ref} value={n.ref}>
                                  {n.detail ? `${n.name} (${n.detail})` : n.name}
                                </option>
                              ))}
                            </optgroup>
                          )}
                          {p.row === undefined && !p.ambiguous && <option value={NEW_PARTY}>{t('exchange.partyNew', { value: p.value })}</option>}
                          {known && <option value={shown}>{shown}</option>}
                          {others.length > 0 && (
                            <optgroup label={t('exchange.partyAll')}>
                              {others.map((a) => (
                                <option key={a.id} value={a.id}>
                                  {a.label}
                                </option>
                              ))}
                            </optgroup>
                          )}
                        </select>
                      </label>
                    );
                  })}
                  {s.partiesMore ? <p className="muted">{t('exchange.partiesMore', { count: s.partiesMore })}</p> : null}
                </fieldset>
              )}
            </>
          )}
        </section>
        );
      })}
    </div>
  );
}
