/**
 * Opening and drawing a big map in the real UI (web host, system Chromium) against bare Cytoscape drawing the same
 * elements with the same styles in the same browser. Both times run from navigation start to the first frame
 * Cytoscape draws with every element (a `performance.mark` in each page).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import type cytoscape from 'cytoscape';
import { build } from 'vite';
import { NetworkDocument } from '../../electron/core/document';
import { applyBatch } from '../../electron/core/edit/apply';
import { createHandlers, Session } from '../../electron/core/session';
import { startWebHost } from '../../electron/web/server';
import { networkElements } from '../../shared/graph/elements';
import { mergeVocab } from '../../shared/vocab';
import { DEFAULT_VIEW_ID, type NetworkDataInput } from '../../shared/model';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTORS = ['ZORG', 'WELZIJN', 'WONEN', 'GEZONDHEID', 'WERK', 'ONDERWIJS', 'VRIJE_TIJD', 'INKOMEN'];
const LEVELS = ['BUURT', 'LOKAAL', 'BOVENLOKAAL', 'VLAAMS', 'FEDERAAL'];
const FORMS = ['PUBLIC', 'PRIVATE_NONPROFIT', 'PRIVATE_FORPROFIT', 'INFORMAL', 'PUBLIC_INTERMUNICIPAL'];
const TYPES = ['SAMENWERKINGSOVEREENKOMST', 'PROTOCOL_TOELEIDING', 'SUBSIDIE', 'LIDMAATSCHAP', 'INFORMEEL', 'GEGEVENSDELING'];
const STATUSES = ['ACTIEF', 'ACTIEF', 'ACTIEF', 'CONCEPT', 'TE_HERZIEN'];

const actorName = (i: number) => `Actor ${i} ${SECTORS[i % SECTORS.length].toLowerCase()}`;

/** A varied network of n actors and 3n agreements (every 50th with three parties), as a map someone has arranged. */
export function bigNetwork(n: number): NetworkDataInput {
  const actors = Array.from({ length: n }, (_, i) => ({
    id: `A${i}`,
    name: actorName(i),
    type: 'CAW',
    sectors: [SECTORS[i % SECTORS.length]],
    legalForm: FORMS[i % FORMS.length],
    level: LEVELS[i % LEVELS.length],
  }));
  const agreements = Array.from({ length: 3 * n }, (_, i) => {
    const parties = [
      { actorId: `A${i % n}`, role: 'PARTNER' },
      { actorId: `A${(i * 7 + 1) % n}`, role: 'PARTNER' },
    ];
    if (i % 50 === 0) parties.push({ actorId: `A${(i * 13 + 5) % n}`, role: 'PARTNER' });
    return {
      id: `R${i}`,
      type: TYPES[i % TYPES.length],
      title: `Afspraak ${i}`,
      status: STATUSES[i % STATUSES.length],
      reviewDate: i % 9 === 0 ? '2026-12-01' : null,
      parties: parties.filter((p, k) => parties.findIndex((q) => q.actorId === p.actorId) === k),
    };
  });
  return { meta: { title: `Bench ${n}`, referenceDate: '2026-11-15' }, actors, agreements };
}

function staticServer(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

/** Loads a page in a fresh context and returns the time of its render mark, in ms from navigation start. */
async function timeToMark(browser: Browser, url: string, mark: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, locale: 'nl-BE' });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000, polling: 50 });
    return await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * In the page: from the next key press, each frame checks whether the map's node has the new label; the frame after
 * that is the one after Cytoscape drew it (it draws in its own animation frame callback). As text, since the bench's
 * TypeScript loader names nested functions with a helper the page does not have.
 */
const WATCH_RENAME = `(id, label) => {
  delete window.renameMs;
  document.addEventListener('keydown', () => {
    const t0 = performance.now();
    const frame = () => {
      if (window.__regiekaartMap.getElementById(id).data('label') !== label) requestAnimationFrame(frame);
      else requestAnimationFrame(() => { window.renameMs = performance.now() - t0; });
    };
    requestAnimationFrame(frame);
  }, { capture: true, once: true });
}`;

/**
 * One edit as a user makes it, timed in the page: the actor's name changed in the inspector and committed (Tab), until
 * the map's node has the new label and the frame after it has been drawn; the edit is saved, and everything it affects
 * (tables, checks, inspector) is brought up to date on the way. Then undone, so every run renames the same map.
 */
