/**
 * `npm run bench`: each benchmark against a baseline measured in the same run, printed as
 * `<name>: ours <x> ms, baseline <y> ms, ratio <r>x` and written to bench-results.json.
 * Sizes are parameters: REGIEKAART_BENCH_SIZES=1000,2000 (actors; agreements are 3×) for the core, and
 * REGIEKAART_BENCH_MAP=2000 for the map in Chromium (issue 3: 2,000 actors and 6,000 agreements, target ≤ 1.5×; and
 * renaming an actor on it), and
 * REGIEKAART_BENCH_CHECKS=1000,10000 for the checks (issue 4: under 200 ms at 10,000 actors, growth ≤ 12× for 10×), and
 * REGIEKAART_BENCH_REPORT=300 for the PDF report (issue 5: the full overview under 5 s; skipped without a Chromium), and
 * REGIEKAART_BENCH_IMPORT=10000 for the CSV import (issue 6: 10,000 actors and 30,000 agreements, at most 2× raw inserts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NetworkDocument } from '../../electron/core/document';
import type { NetworkDataInput } from '../../shared/model';
import { timeChecks } from './checks';
import { median } from './timing';
import { mapBench } from './map';
import { reportBench } from './report';
import { importBench } from './import';
import { findChromium } from '../../electron/core/report/pdf';

interface BenchResult {
  name: string;
  oursMs: number;
  baselineMs: number;
  ratio: number;
}

/** Median of several runs, after one warm-up. */
function synthetic(n: number): NetworkDataInput {
  const actors = Array.from({ length: n }, (_, i) => ({
    id: `A${i}`,
    name: `Actor ${i}`,
    type: 'CAW',
    sectors: ['WELZIJN'],
    legalForm: 'PRIVATE_NONPROFIT',
    level: 'LOKAAL',
  }));
  const agreements = Array.from({ length: 3 * n }, (_, i) => ({
    id: `R${i}`,
    type: 'SAMENWERKINGSOVEREENKOMST',
    title: `Afspraak ${i}`,
    status: 'ACTIEF',
    parties: [
      { actorId: `A${i % n}`, role: 'PARTNER' },
      { actorId: `A${(i * 7 + 1) % n}`, role: 'PARTNER' },
    ],
  }));
  return { meta: { title: `Bench ${n}` }, actors, agreements };
}

async function snapshotBench(n: number, dir: string): Promise<BenchResult> {
  const file = path.join(dir, `bench-${n}.regiekaart`);
  const doc = await NetworkDocument.open(file, { create: true });
  doc.addNetwork(synthetic(n));
  const ours = await median(() => void doc.snapshot(), 7);
  doc.close();
  // Baseline: the same rows read raw with prepared statements, no mapping or validation.
  const raw = new Database(file, { readonly: true });
  const tables = ['meta', 'vocab', 'areas', 'area_parents', 'actors', 'org_units', 'functions', 'services', 'partnerships', 'partnership_members', 'agreements', 'agreement_parties', 'role_assignments', 'governance_models', 'gaps'];
  const stmts = tables.map((t) => raw.prepare(`SELECT * FROM ${t}`));
  const baseline = await median(() => stmts.forEach((s) => s.all()), 7);
  raw.close();
  return { name: `snapshot-${n}-actors`, oursMs: ours, baselineMs: baseline, ratio: ours / baseline };
}

const sizes = (process.env.REGIEKAART_BENCH_SIZES ?? '1000,2000').split(',').filter(Boolean).map(Number);
const mapSizes = (process.env.REGIEKAART_BENCH_MAP ?? '2000').split(',').filter(Boolean).map(Number);
const checkSizes = (process.env.REGIEKAART_BENCH_CHECKS ?? '1000,10000').split(',').filter(Boolean).map(Number);
const reportSizes = (process.env.REGIEKAART_BENCH_REPORT ?? '300').split(',').filter(Boolean).map(Number);
const importSizes = (process.env.REGIEKAART_BENCH_IMPORT ?? '10000').split(',').filter(Boolean).map(Number);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-bench-'));
const results: BenchResult[] = [];
try {
  const report = (r: BenchResult) => {
    results.push(r);
    process.stdout.write(`${r.name}: ours ${r.oursMs.toFixed(1)} ms, baseline ${r.baselineMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}x\n`);
  };
  for (const n of sizes) report(await snapshotBench(n, dir));
  // Checks: each size against one plain pass over the same snapshot, then the growth from the smallest to the largest
  // size (ours = largest, baseline = smallest).
  const checks = [];
  for (const n of checkSizes) checks.push(await timeChecks(n));
  for (const c of checks) report({ name: `checks-${c.n}-actors (${c.findings} findings)`, oursMs: c.ms, baselineMs: c.floorMs, ratio: c.ms / c.floorMs });
  if (checks.length > 1) {
    const [small, large] = [checks[0], checks[checks.length - 1]];
    report({ name: `checks-growth-${small.n}-to-${large.n}-actors`, oursMs: large.ms, baselineMs: small.ms, ratio: large.ms / small.ms });
  }
  for (const n of importSizes) for (const r of await importBench(n, dir)) report(r);
  for (const n of mapSizes) for (const r of await mapBench(n, dir)) report(r);
  for (const n of reportSizes) {
    try {
      findChromium();
    } catch (err) {
      process.stdout.write(`report-pdf-${n}-actors: overgeslagen (${(err as Error).message})\n`);
      continue;
    }
    report(await reportBench(n, dir));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.writeFileSync('bench-results.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
