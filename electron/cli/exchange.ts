import fs from 'node:fs';
import path from 'node:path';
import { GROUPS_AS, HEADER_SEARCH_ROWS, normalise, TABLE_FIELDS, TABLE_KINDS, type GroupsAs, type TableKind } from '../../shared/exchange/fields';
import { NEW_PARTY, type TablePlan } from '../../shared/exchange/plan';
import { describeProblems } from '../../shared/exchange/problems';
import type { Counts } from '../../shared/model';
import { NetworkDocument } from '../core/document';
import { CoreError } from '../core/errors';
import { createFromJson, readExchangeSource, restoreJson, restoreProblems, writeJsonExport } from '../core/exchange/json';
import { applyMerge, describeMerge, planMergeInto } from '../core/exchange/merge';
import { LEFT_OUT, NEW_ACTOR, sameMapReason, type MergeChoices, type MergePlan } from '../../shared/exchange/merge';
import type { ExchangeDocument } from '../../shared/exchange/format';
import { otherFormatAdvice } from '../../shared/exchange/contract';
import { applyTablePlan, assertTogether, basisDigest, createFromTables, describePlan, filesLabel, joinSheets, mapSheets, planTableImport, readTableFile, writeTableExport, writeTemplate, type SheetMapping, type TableFormat } from '../core/exchange/tables';
import type { RawSheet } from '../../shared/exchange/csv';
import { mergeVocab } from '../../shared/vocab';
import { parse, UsageError, type CliIo } from './args';
import { jsonFormatOf, readSocialeKaartFile } from '../core/exchange/files';
import { isGraphFormat, placesOf, readGraphFile, writeGraphExport } from '../core/exchange/graphs';

const GENERATOR = `Regiekaart ${process.env.npm_package_version ?? ''}`.trim();
const FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf', 'socialekaart', 'kumu', 'regiekaart'] as const;
type Format = (typeof FORMATS)[number];
const KIND_NL: Record<TableKind, string> = { actors: 'actoren', services: 'diensten', agreements: 'afspraken' };

/** `export … --json / --csv / --xlsx`: writes the requested exchange files of a document. */
export async function exportExchange(file: string, outs: { json?: string; csv?: string; xlsx?: string; graphml?: string; gexf?: string; kind?: string }, io: CliIo): Promise<void> {
  const kind = (outs.kind ?? 'actors') as TableKind;
  if (!TABLE_KINDS.includes(kind)) throw new UsageError(`--kind verwacht ${TABLE_KINDS.join(', ')}, niet "${outs.kind}".`);
  const doc = await NetworkDocument.open(file, { readOnly: true });
  try {
    if (outs.json) io.out(`JSON geschreven naar ${outs.json} (${Math.round(writeJsonExport(doc, outs.json, GENERATOR) / 1024)} kB).\n`);
    if (outs.csv) io.out(`CSV (${KIND_NL[kind]}) geschreven naar ${outs.csv} (${Math.round((await writeTableExport(doc, outs.csv, 'csv', [kind])) / 1024)} kB).\n`);
    if (outs.graphml) io.out(`GraphML geschreven naar ${outs.graphml} (${Math.round(writeGraphExport(doc, outs.graphml, 'graphml') / 1024)} kB).\n`);
    if (outs.gexf) io.out(`GEXF geschreven naar ${outs.gexf} (${Math.round(writeGraphExport(doc, outs.gexf, 'gexf') / 1024)} kB).\n`);
    if (outs.xlsx) io.out(`Excel geschreven naar ${outs.xlsx} (${Math.round((await writeTableExport(doc, outs.xlsx, 'xlsx', TABLE_KINDS)) / 1024)} kB).\n`);
  } finally {
    doc.close();
  }
}

function formatOf(input: string, given: string | undefined): Format {
  const format = (given ?? path.extname(input).slice(1)).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    const advice = given ? null : otherFormatAdvice(path.basename(input));
    if (advice) throw new CoreError('UNSUPPORTED', advice);
    throw new UsageError(given ? `--format verwacht ${FORMATS.join(', ')}, niet "${given}".` : `Het formaat van ${input} is niet te herkennen aan de extensie: geef --format ${FORMATS.join('|')}.`);
  }
  return format as Format;
}

