import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { aliasesOf, isDirection, splitList } from '../../../shared/exchange/cells';
import { readCsv, safeCell, unsafeCell, writeCsv, type RawSheet } from '../../../shared/exchange/csv';
import { decodeUtf8 } from '../../../shared/exchange/decode';
import { detectKind, findHeaderRow, normalise, plannedKinds, SECOND_EXAMPLE_ACTOR, suggestColumns, TABLE_FIELDS, templateFields, type ColumnTarget, type FieldDef, type TableKind } from '../../../shared/exchange/fields';
import { planTables, type MappedSheet, type PlanKind, type PlannedWrite, type TablePlan, type ValueChoice } from '../../../shared/exchange/plan';
import type { GraphLayer } from '../../../shared/exchange/graph';
import { planGraphLayer } from '../../../shared/exchange/graphLayer';
import { cellWords, infoSheets } from '../../../shared/exchange/infoSheets';
import { assertNoProblems, ImportError } from '../../../shared/exchange/problems';
import { DEFAULT_VIEW_ID, mergedSources, NetworkDataSchema, originLabel, positionId, type NetworkData } from '../../../shared/model';
import { formatKbo } from '../../../shared/util/kbo';
import { mergeVocab, vocabLabel, type VocabEntry, type VocabKind } from '../../../shared/vocab';
import { createDocument, DOCUMENT_EXTENSION, withExtension, type EditTx, type NetworkDocument } from '../document';
import { writeFileAtomic } from '../report/atomic';
import { readImportFile } from './files';
import { readXlsx } from './xlsx';
import { CoreError } from '../errors';
import { MAX_IMPORT_FILES } from '../../../shared/exchange/contract';

export type TableFormat = 'csv' | 'xlsx';

/** How the user mapped one sheet (by its name); a missing entry means: as suggested. */
export interface SheetMapping {
  sheet: string;
  /** What it holds; a missing kind: as found from its name and headers. */
  kind?: TableKind | 'skip';
  columns?: Record<string, ColumnTarget>;
  fallbacks?: Record<string, string>;
  /** The spreadsheet row that holds the headers (1 for the first); a missing one: where `findHeaderRow` finds it. */
  headerRow?: number;
  /** What values the vocabulary does not know become, by field key and value. */
  values?: Record<string, Record<string, string>>;
  /** An agreements sheet: parties the map and the file do not have become new actors. */
  newParties?: boolean;
  /** Which actor each name not found is, or (an actors sheet) which actor of the map a row is (see `MappedSheet.parties`). */
  parties?: Record<string, string>;
}

/** Reads the sheets of a CSV (one sheet) or xlsx file (from its bytes, when they were read already). */
export async function readTableFile(file: string, format: TableFormat, bytes: Uint8Array = readImportFile(file)): Promise<RawSheet[]> {
  const name = path.basename(file);
  if (format === 'xlsx') {
    return (await readXlsx(name, bytes)).map((s) => ({ ...s, rows: s.rows.map((r) => r.map(unsafeCell)) }));
  }
  return [readCsv(name, decodeUtf8(name, bytes))];
}

/**
 * Several spreadsheet files imported as one (Gephi's node table and edge table, a list of actors and one of
 * agreements): their sheets in the files' order, so that the agreements of one find the actors of the other, even by
 * the other's own numbering. Problems name each sheet by its file ("edges.csv, rij 3", "blad Partners in
 * lijst.xlsx, rij 3"). A sheet name an earlier file has already gets its file's name, as mappings go by sheet name.
 */
export function joinSheets(files: readonly { file: string; format: TableFormat; sheets: readonly RawSheet[] }[]): RawSheet[] {
  if (files.length === 1) return [...files[0].sheets];
  const taken = new Set<string>();
  return files.flatMap(({ file, format, sheets }) => {
    const fileName = path.basename(file);
    return sheets.map((s) => {
      let name = s.name;
      for (let n = 2; taken.has(name); n++) name = `${s.name} (${fileName}${n > 2 ? ` ${n - 1}` : ''})`;
      taken.add(name);
      return { ...s, name, file: fileName, place: format === 'csv' ? fileName : `blad ${s.name} in ${fileName}` };
    });
  });
}