async function timeRename(page: Page, actorId: string, was: string, name: string): Promise<number> {
  // A page in the background gets no animation frames.
  await page.bringToFront();
  await page.getByTestId('table-filter').fill(was);
  await page.getByTestId('actor-table').getByText(was, { exact: true }).click();
  await page.getByTestId('table-filter').fill('');
  const field = page.getByTestId('inspector').getByTestId('actor-name');
  await field.fill(name);
  await page.waitForTimeout(300);
  await page.evaluate(`(${WATCH_RENAME})(${JSON.stringify(actorId)}, ${JSON.stringify(name)})`);
  await field.press('Tab');
  await page.waitForFunction(() => (window as unknown as { renameMs?: number }).renameMs !== undefined, null, { timeout: 60_000, polling: 20 });
  const ms = await page.evaluate(() => (window as unknown as { renameMs: number }).renameMs);
  await page.getByRole('button', { name: /Ongedaan maken/ }).click();
  await page.waitForFunction(([id, label]) => (window as unknown as { __regiekaartMap: cytoscape.Core }).__regiekaartMap.getElementById(id).data('label') !== label, [actorId, name] as const);
  return ms;
}

type Result = { name: string; oursMs: number; baselineMs: number; ratio: number };

export async function mapBench(n: number, dir: string, runs = 7): Promise<Result[]> {
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  }
  // The document, arranged in a grid as if the user had laid it out (opening it then needs no layout).
  const file = path.join(dir, `map-${n}.regiekaart`);
  const doc = await NetworkDocument.open(file, { create: true });
  doc.addNetwork(bigNetwork(n));
  const data = doc.snapshot();
  const vocab = mergeVocab(doc.vocab());
  const { nodes, edges } = networkElements(data, vocab);
  const cols = Math.ceil(Math.sqrt(nodes.length));
  const positions = nodes.map((node, i) => ({ nodeId: node.id, x: (i % cols) * 120, y: Math.floor(i / cols) * 80 }));
  applyBatch(doc, { undoable: false, steps: [{ op: 'place', viewId: DEFAULT_VIEW_ID, positions }] });
  doc.close();

  // The baseline page: the same elements at the same places, the same styles, built once with Vite.
  const baseDir = path.join(dir, 'baseline');
  await build({
    configFile: false,
    logLevel: 'error',
    root: path.join(root, 'test', 'bench', 'baseline'),
    base: './',
    build: { outDir: baseDir, emptyOutDir: true },
  });
  const at = new Map(positions.map((p) => [p.nodeId, p]));
  fs.writeFileSync(
    path.join(baseDir, 'elements.json'),
    JSON.stringify({
      vocab,
      elements: [
        ...nodes.map((d) => ({ group: 'nodes', data: d, position: { x: at.get(d.id)!.x, y: at.get(d.id)!.y } })),
        ...edges.map((d) => ({ group: 'edges', data: d })),
      ],
    }),
  );

  const session = new Session({ host: 'web', appVersion: 'bench', dialogs: null, bundledDemo: path.join(root, 'resources', 'demo', 'voorbeeldstad.regiekaart'), workDir: path.join(dir, 'work') });
  await session.open(file);
  const host = await startWebHost({ handlers: createHandlers(session), rendererDir: path.join(root, 'out', 'renderer'), port: 0 });
  const baseline = await staticServer(baseDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const ours: number[] = [];
    const base: number[] = [];
    // One warm-up each, then alternate so both see the same machine state.
    await timeToMark(browser, host.url, 'regiekaart:map-rendered');
    await timeToMark(browser, baseline.url, 'baseline:map-rendered');
    for (let i = 0; i < runs; i++) {
      ours.push(await timeToMark(browser, host.url, 'regiekaart:map-rendered'));
      base.push(await timeToMark(browser, baseline.url, 'baseline:map-rendered'));
    }
    const o = median(ours);
    const b = median(base);
    // Editing that map: renaming an actor in the app, against bare Cytoscape drawing one changed label.
    const app = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'nl-BE' });
    const bare = await browser.newPage({ viewport: { width: 1500, height: 900 }, locale: 'nl-BE' });
    await app.goto(host.url);
    await bare.goto(baseline.url);
    await app.waitForFunction(() => performance.getEntriesByName('regiekaart:map-rendered').length > 0, null, { timeout: 120_000 });
    await bare.waitForFunction(() => performance.getEntriesByName('baseline:map-rendered').length > 0, null, { timeout: 120_000 });
    const edits: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const id = `A${100 + i}`;
      const ms = await timeRename(app, id, actorName(100 + i), `Nieuwe naam ${i}`);
      await bare.bringToFront();
      const floor = await bare.evaluate(([nodeId, label]) => (window as unknown as { rename: (a: string, b: string) => Promise<number> }).rename(nodeId, label), [id, `Nieuwe naam ${i}`] as const);
      // The first of each is a warm-up.
      if (i > 0) {
        edits.push(ms);
        floors.push(floor);
      }
    }
    const e = median(edits);
    const f = median(floors);
    return [
      { name: `map-open-render-${n}-actors-${edges.length}-edges`, oursMs: o, baselineMs: b, ratio: o / b },
      { name: `map-edit-rename-actor-${n}-actors-${edges.length}-edges`, oursMs: e, baselineMs: f, ratio: e / f },
    ];
  } finally {
    await browser.close();
    await baseline.close();
    await host.close();
    session.close();
  }
}
