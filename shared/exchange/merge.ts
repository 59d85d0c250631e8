import {
  ActorSchema,
  AgreementSchema,
  AreaSchema,
  DEFAULT_VIEW_ID,
  OWN_MAP,
  PartnershipMemberSchema,
  PartnershipSchema,
  ServiceSchema,
  ViewSchema,
  EMPTY_FILTERS,
  type Actor,
  type NetworkData,
  type PartnershipMember,
  type Position,
  type Provenance,
  type View,
} from '../model';
import { flemishDate } from '../util/dates';
import { vocabLabel, type VocabEntry, type VocabKind } from '../vocab';
import { NEW_ACTOR } from './contract';
import { normalise, otherNames } from './fields';
import type { ExchangeDocument } from './format';
import { ActorIndex } from './plan';
import type { ImportProblem } from './problems';
import { entityAt } from './refs';

/** What the user decided about a merge; everything left out is decided as found. */
export interface MergeChoices {
  /** The name the merged map goes by in the provenance of its actors and the origin filter ("Buurdorp"). */
  source?: string;
  /** Per actor of the other map (its id there): the id of ours it is, or NEW_ACTOR; absent: as matched. */
  matches?: Record<string, string>;
  /** Per difference (its key): whose value stays; absent: `takeAll`, else ours. */
  take?: Record<string, 'ours' | 'theirs'>;
  /** Whose value stays where `take` does not say. */
  takeAll?: 'ours' | 'theirs';
  /** The saved view that shows both maps (made or widened); null: none. Absent: "<ours> + <theirs>". */
  view?: string | null;
}

export { NEW_ACTOR };

export type MatchedBy = NonNullable<Provenance['matchedBy']>;
export type MergeKind = 'areas' | 'actors' | 'services' | 'partnerships' | 'members' | 'agreements';
export const MERGE_KINDS: readonly MergeKind[] = ['actors', 'services', 'agreements', 'partnerships', 'members', 'areas'];

/** One actor of the other map and the actor of ours it is (or null: it is added). */
export interface ActorMatch {
  theirId: string;
  theirName: string;
  ourId: string | null;
  ourName: string | null;
  by: MatchedBy | null;
  /** Our actors with the same name, when the name alone cannot decide (or the user chose otherwise). */
  candidates: { id: string; name: string }[];
  /** For one that matched none of ours: our nearest actors by name (`ActorIndex.near`), to link it to by hand. */
  near: { id: string; name: string }[];
}

/** A field both maps fill, with different values: the user chooses which stays (ours, unless told). */
export interface MergeDifference {
  /** `actors:A05:contact.phone`: stable, so a choice survives a new preview. */
  key: string;
  kind: MergeKind;
  /** Our entity's id, and its name or title. */
  id: string;
  label: string;
  field: string;
  /** The field's Dutch name. */
  fieldLabel: string;
  /** Both values as a person reads them (labels, names, dates). */
  ours: string;
  theirs: string;
  take: 'ours' | 'theirs';
}

type Entity = 'area' | 'actor' | 'service' | 'partnership' | 'member' | 'agreement' | 'view';
export interface MergeWrite {
  op: 'insert' | 'update';
  entity: Entity;
  value: Record<string, unknown>;
}

/** What a merge does, computed without writing: shown to the user, then written as one transaction. */
export interface MergePlan {
  source: string;
  /** Our map's name, for the view and the origin filter. */
  ownName: string;
  writes: MergeWrite[];
  /** Vocabulary entries the other map uses and ours lacks. */
  vocab: { kind: VocabKind; entry: VocabEntry }[];
  /** Where the added nodes go on the standard view: as the other map drew them, beside ours. */
  places: { nodeId: string; x: number; y: number }[];
  matches: ActorMatch[];
  /** Our actors by name, for linking one of theirs by hand. */
  ourActors: { id: string; name: string }[];
  differences: MergeDifference[];
  /** Per kind: added, matched and changed, matched and unchanged. */
  summary: Record<MergeKind, { create: number; update: number; unchanged: number }>;
  /** Fields of ours that were empty and are filled in from the other map. */
  filled: number;
  /** What the other map holds that a merge does not take (its internal organisation, register, meetings…), by list. */
  leftOut: Record<string, number>;
  /** The view made or widened, if any. */
  view: { name: string; created: boolean } | null;
  problems: ImportProblem[];
}