const summary = (c: Counts) => `${c.actors} actoren, ${c.agreements} afspraken, ${c.services} diensten, ${c.gaps} lacunes`;

/**
 * `import <document> <input> [<input> …] [--format] [--kind] [--header-row N] [--groups partnerships|actors|ignore]
 * [--value "Kolom:waarde=woord" …] [--party "Naam=actor" …] [--skip-problems] [--dry-run]`: all or nothing; a new document when the target
 * does not exist. The header row of a spreadsheet is found among its top rows unless `--header-row` names it. A
 * value the vocabulary does not know becomes what `--value` says (a code or label); a party name not found, the
 * actor `--party` names (by id, KBO number or name; "nieuw" for a new one), remembered as its other name. A graph file's group nodes become
 * partnerships of the nodes in them, with `--groups actors` actors, with `--groups ignore` nothing. The target is
 * checked on a read-only connection first, so a refused import leaves it byte for byte as it was. Several
 * spreadsheet files are one import, their sheets read as one workbook's.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    kind: { type: 'string' },
    'header-row': { type: 'string' },
    groups: { type: 'string' },
    value: { type: 'string', multiple: true },
    column: { type: 'string', multiple: true },
    'new-parties': { type: 'boolean' },
    party: { type: 'string', multiple: true },
    'skip-problems': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    merge: { type: 'boolean' },
    source: { type: 'string' },
    view: { type: 'string' },
    'no-view': { type: 'boolean' },
    match: { type: 'string' },
    'take-theirs': { type: 'boolean' },
  });
  if (positionals.length < 2) throw new UsageError('Geef het document en het bestand (of de bestanden) om te importeren op.');
  const [file, input, ...also] = positionals;
  let format = formatOf(input, values.format as string | undefined);
  // Several spreadsheet files are one import (Gephi's node and edge tables): read as the sheets of one workbook.
  const inputs = [input, ...also];
  if (also.length) assertTogether(inputs.map((f) => path.resolve(f)), inputs.map((f) => formatOf(f, values.format as string | undefined)));
  const source = also.length ? filesLabel(inputs) : input;
  // A .json file is a Regiekaart document, a Sociale Kaart extract or a Kumu blueprint: its content says which.
  if (format === 'json' && values.format === undefined) format = jsonFormatOf(input);
  const creating = !fs.existsSync(file);
  if (format === 'json' || format === 'regiekaart') {
    const data = await readExchangeSource(input, format);
    if (creating) {
      const counts = await createFromJson(file, data, input);
      io.out(`Nieuw document ${file} gemaakt uit ${input}: ${summary(counts)}.\n`);
      return 0;
    }
    const peek = await NetworkDocument.open(file, { readOnly: true });
    try {
      if (!peek.isEmpty()) {
        if (!values.merge) throw new CoreError('UNSUPPORTED', `${path.basename(file)} bevat al een netwerk. Met --merge wordt ${path.basename(input)} ermee samengevoegd (actoren gekoppeld, verschillen getoond); of kies een nieuw of leeg document.`);
        return await mergeCommand(peek, file, input, data, values, io);
      }
      restoreProblems(peek, data, input);
    } finally {
      peek.close();
    }
    const doc = await NetworkDocument.open(file);
    try {
      if (doc.readOnly) throw new CoreError('READ_ONLY', doc.readOnlyReason ?? 'Het document is alleen-lezen.');
      io.out(`Geïmporteerd uit ${input} in ${file}: ${summary(restoreJson(doc, data, input))}.\n`);
    } finally {
      doc.close();
    }
    return 0;
  }

  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(TABLE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind verwacht ${TABLE_KINDS.join(', ')}, niet "${kind}".`);
  const groups = values.groups as string | undefined;
  if (groups !== undefined) {
    if (format !== 'graphml' && format !== 'gexf') throw new UsageError('--groups is er voor een GraphML- of GEXF-bestand.');
    if (!(GROUPS_AS as readonly string[]).includes(groups)) throw new UsageError(`--groups verwacht ${GROUPS_AS.join(', ')}, niet "${groups}".`);
  }
  const { sheets: raw, graph, layer, groups: groupCount } =
    isGraphFormat(format)
      ? readGraphFile(input, format, undefined, groups as GroupsAs | undefined)
      : format === 'socialekaart'
        ? { sheets: readSocialeKaartFile(input), graph: null, layer: null, groups: 0 }
        : { sheets: await readInputs(inputs, values.format as string | undefined), graph: null, layer: null, groups: 0 };
  const placesFor = graph ? (p: TablePlan) => placesOf(graph, p) : undefined;
  const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
  if (headerRow !== undefined) {
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--header-row is er voor een CSV- of xlsx-bestand.');
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > HEADER_SEARCH_ROWS) throw new UsageError(`--header-row verwacht een rijnummer van 1 tot ${HEADER_SEARCH_ROWS}, niet "${String(values['header-row'])}".`);
  }
  const given: SheetMapping[] = kind || headerRow || format === 'socialekaart' ? raw.map((s) => ({ sheet: s.name, kind: (kind ?? (format === 'socialekaart' ? 'actors' : undefined)) as TableKind | undefined, headerRow })) : [];
  const suggested = mapSheets(raw, given);
  // The columns the user reads otherwise: mapped again with them, as the dialog does.
  const columns = (values.column as string[] | undefined) ?? [];
  const sheets = columns.length ? mapSheets(raw, chooseColumns(suggested, given, columns)) : suggested;
  chooseValues(sheets, (values.value as string[] | undefined) ?? []);
  // Parties found nowhere become new actors, on every sheet of agreements.
  if (values['new-parties']) for (const s of sheets) if (s.kind === 'agreements') s.newParties = true;
  chooseParties(sheets, (values.party as string[] | undefined) ?? []);
  const skip = !!values['skip-problems'];
  const refuse = (plan: TablePlan) => {
    if (plan.problems.length && !skip) throw new CoreError('INVALID_INPUT', `${describeProblems(path.basename(source), plan.problems)}${unknownValuesHint(plan)}${unknownPartiesHint(plan)}${columnHint(plan)}\nMet --skip-problems worden de andere rijen toch geïmporteerd.`);
  };
  // The whole plan first, on a read-only connection (or against a new, empty document): problems are reported
  // without the file being opened for writing.
  const peek = creating ? null : await NetworkDocument.open(file, { readOnly: true });
  let plan: TablePlan;
  let digest = '';
  let labels = mergeVocab({});
  try {
    plan = planTableImport(peek, sheets, path.basename(source), layer);
    if (peek) digest = basisDigest(peek);
    labels = mergeVocab(peek ? peek.vocab() : {});
  } finally {
    peek?.close();
  }
  refuse(plan);
  if (values['dry-run']) {
    io.out(`Proef (er is niets geschreven), ${source}:\n${describePlan(plan, skip)}\n`);
  } else if (creating) {
    // A plan made against no document holds for the new one.
    plan = await createFromTables(file, sheets, source, skip, undefined, { placesFor, layer }, plan);
    io.out(`Nieuw document ${file} gemaakt uit ${source}:\n${describePlan(plan, skip)}\n`);
  } else {
    const doc = await NetworkDocument.open(file);
    try {
      if (doc.readOnly) throw new CoreError('READ_ONLY', doc.readOnlyReason ?? 'Het document is alleen-lezen.');
      // The peek's plan holds unless the document changed in between (another program wrote to it): then anew.
      if (basisDigest(doc) !== digest) {
        plan = planTableImport(doc, sheets, path.basename(source), layer);
        refuse(plan);
      }
      applyTablePlan(doc, plan, source, skip, placesFor?.(plan));
    } finally {
      doc.close();
    }
    io.out(`Geïmporteerd uit ${source} in ${file}:\n${describePlan(plan, skip)}\n`);
  }
  if (groupCount) io.out(`${groupsNote(groupCount, (groups as GroupsAs | undefined) ?? 'partnerships')}\n`);
  for (const note of plan.notes) io.out(`${note}\n`);
  const like = plan.parties.filter((p) => p.row !== undefined && !p.chosen && !p.ambiguous);
  if (like.length) {
    const lines = like.slice(0, 10).map((p) => `  rij ${p.row}: "${p.value}" lijkt op ${p.near.map((n) => `"${n.name}" (${n.ref})`).join(' en ')}`);
    const how = `--party "${like[0].value}=${like[0].near[0].ref}" werkt die actor bij (en onthoudt de naam) in plaats van een nieuwe te maken`;
    io.out(
      `Nieuwe actoren die lijken op een actor van de kaart:\n${lines.join('\n')}${like.length > 10 ? `\n  … en ${like.length - 10} andere` : ''}\n` +
        (values['dry-run'] ? `Is het dezelfde organisatie? ${how}.\n` : `Was het dezelfde organisatie? Maak de import in de app ongedaan; ${how}.\n`),
    );
  }
  const remembered = plan.values.filter((v) => v.remembered);
  if (remembered.length) {
    // Named as the document's vocabulary names them (its own entries too).
    const label = (v: (typeof remembered)[number]) => labels[v.vocab].find((e) => e.code === v.chosen)?.nl ?? v.chosen;
    io.out(`Gelezen zoals bij een vorige import gekozen: ${remembered.map((v) => `kolom ${v.column} "${v.value}" → ${label(v)}`).join('; ')}. Anders met --value.\n`);
  }
  if (skip && plan.problems.length) io.err(`${describeProblems(path.basename(source), plan.problems).replace('niets geïmporteerd', 'deze rijen zijn overgeslagen')}\n`);
  return 0;
}

/** The sheets of one spreadsheet file, or of several read as one (`joinSheets`). */
async function readInputs(inputs: readonly string[], given: string | undefined): Promise<RawSheet[]> {
  const files = [];
  for (const f of inputs) {
    const format = formatOf(f, given) as TableFormat;
    files.push({ file: f, format, sheets: await readTableFile(f, format) });
  }
  return joinSheets(files);
}

