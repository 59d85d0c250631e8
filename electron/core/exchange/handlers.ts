import path from 'node:path';
import type { Handlers } from '../../../shared/api';
import { IMPORT_EXTENSIONS, otherFormatAdvice, type ImportFormat, type ImportPreview, type SheetMappingInput } from '../../../shared/exchange/contract';
import { HEADER_SEARCH_ROWS, isInfoSheet, type TableKind } from '../../../shared/exchange/fields';
import type { TablePlan } from '../../../shared/exchange/plan';
import { isGraphFormat, placesOf, readGraphFile, writeGraphExport } from './graphs';
import { jsonFormatOf, readImportFile, readSocialeKaartFile } from './files';
import { ImportError } from '../../../shared/exchange/problems';
import { DEFAULT_VOCAB, mergeVocab } from '../../../shared/vocab';
import { DOCUMENT_EXTENSION, withExtension } from '../document';
import { CoreError } from '../errors';
import type { Session } from '../session';
import { codeProblems, createFromJson, readExchangeSource, restoreJson, writeJsonExport } from './json';
import { applyMerge, describeMerge, mergePreview, planMergeInto } from './merge';
import { sameMapReason } from '../../../shared/exchange/merge';
import { fileStamp, KeptPreview, mappingKey, readAs, type ReadFile } from './kept';
import type { GroupsAs } from '../../../shared/exchange/fields';
import { applyTablePlan, assertTogether, createFromTables, fallbacksOf, describePlan, filesLabel, joinSheets, mapSheets, planTableImport, readTableFile, writeTableExport, writeTemplate, type TableFormat } from './tables';

/** How many values the vocabulary does not know a preview lists per sheet. */
const MAX_VALUES = 100;

type ExchangeHandlers = Pick<Handlers, 'exchange.export' | 'exchange.template' | 'exchange.preview' | 'exchange.import'>;
type ReadFormat = Exclude<ImportFormat, 'json' | 'regiekaart'>;
/** How several spreadsheet files read as one are kept (`KeptPreview`). */
const TOGETHER = 'tables';
type Pick_ = (chooser: (() => Promise<string | null>) | undefined, given: string | undefined) => Promise<string>;

/** The import format of a file, from the given one or its extension. */
export function importFormatOf(file: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = path.extname(file).slice(1).toLowerCase();
  const found = (Object.keys(IMPORT_EXTENSIONS) as ImportFormat[]).find((f) => IMPORT_EXTENSIONS[f].includes(ext));
  const advice = otherFormatAdvice(path.basename(file));
  if (!found && advice) throw new CoreError('UNSUPPORTED', advice);
  if (!found) throw new CoreError('INVALID_INPUT', `${path.basename(file)}: het formaat is niet te herkennen aan de extensie. Regiekaart importeert ${Object.values(IMPORT_EXTENSIONS).flat().map((e) => `.${e}`).join(', ')}.`);
  // A .json file is a Regiekaart document, a Sociale Kaart extract or a Kumu blueprint: its content says which.
  return found === 'json' ? jsonFormatOf(file) : found;
}

/** Counts of what an exchange file holds, per list. */
const countsOf = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));

/** A spreadsheet's top rows to choose the header row from: the first cells of each, cut short. */
const topRows = (rows: readonly string[][]) =>
  rows.slice(0, HEADER_SEARCH_ROWS).map((r) => r.slice(0, 6).map((c) => (c.length > 40 ? `${c.slice(0, 39)}…` : c)));
const withExt = (file: string, ext: string) => path.resolve(withExtension(file, ext));

