import { ActorSchema, AgreementSchema, ServiceSchema, type Actor, type Agreement, type NetworkData, type Service } from '../model';
import { newId } from '../util/ids';
import { normaliseKbo } from '../util/kbo';
import { pushTo } from '../util/multimap';
import type { VocabEntry, VocabKind } from '../vocab';
import { CodeFinder, readBool, readDate, readKbo, splitList, type Cell } from './cells';
import { normalise, TABLE_FIELDS, TABLE_KINDS, type ColumnTarget, type FieldDef, type TableKind } from './fields';
import type { ImportProblem } from './problems';

/** One sheet as the user mapped it: which kind of rows, and what each column fills. */
export interface MappedSheet {
  name: string;
  kind: TableKind;
  /** The header row, as in the file. */
  header: string[];
  /** The data rows (the header row excluded); row i is spreadsheet row i + 2. */
  rows: string[][];
  columns: Record<string, ColumnTarget>;
  /** Whether problems name the sheet (a workbook has several; a CSV file is one). */
  showName?: boolean;
  /** Codes for new rows whose cell is empty (e.g. the actor type), by field key; the field's fallback otherwise. */
  fallbacks?: Record<string, string>;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'problem';

/** What the import does with one row. */
export interface PlannedRow {
  sheet: string;
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  kind: TableKind;
  action: RowAction;
  id: string | null;
  label: string;
  /** For an update: the fields that change. */
  changed?: string[];
}

export type PlannedWrite = { op: 'insert' | 'update'; entity: 'actor' | 'service' | 'agreement'; value: Actor | Service | Agreement };

export interface TablePlan {
  writes: PlannedWrite[];
  rows: PlannedRow[];
  problems: ImportProblem[];
  /** Per kind: how many rows are created, updated, unchanged, and have a problem. */
  summary: Record<TableKind, Record<RowAction, number>>;
  /** The actor each node id of a graph file became (new or matched), and which of those are new. */
  refs: Record<string, { actorId: string; created: boolean }>;
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

/** The actors of the document and of the import so far, findable by id, KBO number, Sociale Kaart id and name. */
export class ActorIndex {
  readonly byId = new Map<string, Actor>();
  /** A graph file's node ids, for its edges: they name the actor the node became. */
  readonly aliases = new Map<string, Actor>();
  private readonly byKbo = new Map<string, Actor>();
  private readonly bySk = new Map<string, Actor>();
  private readonly byName = new Map<string, Actor[]>();

  constructor(actors: readonly Actor[]) {
    for (const a of actors) this.add(a);
  }

  add(a: Actor, previous?: Actor): void {
    if (previous) {
      if (previous.kbo) this.byKbo.delete(previous.kbo);
      if (previous.socialeKaartId) this.bySk.delete(previous.socialeKaartId);
      const list = this.byName.get(normalise(previous.name));
      if (list) this.byName.set(normalise(previous.name), list.filter((x) => x.id !== previous.id));
    }
    this.byId.set(a.id, a);
    if (a.kbo) this.byKbo.set(a.kbo, a);
    if (a.socialeKaartId) this.bySk.set(a.socialeKaartId, a);
    pushTo(this.byName, normalise(a.name), a);
  }

  /** The actor a row describes: by KBO number, then Sociale Kaart id, then exact normalised name (id first, if given). */
  match(id: string | null, kbo: string | null, sk: string | null, name: string): { actor: Actor | null; ambiguous: Actor[] } {
    const direct = (id && this.byId.get(id)) || (kbo && this.byKbo.get(kbo)) || (sk && this.bySk.get(sk));
    if (direct) return { actor: direct, ambiguous: [] };
    const named = this.byName.get(normalise(name)) ?? [];
    // A row with a KBO number that names an actor with another KBO number is another organisation.
    const fitting = named.filter((a) => !(kbo && a.kbo && a.kbo !== kbo));
    return fitting.length === 1 ? { actor: fitting[0], ambiguous: [] } : { actor: null, ambiguous: fitting };
  }