/**
 * Why a map cannot be merged under this name, or null: a map named as this document's own (a backup of it, most
 * likely) would make its actors' origin the same as ours.
 */
export function sameMapReason(plan: Pick<MergePlan, 'source' | 'ownName'>): string | null {
  return normalise(plan.source) === normalise(plan.ownName)
    ? `Dit bestand is een kaart van ${plan.ownName}, zoals dit document (een back-up?). Het gaat in een nieuw document; samenvoegen kan met de kaart van een andere gemeente, of onder een andere naam.`
    : null;
}

/** What a merge needs of a zod schema: its verdict on a value, with every issue's path and Dutch message. */
type Parser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** How a field's value is shown in a difference. */
type Show = 'text' | 'bool' | 'date' | 'number' | 'actor' | 'area' | { code: VocabKind } | { codes: VocabKind };
/** A field a merge compares: `list` fields are joined (both maps' values kept), the others filled or chosen. */
interface Field {
  path: string;
  nl: string;
  show: Show;
  list?: boolean;
  /** Objects (a decision, a document reference): taken only where ours has none. */
  fillOnly?: boolean;
}

const FIELDS: Record<'areas' | 'actors' | 'services' | 'partnerships' | 'agreements', Field[]> = {
  areas: [
    { path: 'parentIds', nl: 'Ligt in', show: 'area', list: true },
    { path: 'inhabitants', nl: 'Inwoners', show: 'number' },
    { path: 'notes', nl: 'Notities', show: 'text' },
  ],
  actors: [
    { path: 'name', nl: 'Naam', show: 'text' },
    { path: 'aliases', nl: 'Andere namen', show: 'text', list: true },
    { path: 'type', nl: 'Type', show: { code: 'actorType' } },
    { path: 'sectors', nl: 'Sectoren', show: { codes: 'sector' } },
    { path: 'legalForm', nl: 'Rechtsvorm', show: { code: 'legalForm' } },
    { path: 'level', nl: 'Niveau', show: { code: 'level' } },
    { path: 'areaId', nl: 'Werkingsgebied', show: 'area' },
    { path: 'controlledById', nl: 'Gecontroleerd door', show: 'actor' },
    { path: 'boardMemberIds', nl: 'Bestuurszetels van', show: 'actor', list: true },
    { path: 'kbo', nl: 'KBO-nummer', show: 'text' },
    { path: 'socialeKaartId', nl: 'Sociale Kaart-id', show: 'text' },
    { path: 'socialeKaartSyncedAt', nl: 'Sociale Kaart bijgewerkt', show: 'date' },
    { path: 'contact.phone', nl: 'Telefoon', show: 'text' },
    { path: 'contact.email', nl: 'E-mail', show: 'text' },
    { path: 'contact.website', nl: 'Website', show: 'text' },
    { path: 'contact.address', nl: 'Adres', show: 'text' },
    { path: 'active', nl: 'Actief', show: 'bool' },
    { path: 'notes', nl: 'Notities', show: 'text' },
  ],
  services: [
    { path: 'lifeDomains', nl: 'Levensdomeinen', show: { codes: 'lifeDomain' }, list: true },
    { path: 'targetGroups', nl: 'Doelgroepen', show: { codes: 'targetGroup' }, list: true },
    { path: 'areaIds', nl: 'Gebieden', show: 'area', list: true },
    { path: 'functions', nl: 'Functies', show: 'text', list: true },
    { path: 'outreach', nl: 'Outreachend', show: 'bool' },
    { path: 'active', nl: 'Actief', show: 'bool' },
    { path: 'notes', nl: 'Notities', show: 'text' },
  ],
  partnerships: [
    { path: 'actorId', nl: 'Knoop op de kaart', show: 'actor' },
    { path: 'leadActorId', nl: 'Trekker', show: 'actor' },
    { path: 'areaId', nl: 'Gebied', show: 'area' },
    { path: 'lifeDomains', nl: 'Levensdomeinen', show: { codes: 'lifeDomain' }, list: true },
    { path: 'targetGroups', nl: 'Doelgroepen', show: { codes: 'targetGroup' }, list: true },
    { path: 'active', nl: 'Actief', show: 'bool' },
    { path: 'notes', nl: 'Notities', show: 'text' },
  ],
  agreements: [
    { path: 'type', nl: 'Soort', show: { code: 'agreementType' } },
    { path: 'status', nl: 'Status', show: { code: 'agreementStatus' } },
    { path: 'startDate', nl: 'Begindatum', show: 'date' },
    { path: 'endDate', nl: 'Einddatum', show: 'date' },
    { path: 'reviewDate', nl: 'Evaluatiedatum', show: 'date' },
    { path: 'autoRenew', nl: 'Stilzwijgend verlengd', show: 'bool' },
    { path: 'noticePeriod', nl: 'Opzegtermijn', show: 'text' },
    { path: 'legalBasis', nl: 'Rechtsgrond', show: 'text' },
    { path: 'lifeDomains', nl: 'Levensdomeinen', show: { codes: 'lifeDomain' }, list: true },
    { path: 'targetGroups', nl: 'Doelgroepen', show: { codes: 'targetGroup' }, list: true },
    { path: 'areaIds', nl: 'Gebieden', show: 'area', list: true },
    { path: 'decision', nl: 'Beslissing', show: 'text', fillOnly: true },
    { path: 'documentRef', nl: 'Document', show: 'text', fillOnly: true },
    { path: 'finance', nl: 'Financiering', show: 'text', fillOnly: true },
    { path: 'conditions', nl: 'Voorwaarden', show: 'text', fillOnly: true },
    { path: 'notes', nl: 'Notities', show: 'text' },
  ],
};