/** What `--column` can make a column besides a field: a custom field, or nothing. */
const COLUMN_WORDS: Record<string, 'custom' | 'ignore'> = { 'eigen veld': 'custom', custom: 'custom', negeren: 'ignore', ignore: 'ignore' };

/**
 * The `--column "Kolom=veld"` choices, as the dialog's mapping step makes them: each sheet with a column of that
 * header (case ignored) reads it as the field named (its Dutch or English name, or its key), as a custom field
 * ("eigen veld"), or not at all ("negeren"). Returns the mapping to map the sheets with again.
 */
function chooseColumns(sheets: ReturnType<typeof mapSheets>, given: readonly SheetMapping[], choices: readonly string[]): SheetMapping[] {
  const mapping = new Map<string, SheetMapping>(sheets.map((s) => [s.name, { ...given.find((g) => g.sheet === s.name), sheet: s.name, kind: s.kind, headerRow: s.headerRow }]));
  for (const choice of choices) {
    const eq = choice.indexOf('=');
    if (eq < 1) throw new UsageError(`--column verwacht "Kolom=veld" (bv. "Soort=eigen veld", "Info=Opmerkingen" of "Nr=negeren"), niet "${choice}".`);
    const [column, word] = [choice.slice(0, eq).trim(), choice.slice(eq + 1).trim()];
    let used = false;
    for (const s of sheets) {
      if (s.kind === 'skip') continue;
      const header = s.header.find((h) => h.trim().toLowerCase() === column.toLowerCase());
      if (header === undefined) continue;
      const fields = TABLE_FIELDS[s.kind].filter((f) => !f.internal);
      const target = COLUMN_WORDS[normalise(word)] ?? fields.find((f) => [f.key, f.nl, f.en].some((n) => normalise(n) === normalise(word)))?.key;
      if (!target || (target === 'custom' && s.kind === 'services')) {
        const words = s.kind === 'services' ? '"negeren"' : '"eigen veld" of "negeren"';
        throw new UsageError(`--column: "${word}" is geen veld van ${KIND_NL[s.kind]}. Kies uit ${fields.map((f) => f.nl).join(', ')}, of ${words}.`);
      }
      const m = mapping.get(s.name)!;
      m.columns = { ...m.columns, [header]: target };
      used = true;
    }
    if (!used) throw new UsageError(`--column: geen kolom "${column}" in een blad met actoren, diensten of afspraken.`);
  }
  return [...mapping.values()];
}