/** The exchange calls (export, template, preview, import) on top of a session and its platform's dialogs. */
export function exchangeHandlers(session: Session, pick: Pick_): ExchangeHandlers {
  const { platform } = session;
  const generator = `Regiekaart ${platform.appVersion}`;
  const save = (suggested: string, kind: 'json' | 'xlsx' | 'csv' | 'graphml' | 'gexf' | 'document', given: string | undefined) =>
    pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested, kind) : undefined, given);

  // The last preview's plan, for the import that confirms it.
  const kept = new KeptPreview();
  /**
   * A spreadsheet or graph file, read once: its stamp, its sheets, and a graph's node positions and group nodes (as
   * the preview read them, when the bytes and the choice for groups are still the same).
   */
  const readFile = async (file: string, format: ReadFormat, groups: GroupsAs = 'partnerships'): Promise<{ stamp: string; read: ReadFile }> => {
    const bytes = readImportFile(file);
    const stamp = fileStamp(bytes);
    const same = kept.readFor(file, readAs(format, groups), stamp);
    if (same) return { stamp, read: same };
    if (format === 'socialekaart') return { stamp, read: { raw: readSocialeKaartFile(file, bytes) } };
    if (isGraphFormat(format)) {
      const { graph, sheets, layer, groups: count } = readGraphFile(file, format, bytes, groups);
      return { stamp, read: { raw: sheets, placesFor: (plan: TablePlan) => placesOf(graph, plan), layer, ...(count ? { groups: { count, as: groups } } : {}) } };
    }
    return { stamp, read: { raw: await readTableFile(file, format, bytes) } };
  };
  /**
   * The file of an import, or its files: several spreadsheet files are read as one (`joinSheets`), and kept as one,
   * under the key of all their paths (`key`) and stamps, read as `how`.
   */
  const readAll = async (files: readonly string[], format: ReadFormat, groups: GroupsAs | undefined): Promise<{ key: string; how: string; stamp: string; read: ReadFile }> => {
    if (files.length === 1) return { key: files[0], how: readAs(format, groups), ...(await readFile(files[0], format, groups)) };
    const parts = files.map((file, i) => {
      const bytes = readImportFile(file);
      return { file, bytes, stamp: fileStamp(bytes), format: (i === 0 ? format : importFormatOf(file)) as TableFormat };
    });
    const key = files.join('\n');
    const stamp = parts.map((p) => p.stamp).join('|');
    const same = kept.readFor(key, TOGETHER, stamp);
    if (same) return { key, how: TOGETHER, stamp, read: same };
    const sheets = [];
    for (const p of parts) sheets.push({ file: p.file, format: p.format, sheets: await readTableFile(p.file, p.format, p.bytes) });
    return { key, how: TOGETHER, stamp, read: { raw: joinSheets(sheets) } };
  };
  /** The files of one import: the first, and the spreadsheet files to go with it (see `assertTogether`). */
  const together = (first: string, format: ImportFormat, also: readonly string[]): string[] => {
    const files = [first, ...also.map((f) => path.resolve(f))];
    if (files.length > 1) assertTogether(files, files.map((f, i) => (i === 0 ? format : importFormatOf(f))));
    return files;
  };
  /** Its sheets, mapped as the user said or as suggested (a Sociale Kaart extract is one sheet of actors). */
  const mapped = (format: ImportFormat, read: ReadFile, mapping: SheetMappingInput[] | undefined) =>
    mapSheets(read.raw, format === 'socialekaart' ? (mapping ?? [{ sheet: 'Sociale Kaart', kind: 'actors' }]) : mapping);

  return {
    'exchange.export': async ({ path: given, format, kind }) => {
      const doc = session.current();
      const base = path.basename(doc.path, DOCUMENT_EXTENSION);
      const table: TableKind = kind ?? 'actors';
      const suggested = format === 'csv' ? `${base} – ${({ actors: 'actoren', services: 'diensten', agreements: 'afspraken' } as const)[table]}.csv` : `${base}.${format}`;
      const file = withExt(await save(suggested, format, given), `.${format}`);
      if (format === 'json') return { path: file, bytes: writeJsonExport(doc, file, generator) };
      if (format === 'graphml' || format === 'gexf') return { path: file, bytes: writeGraphExport(doc, file, format) };
      return { path: file, bytes: await writeTableExport(doc, file, format, format === 'csv' ? [table] : ['actors', 'services', 'agreements']) };
    },
    'exchange.template': async ({ path: given }) => {
      const file = withExt(await save('Regiekaart – importsjabloon.xlsx', 'xlsx', given), '.xlsx');
      const doc = session.currentOrNull();
      return { path: file, bytes: await writeTemplate(file, mergeVocab(doc ? doc.vocab() : {})) };
    },
    'exchange.preview': async ({ path: given, also, addFile, format, mapping, merge, into, groups }) => {
      const choose = (kind: 'import' | 'importMore') => (platform.dialogs ? () => platform.dialogs!.chooseOpen(kind) : undefined);
      const file = path.resolve(await pick(choose('import'), given));
      const fmt = importFormatOf(file, format);
      const files = together(file, fmt, [...(also ?? []), ...(addFile ? [await pick(choose('importMore'), undefined)] : [])]);
      const more = files.slice(1).map((f) => ({ path: f, fileName: path.basename(f) }));
      const base = { path: file, fileName: path.basename(file), format: fmt, ...(more.length ? { also: more } : {}) };
      const doc = session.currentOrNull();
      kept.clear();
      try {
        if (fmt === 'json' || fmt === 'regiekaart') {
          const data = await readExchangeSource(file, fmt, platform.nativeBinding);
          // Into a document that holds a network, a JSON map is merged: matched, compared, and added beside ours.
          if (doc && !doc.isEmpty()) {
            const plan = planMergeInto(doc, data, merge ?? {}, file);
            const reason = doc.readOnly ? doc.readOnlyReason : sameMapReason(plan);
            // Codes are checked against the target: the open document when it can take the file, else a new one.
            const problems = reason ? codeProblems(data, DEFAULT_VOCAB) : plan.problems;
            return { ...base, counts: countsOf(data), problems, intoCurrent: { allowed: !reason, reason }, merge: mergePreview(plan) } satisfies ImportPreview;
          }
          const reason = !doc ? 'Er is geen document geopend.' : doc.readOnly ? doc.readOnlyReason : null;
          // Codes are checked against the target: the open document when it can take the file, else a new one.
          const problems = codeProblems(data, !reason && doc ? doc.vocab() : DEFAULT_VOCAB);
          return { ...base, counts: countsOf(data), problems, intoCurrent: { allowed: !reason, reason } } satisfies ImportPreview;
        }
        const { key, how, stamp, read } = await readAll(files, fmt, groups);
        const sheets = mapped(fmt, read, mapping);
        const reason = !doc ? 'Er is geen document geopend.' : doc.readOnly ? doc.readOnlyReason : null;
        const intoCurrent = { allowed: !reason, reason };
        const shown = sheets.map((s, i) => ({
          name: s.name,
          ...(read.raw[i].file ? { file: read.raw[i].file } : {}),
          kind: s.kind,
          header: s.header,
          headerRow: s.headerRow ?? 1,
          ...(read.raw[i].findHeader ? { top: topRows(read.raw[i].rows) } : {}),
          samples: s.kind === 'skip' ? [] : s.rows.slice(0, 3),
          // A sheet left out still says how many rows it has (below its header).
          rows: s.kind === 'skip' ? Math.max(0, read.raw[i].rows.length - (s.headerRow ?? 1)) : s.rows.length,
          // A sheet for reading (a Regiekaart export's partnerships, memberships, gaps; the template's explanation).
          ...(s.kind === 'skip' && isInfoSheet(s.name) ? { info: true } : {}),
          ...(s.kind === 'agreements' && s.newParties ? { newParties: true } : {}),
          columns: s.kind === 'skip' ? {} : s.columns,
          fallbacks: s.kind === 'skip' ? {} : fallbacksOf(s.kind, s.fallbacks),
        }));
        // Into a new document (the user's choice, or the only one there is), it is planned against none.
        const against = reason || into === 'new' ? null : doc;
        let plan: TablePlan;
        try {
          plan = planTableImport(against, sheets, filesLabel(files), read.layer);
        } catch (err) {
          // No sheet holds rows of a kind the import knows: the sheets are shown, for the user to say what they hold.
          if (err instanceof ImportError) return { ...base, counts: {}, problems: err.problems, intoCurrent, sheets: shown, ...(read.groups ? { groups: read.groups } : {}) } satisfies ImportPreview;
          throw err;
        }
        kept.keep({ file: key, format: how, stamp, read, against, revision: against?.revision() ?? 0, mapping: mappingKey(sheets), plan });
        const counts = Object.fromEntries(Object.entries(plan.summary).map(([k, s]) => [k, s.create + s.update + s.unchanged + s.problem]));
        return {
          ...base,
          counts,
          problems: plan.problems,
          intoCurrent,
          // Per sheet, its values the vocabulary does not know (a hundred at most: more is a column of free text).
          // and its party names not found (as many; those the user chose first, so that they can be changed again).
          sheets: shown.map((s) => {
            const all = plan.values.filter((v) => v.sheet === s.name);
            const values = all.slice(0, MAX_VALUES).map(({ sheet: _, vocab: __, ...v }) => v);
            const names = plan.parties.filter((p) => p.sheet === s.name).sort((a, b) => Number(!a.chosen) - Number(!b.chosen));
            const parties = names.slice(0, MAX_VALUES).map(({ sheet: _, ...p }) => p);
            return {
              ...s,
              ...(values.length ? { values, ...(all.length > MAX_VALUES ? { valuesMore: all.length - MAX_VALUES } : {}) } : {}),
              ...(parties.length ? { parties, ...(names.length > MAX_VALUES ? { partiesMore: names.length - MAX_VALUES } : {}) } : {}),
            };
          }),
          ...(read.groups ? { groups: read.groups } : {}),
          plan: { summary: plan.summary, rows: plan.rows.slice(0, 500) },
          ...(plan.notes.length ? { notes: plan.notes } : {}),
        } satisfies ImportPreview;
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        return { ...base, counts: {}, problems: err.problems, intoCurrent: { allowed: false, reason: null } } satisfies ImportPreview;
      }
    },
    'exchange.import': async ({ path: source, also, format, into, target, mapping, skipProblemRows, merge, groups }) => {
      const fmt = importFormatOf(source, format);
      const files = together(path.resolve(source), fmt, also ?? []);
      const newFile = async () => withExt(await save(`${path.basename(source, path.extname(source))}${DOCUMENT_EXTENSION}`, 'document', target), DOCUMENT_EXTENSION);
      if (fmt === 'json' || fmt === 'regiekaart') {
        kept.clear();
        const data = await readExchangeSource(source, fmt, platform.nativeBinding);
        if (into === 'current') {
          const doc = session.current();
          if (!doc.isEmpty()) {
            const plan = planMergeInto(doc, data, merge ?? {}, source);
            const counts = applyMerge(doc, plan, source);
            return { document: doc.info(), counts, created: false, summary: `samengevoegd met ${plan.source} (${describeMerge(plan)})` };
          }
          const counts = restoreJson(doc, data, source);
          return { document: doc.info(), counts, created: false, summary: '' };
        }
        const file = await newFile();
        const counts = await createFromJson(file, data, source, platform.nativeBinding);
        return { document: await session.open(file), counts, created: true, summary: '' };
      }
      const { key, how, stamp, read } = await readAll(files, fmt, groups);
      const sheets = mapped(fmt, read, mapping);
      const label = filesLabel(files);
      if (into === 'current') {
        const doc = session.current();
        const plan = kept.take(key, how, stamp, sheets, doc) ?? planTableImport(doc, sheets, label, read.layer);
        applyTablePlan(doc, plan, label, !!skipProblemRows, read.placesFor?.(plan));
        return { document: doc.info(), counts: doc.counts(), created: false, summary: describePlan(plan, !!skipProblemRows, true), planned: { summary: plan.summary, skipped: !!skipProblemRows } };
      }
      const planned = kept.take(key, how, stamp, sheets, null);
      const out = await newFile();
      const plan = await createFromTables(out, sheets, label, !!skipProblemRows, platform.nativeBinding, read, planned);
      const document = await session.open(out);
      return { document, counts: document.counts, created: true, summary: describePlan(plan, !!skipProblemRows, true), planned: { summary: plan.summary, skipped: !!skipProblemRows } };
    },
  };
}