  /** An actor named in a cell: its id, KBO number or (exact, normalised) name. */
  find(raw: string): Cell<Actor> {
    const v = raw.trim();
    const byId = this.aliases.get(v) ?? this.byId.get(v);
    if (byId) return { ok: true, value: byId };
    const kbo = normaliseKbo(v);
    const byKbo = kbo ? this.byKbo.get(kbo) : undefined;
    if (byKbo) return { ok: true, value: byKbo };
    const named = this.byName.get(normalise(v)) ?? [];
    if (named.length === 1) return { ok: true, value: named[0] };
    if (named.length > 1) return { ok: false, message: `"${v}" past op ${named.length} actoren (${named.map((a) => a.id).join(', ')}); gebruik het id of het KBO-nummer.` };
    return { ok: false, message: `"${v}" is geen actor in het document of in dit bestand.` };
  }
}

/** The cells of one row by field key (several columns may fill "parties"), and its custom fields. */
function cellsOf(sheet: MappedSheet, row: string[]): { fields: Map<string, { header: string; value: string }[]>; custom: Record<string, string> } {
  const fields = new Map<string, { header: string; value: string }[]>();
  const custom: Record<string, string> = {};
  sheet.header.forEach((h, i) => {
    const value = (row[i] ?? '').trim();
    const target = sheet.columns[h] ?? 'ignore';
    if (!value || target === 'ignore') return;
    if (target === 'custom') custom[h] = value;
    else pushTo(fields, target, { header: h, value });
  });
  return { fields, custom };
}

/** Equal as stored (key order aside). */
const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) => Object.keys(after).filter((k) => !same(before[k], after[k]));

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
  const agreementKey = (title: string, parties: readonly string[]) => `${normalise(title)}|${[...parties].sort().join(',')}`;
  const agreementByKey = new Map(existing.agreements.map((a) => [agreementKey(a.title, a.parties.map((p) => p.actorId)), a]));
  const plan: TablePlan = { writes: [], rows: [], problems: [], summary: Object.fromEntries(TABLE_KINDS.map((k) => [k, { create: 0, update: 0, unchanged: 0, problem: 0 }])) as TablePlan['summary'], refs: {} };
  const ordered = [...sheets].sort((a, b) => TABLE_KINDS.indexOf(a.kind) - TABLE_KINDS.indexOf(b.kind));
  // The same organisation twice in one file is one actor: the second row is reported.
  const seenInFile = new Map<string, number>();