/**
 * The `--value "Kolom:waarde=woord"` choices, put on each sheet whose column of that name fills a code field: its
 * value becomes that code or label of the vocabulary (checked by the planner, as the dialog's choices are).
 */
function chooseValues(sheets: ReturnType<typeof mapSheets>, given: readonly string[]): void {
  for (const v of given) {
    const m = /^([^:]+):(.+)=(.+)$/.exec(v);
    if (!m) throw new UsageError(`--value verwacht "Kolom:waarde=woord" (bv. "Type:Sportclub=Sport-, cultuurdienst, bibliotheek"), niet "${v}".`);
    const [column, value, word] = m.slice(1).map((x) => x.trim());
    let used = false;
    for (const s of sheets) {
      if (s.kind === 'skip') continue;
      const header = s.header.find((h) => h.trim().toLowerCase() === column.toLowerCase());
      const field = header === undefined ? undefined : TABLE_FIELDS[s.kind].find((f) => f.key === s.columns[header]);
      if (!field || (field.type.t !== 'code' && field.type.t !== 'codes')) continue;
      s.values = { ...s.values, [field.key]: { ...s.values?.[field.key], [value]: word } };
      used = true;
    }
    // (Where no sheet holds rows of a known kind, the planner says so.)
    if (!used && sheets.some((s) => s.kind !== 'skip')) throw new UsageError(`--value: geen kolom "${column}" met waarden uit een woordenlijst (soort, sector, status …).`);
  }
}

