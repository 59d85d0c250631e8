import { ActorSchema, AgreementSchema, agreementIssues, distinctDetails, fieldwise, ServiceSchema, type Actor, type Agreement, type FieldwiseResult, type NetworkData, type Partnership, type PartnershipMember, type Service } from '../model';
import { isUuid, newId } from '../util/ids';
import { normaliseKbo } from '../util/kbo';
import { pushTo } from '../util/multimap';
import type { VocabEntry, VocabKind } from '../vocab';
import { NEW_ACTOR } from './contract';
import { CodeFinder, readBool, readDate, readKbo, readPhone, splitList, type Cell } from './cells';
import { normalise, otherNames, PLAN_KINDS, TABLE_FIELDS, TABLE_KINDS, type ColumnTarget, type FieldDef, type PlanKind, type TableKind } from './fields';

export { PLAN_KINDS, type PlanKind } from './fields';
import type { ImportProblem } from './problems';

/** One sheet as the user mapped it: which kind of rows, and what each column fills. */
export interface MappedSheet {
  name: string;
  kind: TableKind;
  /** The header row, as in the file. */
  header: string[];
  /** The data rows (the header row and any rows above it excluded); row i is spreadsheet row i + `headerRow` + 1. */
  rows: string[][];
  /** The spreadsheet row of the header: 1 (the default) when it is on top. */
  headerRow?: number;
  columns: Record<string, ColumnTarget>;
  /** Whether problems name the sheet (a workbook has several; a CSV file is one). */
  showName?: boolean;
  /** How they name it, when it is one of several files imported together (see `RawSheet.place`). */
  place?: string;
  /** What the mapping suggested otherwise than the headers say, and why (for the preview and the command line). */
  notes?: string[];
  /** Codes for new rows whose cell is empty (e.g. the actor type), by field key; the field's fallback otherwise. */
  fallbacks?: Record<string, string>;
  /** What values the vocabulary does not know become, by field key and value (a code or label of the vocabulary). */
  values?: Record<string, Record<string, string>>;
  /** An agreements sheet: a party the map and the file do not have becomes a new actor (see `ActorIndex.makeNew`). */
  newParties?: boolean;
  /**
   * Which actor a party or provider name the import did not find is, as the user chose: by the name as in the file,
   * an actor's id, KBO number or name, or `NEW_PARTY` (a new actor of that name). On an actors sheet: which actor of
   * the map a row that matched none is (it updates that one). Remembered as the actor's other name.
   */
  parties?: Record<string, string>;
}

/** The choice that makes a new actor of a party name that was not found (the word a merge uses for a new actor). */
export const NEW_PARTY = NEW_ACTOR;

/** A party or provider name that was not found, or that the user said which actor it is: for the user to choose. */
export interface PartyChoice {
  sheet: string;
  column: string;
  /** The name as in the file (its first spelling). */
  value: string;
  rows: number;
  /** An actors sheet's row (its name resembles actors of the map, or the user said which one it is): where it is. */
  row?: number;
  /**
   * The nearest actors (see `ActorIndex.near`), or, for a name that several actors have, those: `ref` names them in
   * a choice (the id of one in the map, else its name); `detail` tells apart actors of the same name.
   */
  near: { ref: string; name: string; detail?: string }[];
  /** The name is that of several actors (the choice is which one; it is not remembered, as it would not tell them apart). */
  ambiguous?: true;
  /** What the user chose (an actor as `ref`, or `NEW_PARTY`); null: not chosen. */
  chosen: string | null;
}

/**
 * A value of a code column that the vocabulary does not know, or one the user said what it becomes (`chosen`), with
 * the number of rows that have it: for the user to choose what it is.
 */
export interface ValueChoice {
  sheet: string;
  field: string;
  /** The field's vocabulary. */
  vocab: VocabKind;
  column: string;
  value: string;
  rows: number;
  /** The code it becomes, as chosen in this import or (`remembered`) in an earlier one; null: not chosen. */
  chosen: string | null;
  remembered: boolean;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'problem';

/** What the import does with one row. */
export interface PlannedRow {
  sheet: string;
  /** The spreadsheet row number (the header is row 1), or a graph file's line. */
  row: number;
  kind: PlanKind;
  action: RowAction;
  id: string | null;
  label: string;
  /** For an update: the fields that change. */
  changed?: string[];
}

export type PlannedWrite = { op: 'insert' | 'update'; entity: 'actor' | 'service' | 'agreement' | 'partnership' | 'member'; value: Actor | Service | Agreement | Partnership | PartnershipMember };

export interface TablePlan {
  writes: PlannedWrite[];
  rows: PlannedRow[];
  problems: ImportProblem[];
  /** Per kind: how many rows are created, updated, unchanged, and have a problem. */
  summary: Record<PlanKind, Record<RowAction, number>>;
  /** The actor each node id of a graph file became (new or matched), and which of those are new. */
  refs: Record<string, { actorId: string; created: boolean }>;
  /** What the file holds that the import leaves out, said in the preview and by the command line (in Dutch). */
  notes: string[];
  /** Per sheet, the values of its code columns the vocabulary does not know (and those the user chose a code for). */
  values: ValueChoice[];
  /** Per sheet, the party and provider names not found (and those the user said which actor they are). */
  parties: PartyChoice[];
}

/** "is geen …" for each vocabulary (gekend/gekende after the noun's gender). */
const NOUN: Partial<Record<VocabKind, string>> = {
  actorType: 'gekend actortype',
  sector: 'gekende sector',
  legalForm: 'gekende rechtsvorm',
  level: 'gekend niveau',
  lifeDomain: 'gekend levensdomein',
  targetGroup: 'gekende doelgroep',
  agreementType: 'gekende soort afspraak',
  agreementStatus: 'gekende status',
};

/** The names an Id column has (as `suggestColumns` knows them), normalised. */
const ID_NAMES = (() => {
  const f = TABLE_FIELDS.actors.find((d) => d.key === 'id')!;
  return new Set([f.key, f.nl, f.en, ...(f.synonyms ?? [])].map(normalise));
})();

/** The numbers an actor has from lists read with their own numbering: its custom fields named as an Id column. */
function numbersOf(a: Actor): string[] {
  const out: string[] = [];
  for (const k in a.custom) if (ID_NAMES.has(normalise(k)) && a.custom[k] !== null && a.custom[k] !== '') out.push(String(a.custom[k]).trim());
  return out;
}

/** The names an actor is found by, normalised: its name and its other names, each once. */
function namesOf(a: Actor): string[] {
  const own = normalise(a.name);
  if (!a.aliases.length) return [own];
  return [...new Set([own, ...a.aliases.map(normalise)])];
}

/** The words of a name, normalised ("CAW Regio X (incl. JAC)": caw, regio, x, incl, jac). */
const wordsOf = (name: string): Set<string> => new Set(normalise(name).split(' ').filter(Boolean));

/** How many names not found get suggestions, and how many actors may share a word for it to find candidates. */
const MAX_SUGGESTED = 200;
/** How many actors of one name a choice offers (more: the list names them by id or KBO number). */
const MAX_SAME_NAME = 20;
const COMMON_WORD = 200;

/** The actors of the document and of the import so far, findable by id, KBO number, Sociale Kaart id and name. */
export class ActorIndex {
  readonly byId = new Map<string, Actor>();
  /** A graph file's node ids, for its edges: they name the actor the node became (set with `alias`). */
  private readonly aliases = new Map<string, Actor>();
  /** What `find` answered per cell text since the index last changed (an agreements sheet names each actor often). */
  private found = new Map<string, Cell<Actor>>();
  private readonly byKbo = new Map<string, Actor>();
  private readonly bySk = new Map<string, Actor>();
  private readonly byName = new Map<string, Actor[]>();
  /** The numbers other lists gave actors: kept as a custom field named as an Id column (see `ownNumbering`). */
  private readonly byNumber = new Map<string, Actor[]>();
  /** Actor rows of this file that have a problem, by the names, KBO number and id they gave: where they are. */
  private readonly refused = new Map<string, string>();
  /** The actors by each word of their names, for suggestions (made at the first name not found; see `near`). */
  private byWord: Map<string, Actor[]> | null = null;
  /** How many names not found were given suggestions: a file with thousands has a column mapped wrongly. */
  private suggested = 0;
  /**
   * While an agreements sheet whose user chose so is read: makes a new actor of a party name that is found nowhere
   * (not a row of the file with a problem, not a name two actors share), or null where the name cannot be one.
   */
  makeNew: ((name: string, chosen?: boolean) => Actor | null) | null = null;
  /** While a sheet is read: which actor names not found are, as the user chose (by the name normalised). */
  private choices = new Map<string, string>();
  /** The nearest actors of each name not found, as `near` gave them (by the name as in the cell). */
  readonly nearOf = new Map<string, Actor[]>();
  /** The actors of the document itself (not new from the file), by id: their id names them in a choice. */
  private readonly own: ReadonlySet<string>;

