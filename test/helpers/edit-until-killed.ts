/**
 * A child process for the kill tests: opens a document, saves `n` edits one by one (each a new actor) and says so
 * after each commit, then starts one large import and says so from inside its transaction, and goes on until the
 * parent kills it. It speaks through synchronous writes to fd 1, so each line is out before the next step starts.
 * Usage: tsx edit-until-killed.ts <file.regiekaart> <n> <actors.csv>
 */
import fs from 'node:fs';
import { NetworkDocument } from '../../electron/core/document';
import { applyBatch } from '../../electron/core/edit/apply';
import { mapSheets, planTableImport, readTableFile } from '../../electron/core/exchange/tables';

const [file, n, csv] = process.argv.slice(2);
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const doc = await NetworkDocument.open(file);
const value = (i: number) => ({ id: `K${i}`, name: `Bewaard ${i}`, type: 'CAW', sectors: ['WELZIJN'], legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL' });
for (let i = 0; i < Number(n); i++) {
  applyBatch(doc, { label: `bewaard ${i}`, undoable: true, steps: [{ op: 'create', kind: 'actor', value: value(i) }] });
  say(`saved ${i}`);
}
const plan = planTableImport(doc, mapSheets(await readTableFile(csv, 'csv')));
// The import, slowed so the kill surely lands inside its transaction: row by row, saying when it is halfway.
doc.edit((tx) => {
  plan.writes.forEach((w, i) => {
    tx.insert(w.entity, w.value);
    if (i === Math.floor(plan.writes.length / 2)) say('importing');
  });
  for (;;) tx.get('actor', 'K0');
});