/**
 * The lists of the other map that a merge does not take, with their Dutch names: its internal organisation, its
 * roles and beheersmodel, its gap register, meetings and measures are about that municipality's own regie.
 */
export const LEFT_OUT = {
  orgUnits: 'organisatie-eenheden',
  functions: 'functies',
  roles: 'roltoewijzingen',
  governanceModels: 'beheersmodellen',
  gaps: 'geregistreerde lacunes',
  meetings: 'vergaderingen',
  mitigations: 'maatregelen',
} as const;

type Obj = Record<string, unknown>;
/** A field by its path: one level, or two (`contact.phone`, `custom.<any key, dots and all>`). */
const splitPath = (path: string): string[] => {
  const i = path.indexOf('.');
  return i < 0 ? [path] : [path.slice(0, i), path.slice(i + 1)];
};
const getPath = (o: Obj, path: string): unknown => splitPath(path).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o);
function setPath(o: Obj, path: string, value: unknown): void {
  const [head, rest] = splitPath(path);
  if (rest === undefined) o[head] = value;
  else o[head] = { ...((o[head] as Obj | undefined) ?? {}), [rest]: value };
}
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const uniqueBy = <T>(xs: readonly T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];

/** A slug of a map's name for ids that would clash: "Buurdorp" → "buurdorp". */
const slug = (s: string) => normalise(s).trim().replace(/\s+/g, '-').slice(0, 20) || 'buur';

/**
 * Plans merging another municipality's map (a JSON export) into this document, without writing. Actors are matched
 * as in every import (KBO number, then Sociale Kaart id, then exact normalised name) unless the user chose;
 * services by provider and name, partnerships by kind and name, agreements by title and parties, areas by type and
 * name. A matched entity keeps our values where both maps fill a field differently (a difference the user may
 * resolve the other way), takes theirs where ours is empty, and joins list fields. Added entities keep their ids
 * where ours has no such id. Every actor records the map it is also in (provenance).
 */