  constructor(actors: readonly Actor[]) {
    for (const a of actors) this.add(a);
    this.own = new Set(actors.map((a) => a.id));
  }

  /** The user's choices for a sheet's names not found (see `MappedSheet.parties`); none after it. */
  choose(parties: Record<string, string> | undefined): void {
    this.choices = new Map(Object.entries(parties ?? {}).filter(([, v]) => v.trim()).map(([k, v]) => [normalise(k), v.trim()]));
    this.used.clear();
    this.byOtherName.clear();
    this.found.clear();
  }

  /** The names of the sheet being read that found an actor as one of its other names (normalised: the name, the actor). */
  readonly byOtherName = new Map<string, { name: string; actor: Actor }>();

  /** The choices that named an actor found nowhere else (a name the map has, or has since, is that actor). */
  private readonly used = new Set<string>();

  /** What the user chose for a name, if anything. */
  private choiceFor(raw: string): string | undefined {
    return this.choices.size ? this.choices.get(normalise(raw)) : undefined;
  }

  /** What the user chose for a name that the import read so, if anything. */
  chosenFor(raw: string): string | undefined {
    return this.used.size ? (this.used.has(normalise(raw)) ? this.choiceFor(raw) : undefined) : undefined;
  }

  /**
   * The actor of the map the user said an actor row is (by its name), null when not chosen (or chosen new), or why
   * the choice names no actor of the map.
   */
  sameAs(name: string): Cell<Actor> | null {
    const choice = this.choiceFor(name);
    if (choice === undefined || choice === NEW_PARTY) return null;
    this.used.add(normalise(name));
    const to = this.lookupChosen(choice);
    return to.ok && this.own.has(to.value.id) ? to : { ok: false, message: `"${name.trim()}": de gekozen actor "${choice}" is geen actor van de kaart.` };
  }

  /** The actors of the map (not new from the file) a name resembles (see `near`), kept for the preview. */
  nearOwn(name: string): Actor[] {
    // (A new document has none: nothing to look for.)
    if (!this.own.size) return [];
    const v = name.trim();
    const near = this.near(v, false, (a) => this.own.has(a.id));
    this.nearOf.set(v, near);
    return near;
  }

  /** How a choice names an actor: its id if the document has it, else its name (an actor new from the file gets its id when planned). */
  refOf(a: Actor): string {
    return this.own.has(a.id) ? a.id : a.name;
  }

  /**
   * An actor row of the file that has a problem (it becomes no actor): a cell that names it says so, instead of
   * that there is no such actor in the file.
   */
  refuse(keys: readonly (string | null)[], where: string): void {
    for (const k of keys) if (k && !this.refused.has(k)) this.refused.set(k, where);
    this.found.clear();
  }

  /** A graph file's node id names the actor it became. */
  alias(ref: string, a: Actor): void {
    this.aliases.set(ref, a);
    this.found.clear();
  }

  add(a: Actor, previous?: Actor): void {
    this.found.clear();
    // The word index follows a new actor; a renamed one makes it anew when next needed.
    if (previous) this.byWord = null;
    else if (this.byWord) for (const w of wordsOf(a.name)) pushTo(this.byWord, w, a);
    if (previous) {
      if (previous.kbo) this.byKbo.delete(previous.kbo);
      if (previous.socialeKaartId) this.bySk.delete(previous.socialeKaartId);
      for (const n of namesOf(previous)) {
        const list = this.byName.get(n);
        if (list) this.byName.set(n, list.filter((x) => x.id !== previous.id));
      }
      for (const n of numbersOf(previous)) this.byNumber.set(n, (this.byNumber.get(n) ?? []).filter((x) => x.id !== previous.id));
    }
    this.byId.set(a.id, a);
    if (a.kbo) this.byKbo.set(a.kbo, a);
    if (a.socialeKaartId) this.bySk.set(a.socialeKaartId, a);
    for (const n of namesOf(a)) pushTo(this.byName, n, a);
    for (const n of numbersOf(a)) pushTo(this.byNumber, n, a);
  }

  /**
   * The actors a (normalised) name names: those whose name it is, else those it is another name of ("CAW O-Vl").
   * A name that is one actor's name and another's other name is the first one's.
   */
  named(n: string): Actor[] {
    const list = this.byName.get(n);
    if (!list) return [];
    if (list.length < 2) return list;
    const own = list.filter((a) => normalise(a.name) === n);
    return own.length ? own : list;
  }

  /** Notes that a name found the actor as one of its other names (said in the preview: why it is that actor). */
  private noteOtherName(name: string, a: Actor): void {
    const n = normalise(name);
    if (n !== normalise(a.name) && !this.byOtherName.has(n)) this.byOtherName.set(n, { name: name.trim(), actor: a });
  }

  /**
   * The actor a row describes: by KBO number, then Sociale Kaart id, then exact normalised name, which may be one of
   * the actor's other names (id first, if given). A row's own other names (a neighbour's map has them too) are
   * looked for when its name finds none.
   */
  match(id: string | null, kbo: string | null, sk: string | null, name: string, aliases: readonly string[] = []): { actor: Actor | null; ambiguous: Actor[] } {
    const direct = (id && this.byId.get(id)) || (kbo && this.byKbo.get(kbo)) || (sk && this.bySk.get(sk));
    if (direct) return { actor: direct, ambiguous: [] };
    // A row with a KBO number that names an actor with another KBO number is another organisation.
    const fits = (a: Actor) => !(kbo && a.kbo && a.kbo !== kbo);
    const fitting = this.named(normalise(name)).filter(fits);
    if (fitting.length === 1) this.noteOtherName(name, fitting[0]);
    if (!fitting.length) {
      for (const other of aliases) for (const a of this.named(normalise(other))) if (fits(a) && !fitting.includes(a)) fitting.push(a);
    }
    return fitting.length === 1 ? { actor: fitting[0], ambiguous: [] } : { actor: null, ambiguous: fitting };
  }

  /** An actor named in a cell: its id, KBO number or (exact, normalised) name. */
  find(raw: string): Cell<Actor> {
    let cell = this.found.get(raw);
    if (!cell) this.found.set(raw, (cell = this.lookup(raw)));
    return cell;
  }

  /** The actor a choice names, by id, KBO number or name, as a cell names one (without the choices: a choice is no name). */
  private lookupChosen(ref: string): Cell<Actor> {
    const chosen = this.choices;
    this.choices = new Map();
    try {
      return this.lookup(ref);
    } finally {
      this.choices = chosen;
    }
  }

