import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { NetworkDocument } from '../../electron/core/document';
import { applyTablePlan, mapSheets, planTableImport, readTableFile } from '../../electron/core/exchange/tables';

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

/** Our import of both files into a new document: read, map, plan (validation, matching) and write with the change log. */
async function ours(files: { actors: string; agreements: string }, file: string): Promise<number> {
  fs.rmSync(file, { force: true });
  const doc = await NetworkDocument.open(file, { create: true });
  const t0 = performance.now();
  for (const input of [files.actors, files.agreements]) {
    const sheets = mapSheets(await readTableFile(input, 'csv'));
    applyTablePlan(doc, planTableImport(doc, sheets), input);
  }
  const ms = performance.now() - t0;
  doc.close();
  return ms;
}

/**
 * The floor: the same rows inserted with prepared statements in one transaction, no parsing, validation or log. With
 * `withLog`, each row also gets the change-log entry the document keeps for every change (its value as JSON, for
 * history and undo): the least any import into a Regiekaart document writes.
 */
async function floor(n: number, file: string, withLog = false): Promise<number> {
  fs.rmSync(file, { force: true });
  (await NetworkDocument.open(file, { create: true })).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const t0 = performance.now();
  const actor = db.prepare("INSERT INTO actors (id, name, type, sectors, legal_form, level, contact, active, custom, board_member_ids) VALUES (?, ?, 'CAW', '[\"WELZIJN\"]', 'PRIVATE_NONPROFIT', 'LOKAAL', ?, 1, '{}', '[]')");
  const agreement = db.prepare("INSERT INTO agreements (id, type, title, status, start_date, auto_renew, life_domains, target_groups, area_ids, custom) VALUES (?, 'SAMENWERKINGSOVEREENKOMST', ?, 'ACTIEF', '2026-01-01', 0, '[]', '[]', '[]', '{}')");
  const party = db.prepare("INSERT INTO agreement_parties (agreement_id, ordinal, actor_id, role) VALUES (?, ?, ?, 'PARTNER')");
  const log = db.prepare("INSERT INTO change_log (at, author, batch, entity, entity_id, op, before, after, summary) VALUES (?, 'bench', 'bench', ?, ?, 'create', NULL, ?, ?)");
  const at = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const contact = { phone: null, email: `info${i}@org.example`, website: null, address: null };
      actor.run(`A${i}`, `Organisatie ${i}`, JSON.stringify(contact));
      if (withLog) log.run(at, 'actor', `A${i}`, JSON.stringify({ id: `A${i}`, name: `Organisatie ${i}`, type: 'CAW', sectors: ['WELZIJN'], legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL', contact, active: true, custom: {} }), `actor "Organisatie ${i}" toegevoegd`);
    }
    for (let i = 0; i < 3 * n; i++) {
      agreement.run(`R${i}`, `Afspraak ${i}`);
      party.run(`R${i}`, 0, `A${i % n}`);
      party.run(`R${i}`, 1, `A${(i * 7 + 1) % n}`);
      if (withLog) {
        const parties = [{ actorId: `A${i % n}`, role: 'PARTNER' }, { actorId: `A${(i * 7 + 1) % n}`, role: 'PARTNER' }];
        log.run(at, 'agreement', `R${i}`, JSON.stringify({ id: `R${i}`, type: 'SAMENWERKINGSOVEREENKOMST', title: `Afspraak ${i}`, parties, status: 'ACTIEF', startDate: '2026-01-01', custom: {} }), `afspraak "Afspraak ${i}" toegevoegd`);
      }
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/**
 * Importing n actors and 3n agreements from CSV, against raw prepared inserts of the same rows (issue 6: at most 2×);
 * and, for what it says about the import itself, against those inserts with their change-log entries.
 */
export async function importBench(n: number, dir: string, runs = 3) {
  const files = writeCsvs(n, dir);
  const file = path.join(dir, `import-${n}.regiekaart`);
  const o: number[] = [];
  const f: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < runs; i++) {
    o.push(await ours(files, file));
    f.push(await floor(n, file));
    l.push(await floor(n, file, true));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const name = `import-csv-${n}-actors-${3 * n}-agreements`;
  return [
    { name, oursMs: med(o), baselineMs: med(f), ratio: med(o) / med(f) },
    { name: `${name}-vs-inserts-with-change-log`, oursMs: med(o), baselineMs: med(l), ratio: med(o) / med(l) },
  ];
}
