import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { NetworkDocument } from '../../electron/core/document';
import { applyBatch } from '../../electron/core/edit/apply';
import { historyState } from '../../electron/core/edit/history';
import { buildReport, rememberReport } from '../../electron/core/report/export';
import { findChromium, findPrinters, printPdf } from '../../electron/core/report/pdf';
import { electronBinary } from '../electron/electron-binary-check.mjs';
import { filterNetwork } from '../../shared/graph/filter';
import { runChecks, needsAction } from '../../shared/checks';
import { EditBatchSchema } from '../../shared/edit/commands';
import { ViewFiltersSchema, type NetworkData } from '../../shared/model';
import { mergeVocab } from '../../shared/vocab';
import { tmpDir } from '../helpers/tmp';


/** The PDF's text in content order (a table cell's lines stay together), whitespace folded. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, ' ');
const tool = (name: string, file: string) => execFileSync(name, [file]).toString();

let demo: string;
let data: NetworkData;
let openConflicts: string[];
const shots = path.resolve('test-results/report');

beforeAll(async () => {
  // Shared by the tests below, so not in tmpDir() (emptied after each test).
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-rapport-'));
  demo = path.join(shared, 'v.regiekaart');
  expect((await cli('demo', demo)).code).toBe(0);
  const doc = await NetworkDocument.open(demo);
  data = doc.snapshot();
  openConflicts = [...new Set(runChecks(data, mergeVocab(doc.vocab())).filter((f) => f.ruleId.startsWith('RC') && needsAction(f)).map((f) => f.ruleId))];
  doc.close();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

describe('report export to PDF', () => {
  it('the full overview of Voorbeeldstad: every actor, the section titles, every open conflict and every recorded gap, A4, fonts embedded', async () => {
    const pdf = path.join(tmpDir(), 'overzicht.pdf');
    const r = await cli('export', demo, '--pdf', pdf);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PDF geschreven naar .*overzicht\.pdf/);
    const text = pdfText(pdf);
    expect(data.actors).toHaveLength(46);
    for (const a of data.actors) expect(text, a.name).toContain(a.name.replace(/\s+/g, ' '));
    for (const title of ['Netwerkoverzicht Voorbeeldstad', 'Inhoud', 'Netwerkkaart', 'Legende', 'Actoren per niveau en sector', 'Afspraken', 'Dekking: doelgroepen × levensdomeinen', 'Lacuneregister', 'Rolconflicten en maatregelen', 'Te evalueren afspraken (binnen 90 dagen)', 'Wijzigingen sinds']) {
      expect(text, title).toContain(title);
    }
    expect(openConflicts).toEqual(expect.arrayContaining(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC10']));
    for (const rule of openConflicts) expect(text, rule).toContain(`${rule} ·`);
    for (const g of data.gaps) expect(text, g.title).toContain(g.title.replace(/\s+/g, ' '));
    // Running header and footer on every page: the title and "Pagina x van y".
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', pdf))![1]);
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    expect(tool('pdfinfo', pdf)).toMatch(/Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)|Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    const fonts = tool('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
    for (const f of fonts) expect(f.trim().split(/\s+/).at(-5), f).toBe('yes');
    // The map nobody had arranged keeps the layout it got, and that is not listed as a change.
    const kept = await NetworkDocument.open(demo);
    expect(kept.positions('STANDAARD').length).toBeGreaterThanOrEqual(46);
    kept.close();
    expect(text).not.toMatch(/\d+ posities|positie "/);
    // The first pages as images, to look at (test-results/report).
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdf, path.join(shots, 'overzicht')]);
    expect(fs.readdirSync(shots).filter((f) => f.startsWith('overzicht'))).toHaveLength(3);
  }, 120_000);

  it('the zorgraad pack in English, landscape: the map and its four sections only', async () => {
    const pdf = path.join(tmpDir(), 'zorgraad.pdf');
    expect((await cli('export', demo, '--pdf', pdf, '--preset', 'zorgraad', '--lang', 'en', '--landscape', '--since', '2026-01-01')).code).toBe(0);
    const text = pdfText(pdf);
    for (const title of ['Network map', 'Legend', 'Gap register', 'Role conflicts and measures', 'Agreements due for review (within 90 days)', 'Changes since 2026-01-01']) expect(text, title).toContain(title);
    expect(text).not.toContain('Actors by level and sector');
    expect(text).not.toContain('Coverage');
    expect(tool('pdfinfo', pdf)).toMatch(/Page size:\s+841\.92 x 594\.96 pts/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(shots, 'zorgraad')]);
  }, 120_000);

  it('a report scoped to a saved view names only that view’s actors', async () => {
    const file = path.join(tmpDir(), 'wonen.regiekaart');
    fs.copyFileSync(demo, file);
    const filters = ViewFiltersSchema.parse({ sectors: ['WONEN'] });
    const doc = await NetworkDocument.open(file);
    applyBatch(doc, EditBatchSchema.parse({ label: 'Weergave wonen', steps: [{ op: 'create', kind: 'view', value: { name: 'Wonen', filters } }] }));
    doc.close();
    const inView = new Set(filterNetwork(data, filters).actors);
    expect(inView.size).toBeGreaterThan(2);
    expect(inView.size).toBeLessThan(46);
    const pdf = path.join(tmpDir(), 'wonen.pdf');
    expect((await cli('export', file, '--pdf', pdf, '--view', 'Wonen')).code).toBe(0);
    const text = pdfText(pdf);
    expect(text).toContain('Weergave: Wonen');
    const shown = data.actors.filter((a) => inView.has(a.id));
    for (const a of shown) expect(text, a.name).toContain(a.name);
    // A name outside the view may only appear as part of a name inside it.
    for (const a of data.actors.filter((x) => !inView.has(x.id))) {
      if (shown.some((s) => s.name.includes(a.name))) continue;
      expect(text, a.name).not.toContain(a.name);
    }
    expect((await cli('export', file, '--pdf', pdf, '--view', 'Bestaat niet')).err).toContain('Er is geen weergave "Bestaat niet"');
  }, 120_000);

  it('the document remembers the builder’s choices and the export, without an undo step; the next pack’s changes start there', async () => {
    const file = path.join(tmpDir(), 'onthouden.regiekaart');
    fs.copyFileSync(demo, file);
    const doc = await NetworkDocument.open(file);
    try {
      const undoBefore = historyState(doc.db).undo;
      const { options } = buildReport(doc, { sections: ['cover', 'changes'], period: 'najaar 2026', changesSince: '2026-01-01' });
      rememberReport(doc, options, '/tmp/zorgraad.pdf', new Date('2026-11-20T10:00:00Z'));
      const saved = doc.snapshot().reportSettings!;
      expect(saved).toMatchObject({ id: 'RAPPORT', lastExportAt: '2026-11-20T10:00:00.000Z', lastExportPath: '/tmp/zorgraad.pdf', options: { sections: ['cover', 'changes'], period: 'najaar 2026' } });
      // The chosen "since" belonged to that pack; the next one starts at the export.
      expect(saved.options.changesSince).toBeUndefined();
      expect(buildReport(doc, { sections: ['changes'] }).options.changesSince).toBe('2026-11-20');
      expect(historyState(doc.db).undo).toEqual(undoBefore);
    } finally {
      doc.close();
    }
  });

  it('tries the printers in turn: a failing Electron falls back to the system Chromium, and the error names every one tried', async () => {
    const dir = tmpDir();
    const pdf = path.join(dir, 'pakket.pdf');
    const html = '<!doctype html><meta charset="utf-8"><title>t</title><p>Zorgraad najaar</p>';
    const chromium = { kind: 'chromium' as const, bin: findChromium() };
    const broken = { kind: 'electron' as const, bin: '/bin/false', script: path.join(dir, 'print.js') };
    const done = await printPdf(html, pdf, { printers: [broken, chromium] });
    expect(done.printer).toBe(path.basename(chromium.bin));
    expect(pdfText(pdf)).toContain('Zorgraad najaar');
    await expect(printPdf(html, pdf, { printers: [broken, { kind: 'chromium', bin: '/bin/false' }] })).rejects.toThrow(/Electron \(\/bin\/false\).*; false \(\/bin\/false\)/);
    expect(pdfText(pdf)).toContain('Zorgraad najaar');
    expect(fs.readdirSync(dir)).toEqual(['pakket.pdf']);
    // Electron comes first exactly when the electron package has its binary (not on machines installed without it).
    const order = findPrinters({}).map((p) => p.kind);
    expect(order).toEqual(electronBinary().path ? ['electron', 'chromium'] : ['chromium']);
    expect(findPrinters({ REGIEKAART_CHROMIUM: chromium.bin })).toEqual([chromium]);
  }, 60_000);

  it('a failed print leaves the previous PDF whole and no temporary file, and says why in Dutch', async () => {
    const dir = tmpDir();
    const pdf = path.join(dir, 'pakket.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7 vorige versie');
    const before = process.env.REGIEKAART_CHROMIUM;
    try {
      process.env.REGIEKAART_CHROMIUM = '/bin/false';
      const r = await cli('export', demo, '--pdf', pdf);
      expect(r.code).toBe(1);
      expect(r.err).toContain('De PDF kon niet gemaakt worden');
      process.env.REGIEKAART_CHROMIUM = path.join(dir, 'geen-browser');
      expect((await cli('export', demo, '--pdf', pdf)).err).toContain('REGIEKAART_CHROMIUM wijst naar');
    } finally {
      if (before === undefined) delete process.env.REGIEKAART_CHROMIUM;
      else process.env.REGIEKAART_CHROMIUM = before;
    }
    expect(fs.readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 vorige versie');
    expect(fs.readdirSync(dir)).toEqual(['pakket.pdf']);
    const usage = await cli('export', demo);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Geef met --pdf, --json, --csv, --xlsx, --graphml of --gexf aan');
    expect((await cli('export', demo, '--pdf', pdf, '--preset', 'kerst')).err).toContain('--preset verwacht overzicht of zorgraad');
  }, 60_000);
});