  /** The actor the user chose for a name (counted as used). */
  private chosen(v: string, choice: string): Cell<Actor> {
    this.used.add(normalise(v));
    const to = this.lookupChosen(choice);
    return to.ok ? to : { ok: false, message: `"${v}": de gekozen actor "${choice}" is niet gevonden.` };
  }

  private lookup(raw: string): Cell<Actor> {
    const v = raw.trim();
    const alias = this.aliases.get(v);
    if (alias) return { ok: true, value: alias };
    const byId = this.byId.get(v);
    if (byId) {
      // Another list's nodes, read with their own numbering, and its edges in a file of their own (Gephi's two
      // tables): its "5" is not this map's actor 5, and which one is meant cannot be told.
      const numbered = (this.byNumber.get(v) ?? []).filter((a) => a.id !== byId.id);
      if (!numbered.length) return { ok: true, value: byId };
      const others = numbered.length > 1 ? ` (en ${numbered.length - 1} andere)` : '';
      return { ok: false, message: `"${v}" is het id van "${byId.name}", maar ook het nummer dat een eerder ingelezen lijst gaf aan "${numbered[0].name}"${others}. Noem de partij bij naam of KBO-nummer.` };
    }
    const kbo = normaliseKbo(v);
    const byKbo = kbo ? this.byKbo.get(kbo) : undefined;
    if (byKbo) return { ok: true, value: byKbo };
    const named = this.named(normalise(v));
    if (named.length === 1) {
      this.noteOtherName(v, named[0]);
      return { ok: true, value: named[0] };
    }
    const choice = this.choiceFor(v);
    if (named.length > 1) {
      // A name that several actors have (one "Sociaal Huis" per municipality): the one the user chose, if any.
      if (choice !== undefined && choice !== NEW_PARTY) return this.chosen(v, choice);
      return { ok: false, unknown: v, message: `"${v}" past op ${named.length} actoren (${named.map((a) => a.id).join(', ')}); gebruik het id of het KBO-nummer, of kies welke het is.` };
    }
    // A name found nowhere: what the user chose it is, if anything.
    if (choice !== undefined) {
      this.used.add(normalise(v));
      if (choice === NEW_PARTY) {
        const made = this.makeNew?.(v, true);
        if (made) {
          this.add(made);
          return { ok: true, value: made };
        }
        return { ok: false, message: `"${v}" kan geen nieuwe actor worden (een nummer of id noemt een actor die er niet is).` };
      }
      return this.chosen(v, choice);
    }
    const refused = this.refused.get(`naam:${normalise(v)}`) ?? (kbo ? this.refused.get(`kbo:${kbo}`) : undefined) ?? this.refused.get(`id:${v}`);
    if (refused) return { ok: false, message: `"${v}" staat in dit bestand (${refused}), maar die rij heeft een probleem. Los dat eerst op.` };
    const made = this.makeNew?.(v);
    if (made) {
      this.add(made);
      return { ok: true, value: made };
    }
    const near = this.near(v);
    this.nearOf.set(v, near);
    return { ok: false, unknown: v, message: `"${v}" is geen actor in het document of in dit bestand.${near.length ? ` Bedoelt u ${near.map((a) => `"${a.name}"`).join(' of ')}?` : ''}` };
  }

  /**
   * Up to two actors for a name that was not found: those whose names hold all of its words ("Het Anker" in "LDC
   * Het Anker (vzw Zorg Zuid)"), or else share at least half of all their words with it ("CAW Regio X" and "CAW
   * Regio X (incl. JAC)"); the nearest first (one whose name begins with the same word, then by the share).
   * Words that a great many actors have ("vzw") do not find candidates; after 200 names, none are looked for. With `holdingOnly`, only the first kind (a neighbour's "Sociaal Huis
   * Noorddorp" shares half its words with our "Sociaal Huis Voorbeeldstad", and is another one); `among` says which
   * actors may be suggested.
   */
  near(v: string, holdingOnly = false, among: (a: Actor) => boolean = () => true): Actor[] {
    if (++this.suggested > MAX_SUGGESTED) {
      // No more suggestions: the word index need not follow new actors any longer.
      this.byWord = null;
      return [];
    }
    if (!this.byWord) {
      this.byWord = new Map();
      for (const a of this.byId.values()) for (const w of wordsOf(a.name)) pushTo(this.byWord, w, a);
    }
    const words = wordsOf(v);
    const shared = new Map<Actor, number>();
    for (const w of words) {
      const list = this.byWord.get(w);
      if (list && list.length <= COMMON_WORD) for (const a of list) if (among(a)) shared.set(a, (shared.get(a) ?? 0) + 1);
    }
    // How near: all of the name's words in the actor's, then the share of all their words that both have.
    // A name's first word is most often what the organisation is ("CAW", "LDC", "OCMW"): one that begins alike
    // comes before one that shares more of the other words ("CAW Regio X vzw" is the CAW, not the home nursing).
    const first = normalise(v).split(' ')[0];
    const scored = [...shared].map(([a, n]) => ({ a, holds: n === words.size, alike: normalise(a.name).split(' ')[0] === first, share: n / new Set([...words, ...wordsOf(a.name)]).size }));
    const holding = scored.filter((s) => s.holds);
    return (holding.length || holdingOnly ? holding : scored.filter((s) => sameName(v, s.a.name)))
      .sort((x, y) => Number(y.alike) - Number(x.alike) || y.share - x.share || x.a.name.localeCompare(y.a.name, 'nl'))
      .slice(0, 2)
      .map((s) => s.a);
  }
}

/** The schemas' parses, field by field (the same outcome, a fraction of the cost for rows of a few columns). */
const parseActor = fieldwise<Actor>(ActorSchema);
const parseService = fieldwise<Service>(ServiceSchema);
const parseAgreement = fieldwise<Agreement>(AgreementSchema, agreementIssues);
type Parse<T> = (value: Record<string, unknown>) => FieldwiseResult<T>;

/** The value's fields that are not undefined (a row's empty cells leave a field as it was). */
function given(fields: Record<string, unknown>, into: Record<string, unknown>): Record<string, unknown> {
  for (const k in fields) if (fields[k] !== undefined) into[k] = fields[k];
  return into;
}

/**
 * Reads the rows of one mapped sheet: each field's cells (several columns may fill "parties"), its custom fields,
 * and each field's value read by its type, with a problem naming row and column where a cell is wrong. One reader
 * per sheet, loaded with one row after the other; a cell is read (trimmed) where its field is read.
 */
class RowReader {
  readonly defs: Map<string, FieldDef>;
  /** Per field: the columns that fill it, in order. */
  private readonly columnsOf = new Map<string, number[]>();
  /** The columns that fill a field, and those kept as custom fields. */
  private readonly mapped: number[] = [];
  private readonly customColumns: number[] = [];
  private readonly headerOf = new Map<string, string>();
  private row: readonly string[] = [];
  custom: Record<string, string> = {};
  problems: ImportProblem[] = [];
  rowNo = 0;
  /** What a repeating cell read as, per field and text (see `repeating`). */
  private readonly readAs = new Map<string, Map<string, Cell<unknown>>>();
  /** Per field: what the user said values the vocabulary does not know become (by the value normalised). */
  private readonly chosen = new Map<string, Map<string, string>>();
  /** Per field: the values it has that the vocabulary does not know, or that the user chose for, and their rows. */
  readonly valueRows = new Map<string, { column: number; vocab: VocabKind; values: Map<string, { value: string; rows: number; chosen: string | null; remembered: boolean }> }>();