/**
 * The `--party "Naam=actor"` choices, on every sheet: a party or provider name (as in the file, case and accents
 * aside) is that actor (its id, KBO number or name, checked by the planner), or with "nieuw" a new one; an actor row
 * of that name that matched none is that actor of the map.
 */
function chooseParties(sheets: ReturnType<typeof mapSheets>, given: readonly string[]): void {
  for (const v of given) {
    const m = /^(.+?)=(.+)$/.exec(v);
    if (!m) throw new UsageError(`--party verwacht "Naam=actor" (bv. "CAW O-Vl=CAW Oost-Vlaanderen", of "Naam=nieuw"), niet "${v}".`);
    const [name, actor] = m.slice(1).map((x) => x.trim());
    const to = ['nieuw', 'new'].includes(actor.toLowerCase()) ? NEW_PARTY : actor;
    for (const s of sheets) if (s.kind !== 'skip') s.parties = { ...s.parties, [name]: to };
  }
}

/** After the problems: the party names not found, with the nearest actors, and how to say which actor each is. */
function unknownPartiesHint(plan: TablePlan): string {
  return notFoundHint(plan) + sameNameHint(plan);
}

function notFoundHint(plan: TablePlan): string {
  const unknown = plan.parties.filter((p) => !p.chosen && p.row === undefined && !p.ambiguous);
  if (!unknown.length) return '';
  const list = unknown.slice(0, 10).map((p) => `  kolom ${p.column}: "${p.value}" (${p.rows} keer)${p.near.length ? `, bedoelt u ${p.near.map((n) => `"${n.name}"`).join(' of ')}?` : ''}`);
  const more = unknown.length > 10 ? `\n  … en ${unknown.length - 10} andere` : '';
  const e = unknown[0];
  return `\nPartijen die niet gevonden zijn:\n${list.join('\n')}${more}\nZeg welke actor het is met --party "${e.value}=${e.near[0]?.name ?? '<naam, KBO-nummer of id>'}" (de naam wordt onthouden als andere naam van die actor), of "${e.value}=nieuw".`;
}