export function planMerge(
  ours: NetworkData & { views: View[]; positions: Position[] },
  vocab: Record<VocabKind, VocabEntry[]>,
  theirs: ExchangeDocument,
  choices: MergeChoices,
  options: { today: string; file: string },
): MergePlan {
  const source = (choices.source ?? '').trim() || theirs.meta.municipality || theirs.meta.title || options.file;
  const ownName = ours.meta.municipality || ours.meta.title;
  const take = choices.take ?? {};
  const plan: MergePlan = {
    source,
    ownName,
    writes: [],
    vocab: [],
    places: [],
    matches: [],
    ourActors: ours.actors.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    differences: [],
    summary: Object.fromEntries(MERGE_KINDS.map((k) => [k, { create: 0, update: 0, unchanged: 0 }])) as MergePlan['summary'],
    filled: 0,
    leftOut: Object.fromEntries((Object.keys(LEFT_OUT) as (keyof typeof LEFT_OUT)[]).map((k) => [k, theirs[k].length]).filter(([, n]) => n)),
    view: null,
    problems: [],
  };

  // Codes the other map defined itself and ours lacks come along, so its actors keep their types.
  for (const [kind, entries] of Object.entries(theirs.vocab) as [VocabKind, VocabEntry[]][]) {
    for (const entry of entries ?? []) if (!vocab[kind].some((v) => v.code === entry.code)) plan.vocab.push({ kind, entry });
  }

  // Ids: theirs where free, else with the map's name added.
  const taken = new Set<string>();
  for (const list of [ours.areas, ours.actors, ours.services, ours.partnerships, ours.members, ours.agreements, ours.orgUnits, ours.functions, ours.views]) for (const x of list) taken.add(x.id);
  const allocate = (id: string): string => {
    let next = id;
    for (let n = 1; taken.has(next); n++) next = `${id}-${slug(source)}${n > 1 ? `-${n}` : ''}`.slice(-64);
    taken.add(next);
    return next;
  };

  // Names for showing differences: ours, and theirs as they are added.
  const actorName = new Map(ours.actors.map((a) => [a.id, a.name]));
  const areaName = new Map(ours.areas.map((a) => [a.id, a.name]));
  const show = (f: Field, v: unknown): string => {
    if (isEmpty(v)) return '–';
    const s = f.show;
    if (s === 'bool') return v ? 'ja' : 'nee';
    if (s === 'date') return flemishDate(String(v));
    if (s === 'actor') return (Array.isArray(v) ? v : [v]).map((id) => actorName.get(String(id)) ?? String(id)).join(', ');
    if (s === 'area') return (Array.isArray(v) ? v : [v]).map((id) => areaName.get(String(id)) ?? String(id)).join(', ');
    if (typeof s === 'object' && 'code' in s) return vocabLabel(vocab, s.code, String(v), 'nl');
    if (typeof s === 'object' && 'codes' in s) return (v as string[]).map((c) => vocabLabel(vocab, s.codes, c, 'nl')).join(', ');
    return Array.isArray(v) ? v.join(', ') : String(v);
  };

  const listed = new Set<string>();
  /** Our entity with theirs merged in; records differences and filled fields. Returns the fields that changed. */
  const combine = (kind: keyof typeof FIELDS, working: Obj, other: Obj, label: string): string[] => {
    const changed: string[] = [];
    const custom: Field[] = kind === 'actors' || kind === 'agreements' ? Object.keys((other.custom as Obj) ?? {}).map((k) => ({ path: `custom.${k}`, nl: k, show: 'text' })) : [];
    const fields = [...FIELDS[kind], ...custom];
    for (const f of fields) {
      const mine = getPath(working, f.path);
      const yours = getPath(other, f.path);
      if (isEmpty(yours) || sameValue(mine, yours)) continue;
      if (f.list) {
        // Other names: each once, and not the name it has.
        const joined = f.path === 'aliases' ? otherNames(String(working.name), [...((mine as string[]) ?? []), ...(yours as string[])]) : union((mine as string[]) ?? [], yours as string[]);
        if (joined.length !== ((mine as string[]) ?? []).length) {
          setPath(working, f.path, joined);
          changed.push(f.path);
        }
        continue;
      }
      if (isEmpty(mine)) {
        setPath(working, f.path, yours);
        plan.filled++;
        changed.push(f.path);
        continue;
      }
      if (f.fillOnly) continue;
      const key = `${kind}:${String(working.id)}:${f.path}`;
      const choice = take[key] ?? choices.takeAll ?? 'ours';
      // The same difference twice (two of theirs matched to one of ours): listed once.
      if (!listed.has(key)) {
        listed.add(key);
        plan.differences.push({ key, kind, id: String(working.id), label, field: f.path, fieldLabel: f.nl, ours: show(f, mine), theirs: show(f, yours), take: choice });
      }
      if (choice === 'theirs') {
        setPath(working, f.path, yours);
        changed.push(f.path);
      }
    }
    return changed;
  };

  /** Validates an entity that will be written; its problems name the list and place in the other map. */
  const valid = <T>(schema: Parser<T>, value: unknown, list: string, index: number, id: string): T | null => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) plan.problems.push({ where: `${entityAt(list, index, id)}${issue.path.length ? `.${issue.path.join('.')}` : ''}`, message: issue.message });
    return null;
  };
  const count = (kind: MergeKind, action: 'create' | 'update' | 'unchanged') => plan.summary[kind][action]++;

  /**
   * One list of theirs, each entity with its references already mapped onto ours: matched to one of ours (merged
   * into a working copy, as two of theirs may match the same one of ours) or added (validated, under its id where
   * free). Returns the ids each entity got and the entities added (by our id, with theirs).
   */
  const mergeList = <T extends { id: string }>(
    kind: keyof typeof FIELDS,
    entity: Entity,
    list: readonly T[],
    schema: Parser<unknown>,
    how: {
      map: (x: T) => Obj;
      /** The key two entities are the same by (references mapped), for ours and theirs alike. */
      key: (x: Obj) => string;
      ours: readonly Obj[];
      label: (x: Obj) => string;
      /** Ids given beforehand (areas, actors: their references needed them first). */
      ids?: Map<string, string>;
      /** Also written when only this changed (an actor's provenance). */
      after?: (working: Obj, theirs: T) => void;
      added?: (x: Obj, theirs: T) => Obj;
    },
  ): { ids: Map<string, string>; added: Map<string, string> } => {
    const byKey = new Map(how.ours.map((o) => [how.key(o), o]));
    const byId = new Map(how.ours.map((o) => [String(o.id), o]));
    const ids = how.ids ?? new Map<string, string>();
    const added = new Map<string, string>();
    const working = new Map<string, { value: Obj; changed: number }>();
    list.forEach((x, i) => {
      const mapped = how.map(x);
      const given = ids.get(x.id);
      const match = given ? byId.get(given) : byKey.get(how.key(mapped));
      if (!match) {
        const id = given ?? allocate(x.id);
        ids.set(x.id, id);
        const next = valid(schema as Parser<Obj>, how.added ? how.added({ ...mapped, id }, x) : { ...mapped, id }, kind, i, x.id);
        if (next) {
          plan.writes.push({ op: 'insert', entity, value: next });
          added.set(id, x.id);
          byKey.set(how.key(next), next);
          byId.set(id, next);
        }
        return count(kind, 'create');
      }
      const id = String(match.id);
      ids.set(x.id, id);
      if (added.has(id)) return count(kind, 'unchanged');
      const w = working.get(id) ?? { value: structuredClone(match), changed: 0 };
      working.set(id, w);
      w.changed += combine(kind, w.value, { ...mapped, id }, how.label(match)).length;
      how.after?.(w.value, x);
    });
    for (const w of working.values()) {
      if (w.changed || how.after) plan.writes.push({ op: 'update', entity, value: w.value });
      count(kind, w.changed ? 'update' : 'unchanged');
    }
    return { ids, added };
  };
  const mapped = (map: Map<string, string>) => (id: string | null) => (id ? (map.get(id) ?? null) : null);
  const mappedAll = (map: Map<string, string>) => (ids: readonly string[]) => ids.map((x) => map.get(x)).filter((x): x is string => !!x);

  // Areas: by type and name (their municipality is new; the shared eerstelijnszone or province is ours). Their ids
  // first, as areas name their parents.
  const areaKey = (a: Obj) => `${String(a.type)}|${normalise(String(a.name))}`;
  const ourAreaByKey = new Map(ours.areas.map((a) => [areaKey(a), a]));
  const areaMap = new Map<string, string>();
  for (const a of theirs.areas) {
    const match = ourAreaByKey.get(areaKey(a));
    areaMap.set(a.id, match ? match.id : allocate(a.id));
    if (!match) areaName.set(areaMap.get(a.id)!, a.name);
  }
  const mapArea = mapped(areaMap);
  const mapAreas = mappedAll(areaMap);
  mergeList('areas', 'area', theirs.areas, AreaSchema, { ids: areaMap, ours: ours.areas, key: areaKey, label: (a) => String(a.name), map: (a) => ({ ...a, parentIds: mapAreas(a.parentIds) }) });

  // Actors: matched as in every import, or as the user chose.
  const index = new ActorIndex(ours.actors);
  const ourActor = new Map(ours.actors.map((a) => [a.id, a]));
  const actorMap = new Map<string, string>();
  const matchedBy = new Map<string, MatchedBy>();
  // An actor merged from this map before is the same one again (with the way it was matched then).
  const earlier = new Map<string, { actor: Actor; by: MatchedBy | null }>();
  for (const o of ours.actors) for (const p of o.provenance) if (p.source === source) earlier.set(p.sourceId, { actor: o, by: p.matchedBy });
  for (const a of theirs.actors) {
    const chosen = choices.matches?.[a.id];
    const before = earlier.get(a.id);
    const auto = before ? { actor: before.actor, ambiguous: [] } : index.match(null, a.kbo, a.socialeKaartId, a.name, a.aliases);
    const by: MatchedBy | null = !auto.actor ? null : before ? before.by : a.kbo && auto.actor.kbo === a.kbo ? 'KBO' : a.socialeKaartId && auto.actor.socialeKaartId === a.socialeKaartId ? 'SOCIALE_KAART' : 'NAAM';
    let ourId: string | null = auto.actor?.id ?? null;
    let how: MatchedBy | null = by;
    if (chosen === NEW_ACTOR) {
      ourId = null;
      how = null;
    } else if (chosen) {
      if (ourActor.has(chosen)) {
        ourId = chosen;
        how = chosen === auto.actor?.id ? by : 'KEUZE';
      } else plan.problems.push({ where: entityAt('actors', theirs.actors.indexOf(a), a.id), message: `gekozen actor ${chosen} bestaat niet in deze kaart.` });
    }
    if (ourId === null && a.kbo) {
      const clash = ours.actors.find((o) => o.kbo === a.kbo);
      if (clash) plan.problems.push({ where: entityAt('actors', theirs.actors.indexOf(a), a.id), message: `${a.name} heeft hetzelfde KBO-nummer als ${clash.name} (${clash.id}); als nieuwe actor kan dat niet. Koppel ze.` });
    }
    const candidates = auto.ambiguous.length > 1 ? auto.ambiguous : [];
    // "AZ Voorbeeldland" there may be "AZ Voorbeeldland (ziekenhuisnetwerk)" here: offered, not guessed (a name
    // that holds all of theirs' words; names that differ by their municipality are other organisations).
    const near = !auto.actor && !candidates.length ? index.near(a.name, true) : [];
    actorMap.set(a.id, ourId ?? allocate(a.id));
    if (ourId && how) matchedBy.set(a.id, how);
    if (!ourId) actorName.set(actorMap.get(a.id)!, a.name);
    plan.matches.push({ theirId: a.id, theirName: a.name, ourId, ourName: ourId ? ourActor.get(ourId)!.name : null, by: ourId ? how : null, candidates: candidates.map((c) => ({ id: c.id, name: c.name })), near: near.map((c) => ({ id: c.id, name: c.name })) });
  }
  const mapActor = mapped(actorMap);
  const provenance = (a: Actor, added: boolean): Provenance => ({ source, sourceId: a.id, mergedOn: options.today, added, matchedBy: added ? null : (matchedBy.get(a.id) ?? null), file: options.file });
  const actors = mergeList('actors', 'actor', theirs.actors, ActorSchema, {
    ids: actorMap,
    ours: ours.actors,
    key: (a) => String(a.id),
    label: (a) => String(a.name),
    map: (a) => ({ ...a, areaId: mapArea(a.areaId), controlledById: mapActor(a.controlledById), boardMemberIds: mappedAll(actorMap)(a.boardMemberIds) }),
    added: (x, a) => ({ ...x, provenance: [...a.provenance, provenance(a, true)] }),
    // A matched actor records this map; merging the same map again renews its entry instead of adding a second one.
    after: (w, a) => {
      w.provenance = [...(w.provenance as Provenance[]).filter((p) => !(p.source === source && p.sourceId === a.id)), provenance(a, false)];
      // Linked by hand under another name: that name becomes one of ours' other names, so that a list from that
      // map finds it too.
      if (matchedBy.get(a.id) === 'KEUZE') w.aliases = otherNames(String(w.name), [...((w.aliases as string[] | undefined) ?? []), a.name]);
    },
  });

  // Services: by provider and name (their units describe their organisation, which a merge does not take).
  const serviceKey = (s: Obj) => `${String(s.providerId)}|${normalise(String(s.name))}`;
  mergeList('services', 'service', theirs.services, ServiceSchema, { ours: ours.services, key: serviceKey, label: (s) => String(s.name), map: (s) => ({ ...s, providerId: mapActor(s.providerId), orgUnitId: null, areaIds: mapAreas(s.areaIds) }) });

  // Partnerships: by kind and name (the eerstelijnszone's zorgraad is one, whoever drew it).
  const partnershipKey = (p: Obj) => `${String(p.kind)}|${normalise(String(p.name))}`;
  const partnerships = mergeList('partnerships', 'partnership', theirs.partnerships, PartnershipSchema, {
    ours: ours.partnerships,
    key: partnershipKey,
    label: (p) => String(p.name),
    map: (p) => ({ ...p, actorId: mapActor(p.actorId), leadActorId: mapActor(p.leadActorId), areaId: mapArea(p.areaId) }),
  });
  const mapPartnership = mapped(partnerships.ids);

  // Agreements: by title and parties, once both maps' parties are ours.
  const agreementKey = (a: Obj) => `${normalise(String(a.title))}|${[...new Set((a.parties as { actorId: string }[]).map((p) => p.actorId))].sort().join(',')}`;
  const agreements = mergeList('agreements', 'agreement', theirs.agreements, AgreementSchema, {
    ours: ours.agreements,
    key: agreementKey,
    label: (a) => String(a.title),
    map: (a) => ({
      ...a,
      // Their functions and units describe their organisation, which a merge does not take.
      parties: uniqueBy(
        a.parties.map((p) => ({ ...p, actorId: mapActor(p.actorId)!, functionId: null, orgUnitId: null })),
        (p) => `${p.actorId}/${p.role}`,
      ),
      partnershipId: mapPartnership(a.partnershipId),
      areaIds: mapAreas(a.areaIds),
      finance: a.finance ? { ...a.finance, funderId: mapActor(a.finance.funderId) } : null,
    }),
  });

  // Members: once per partnership and actor.
  const ourMembers = new Set(ours.members.map((m) => `${m.partnershipId}|${m.actorId}`));
  theirs.members.forEach((m, i) => {
    const partnershipId = partnerships.ids.get(m.partnershipId)!;
    const actorId = mapActor(m.actorId)!;
    const key = `${partnershipId}|${actorId}`;
    if (ourMembers.has(key)) return count('members', 'unchanged');
    ourMembers.add(key);
    const member = { ...m, id: allocate(m.id), partnershipId, actorId, agreementId: mapped(agreements.ids)(m.agreementId) };
    const next = valid<PartnershipMember>(PartnershipMemberSchema, member, 'members', i, m.id);
    if (next) plan.writes.push({ op: 'insert', entity: 'member', value: next });
    count('members', 'create');
  });

  // Places: the added nodes as the other map drew them, moved as one block to the right of ours.
  const theirPlace = new Map(theirs.positions.filter((p) => p.viewId === DEFAULT_VIEW_ID).map((p) => [p.nodeId, p]));
  // Added partnerships with a node of their own are hubs; with an actor, that actor is the node.
  const hubs = new Set(theirs.partnerships.filter((p) => !p.actorId).map((p) => p.id));
  const hubAgreements = new Set(theirs.agreements.filter((a) => a.parties.length !== 2).map((a) => a.id));
  const added = [
    ...[...actors.added].map(([id, theirId]) => ({ nodeId: id, theirNode: theirId })),
    ...[...partnerships.added].filter(([, theirId]) => hubs.has(theirId)).map(([id, theirId]) => ({ nodeId: `partnership:${id}`, theirNode: `partnership:${theirId}` })),
    // An agreement of two parties is a line; of one or three and more, a node of its own (as the map draws them).
    ...[...agreements.added].filter(([, theirId]) => hubAgreements.has(theirId)).map(([id, theirId]) => ({ nodeId: `agreement:${id}`, theirNode: `agreement:${theirId}` })),
  ];
  // A map nobody arranged yet gets its first layout in the app, ours and theirs together: no places then.
  const ourPlaces = ours.positions.filter((p) => p.viewId === DEFAULT_VIEW_ID);
  if (ourPlaces.length && added.length) {
    const right = Math.max(...ourPlaces.map((p) => p.x)) + 250;
    const top = Math.min(...ourPlaces.map((p) => p.y));
    const drawn = added.filter((n) => theirPlace.has(n.theirNode));
    let edge = right;
    if (drawn.length) {
      const xs = drawn.map((n) => theirPlace.get(n.theirNode)!);
      const dx = right - Math.min(...xs.map((p) => p.x));
      const dy = top - Math.min(...xs.map((p) => p.y));
      for (const n of drawn) {
        const p = theirPlace.get(n.theirNode)!;
        plan.places.push({ nodeId: n.nodeId, x: Math.round(p.x + dx), y: Math.round(p.y + dy) });
      }
      edge = Math.max(...plan.places.map((p) => p.x)) + 150;
    }
    // What their map never drew goes in rows beside it, so the app need not look for a spot for each.
    added
      .filter((n) => !theirPlace.has(n.theirNode))
      .forEach((n, i) => plan.places.push({ nodeId: n.nodeId, x: edge + (i % 10) * 90, y: top + Math.floor(i / 10) * 90 }));
  }

  // The supra-local view: both maps (and any merged into it before).
  const viewName = choices.view === undefined ? `${ownName} + ${source}` : choices.view?.trim() || null;
  if (viewName) {
    const existing = ours.views.find((v) => normalise(v.name) === normalise(viewName) && v.id !== DEFAULT_VIEW_ID);
    if (existing) {
      const origins = existing.filters.origins;
      if (origins.length && !origins.includes(source)) plan.writes.push({ op: 'update', entity: 'view', value: { ...existing, filters: { ...existing.filters, origins: [...origins, source] } } });
      plan.view = { name: existing.name, created: false };
    } else {
      const view = ViewSchema.parse({ id: allocate(`VIEW-${slug(source)}`), name: viewName, filters: { ...EMPTY_FILTERS, origins: [OWN_MAP, source] } });
      plan.writes.push({ op: 'insert', entity: 'view', value: view });
      plan.view = { name: viewName, created: true };
    }
  }
  return plan;
}