  constructor(
    readonly sheet: MappedSheet,
    private readonly codes: CodeFinder,
    private readonly actors: ActorIndex,
  ) {
    this.defs = new Map(TABLE_FIELDS[sheet.kind].map((f) => [f.key, f]));
    sheet.header.forEach((h, i) => {
      const target = sheet.columns[h] ?? 'ignore';
      if (target === 'ignore') return;
      if (target === 'custom') {
        this.customColumns.push(i);
        return;
      }
      this.mapped.push(i);
      pushTo(this.columnsOf, target, i);
    });
    for (const h of Object.keys(sheet.columns)) if (!this.headerOf.has(sheet.columns[h])) this.headerOf.set(sheet.columns[h], h);
    for (const [key, values] of Object.entries(sheet.values ?? {})) {
      const byValue = new Map(Object.entries(values).filter(([, code]) => code).map(([v, code]) => [normalise(v), code]));
      if (byValue.size) this.chosen.set(key, byValue);
    }
  }

  /**
   * Counts a row's value the vocabulary does not know, or that the user chose a code for, now or in an earlier
   * import (as written first).
   */
  private countValue(key: string, column: number, value: string, chosen: string | null, remembered = false, n = normalise(value)): void {
    let use = this.valueRows.get(key);
    if (!use) this.valueRows.set(key, (use = { column, vocab: (this.defs.get(key)!.type as { vocab: VocabKind }).vocab, values: new Map() }));
    const seen = use.values.get(n);
    if (seen) seen.rows++;
    else use.values.set(n, { value, rows: 1, chosen, remembered });
  }

  /** Per field and cell text: the parts of it read as a value chosen now or in an earlier import (see `countChosen`). */
  private readonly chosenParts = new Map<string, Map<string, { part: string; n: string; code: string; remembered: boolean }[]>>();

  /**
   * A code cell read as a value chosen now or in an earlier import: listed with that choice, to be changed again.
   * Worked out once per field and cell text, as `repeating` reads them: a column repeats a handful of values.
   */
  private countChosen(key: string, def: FieldDef, column: number, value: string): void {
    const { type } = def;
    if (!('vocab' in type)) return;
    const chosen = this.chosen.get(key);
    if (!chosen && !this.codes.hasRemembered(type.vocab)) return;
    let memo = this.chosenParts.get(key);
    if (!memo) this.chosenParts.set(key, (memo = new Map()));
    let found = memo.get(value);
    if (!found) {
      const named = (p: string) => chosen?.has(normalise(p)) || this.codes.code(type.vocab, p) !== null || this.codes.remembered(type.vocab, p) !== null;
      // The parts of a list as `CodeFinder.many` reads them: by ; | and line breaks, and by commas.
      const parts = type.t === 'codes' ? splitList(value).flatMap((p) => (named(p) ? [p] : p.split(',').map((x) => x.trim()))) : [value];
      found = [];
      for (const part of parts) {
        const n = normalise(part);
        const choice = chosen?.get(n);
        const now = choice !== undefined ? this.codes.code(type.vocab, choice) : null;
        const before = now === null ? this.codes.remembered(type.vocab, part) : null;
        if (now ?? before) found.push({ part, n, code: (now ?? before)!, remembered: !now });
      }
      if (memo.size < 1000) memo.set(value, found);
    }
    for (const f of found) this.countValue(key, column, f.part, f.code, f.remembered, f.n);
  }

  /** Per name not found or chosen (normalised): where it is, how many rows name it, and what the user chose. */
  readonly partyRows = new Map<string, { column: number; value: string; rows: number; chosen: string | null; row?: number }>();

  /** An actor named in a party or provider cell, or null (and a problem); a name not found, or chosen, is counted. */
  private party(column: number, name: string): Actor | null {
    const a = this.actors.find(name);
    const chosen = this.actors.chosenFor(name);
    if (!a.ok) {
      this.problems.push({ where: this.where(column), message: a.message });
      if (a.unknown !== undefined || chosen !== undefined) this.countParty(column, a.unknown ?? name.trim(), chosen ?? null);
      return null;
    }
    if (chosen !== undefined) this.countParty(column, name.trim(), chosen);
    return a.value;
  }

  private countParty(column: number, value: string, chosen: string | null, row?: number): void {
    const n = normalise(value);
    const seen = this.partyRows.get(n);
    if (seen) seen.rows++;
    else this.partyRows.set(n, { column, value, rows: 1, chosen, ...(row ? { row } : {}) });
  }

  /** An actor row's name that resembles actors of the map, or that the user said is one of them (see `ActorIndex.sameAs`). */
  countName(name: string, chosen: string | null, row: number): void {
    this.countParty(this.column('name'), name.trim(), chosen, row);
  }

  /** The first column of a field (filled or not), or -1. */
  column(key: string): number {
    return this.first(key) >= 0 ? this.first(key) : (this.columnsOf.get(key)?.[0] ?? -1);
  }

  /** A cell's value, trimmed ('' when empty or missing). */
  private cell(i: number): string {
    const v = this.row[i];
    return v ? v.trim() : '';
  }

  /** Takes the next row; false when it is empty. */
  load(row: readonly string[], rowNo: number): boolean {
    this.row = row;
    this.rowNo = rowNo;
    this.custom = {};
    this.problems = [];
    let filled = false;
    for (const i of this.customColumns) {
      const value = this.cell(i);
      if (value) {
        this.custom[this.sheet.header[i]] = value;
        filled = true;
      }
    }
    return filled || this.mapped.some((i) => this.cell(i) !== '');
  }

  /** The first filled column of a field, or -1. */
  private first(key: string): number {
    for (const i of this.columnsOf.get(key) ?? []) if (this.cell(i)) return i;
    return -1;
  }

  /** Where the row is, for a problem ("blad Actoren, rij 7"). */
  rowWhere(): string {
    const place = sheetPlace(this.sheet);
    return `${place ? `${place}, ` : ''}rij ${this.rowNo}`;
  }

  /** Where a cell is (by its column). */
  where(column: number): string {
    return `${this.rowWhere()}, kolom "${this.sheet.header[column]}"`;
  }

  /** A field's value read by its type; undefined when the cell is empty (or wrong: then a problem names it). */
  read<T>(key: string): T | undefined {
    const def = this.defs.get(key) as FieldDef;
    if (def.type.t === 'actors') {
      let filled = false;
      const found: Actor[] = [];
      for (const i of this.columnsOf.get(key) ?? []) {
        const value = this.cell(i);
        if (!value) continue;
        filled = true;
        for (const part of splitList(value)) {
          const a = this.party(i, part);
          if (a) found.push(a);
        }
      }
      return filled ? (found as T) : undefined;
    }
    const column = this.first(key);
    if (column < 0) return undefined;
    const value = this.cell(column);
    let r: Cell<unknown>;
    switch (def.type.t) {
      case 'text':
        return value as T;
      case 'texts':
        return splitList(value) as T;
      case 'phone':
        return readPhone(value) as T;
      case 'kbo':
        r = readKbo(value);
        break;
      case 'actor':
        return (this.party(column, value) ?? undefined) as T;
      default:
        r = this.repeating(key, def, value);
    }
    if (!r.ok) {
      this.problems.push({ where: this.where(column), message: r.message });
      if (r.unknown) this.countValue(key, column, r.unknown, null);
      return undefined;
    }
    this.countChosen(key, def, column, value);
    return r.value as T;
  }