/**
 * Several files can be imported together when they are spreadsheets (CSV, xlsx), none twice, ten at most: else a
 * Dutch error naming the file.
 */
export function assertTogether(files: readonly string[], formats: readonly string[]): void {
  if (files.length > MAX_IMPORT_FILES) throw new CoreError('INVALID_INPUT', `Eén import neemt ten hoogste ${MAX_IMPORT_FILES} bestanden samen.`);
  files.forEach((f, i) => {
    if (formats[i] !== 'csv' && formats[i] !== 'xlsx') throw new CoreError('INVALID_INPUT', `${path.basename(f)}: samen importeren gaat met CSV- en Excelbestanden (.csv, .xlsx). Importeer dit bestand apart.`);
    if (files.indexOf(f) !== i) throw new CoreError('INVALID_INPUT', `${path.basename(f)} is al gekozen voor deze import.`);
  });
}

/** The files of an import as its change and messages name them: "nodes.csv en edges.csv". */
export const filesLabel = (files: readonly string[]): string => new Intl.ListFormat('nl-BE', { type: 'conjunction' }).format(files.map((f) => path.basename(f)));

/** The fallback codes of a sheet: the user's, else each field's default. */
export function fallbacksOf(kind: TableKind, given: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(TABLE_FIELDS[kind].filter((f) => f.fallback).map((f) => [f.key, given?.[f.key] ?? f.fallback!]));
}

/**
 * A sheet's column names, from its header row: each cell trimmed; an empty one "Kolom N"; one that repeats
 * "Opmerking (2)", as columns are mapped by name. Columns run as far as the header or any data row has a value:
 * empty ones at the right (formatted, never filled) are left off, data beyond the header is not.
 */
