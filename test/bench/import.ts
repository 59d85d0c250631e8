import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { NetworkDocument } from '../../electron/core/document';
import { applyTablePlan, mapSheets, planTableImport, readTableFile } from '../../electron/core/exchange/tables';
import { createHandlers, Session } from '../../electron/core/session';
import { contract } from '../../shared/api';

/** CSV files of n actors and 3n agreements (two parties each, named as a person would type them). */
function writeCsvs(n: number, dir: string): { actors: string; agreements: string } {
  const actors = path.join(dir, `actoren-${n}.csv`);
  const agreements = path.join(dir, `afspraken-${n}.csv`);
  const a = ['Naam;Type;Sectoren;Rechtsvorm;Niveau;E-mail'];
  for (let i = 0; i < n; i++) a.push(`Organisatie ${i};CAW (incl. JAC);Welzijn;Privaat zonder winstoogmerk (vzw);Lokaal;info${i}@org.example`);
  const r = ['Titel;Partij 1;Partij 2;Soort;Status;Begindatum'];
  for (let i = 0; i < 3 * n; i++) r.push(`Afspraak ${i};Organisatie ${i % n};Organisatie ${(i * 7 + 1) % n};Samenwerkingsovereenkomst;Actief;1/01/2026`);
  fs.writeFileSync(actors, `${a.join('\r\n')}\r\n`);
  fs.writeFileSync(agreements, `${r.join('\r\n')}\r\n`);
  return { actors, agreements };
}

/**
 * Our import of both files into a new document: read, map, plan (validation, matching) and write with the change
 * log; the whole, and the part of it spent reading and planning (the rest is writing).
 */
async function ours(files: { actors: string; agreements: string }, file: string): Promise<{ ms: number; planMs: number }> {
  fs.rmSync(file, { force: true });
  const doc = await NetworkDocument.open(file, { create: true });
  let planMs = 0;
  const t0 = performance.now();
  for (const input of [files.actors, files.agreements]) {
    const t = performance.now();
    const plan = planTableImport(doc, mapSheets(await readTableFile(input, 'csv')));
    planMs += performance.now() - t;
    applyTablePlan(doc, plan, input);
  }
  const ms = performance.now() - t0;
  doc.close();
  return { ms, planMs };
}

/**
 * The same import as the app's dialog does it: a preview (read, map, plan; the user looks at it), then the import
 * that confirms it. Only the confirming calls are timed: what the user waits for after clicking "Importeren".
 */
async function confirmed(files: { actors: string; agreements: string }, file: string, work: string): Promise<number> {
  fs.rmSync(file, { force: true });
  const session = new Session({ host: 'web', appVersion: 'bench', dialogs: null, bundledDemo: null, workDir: work });
  const handlers = createHandlers(session);
  await session.open(file, true);
  let ms = 0;
  for (const input of [files.actors, files.agreements]) {
    const p = await handlers['exchange.preview'](contract['exchange.preview'].input.parse({ path: input }));
    const mapping = p.sheets!.map((s) => ({ sheet: s.name, kind: s.kind, columns: s.columns, fallbacks: s.fallbacks }));
    const t0 = performance.now();
    await handlers['exchange.import'](contract['exchange.import'].input.parse({ path: p.path, into: 'current', mapping }));
    ms += performance.now() - t0;
  }
  session.close();
  return ms;
}

const TABLES = ['actors', 'agreements', 'agreement_parties'] as const;
type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

/** The rows an import wrote: actors and agreements in the order it wrote them (the floor writes parties with theirs). */
function writtenRows(file: string): Rows {
  const db = new Database(file, { readonly: true });
  const rows = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t}${t === 'agreement_parties' ? '' : ' ORDER BY rowid'}`).all()])) as Rows;
  db.close();
  return rows;
}

/**
 * The floor: the very rows our import wrote (every column, the same ids), inserted again into a new document with
 * prepared statements in one transaction: no parsing, validation, matching or log. With `withLog`, each row also
 * gets a change-log entry of its own with its value as JSON (the way every single edit is logged): what logging row
 * by row would add.
 */
async function floor(rows: Rows, file: string, withLog = false): Promise<number> {
  fs.rmSync(file, { force: true });
  (await NetworkDocument.open(file, { create: true })).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Positional parameters from arrays made beforehand: the quickest way better-sqlite3 has to insert a row.
  const insert = (t: (typeof TABLES)[number]) => {
    const cols = Object.keys(rows[t][0]);
    return { stmt: db.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`), values: rows[t].map((r) => cols.map((c) => r[c])) };
  };
  const [actor, agreement, party] = TABLES.map(insert);
  const log = db.prepare("INSERT INTO change_log (at, author, batch, entity, entity_id, op, before, after, summary) VALUES (?, 'bench', 'bench', ?, ?, 'create', NULL, ?, ?)");
  const partiesOf = new Map<unknown, unknown[][]>();
  for (const p of party.values) partiesOf.set(p[0], [...(partiesOf.get(p[0]) ?? []), p]);
  const t0 = performance.now();
  const at = new Date().toISOString();
  db.transaction(() => {
    actor.values.forEach((a, i) => {
      actor.stmt.run(a);
      if (withLog) log.run(at, 'actor', a[0], JSON.stringify(rows.actors[i]), `actor "${String(rows.actors[i].name)}" toegevoegd`);
    });
    agreement.values.forEach((r, i) => {
      agreement.stmt.run(r);
      const parties = partiesOf.get(r[0]) ?? [];
      for (const p of parties) party.stmt.run(p);
      if (withLog) log.run(at, 'agreement', r[0], JSON.stringify({ ...rows.agreements[i], parties }), `afspraak "${String(rows.agreements[i].title)}" toegevoegd`);
    });
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Importing n actors and 3n agreements from CSV, against raw prepared inserts of the same rows (issue 6: at most 2×),
 * whole and in its two parts (reading and planning, writing); and, for what it says about the log, against those
 * inserts with a change-log entry per row; and the import that confirms a preview (as the dialog does), against the
 * floor of the rows it wrote.
 */
export async function importBench(n: number, dir: string, runs = 3) {
  const files = writeCsvs(n, dir);
  const file = path.join(dir, `import-${n}.regiekaart`);
  const o: number[] = [];
  const f: number[] = [];
  const l: number[] = [];
  const c: number[] = [];
  const cf: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await ours(files, file);
    o.push(run.ms);
    p.push(run.planMs);
    const rows = writtenRows(file);
    f.push(await floor(rows, file));
    l.push(await floor(rows, file, true));
    c.push(await confirmed(files, file, path.join(dir, 'work')));
    cf.push(await floor(writtenRows(file), file));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const name = `import-csv-${n}-actors-${3 * n}-agreements`;
  // The whole run of median length, split into its reading and planning and its writing.
  const mid = o.indexOf(med(o));
  return [
    { name, oursMs: med(o), baselineMs: med(f), ratio: med(o) / med(f) },
    { name: `${name}-of-which-reading-and-planning`, oursMs: p[mid], baselineMs: med(f), ratio: p[mid] / med(f) },
    { name: `${name}-of-which-writing`, oursMs: o[mid] - p[mid], baselineMs: med(f), ratio: (o[mid] - p[mid]) / med(f) },
    { name: `${name}-vs-inserts-with-change-log`, oursMs: med(o), baselineMs: med(l), ratio: med(o) / med(l) },
    { name: `${name}-confirm-after-preview`, oursMs: med(c), baselineMs: med(cf), ratio: med(c) / med(cf) },
  ];
}