  /**
   * A code, list of codes, yes/no or date cell, read once per field and text: such a column repeats a handful of
   * values over thousands of rows. Bounded, like the schemas' own memo. (A list of codes is shared until the
   * schema's parse makes each row its own.)
   */
  private repeating(key: string, def: FieldDef, value: string): Cell<unknown> {
    let memo = this.readAs.get(key);
    if (!memo) this.readAs.set(key, (memo = new Map()));
    let r = memo.get(value);
    if (!r) {
      const { type } = def;
      const noun = 'vocab' in type ? (NOUN[type.vocab] ?? `gekende ${def.nl.toLowerCase()}`) : '';
      const chosen = this.chosen.get(key);
      r =
        type.t === 'code' ? this.codes.one(type.vocab, value, noun, chosen)
        : type.t === 'codes' ? this.codes.many(type.vocab, value, noun, chosen)
        : type.t === 'bool' ? readBool(value)
        : readDate(value);
      if (memo.size < 1000) memo.set(value, r);
    }
    return r;
  }

  /**
   * Whether the sheet's id column is a numbering of the file's own rather than ids of this document: most rows whose
   * id the document has name another entity than the one with that id (another list's "5" is not this map's "5"); a
   * name that shares most of its words with the entity's is that entity renamed (`sameName`).
   * Counted over the rows that have an id the document knows (`known` gives its name there) and a name or title
   * (`labelKey`); a UUID is unique the world over and always the entity it names. Null when the ids are the map's.
   */
  ownNumbering(known: (id: string) => string | undefined, labelKey: string): ForeignIds | null {
    const idColumn = this.columnsOf.get('id')?.[0];
    const labelColumns = this.columnsOf.get(labelKey) ?? [];
    if (idColumn === undefined || !labelColumns.length) return null;
    const firstRow = (this.sheet.headerRow ?? 1) + 1;
    let matched = 0;
    let differ = 0;
    let example: ForeignIds['example'] | null = null;
    this.sheet.rows.forEach((row, i) => {
      const id = (row[idColumn] ?? '').trim();
      const had = id && !isUuid(id) ? known(id) : undefined;
      const given = labelColumns.map((c) => (row[c] ?? '').trim()).find(Boolean);
      if (had === undefined || !given) return;
      matched++;
      if (sameName(given, had)) return;
      differ++;
      example ??= { row: i + firstRow, id, known: had, given };
    });
    return differ >= 2 && differ * 2 > matched && example ? { header: this.sheet.header[idColumn], matched, differ, example } : null;
  }

  /** A required text field: its value, or a problem naming its column. */
  required(key: string): string {
    const v = this.read<string>(key) ?? '';
    if (!v) this.problems.push({ where: `${this.rowWhere()}, kolom "${this.headerOf.get(key) ?? (this.defs.get(key) as FieldDef).nl}"`, message: 'is leeg, maar verplicht.' });
    return v;
  }

  /** The code a new row gets for an empty cell: the user's choice for the sheet, else the field's own. */
  fallback(key: string): string {
    return this.sheet.fallbacks?.[key] ?? (this.defs.get(key) as FieldDef).fallback!;
  }

  /** The new version, parsed with the entity's schema; its issues become problems naming the column of the field. */
  valid<T>(parse: Parse<T>, value: Record<string, unknown>): T | null {
    const parsed = parse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[issue.path[0] === 'contact' ? 1 : 0] ?? '');
      const column = this.columnsOf.has(key) ? this.first(key) : -1;
      this.problems.push({ where: column >= 0 ? this.where(column) : this.rowWhere(), message: issue.message });
    }
    return null;
  }
}

/**
 * Whether two names are one organisation's, as renamed in an edited export: equal once normalised, or sharing most of
 * their words ("OCMW Voorbeeldstad" and "OCMW Voorbeeldstad vzw"; not "Repair Café Voorbeeldstad" and "Huis van het
 * Kind Voorbeeldstad"). Half of all their words, at least.
 */
function sameName(a: string, b: string): boolean {
  if (normalise(a) === normalise(b)) return true;
  const [wa, wb] = [wordsOf(a), wordsOf(b)];
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared * 2 >= new Set([...wa, ...wb]).size;
}

/** A sheet's id column found to be a numbering of its own (see `RowReader.ownNumbering`). */
interface ForeignIds {
  header: string;
  /** Rows with an id the document has, and of those, rows that name another entity. */
  matched: number;
  differ: number;
  example: { row: number; id: string; known: string; given: string };
}

/** What the note on an own numbering calls the entity, and what its rows are matched on instead. */
const OWN_NUMBERING: Record<TableKind, { noun: string; by: string; kept: boolean }> = {
  actors: { noun: 'actor', by: 'KBO-nummer, Sociale Kaart-id en naam', kept: true },
  // A service has no custom fields.
  services: { noun: 'dienst', by: 'aanbieder en naam', kept: false },
  agreements: { noun: 'afspraak', by: 'titel en partijen', kept: true },
};

/**
 * An agreements sheet's parties that are found nowhere made new actors, as the user chose: named as in the cell,
 * with the actor fields' defaults (Andere, vzw, Lokaal), each once; a cell that is a number or an id stays a problem. They are written before the sheet's agreements,
 * as one set, and the note names them, with the actors of the map they resemble (a typing error is better fixed).
 */
function newParties(plan: TablePlan, sheet: MappedSheet, actors: ActorIndex, r: RowReader): { done: () => void } {
  const start = plan.writes.length;
  const writes: PlannedWrite[] = [];
  const like: string[] = [];
  const defaults = Object.fromEntries(TABLE_FIELDS.actors.filter((f) => f.fallback).map((f) => [f.key, f.fallback!]));
  actors.makeNew = (name, chosen) => {
    // A number or an id names an actor by a reference that was not found (a node table not imported), not by name.
    if ((!sheet.newParties && !chosen) || /^\d+$/.test(name.trim()) || isUuid(name.trim())) return null;
    const near = actors.near(name);
    const parsed = parseActor({ id: newId(), name: name.trim(), type: defaults.type, legalForm: defaults.legalForm, level: defaults.level, contact: {}, custom: {} });
    if (!parsed.success) return null;
    const a = parsed.data;
    writes.push({ op: 'insert', entity: 'actor', value: a });
    plan.rows.push({ sheet: sheet.name, row: r.rowNo, kind: 'actors', action: 'create', id: a.id, label: a.name });
    plan.summary.actors.create++;
    if (near.length) like.push(`"${a.name}" lijkt op ${near.map((n) => `"${n.name}"`).join(' en ')}`);
    return a;
  };
  return {
    done: () => {
      actors.makeNew = null;
      if (!writes.length) return;
      plan.writes.splice(start, 0, ...writes);
      const names = writes.slice(0, 10).map((w) => `"${(w.value as Actor).name}"`).join(', ');
      plan.notes.push(
        sheetNote(
          sheet,
          `${writes.length === 1 ? '1 nieuwe actor' : `${writes.length} nieuwe actoren`} gemaakt van partijen die nergens stonden: ${names}${writes.length > 10 ? ` en ${writes.length - 10} andere` : ''} ` +
            `(soort Andere, vzw, lokaal: vul ze aan in de kaart).${like.length ? ` Kijk na of het geen tikfout is: ${like.slice(0, 5).join('; ')}${like.length > 5 ? ' …' : ''}.` : ''}`,
        ),
      );
    },
  };
}

/** Actors of one name to choose from, told apart (see `distinctDetails`), in the order of what tells them apart. */
function sameNamed(same: readonly Actor[], actors: ActorIndex): PartyChoice['near'] {
  return distinctDetails(same)
    .map((detail, i) => ({ ref: actors.refOf(same[i]), name: same[i].name, detail }))
    .sort((a, b) => a.detail.localeCompare(b.detail, 'nl'));
}