/** After the problems: the names that several actors have, with those actors, and how to say which one is meant. */
function sameNameHint(plan: TablePlan): string {
  const same = plan.parties.filter((p) => !p.chosen && p.ambiguous);
  if (!same.length) return '';
  const where = (p: (typeof same)[number]) => (p.row !== undefined ? `rij ${p.row}` : `kolom ${p.column}`);
  const list = same.slice(0, 10).map((p) => `  ${where(p)}: "${p.value}"${p.row === undefined ? ` (${p.rows} keer)` : ''} is ${p.near.map((n) => `${n.ref} (${n.detail})`).join(' of ')}?`);
  const more = same.length > 10 ? `\n  … en ${same.length - 10} andere` : '';
  const e = same[0];
  return `\nNamen die meer actoren hebben:\n${list.join('\n')}${more}\nZeg welke actor het is met --party "${e.value}=${e.near[0].ref}" (voor deze import: zet voortaan het KBO-nummer of het id in de lijst).`;
}

/** After problems that the dialog's mapping step solves: how to map a column here. */
function columnHint(plan: TablePlan): string {
  const mapping = plan.problems.some((p) => p.message.includes('"Eigen veld (bewaren)"') || p.message.includes('Wijs een kolom toe'));
  const parties = plan.problems.some((p) => p.message.includes('is geen actor in het document of in dit bestand'));
  return (
    (mapping ? '\nEen kolom anders lezen: --column "Kolom=veld" (de naam van een veld, "eigen veld" of "negeren").' : '') +
    (parties ? '\nPartijen die nergens staan als nieuwe actor toevoegen: --new-parties.' : '')
  );
}

/** After the problems: the values the vocabulary does not know, and how to say what they become. */
function unknownValuesHint(plan: TablePlan): string {
  const unknown = plan.values.filter((v) => !v.chosen);
  if (!unknown.length) return '';
  const list = unknown.slice(0, 10).map((v) => `  kolom ${v.column}: "${v.value}" (${v.rows} ${v.rows === 1 ? 'rij' : 'rijen'})`);
  const more = unknown.length > 10 ? `\n  … en ${unknown.length - 10} andere` : '';
  const e = unknown[0];
  return `\nWaarden die Regiekaart niet kent:\n${list.join('\n')}${more}\nZeg wat ze worden met --value "${e.column}:${e.value}=<waarde uit de woordenlijst>".`;
}

/** What a graph file's group nodes were read as, and how to have it otherwise. */
function groupsNote(n: number, as: GroupsAs): string {
  const groups = `${n} ${n === 1 ? 'groep' : 'groepen'} (yEd, Gephi)`;
  switch (as) {
    case 'partnerships':
      return `${groups} ingelezen als ${n === 1 ? 'samenwerkingsverband' : 'samenwerkingsverbanden'} met de knopen erin als leden; met --groups actors als actoren, met --groups ignore niet.`;
    case 'actors':
      return `${groups} ingelezen als ${n === 1 ? 'actor' : 'actoren'}; met --groups partnerships als samenwerkingsverbanden.`;
    case 'ignore':
      return `${groups} niet ingelezen, alleen de knopen erin; met --groups partnerships als samenwerkingsverbanden.`;
  }
}

/** The options of a command as parsed (a repeatable one is a list). */
type CliValues = ReturnType<typeof parse>['values'];

/** The user's merge choices from the command line. */
function mergeChoices(values: CliValues, data: ExchangeDocument): MergeChoices {
  const matches: Record<string, string> = {};
  for (const pair of String(values.match ?? '').split(',').filter((x) => x.trim())) {
    const [theirs, ours] = pair.split('=').map((x) => x.trim());
    if (!theirs || !ours) throw new UsageError(`--match verwacht <hun-id>=<ons-id> of <hun-id>=nieuw, niet "${pair}".`);
    if (!data.actors.some((a) => a.id === theirs)) throw new UsageError(`--match: ${theirs} is geen actor in het samen te voegen bestand.`);
    matches[theirs] = ours.toLowerCase() === 'nieuw' ? NEW_ACTOR : ours;
  }
  return { source: values.source as string | undefined, matches, view: values['no-view'] ? null : (values.view as string | undefined), takeAll: values['take-theirs'] ? 'theirs' : 'ours' };
}