function columnNames(headerCells: readonly string[], rows: readonly (readonly string[])[], from: number): string[] {
  let width = 0;
  for (let i = headerCells.length - 1; i >= 0 && !width; i--) if (headerCells[i].trim()) width = i + 1;
  for (let r = from; r < rows.length; r++) {
    const row = rows[r];
    for (let j = row.length - 1; j >= width; j--) {
      if (row[j].trim()) {
        width = j + 1;
        break;
      }
    }
  }
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    const base = (headerCells[i] ?? '').trim() || `Kolom ${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** A sheet left out of an import (the user's choice, or no kind of rows fits its headers). */
export interface SkippedSheet {
  name: string;
  kind: 'skip';
  header: string[];
  headerRow: number;
}

/**
 * A sheet's header row, kind and columns: as the user mapped them, else as suggested (the header row found among
 * the top rows of a spreadsheet, the kind from the sheet's name and headers, each column from its header). Rows
 * above the header are not read.
 */
export function mapSheets(raw: readonly RawSheet[], mapping: readonly SheetMapping[] = []): (MappedSheet | SkippedSheet)[] {
  return raw.map((s) => {
    const given = mapping.find((m) => m.sheet === s.name);
    const at = given?.headerRow !== undefined ? Math.min(given.headerRow, s.rows.length) - 1 : s.findHeader ? findHeaderRow(s.rows) : 0;
    const header = columnNames(s.rows[at], s.rows, at + 1);
    const headerRow = at + 1;
    const kind = given?.kind ?? detectKind(s.name, header) ?? 'skip';
    if (kind === 'skip') return { name: s.name, kind, header, headerRow };
    const suggested = suggestColumns(kind, header);
    const rows = s.rows.slice(at + 1);
    // Gephi's edge table: its Type column is each edge's direction, kept as a custom field unless the user says otherwise.
    const directions = kind === 'agreements' ? header.filter((h, i) => suggested[h] === 'type' && given?.columns?.[h] === undefined && isDirections(rows, i)) : [];
    for (const h of directions) suggested[h] = 'custom';
    const notes = directions.map((h) => `kolom "${h}" is de richting van elke verbinding (zo schrijft Gephi ze), geen soort afspraak: bewaard als eigen veld.`);
    return { name: s.name, kind, header, headerRow, rows, columns: { ...suggested, ...(given?.columns ?? {}) }, fallbacks: given?.fallbacks, values: given?.values, showName: raw.length > 1, place: s.place, ...(notes.length ? { notes } : {}), ...(kind === 'agreements' && given?.newParties ? { newParties: true } : {}), ...(given?.parties && Object.keys(given.parties).length ? { parties: given.parties } : {}) };
  });
}

/** Whether a column holds only directions of edges (Directed, Undirected …), in at least one cell. */
function isDirections(rows: readonly (readonly string[])[], column: number): boolean {
  let any = false;
  for (const r of rows) {
    const cell = (r[column] ?? '').trim();
    if (!cell) continue;
    if (!isDirection(cell)) return false;
    any = true;
  }
  return any;
}

/**
 * A digest of all a plan reads from a document: its actors, services, agreements, partnerships and memberships (as
 * stored) and its vocabulary. The planner is a function of these and the file, so a plan made on one connection
 * holds on another whose document has the same digest.
 */
export const basisDigest = (doc: NetworkDocument) => doc.digest(['actor', 'service', 'agreement', 'partnership', 'member']);

/**
 * The plan of a spreadsheet import into a document (or, with null, into a new one): nothing is written. A graph
 * file's partnerships and memberships (`layer`) are planned after its actors.
 */
export function planTableImport(doc: NetworkDocument | null, sheets: ReturnType<typeof mapSheets>, file = '', layer: GraphLayer | null = null): TablePlan {
  const usable = sheets.filter((s): s is MappedSheet => s.kind !== 'skip');
  if (!usable.length) {
    throw new ImportError(file, [{ where: '', message: 'geen blad met actoren, diensten of afspraken gevonden. Kies per blad wat het bevat.' }]);
  }
  const existing = doc ? doc.snapshot() : NetworkDataSchema.parse({ meta: { title: 'nieuw' } });
  const vocab = mergeVocab(doc ? doc.vocab() : {});
  const plan = planTables(existing, vocab, usable);
  if (layer) planGraphLayer(plan, existing, vocab, layer);
  return plan;
}

const SHEET_TITLE: Record<TableKind, string> = { actors: 'Actoren', services: 'Diensten', agreements: 'Afspraken' };
const KIND_NL: Record<PlanKind, string> = { actors: 'actoren', services: 'diensten', agreements: 'afspraken', partnerships: 'samenwerkingsverbanden', members: 'lidmaatschappen' };

/** What a spreadsheet import does, per kind of row: a line each (aligned, for the terminal) or one sentence. */
export function describePlan(plan: TablePlan, skipped: boolean, oneLine = false): string {
  const kinds = plannedKinds(plan.summary);
  const width = Math.max(...kinds.map((k) => KIND_NL[k].length + 1), 10);
  return kinds
    .map((k) => {
      const s = plan.summary[k];
      return `${oneLine ? KIND_NL[k] : KIND_NL[k].padEnd(width)} ${s.create} nieuw, ${s.update} bijgewerkt, ${s.unchanged} ongewijzigd${skipped ? `, ${s.problem} overgeslagen` : ''}`;
    })
    .join(oneLine ? '; ' : '\n');
}

/** A new document holding a spreadsheet or graph import (planned, or as `planned` says), made under a temporary name and renamed into place. */
export function createFromTables(
  file: string,
  sheets: ReturnType<typeof mapSheets>,
  source: string,
  skipProblemRows: boolean,
  nativeBinding?: string,
  graph: { placesFor?: (plan: TablePlan) => { actorId: string; x: number; y: number }[]; layer?: GraphLayer | null } = {},
  planned: TablePlan | null = null,
): Promise<TablePlan> {
  const target = withExtension(file);
  return createDocument(target, { meta: { title: path.basename(target, DOCUMENT_EXTENSION) }, nativeBinding }, (doc) => {
    // A plan made against no document (the preview's) holds for a new one.
    const plan = planned ?? planTableImport(doc, sheets, path.basename(source), graph.layer);
    applyTablePlan(doc, plan, source, skipProblemRows, graph.placesFor?.(plan));
    return plan;
  });
}

/**
 * Writes a planned import in one transaction, as one undoable step. Rows with a problem block it, unless the user
 * chose to leave them out (then they are reported as skipped).
 */
export function applyTablePlan(doc: NetworkDocument, plan: TablePlan, source: string, skipProblemRows = false, places: readonly { actorId: string; x: number; y: number }[] = []): void {
  if (!skipProblemRows) assertNoProblems(path.basename(source), plan.problems);
  if (!plan.writes.length) return;
  const created = plan.writes.filter((w) => w.op === 'insert').length;
  const updated = plan.writes.length - created;
  doc.edit(
    (tx) => {
      // The planner parsed each new row with its schema and read its codes from the document's vocabulary: runs of
      // new rows of one kind go in as one set (one entry in the change log), in the plan's order.
      let run: PlannedWrite[] = [];
      const flush = () => {
        if (run.length) tx.insertMany(run[0].entity, run.map((w) => w.value as unknown as Record<string, unknown>));
        run = [];
      };
      for (const w of plan.writes) {
        if (w.op === 'insert') {
          if (run.length && run[0].entity !== w.entity) flush();
          run.push(w);
        } else {
          flush();
          tx.update(w.entity, w.value);
        }
      }
      flush();
      // New actors from a graph file are drawn where that file drew them.
      for (const p of places) tx.insert('position', { id: positionId(DEFAULT_VIEW_ID, p.actorId), viewId: DEFAULT_VIEW_ID, nodeId: p.actorId, x: p.x, y: p.y });
      rememberValues(tx, doc.vocab(), plan.values);
    },
    { label: `Geïmporteerd uit ${path.basename(source)}: ${created} nieuw, ${updated} bijgewerkt` },
  );
}

type Vocab = Record<VocabKind, VocabEntry[]>;

/**
 * The values the user chose a code for in this import, remembered with that entry of the document's vocabulary
 * (`props.aliases`): the next import of the same list reads them so, and lists them as remembered. A value chosen
 * anew for another entry moves there. Logged with the import, so undo takes them back with it.
 */
function rememberValues(tx: EditTx, vocab: Vocab, values: readonly ValueChoice[]): void {
  const changed = new Map<string, VocabEntry>();
  const entry = (kind: VocabKind, code: string) => changed.get(`${kind}:${code}`) ?? vocab[kind].find((e) => e.code === code);
  const put = (kind: VocabKind, e: VocabEntry, aliases: string[]) => changed.set(`${kind}:${e.code}`, { ...e, props: { ...e.props, aliases } });
  for (const v of values) {
    if (!v.chosen || v.remembered) continue;
    const n = normalise(v.value);
    for (const other of vocab[v.vocab]) {
      const e = entry(v.vocab, other.code)!;
      if (e.code !== v.chosen && aliasesOf(e).some((a) => normalise(a) === n)) put(v.vocab, e, aliasesOf(e).filter((a) => normalise(a) !== n));
    }
    const target = entry(v.vocab, v.chosen);
    if (target && !aliasesOf(target).some((a) => normalise(a) === n)) put(v.vocab, target, [...aliasesOf(target), v.value]);
  }
  for (const [key, e] of changed) tx.putVocab(key.slice(0, key.indexOf(':')) as VocabKind, e, true);
}

/**
 * How a sheet names each actor in a party or provider cell: by its name, which an import finds it by, except where
 * the name would not find it again: a name with a list separator in it (";" splits a cell of parties) or one that
 * two actors have (normalised). Those are named by their id.
 */
function actorRefs(actors: readonly { id: string; name: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const a of actors) count.set(normalise(a.name), (count.get(normalise(a.name)) ?? 0) + 1);
  return new Map(actors.map((a) => [a.id, splitList(a.name).length === 1 && count.get(normalise(a.name)) === 1 ? a.name : a.id]));
}

/** Actors, services or agreements as spreadsheet rows, with the template's Dutch headers, labels instead of codes. */
export function tableRows(data: NetworkData, vocab: Vocab, kind: TableKind): string[][] {
  const { label, labels, yes } = cellWords(vocab);
  const actorName = actorRefs(data.actors);
  const headers = templateFields(kind).map((f) => f.nl);
  if (kind === 'actors') {
    const customKeys = [...new Set(data.actors.flatMap((a) => Object.keys(a.custom)))].sort();
    // A merged map says which map each actor is in (a column the import reads as information only).
    const merged = mergedSources(data.actors).length > 0;
    const own = data.meta.municipality || data.meta.title;
    return [
      [...headers, ...(merged ? ['Herkomst'] : []), ...customKeys],
      ...data.actors.map((a) => [
        a.name,
        label('actorType', a.type),
        labels('sector', a.sectors),
        label('legalForm', a.legalForm),
        label('level', a.level),
        a.kbo ? formatKbo(a.kbo) : '',
        a.socialeKaartId ?? '',
        a.contact.phone ?? '',
        a.contact.email ?? '',
        a.contact.website ?? '',
        a.contact.address ?? '',
        yes(a.active),
        a.aliases.join('; '),
        a.notes ?? '',
        a.id,
        ...(merged ? [originLabel(a, own)] : []),
        ...customKeys.map((k) => (a.custom[k] === null || a.custom[k] === undefined ? '' : String(a.custom[k]))),
      ]),
    ];
  }
  if (kind === 'services') {
    return [
      headers,
      ...data.services.map((s) => [s.name, actorName.get(s.providerId) ?? s.providerId, labels('lifeDomain', s.lifeDomains), labels('targetGroup', s.targetGroups), yes(s.outreach), yes(s.active), s.notes ?? '', s.id]),
    ];
  }
  const customKeys = [...new Set(data.agreements.flatMap((a) => Object.keys(a.custom)))].sort();
  return [
    [...headers, ...customKeys],
    ...data.agreements.map((a) => [
      a.title,
      label('agreementType', a.type),
      a.parties.map((p) => actorName.get(p.actorId) ?? p.actorId).join('; '),
      label('agreementStatus', a.status),
      a.startDate ?? '',
      a.endDate ?? '',
      a.reviewDate ?? '',
      labels('lifeDomain', a.lifeDomains),
      labels('targetGroup', a.targetGroups),
      a.documentRef?.reference ?? '',
      a.notes ?? '',
      a.id,
      ...customKeys.map((k) => (a.custom[k] === null || a.custom[k] === undefined ? '' : String(a.custom[k]))),
    ]),
  ];
}


/** What the template's Uitleg sheet says a column takes. */
function allowedValues(f: FieldDef, vocab: Vocab): string {
  switch (f.type.t) {
    case 'code':
    case 'codes':
      return `${vocab[f.type.vocab].map((e) => e.nl).join('; ')}${f.type.t === 'codes' ? ' (meerdere: scheid met ;)' : ''}${f.fallback ? ` · leeg: ${vocabLabel(vocab, f.type.vocab, f.fallback, 'nl')}` : ''}`;
    case 'bool':
      return 'ja of nee';
    case 'date':
      return '31/12/2026 of 2026-12-31';
    case 'kbo':
      return '10 cijfers, bv. 0403.170.701 (wordt gecontroleerd)';
    case 'phone':
      return 'zoals u het schrijft, bv. 050 12 34 56 (een 0 vooraan die Excel wegliet bij een getal, komt terug)';
    case 'actor':
      return 'naam, KBO-nummer of id van een actor (uit het document of het blad Actoren)';
    case 'actors':
      return 'twee of meer actoren, gescheiden door ; (of één per kolom: Partij 1, Partij 2 …)';
    default:
      return f.key === 'id' ? 'leeg laten voor nieuwe rijen; een export vult het in, zodat een nieuwe import bijwerkt'
        : f.key === 'title' ? 'tekst · leeg: genoemd naar de partijen ("OCMW Voorbeeldstad – CAW Voorbeeldregio")'
        : f.key === 'address' ? 'tekst, bv. Stationsstraat 1 bus 2, 8000 Voorbeeldstad · of in aparte kolommen Straat, Huisnummer, Bus, Postcode en Gemeente: de import zet ze samen'
        : 'tekst';
  }
}

/** An xlsx workbook of text cells (safe from formula injection), the header row bold and frozen. */
async function xlsxBytes(sheets: { name: string; rows: string[][] }[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      stickyRowsCount: 1,
      data: s.rows.map((r, i) => r.map((v) => ({ value: safeCell(v), type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) }))),
      columns: s.rows[0].map((_, c) => ({ width: Math.min(60, Math.max(10, ...s.rows.slice(0, 50).map((r) => (r[c] ?? '').length + 2))) })),
    })),
  ).toBuffer();
}

/**
 * Writes actors, services and agreements for spreadsheets: one CSV of one kind, or an xlsx with a sheet per kind
 * and the sheets for reading (`infoSheets`).
 */
export async function writeTableExport(doc: NetworkDocument, out: string, format: TableFormat, kinds: readonly TableKind[]): Promise<number> {
  const data = doc.snapshot();
  const vocab = mergeVocab(doc.vocab());
  if (format === 'csv') {
    if (kinds.length !== 1) throw new Error('Een CSV-bestand bevat één soort rijen.');
    const text = `\uFEFF${writeCsv(tableRows(data, vocab, kinds[0]))}\r\n`;
    writeFileAtomic(out, text);
    return Buffer.byteLength(text);
  }
  // The sheets to import back, then those for reading (partnerships, memberships, gaps).
  const bytes = await xlsxBytes([...kinds.map((k) => ({ name: SHEET_TITLE[k], rows: tableRows(data, vocab, k) })), ...infoSheets(data, vocab)]);
  writeFileAtomic(out, bytes);
  return bytes.length;
}

/** The import template: a sheet per kind with the Dutch headers and an example row, and a sheet that explains them. */
export async function writeTemplate(out: string, vocab: Vocab): Promise<number> {
  const kinds: TableKind[] = ['actors', 'services', 'agreements'];
  const explain: string[][] = [['Blad', 'Kolom', 'Verplicht', 'Toegelaten waarden']];
  for (const k of kinds) {
    for (const f of templateFields(k)) {
      const values = allowedValues(f, vocab);
      explain.push([SHEET_TITLE[k], f.nl, f.required ? 'ja' : 'nee', values]);
    }
  }
  const bytes = await xlsxBytes([
    ...kinds.map((k) => ({
      name: SHEET_TITLE[k],
      rows: [
        templateFields(k).map((f) => f.nl),
        templateFields(k).map((f) => f.example),
        ...(k === 'actors' ? [templateFields(k).map((f) => SECOND_EXAMPLE_ACTOR[f.key] ?? f.example)] : []),
      ],
    })),
    { name: 'Uitleg', rows: explain },
  ]);
  writeFileAtomic(out, bytes);
  return bytes.length;
}
