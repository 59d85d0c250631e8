/**
 * Report speed (issue 5): the full overview of a 300-actor network exported to PDF (HTML built, map laid out,
 * Chromium printing), against the same Chromium printing a plain document of the same size: as many pages of plain
 * paragraphs, no styles, no vector map. Median of a few runs each, in the same run of the bench.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { median } from './timing';
import { NetworkDocument } from '../../electron/core/document';
import { buildReport } from '../../electron/core/report/export';
import { printPdf } from '../../electron/core/report/pdf';
import { PRESETS } from '../../shared/report/options';
import { bigNetwork } from './map';

export async function reportBench(n: number, dir: string, runs = 3): Promise<{ name: string; oursMs: number; baselineMs: number; ratio: number }> {
  const file = path.join(dir, `rapport-${n}.regiekaart`);
  const doc = await NetworkDocument.open(file, { create: true });
  try {
    doc.addNetwork(bigNetwork(n));
    const out = path.join(dir, `rapport-${n}.pdf`);
    let html = '';
    const ours = await median(async () => {
      html = buildReport(doc, { ...PRESETS.overzicht }).html;
      await printPdf(html, out);
    }, runs);
    // The page count from poppler's pdfinfo (the PDF's own objects are compressed).
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out]).toString())?.[1] ?? 1);
    // As many A4 pages of plain paragraphs (about 50 lines a page), no styles, no map.
    const line = '<p>Een gewone alinea tekst zonder opmaak.</p>\n';
    const plain = `<!doctype html><html><head><meta charset="utf-8"></head><body>${line.repeat(Math.max(1, pages) * 50)}</body></html>`;
    const baseline = await median(() => printPdf(plain, path.join(dir, 'gewoon.pdf')).then(() => undefined), runs);
    return { name: `report-pdf-${n}-actors (${pages} pages, ${Math.round(html.length / 1024)} kB HTML) vs plain pages`, oursMs: ours, baselineMs: baseline, ratio: ours / baseline };
  } finally {
    doc.close();
  }
}

// Run directly: npx tsx test/bench/report.ts
if (process.argv[1]?.endsWith('report.ts')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-bench-'));
  reportBench(300, dir)
    .then((r) => console.log(`${r.name}: ours ${r.oursMs.toFixed(0)} ms, baseline ${r.baselineMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}x`))
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