/**
 * A sheet's names not found, listed for the user to choose which actor each is (with the nearest ones), and each
 * name the user chose an actor of the map or the file for remembered as that actor's other name, so that the next
 * import of the list finds it: the actor's write gets it, or an update of it is added (a row "bijgewerkt").
 */
function rememberChoices(plan: TablePlan, sheet: MappedSheet, actors: ActorIndex, r: RowReader): void {
  const remembered: string[] = [];
  for (const p of r.partyRows.values()) {
    const same = actors.named(normalise(p.value));
    const ambiguous = same.length > 1;
    plan.parties.push({
      sheet: sheet.name,
      column: sheet.header[p.column],
      value: p.value,
      rows: p.rows,
      ...(p.row ? { row: p.row } : {}),
      near: ambiguous ? sameNamed(same.slice(0, MAX_SAME_NAME), actors) : (actors.nearOf.get(p.value) ?? []).map((a) => ({ ref: actors.refOf(a), name: a.name })),
      chosen: p.chosen,
      ...(ambiguous ? { ambiguous: true as const } : {}),
    });
    if (!p.chosen || p.chosen === NEW_PARTY || ambiguous) continue;
    const found = actors.find(p.value);
    if (!found.ok) continue;
    const actor = found.value;
    if (namesOf(actor).includes(normalise(p.value)) || actor.aliases.length >= MAX_ALIASES) continue;
    const next: Actor = { ...actor, aliases: [...actor.aliases, p.value] };
    const write = plan.writes.find((w) => w.entity === 'actor' && w.value.id === actor.id);
    if (write) write.value = next;
    else plan.writes.push({ op: 'update', entity: 'actor', value: next });
    const row = plan.rows.find((x) => x.kind === 'actors' && x.id === actor.id && x.action !== 'problem');
    if (!row) {
      plan.rows.push({ sheet: sheet.name, row: r.rowNo, kind: 'actors', action: 'update', id: actor.id, label: actor.name, changed: ['aliases'] });
      plan.summary.actors.update++;
    } else if (row.action !== 'create') {
      if (row.action === 'unchanged') {
        plan.summary.actors.unchanged--;
        plan.summary.actors.update++;
        row.action = 'update';
      }
      row.changed = [...new Set([...(row.changed ?? []), 'aliases'])];
    }
    actors.add(next, actor);
    remembered.push(`"${p.value}" als andere naam van "${actor.name}"`);
  }
  if (remembered.length) plan.notes.push(sheetNote(sheet, `onthouden voor een volgende import: ${remembered.slice(0, 10).join(', ')}${remembered.length > 10 ? ` en ${remembered.length - 10} andere` : ''}.`));
  // Names found as an actor's other name (remembered before, or given in the inspector), except those chosen now.
  const found = [...actors.byOtherName.values()].filter((f) => !r.partyRows.has(normalise(f.name)));
  if (found.length) {
    plan.notes.push(
      sheetNote(sheet, `gevonden onder een andere naam: ${found.slice(0, 10).map((f) => `"${f.name}" is "${f.actor.name}"`).join(', ')}${found.length > 10 ? ` en ${found.length - 10} andere` : ''} (andere namen staan bij de actor in de inspector).`),
    );
  }
}

/** How many other names an actor may have (as its schema says). */
const MAX_ALIASES = 50;

/** How problems name a sheet: nothing when the file is that one sheet, else its place or "blad X". */
const sheetPlace = (sheet: MappedSheet): string => (sheet.showName ? (sheet.place ?? `blad ${sheet.name}`) : '');
/** A note on a sheet, after its place ("Blad Partners: kolom …", "edges.csv: kolom …"), or alone ("Kolom …"). */
const sheetNote = (sheet: MappedSheet, note: string): string => {
  const place = sheetPlace(sheet).replace(/^blad /, 'Blad ');
  return place ? `${place}: ${note}` : `${note[0].toUpperCase()}${note.slice(1)}`;
};

/** The preview's note on a sheet whose id column is the file's own numbering. */
function ownNumberingNote(sheet: MappedSheet, f: ForeignIds): string {
  const { noun, by, kept } = OWN_NUMBERING[sheet.kind];
  const e = f.example;
  return sheetNote(
    sheet,
    `kolom "${f.header}" is een eigen nummering van het bestand, geen id uit deze kaart: ` +
    `${f.differ} van de ${f.matched} rijen met een id dat de kaart al heeft, noemen een andere ${noun} (rij ${e.row}: id "${e.id}" is "${e.known}" in de kaart, de rij noemt "${e.given}"). ` +
    `Daarom is op ${by} gezocht in plaats van op id, ${kept ? `en is het id bewaard als eigen veld "${f.header}".` : 'en is het id niet overgenomen.'}`
  );
}

/** An address in the columns of its parts (any of them may be missing or empty). */
export interface AddressParts {
  address?: string;
  street?: string;
  houseNumber?: string;
  box?: string;
  postcode?: string;
  municipality?: string;
}

/** The postcode and municipality of an address's parts, as written after the street ("8000 Voorbeeldstad"). */
const placeOf = (p: AddressParts) => [p.postcode, p.municipality].filter(Boolean).join(' ');

/** Whether an address holds a postcode or place (as whole words: "Gent" is not in "Gentsesteenweg"). */
const inAddress = (address: string, place: string) => ` ${normalise(address)} `.includes(` ${normalise(place)} `);

/**
 * An address as one line, the way Flemish addresses are written: "Stationsstraat 1 bus 2, 8000 Voorbeeldstad". A
 * column with the whole address (or its street line) is the first part; a postcode or municipality it already holds
 * is not added again. Undefined when the row gives none of it, and also when it gives only a postcode or municipality
 * for an actor that has an address: that would replace a street the list does not have.
 */
export function joinAddress(p: AddressParts, current: string | null): string | undefined {
  // "2" is "bus 2"; "bus 2" and "b2" say it themselves.
  const box = p.box ? (/^(bus\b|b\s*\d)/i.test(p.box) ? p.box : `bus ${p.box}`) : '';
  const line = [p.address ?? p.street, p.houseNumber, box].filter(Boolean).join(' ');
  let place = placeOf(p);
  if (place && line && inAddress(line, place)) place = '';
  if (!line && current) return undefined;
  return [line, place].filter(Boolean).join(', ') || undefined;
}

/** Equal as stored (key order aside). */
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
export const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) => Object.keys(after).filter((k) => !same(before[k], after[k]));

/** The actors of a list, each once: in the place it first has, as it is the last time (a handful: no map). */
function distinct(list: readonly Actor[]): Actor[] {
  const out: Actor[] = [];
  for (const a of list) {
    const i = out.findIndex((x) => x.id === a.id);
    if (i < 0) out.push(a);
    else out[i] = a;
  }
  return out;
}

/**
 * The rows of an agreements sheet whose parties are in a From and a To column, with a row that names several
 * actors in one of them made into one row per pair, under its own row number: Kumu draws "From A, To B|C" as a
 * connection from A to B and one from A to C, not as one connection of three. Null for any other sheet (a Partijen
 * column, or Partij 1 and Partij 2, with several names is one agreement of them all).
 */
function fanOut(sheet: MappedSheet, firstRow: number): { row: readonly string[]; rowNo: number }[] | null {
  const cols = sheet.header.flatMap((h, i) => (sheet.columns[h] === 'parties' ? [i] : []));
  // Kumu's party columns only: a graph file's Bron and Doel hold the parties of one multi-party agreement of ours.
  if (cols.length !== 2 || cols.map((i) => normalise(sheet.header[i])).sort().join(' ') !== 'from to') return null;
  return sheet.rows.flatMap((row, i) => {
    const [from, to] = cols.map((c) => splitList(row[c] ?? ''));
    // (An empty end stays one row: its problem is that it has too few parties.)
    if ((from.length < 2 && to.length < 2) || !from.length || !to.length) return [{ row, rowNo: i + firstRow }];
    return from.flatMap((f) =>
      to.map((t) => {
        const one = [...row];
        [one[cols[0]], one[cols[1]]] = [f, t];
        return { row: one, rowNo: i + firstRow };
      }),
    );
  });
}