  for (const sheet of ordered) {
    const defs = new Map(TABLE_FIELDS[sheet.kind].map((f) => [f.key, f]));
    const mapped = new Set(Object.values(sheet.columns));
    for (const f of TABLE_FIELDS[sheet.kind]) {
      if (f.required && !mapped.has(f.key)) plan.problems.push({ where: sheet.showName ? `blad ${sheet.name}` : '', message: `geen kolom voor "${f.nl}" (verplicht). Wijs een kolom toe.` });
    }
    if (TABLE_FIELDS[sheet.kind].some((f) => f.required && !mapped.has(f.key))) continue;

    sheet.rows.forEach((row, i) => {
      const rowNo = i + 2;
      const { fields, custom } = cellsOf(sheet, row);
      if (!fields.size && !Object.keys(custom).length) return;
      const problems: ImportProblem[] = [];
      const rowWhere = `${sheet.showName ? `blad ${sheet.name}, ` : ''}rij ${rowNo}`;
      const where = (f: { header: string }) => `${rowWhere}, kolom "${f.header}"`;
      /** A field's value read by its type; undefined when the cell is empty. */
      const read = <T>(key: string): T | undefined => {
        const cells = fields.get(key);
        const def = defs.get(key) as FieldDef;
        if (!cells) return undefined;
        const c = cells[0];
        let r: Cell<unknown>;
        switch (def.type.t) {
          case 'text':
            r = { ok: true, value: c.value };
            break;
          case 'code':
            r = codes.one(def.type.vocab, c.value, NOUN[def.type.vocab] ?? `gekende ${def.nl.toLowerCase()}`);
            break;
          case 'codes':
            r = codes.many(def.type.vocab, c.value, NOUN[def.type.vocab] ?? `gekende ${def.nl.toLowerCase()}`);
            break;
          case 'bool':
            r = readBool(c.value);
            break;
          case 'date':
            r = readDate(c.value);
            break;
          case 'kbo':
            r = readKbo(c.value);
            break;
          case 'actor':
            r = actors.find(c.value);
            break;
          case 'actors': {
            const found: Actor[] = [];
            for (const cell of cells) {
              for (const part of splitList(cell.value)) {
                const a = actors.find(part);
                if (!a.ok) {
                  problems.push({ where: where(cell), message: a.message });
                  continue;
                }
                found.push(a.value);
              }
            }
            return found as T;
          }
        }
        if (!r.ok) {
          problems.push({ where: where(c), message: r.message });
          return undefined;
        }
        return r.value as T;
      };
      /** A required text field: its value, or a problem naming its column. */
      const required = (key: string): string => {
        const v = read<string>(key) ?? '';
        if (!v) {
          const header = Object.keys(sheet.columns).find((h) => sheet.columns[h] === key) ?? (defs.get(key) as FieldDef).nl;
          problems.push({ where: `${rowWhere}, kolom "${header}"`, message: 'is leeg, maar verplicht.' });
        }
        return v;
      };
      const fallback = (key: string): string => sheet.fallbacks?.[key] ?? (defs.get(key) as FieldDef).fallback!;
      const report = (action: RowAction, id: string | null, label: string, changed?: string[]) => {
        plan.rows.push({ sheet: sheet.name, row: rowNo, kind: sheet.kind, action, id, label, ...(changed ? { changed } : {}) });
        plan.summary[sheet.kind][action]++;
      };
      /** Validates the new version with the entity's schema; its messages name the column of the field. */
      const valid = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T | null => {
        const parsed = schema.safeParse(value);
        if (parsed.success) return parsed.data;
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[issue.path[0] === 'contact' ? 1 : 0] ?? '');
          const cell = fields.get(key)?.[0];
          problems.push({ where: cell ? where(cell) : rowWhere, message: issue.message });
        }
        return null;
      };
      const finish = (label: string) => {
        plan.problems.push(...problems);
        report('problem', null, label);
      };

      if (sheet.kind === 'actors') {
        const name = required('name');
        const kbo = read<string>('kbo') ?? null;
        const sk = read<string>('socialeKaartId') ?? null;
        const id = read<string>('id') ?? null;
        const ref = read<string>('ref') ?? null;
        const { actor: match, ambiguous } = actors.match(id, kbo, sk, name);
        if (ambiguous.length > 1) problems.push({ where: rowWhere, message: `"${name}" past op ${ambiguous.length} actoren (${ambiguous.map((a) => a.id).join(', ')}); geef het KBO-nummer of het id.` });
        const contact = { phone: read<string>('phone'), email: read<string>('email'), website: read<string>('website'), address: read<string>('address') };
        const given = {
          name: name || undefined,
          type: read<string>('type'),
          sectors: read<string[]>('sectors'),
          legalForm: read<string>('legalForm'),
          level: read<string>('level'),
          kbo: kbo ?? undefined,
          socialeKaartId: sk ?? undefined,
          socialeKaartSyncedAt: read<string>('socialeKaartSyncedAt'),
          active: read<boolean>('active'),
          notes: read<string>('notes'),
        };
        if (problems.length) return finish(name);
        const base: Partial<Actor> = match ?? { id: id ?? newId(), type: fallback('type'), legalForm: fallback('legalForm'), level: fallback('level'), sectors: [] };
        const next = valid<Actor>(ActorSchema, {
          ...base,
          ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
          contact: { ...(base.contact ?? {}), ...Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)) },
          custom: { ...(base.custom ?? {}), ...custom },
        });
        if (!next) return finish(name);
        const key = next.kbo ? `kbo:${next.kbo}` : `naam:${normalise(next.name)}`;
        const earlier = seenInFile.get(key);
        if (earlier !== undefined) {
          problems.push({ where: rowWhere, message: `dezelfde actor als rij ${earlier} (${next.kbo ? `KBO ${next.kbo}` : `naam "${next.name}"`}).` });
          return finish(next.name);
        }
        seenInFile.set(key, rowNo);
        if (ref) {
          actors.aliases.set(ref, next);
          plan.refs[ref] = { actorId: next.id, created: !match };
        }
        if (!match) {
          plan.writes.push({ op: 'insert', entity: 'actor', value: next });
          actors.add(next);
          return report('create', next.id, next.name);
        }
        const changed = changedFields(ActorSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
        if (!changed.length) return report('unchanged', next.id, next.name);
        plan.writes.push({ op: 'update', entity: 'actor', value: next });
        actors.add(next, match);
        return report('update', next.id, next.name, changed);
      }