/** What a merge does, for the terminal: the matches, the differences (and whose value stays), what is left out. */
function describeMergeLong(plan: MergePlan): string {
  const by = { KBO: 'KBO-nummer', SOCIALE_KAART: 'Sociale Kaart-id', NAAM: 'naam', KEUZE: 'keuze' } as const;
  const lines = [`Samenvoegen met ${plan.source}: ${describeMerge(plan)}.`];
  const matched = plan.matches.filter((m) => m.ourId);
  if (matched.length) lines.push('Gekoppeld:', ...matched.map((m) => `  ${m.theirId} ${m.theirName} = ${m.ourId} ${m.ourName} (${by[m.by ?? 'KEUZE']})`));
  const added = plan.matches.filter((m) => !m.ourId);
  const hint = (m: (typeof added)[number]) =>
    m.candidates.length ? ` (zelfde naam als ${m.candidates.map((c) => c.id).join(', ')})`
    : m.near.length ? ` (lijkt op ${m.near.map((c) => `${c.id} ${c.name}`).join(' en ')}: koppel met --match ${m.theirId}=${m.near[0].id})`
    : '';
  if (added.length) lines.push('Nieuw:', ...added.map((m) => `  ${m.theirId} ${m.theirName}${hint(m)}`));
  if (plan.differences.length) {
    lines.push('Verschillen (onze waarde blijft, tenzij --take-theirs):', ...plan.differences.map((d) => `  ${d.label}, ${d.fieldLabel}: ons "${d.ours}", hun "${d.theirs}" → ${d.take === 'theirs' ? 'hun waarde' : 'onze waarde'}`));
  }
  if (plan.filled) lines.push(`${plan.filled} lege velden aangevuld met hun gegevens.`);
  const left = Object.entries(plan.leftOut);
  if (left.length) lines.push(`Niet overgenomen (de eigen organisatie en opvolging van ${plan.source}): ${left.map(([k, n]) => `${n} ${LEFT_OUT[k as keyof typeof LEFT_OUT]}`).join(', ')}.`);
  if (plan.view) lines.push(`Weergave "${plan.view.name}" ${plan.view.created ? 'aangemaakt' : 'uitgebreid'}.`);
  return `${lines.join('\n')}\n`;
}

/** `import <document> <neighbour.json> --merge`: planned on the read-only connection, then written in one transaction. */
async function mergeCommand(peek: NetworkDocument, file: string, input: string, data: ExchangeDocument, values: CliValues, io: CliIo): Promise<number> {
  const choices = mergeChoices(values, data);
  const planned = planMergeInto(peek, data, choices, input);
  const same = sameMapReason(planned);
  if (same) throw new CoreError('UNSUPPORTED', `${same} Geef met --source een andere naam, of importeer in een nieuw document.`);
  if (planned.problems.length) throw new CoreError('INVALID_INPUT', describeProblems(path.basename(input), planned.problems));
  if (values['dry-run']) {
    io.out(`Proef (er is niets geschreven).\n${describeMergeLong(planned)}`);
    return 0;
  }
  peek.close();
  const doc = await NetworkDocument.open(file);
  try {
    if (doc.readOnly) throw new CoreError('READ_ONLY', doc.readOnlyReason ?? 'Het document is alleen-lezen.');
    const plan = planMergeInto(doc, data, choices, input);
    const counts = applyMerge(doc, plan, input);
    io.out(`${describeMergeLong(plan)}${file}: ${summary(counts)}.\n`);
  } finally {
    doc.close();
  }
  return 0;
}

/** `template <out.xlsx>`: the import template with the default vocabulary's labels. */
export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('Geef op waar het sjabloon moet komen (een .xlsx-bestand).');
  const bytes = await writeTemplate(positionals[0], mergeVocab({}));
  io.out(`Importsjabloon geschreven naar ${positionals[0]} (${Math.round(bytes / 1024)} kB).\n`);
  return 0;
}