const agreementKey = (title: string, parties: readonly string[]) => `${normalise(title)}|${[...parties].sort().join(',')}`;

/**
 * Plans a spreadsheet import against a document, without writing: each row becomes a new actor, service or
 * agreement, an update of one the document has (actors matched by KBO number, then Sociale Kaart id, then exact
 * normalised name), or a problem with its row and column. Sheets go actors first, so services and agreements can
 * name actors from the same file.
 */
export function planTables(existing: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, sheets: readonly MappedSheet[]): TablePlan {
  const codes = new CodeFinder(vocab);
  const actors = new ActorIndex(existing.actors);
  const services = new Map(existing.services.map((s) => [s.id, s]));
  const serviceKey = new Map(existing.services.map((s) => [`${s.providerId}|${normalise(s.name)}`, s]));
  const agreements = new Map(existing.agreements.map((a) => [a.id, a]));
  const agreementByKey = new Map(existing.agreements.map((a) => [agreementKey(a.title, a.parties.map((p) => p.actorId)), a]));
  const plan: TablePlan = { writes: [], rows: [], problems: [], summary: Object.fromEntries(PLAN_KINDS.map((k) => [k, { create: 0, update: 0, unchanged: 0, problem: 0 }])) as TablePlan['summary'], refs: {}, notes: [], values: [], parties: [] };
  const ordered = [...sheets].sort((a, b) => TABLE_KINDS.indexOf(a.kind) - TABLE_KINDS.indexOf(b.kind));
  // The same organisation twice in one file is one actor: the second row is reported.
  const seenInFile = new Map<string, number>();
  // Rows that give another postcode or municipality, without a street, for an actor with an address (kept, and said).
  const placeOnly: number[] = [];

  for (const sheet of ordered) {
    const mapped = new Set(Object.values(sheet.columns));
    for (const f of TABLE_FIELDS[sheet.kind]) {
      if (f.required && !mapped.has(f.key)) plan.problems.push({ where: sheetPlace(sheet), message: `geen kolom voor "${f.nl}" (verplicht). Wijs een kolom toe.` });
    }
    if (TABLE_FIELDS[sheet.kind].some((f) => f.required && !mapped.has(f.key))) continue;
    const r = new RowReader(sheet, codes, actors);
    // Another list's running numbers in an Id column: its rows are matched as if it had none (the id is kept).
    const own = r.ownNumbering(
      sheet.kind === 'actors' ? (id) => actors.byId.get(id)?.name
      : sheet.kind === 'services' ? (id) => services.get(id)?.name
      : (id) => agreements.get(id)?.title,
      sheet.kind === 'agreements' ? 'title' : 'name',
    );
    if (own) plan.notes.push(ownNumberingNote(sheet, own));
    plan.notes.push(...(sheet.notes ?? []).map((n) => sheetNote(sheet, n)));
    /** The row's id cell, and the id it is matched and made with: none where the ids are the file's own numbering. */
    const idOf = (): { fileId: string | null; id: string | null } => {
      const fileId = r.read<string>('id') ?? null;
      if (!own || !fileId) return { fileId, id: fileId };
      r.custom[own.header] = fileId;
      return { fileId, id: null };
    };
    const report = (action: RowAction, id: string | null, label: string, changed?: string[]) => {
      plan.rows.push({ sheet: sheet.name, row: r.rowNo, kind: sheet.kind, action, id, label, ...(changed ? { changed } : {}) });
      plan.summary[sheet.kind][action]++;
    };
    const finish = (label: string) => {
      plan.problems.push(...r.problems);
      report('problem', null, label);
    };

    const firstRow = (sheet.headerRow ?? 1) + 1;
    const fanned = sheet.kind === 'agreements' ? fanOut(sheet, firstRow) : null;
    actors.choose(sheet.parties);
    const made = sheet.kind !== 'actors' && (sheet.newParties || Object.values(sheet.parties ?? {}).includes(NEW_PARTY)) ? newParties(plan, sheet, actors, r) : null;
    const count = fanned ? fanned.length : sheet.rows.length;
    for (let i = 0; i < count; i++) {
      if (!(fanned ? r.load(fanned[i].row, fanned[i].rowNo) : r.load(sheet.rows[i], i + firstRow))) continue;

      if (sheet.kind === 'actors') {
        const name = r.required('name');
        const kbo = r.read<string>('kbo') ?? null;
        const sk = r.read<string>('socialeKaartId') ?? null;
        const { fileId, id } = idOf();
        const ref = r.read<string>('ref') ?? null;
        const aliases = r.read<string[]>('aliases');
        const found = actors.match(id, kbo, sk, name, aliases);
        const { ambiguous } = found;
        // A row that matched none, or whose name several actors have: the user may have said which actor of the map
        // it is (a list's "CAW Regio X vzw" is "CAW Regio X (incl. JAC)"); else the actors of the map it resembles
        // are offered (it stays a new one), or those of its name (it stays a problem).
        const sameAs = !found.actor && name ? actors.sameAs(name) : null;
        if (sameAs && !sameAs.ok) r.problems.push({ where: r.where(r.column('name')), message: sameAs.message });
        const match = found.actor ?? (sameAs?.ok ? sameAs.value : null);
        if (sameAs?.ok && kbo && sameAs.value.kbo && sameAs.value.kbo !== kbo) {
          r.problems.push({ where: r.where(r.column('kbo')), message: `de rij heeft KBO-nummer ${kbo}, maar de gekozen actor "${sameAs.value.name}" heeft ${sameAs.value.kbo}: dan is het een andere organisatie.` });
        }
        if (sameAs) r.countName(name, actors.chosenFor(name) ?? null, r.rowNo);
        else if (ambiguous.length > 1) r.countName(name, null, r.rowNo);
        else if (!match && name) {
          const like = actors.nearOwn(name).filter((a) => !(kbo && a.kbo));
          if (like.length) r.countName(name, null, r.rowNo);
        }
        // A row that becomes no actor: the file's other sheets that name it are told so.
        const refuse = (label: string) => {
          actors.refuse([name && `naam:${normalise(name)}`, kbo && `kbo:${kbo}`, fileId && `id:${fileId}`], r.rowWhere());
          finish(label);
        };
        if (ambiguous.length > 1 && !sameAs?.ok) r.problems.push({ where: r.rowWhere(), message: `"${name}" past op ${ambiguous.length} actoren (${ambiguous.map((a) => a.id).join(', ')}); geef het KBO-nummer of het id, of kies welke het is.` });
        const parts: AddressParts = { address: r.read('address'), street: r.read('street'), houseNumber: r.read('houseNumber'), box: r.read('box'), postcode: r.read('postcode'), municipality: r.read('municipality') };
        const current = match?.contact.address ?? null;
        const address = joinAddress(parts, current);
        const place = placeOf(parts);
        if (address === undefined && current && place && !inAddress(current, place)) placeOnly.push(r.rowNo);
        const contact = given({ phone: r.read<string>('phone'), email: r.read<string>('email'), website: r.read<string>('website'), address }, { ...(match?.contact ?? {}) });
        // A row that names the actor by one of its other names does not rename it to that name; one the user said is
        // an actor of the map gives it its name as an other name.
        const byOtherName = match && (sameAs?.ok || (normalise(name) !== normalise(match.name) && match.aliases.some((x) => normalise(x) === normalise(name))));
        const fields = {
          name: (!byOtherName && name) || undefined,
          aliases: sameAs?.ok ? otherNames(match!.name, [...(aliases ?? match!.aliases), name]) : aliases && otherNames((!byOtherName && name) || match?.name || name, aliases),
          type: r.read<string>('type'),
          sectors: r.read<string[]>('sectors'),
          legalForm: r.read<string>('legalForm'),
          level: r.read<string>('level'),
          kbo: kbo ?? undefined,
          socialeKaartId: sk ?? undefined,
          socialeKaartSyncedAt: r.read<string>('socialeKaartSyncedAt'),
          active: r.read<boolean>('active'),
          notes: r.read<string>('notes'),
        };
        if (r.problems.length) {
          refuse(name);
          continue;
        }
        // A new row is all its own fields (an empty cell, undefined, takes the field's default); a matched one is the
        // actor as it is, with the row's filled cells over it.
        const next = r.valid(
          parseActor,
          match ?
            given(fields, { ...match, contact, custom: { ...match.custom, ...r.custom } })
          : {
              id: id ?? newId(),
              ...fields,
              type: fields.type ?? r.fallback('type'),
              legalForm: fields.legalForm ?? r.fallback('legalForm'),
              level: fields.level ?? r.fallback('level'),
              contact,
              custom: r.custom,
            },
        );
        if (!next) {
          refuse(name);
          continue;
        }
        const key = next.kbo ? `kbo:${next.kbo}` : `naam:${normalise(next.name)}`;
        const earlier = seenInFile.get(key);
        if (earlier !== undefined) {
          r.problems.push({ where: r.rowWhere(), message: `dezelfde actor als rij ${earlier} (${next.kbo ? `KBO ${next.kbo}` : `naam "${next.name}"`}).` });
          refuse(next.name);
          continue;
        }
        seenInFile.set(key, r.rowNo);
        // The file's other sheets name the actor by the file's number.
        if (own && fileId) actors.alias(fileId, next);
        if (ref) {
          actors.alias(ref, next);
          plan.refs[ref] = { actorId: next.id, created: !match };
        }
        if (!match) {
          plan.writes.push({ op: 'insert', entity: 'actor', value: next });
          actors.add(next);
          report('create', next.id, next.name);
          continue;
        }
        const changed = changedFields(ActorSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
        if (!changed.length) {
          report('unchanged', next.id, next.name);
          continue;
        }
        plan.writes.push({ op: 'update', entity: 'actor', value: next });
        actors.add(next, match);
        report('update', next.id, next.name, changed);
        continue;
      }

      if (sheet.kind === 'services') {
        const name = r.required('name');
        const provider = r.read<Actor>('providerId');
        const { id } = idOf();
        const fields = {
          lifeDomains: r.read<string[]>('lifeDomains'),
          targetGroups: r.read<string[]>('targetGroups'),
          outreach: r.read<boolean>('outreach'),
          active: r.read<boolean>('active'),
          notes: r.read<string>('notes'),
        };
        if (r.problems.length || !provider) {
          finish(name);
          continue;
        }
        const match = (id && services.get(id)) || serviceKey.get(`${provider.id}|${normalise(name)}`) || null;
        const base: Partial<Service> = match ?? { id: id ?? newId() };
        const next = r.valid(parseService, given(fields, { ...base, name, providerId: provider.id }));
        if (!next) {
          finish(name);
          continue;
        }
        if (!match) {
          plan.writes.push({ op: 'insert', entity: 'service', value: next });
          services.set(next.id, next);
          serviceKey.set(`${provider.id}|${normalise(name)}`, next);
          report('create', next.id, `${next.name} (${provider.name})`);
          continue;
        }
        const changed = changedFields(ServiceSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
        if (!changed.length) {
          report('unchanged', next.id, next.name);
          continue;
        }
        plan.writes.push({ op: 'update', entity: 'service', value: next });
        services.set(next.id, next);
        report('update', next.id, next.name, changed);
        continue;
      }

      // Agreements.
      const parties = distinct(r.read<Actor[]>('parties') ?? []);
      // Without a title it is named after its parties ("Buurtwerk De Brug – Repair Café"), as a graph file's edge is.
      const title = r.read<string>('title') || parties.map((p) => p.name).join(' – ');
      const { id } = idOf();
      const ref = r.read<string>('documentReference');
      const fields = {
        type: r.read<string>('type'),
        status: r.read<string>('status'),
        startDate: r.read<string>('startDate'),
        endDate: r.read<string>('endDate'),
        reviewDate: r.read<string>('reviewDate'),
        lifeDomains: r.read<string[]>('lifeDomains'),
        targetGroups: r.read<string[]>('targetGroups'),
        notes: r.read<string>('notes'),
      };
      if (!r.problems.length && parties.length < 2) r.problems.push({ where: r.rowWhere(), message: 'een afspraak heeft minstens twee partijen.' });
      if (r.problems.length) {
        finish(title);
        continue;
      }
      const partyIds = parties.map((p) => p.id);
      const key = agreementKey(title, partyIds);
      const match = (id && agreements.get(id)) || agreementByKey.get(key) || null;
      // A matched agreement keeps its parties' roles; new parties are partners.
      const roles = match ? new Map(match.parties.map((p) => [p.actorId, p])) : null;
      const partyList = partyIds.map((actorId) => roles?.get(actorId) ?? { actorId, role: 'PARTNER' });
      // A new row is all its own fields (an empty cell, undefined, takes the field's default); a matched one is the
      // agreement as it is, with the row's filled cells over it.
      const next = r.valid(
        parseAgreement,
        match ?
          given(fields, { ...match, title, parties: partyList, ...(ref ? { documentRef: { ...(match.documentRef ?? {}), reference: ref } } : {}), custom: { ...match.custom, ...r.custom } })
        : {
            id: id ?? newId(),
            title,
            parties: partyList,
            ...fields,
            type: fields.type ?? r.fallback('type'),
            status: fields.status ?? r.fallback('status'),
            documentRef: ref ? { reference: ref } : undefined,
            custom: r.custom,
          },
      );
      if (!next) {
        finish(title);
        continue;
      }
      if (!match) {
        plan.writes.push({ op: 'insert', entity: 'agreement', value: next });
        agreements.set(next.id, next);
        agreementByKey.set(key, next); // its title and parties are the ones the key was made of
        report('create', next.id, next.title);
        continue;
      }
      const changed = changedFields(AgreementSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
      if (!changed.length) {
        report('unchanged', next.id, next.title);
        continue;
      }
      plan.writes.push({ op: 'update', entity: 'agreement', value: next });
      agreements.set(next.id, next);
      report('update', next.id, next.title, changed);
    }
    made?.done();
    rememberChoices(plan, sheet, actors, r);
    actors.choose(undefined);
    for (const [field, use] of r.valueRows) {
      for (const v of use.values.values()) plan.values.push({ sheet: sheet.name, field, vocab: use.vocab, column: sheet.header[use.column], ...v });
    }
  }
  if (placeOnly.length) {
    const n = placeOnly.length;
    plan.notes.push(
      `${n === 1 ? `Rij ${placeOnly[0]} geeft` : `${n} rijen geven`} een andere postcode of gemeente dan het adres van de actor, maar geen straat: dat adres is behouden${n === 1 ? '' : ` (rij ${placeOnly.slice(0, 5).join(', ')}${n > 5 ? ' …' : ''})`}. Pas het aan in de inspector, of importeer met de straat erbij.`,
    );
  }
  return plan;
}