      if (sheet.kind === 'services') {
        const name = required('name');
        const provider = read<Actor>('providerId');
        const id = read<string>('id') ?? null;
        const given = {
          lifeDomains: read<string[]>('lifeDomains'),
          targetGroups: read<string[]>('targetGroups'),
          outreach: read<boolean>('outreach'),
          active: read<boolean>('active'),
          notes: read<string>('notes'),
        };
        if (problems.length || !provider) return finish(name);
        const match = (id && services.get(id)) || serviceKey.get(`${provider.id}|${normalise(name)}`) || null;
        const base: Partial<Service> = match ?? { id: id ?? newId() };
        const next = valid<Service>(ServiceSchema, { ...base, name, providerId: provider.id, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) });
        if (!next) return finish(name);
        if (!match) {
          plan.writes.push({ op: 'insert', entity: 'service', value: next });
          services.set(next.id, next);
          serviceKey.set(`${provider.id}|${normalise(name)}`, next);
          return report('create', next.id, `${next.name} (${provider.name})`);
        }
        const changed = changedFields(ServiceSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
        if (!changed.length) return report('unchanged', next.id, next.name);
        plan.writes.push({ op: 'update', entity: 'service', value: next });
        services.set(next.id, next);
        return report('update', next.id, next.name, changed);
      }

      // Agreements.
      const title = required('title');
      const parties = [...new Map((read<Actor[]>('parties') ?? []).map((a) => [a.id, a])).values()];
      const id = read<string>('id') ?? null;
      const ref = read<string>('documentReference');
      const given = {
        type: read<string>('type'),
        status: read<string>('status'),
        startDate: read<string>('startDate'),
        endDate: read<string>('endDate'),
        reviewDate: read<string>('reviewDate'),
        lifeDomains: read<string[]>('lifeDomains'),
        targetGroups: read<string[]>('targetGroups'),
        notes: read<string>('notes'),
      };
      if (!problems.length && parties.length < 2) problems.push({ where: rowWhere, message: 'een afspraak heeft minstens twee partijen.' });
      if (problems.length) return finish(title);
      const match = (id && agreements.get(id)) || agreementByKey.get(agreementKey(title, parties.map((p) => p.id))) || null;
      const base: Partial<Agreement> = match ?? { id: id ?? newId(), type: fallback('type'), status: fallback('status') };
      // A matched agreement keeps its parties' roles; new parties are partners.
      const roles = new Map((match?.parties ?? []).map((p) => [p.actorId, p]));
      const next = valid<Agreement>(AgreementSchema, {
        ...base,
        title,
        parties: parties.map((a) => roles.get(a.id) ?? { actorId: a.id, role: 'PARTNER' }),
        ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
        ...(ref ? { documentRef: { ...(base.documentRef ?? {}), reference: ref } } : {}),
        custom: { ...(base.custom ?? {}), ...custom },
      });
      if (!next) return finish(title);
      if (!match) {
        plan.writes.push({ op: 'insert', entity: 'agreement', value: next });
        agreements.set(next.id, next);
        agreementByKey.set(agreementKey(next.title, next.parties.map((p) => p.actorId)), next);
        return report('create', next.id, next.title);
      }
      const changed = changedFields(AgreementSchema.parse(match) as Record<string, unknown>, next as unknown as Record<string, unknown>);
      if (!changed.length) return report('unchanged', next.id, next.title);
      plan.writes.push({ op: 'update', entity: 'agreement', value: next });
      agreements.set(next.id, next);
      return report('update', next.id, next.title, changed);
    });
  }
  return plan;
}
