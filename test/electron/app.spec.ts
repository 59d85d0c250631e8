import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from './electron-binary-check.mjs';

const binary = electronBinary();
test.skip(!binary.path, `Electron-suite overgeslagen: ${binary.reason}`);

let app: ElectronApplication;
let userData: string;

test.beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-electron-'));
  app = await electron.launch({ executablePath: binary.path!, args: ['.', `--user-data-dir=${userData}`], env: { ...process.env, NODE_ENV: 'production' } });
});
test.afterAll(async () => {
  await app?.close();
  fs.rmSync(userData, { recursive: true, force: true });
});

test('opens on the Voorbeeldstad demo with 46 actors', async () => {
  const win = await app.firstWindow();
  await expect(win.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  await expect(win).toHaveTitle(/Voorbeeldstad/);
});

test('Chromium runs in Flemish Dutch: date fields are day-month-year whatever the system language', async () => {
  const win = await app.firstWindow();
  expect(await app.evaluate(({ app: a }) => a.getLocale())).toMatch(/^nl/);
  expect(await win.evaluate(() => navigator.language)).toMatch(/^nl/);
});

test('runs the renderer isolated and sandboxed, with only window.api exposed', async () => {
  const win = await app.firstWindow();
  const probe = await win.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys((window as unknown as { api: object }).api).sort(),
    origin: location.origin,
  }));
  expect(probe.require).toBe('undefined');
  expect(probe.process).toBe('undefined');
  expect(probe.origin).toBe('app://regiekaart');
  expect(probe.api).toContain('network.snapshot');
  // Context isolation: the page cannot reach into the preload's world or add to the bridged object.
  const isolated = await win.evaluate(() => {
    const api = (window as unknown as { api: Record<string, unknown> }).api;
    return { frozen: Object.isFrozen(api), invoke: 'invoke' in api, ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer };
  });
  expect(isolated).toEqual({ frozen: true, invoke: false, ipc: 'undefined' });
});

test('blocks navigation and new windows', async () => {
  const win = await app.firstWindow();
  const before = win.url();
  await win.evaluate(() => {
    window.open('https://example.org/');
    location.href = 'https://example.org/';
  });
  await win.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(win.url()).toBe(before);
});

test('prints the zorgraad pack with its own Chromium (printToPDF): an A4 PDF with the gap register', async () => {
  const win = await app.firstWindow();
  const out = path.join(userData, 'zorgraad.pdf');
  const done = await win.evaluate(
    (file) => (window as unknown as { api: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: { path: string; bytes: number } }>> }).api['report.export']({ path: file, options: { sections: ['cover', 'gaps', 'conflicts', 'due', 'changes'] } }),
    out,
  );
  expect(done.ok).toBe(true);
  expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { execFileSync } = await import('node:child_process');
  expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/A4/);
  expect(execFileSync('pdftotext', ['-raw', out, '-']).toString()).toContain('Lacuneregister');
});

test('the command line prints with Electron\'s own Chromium before any system browser', async () => {
  const { execFileSync } = await import('node:child_process');
  const out = path.join(userData, 'cli-zorgraad.pdf');
  const env = { ...process.env };
  delete env.REGIEKAART_CHROMIUM;
  const said = execFileSync(process.execPath, ['out/main/cli.js', 'export', 'resources/demo/voorbeeldstad.regiekaart', '--pdf', out, '--preset', 'zorgraad'], { env }).toString();
  expect(said).toContain('gedrukt met Electron');
  expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/A4/);
  expect(execFileSync('pdftotext', ['-raw', out, '-']).toString()).toContain('Lacuneregister');
});

/**
 * Starts the app on a copy of the demo, does `type` in its window, closes the window at once (well within the typing
 * pause; the app quits with its last window), starts it again on the same file and does `check` there.
 */
async function closeAndRelaunch(type: (win: Page) => Promise<void>, check: (win: Page) => Promise<void>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-sluiten-'));
  const file = path.join(dir, 'kaart.regiekaart');
  fs.copyFileSync('resources/demo/voorbeeldstad.regiekaart', file);
  const launch = () => electron.launch({ executablePath: binary.path!, args: ['.', `--user-data-dir=${path.join(dir, 'profiel')}`, file], env: { ...process.env, NODE_ENV: 'production' } });
  try {
    const first = await launch();
    await type(await first.firstWindow());
    const exited = new Promise((resolve) => first.process().once('exit', resolve));
    // (The app may be gone before the answer comes back: what counts is what the next start finds.)
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close()).catch(() => undefined);
    await exited;
    const again = await launch();
    await check(await again.firstWindow());
    await again.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("two files as one import through the app's own file dialog: the first, then 'Nog een bestand toevoegen…'; one undo takes both back", async () => {
  const win = await app.firstWindow();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-gephi-'));
  const nodes = path.join(dir, 'nodes.csv');
  const edges = path.join(dir, 'edges.csv');
  fs.writeFileSync(nodes, 'Id,Label\r\n0,Buurtwerk Het Anker\r\n1,Repair Café Noord\r\n');
  fs.writeFileSync(edges, 'Source,Target,Type,Label\r\n0,1,Undirected,Vrijwilligerspool Noord\r\n');
  // The native dialog answers with these files, one per time it is opened (what it was asked is kept).
  await app.evaluate(({ dialog }, files) => {
    const queue = [...files];
    const asked: string[] = [];
    (globalThis as { asked?: string[] }).asked = asked;
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      const options = args[args.length - 1] as { title?: string };
      asked.push(options.title ?? '');
      return { canceled: false, filePaths: [queue.shift()!] };
    }) as typeof dialog.showOpenDialog;
  }, [nodes, edges]);
  await win.getByTestId('exchange-open').click();
  const dialog = win.getByTestId('exchange-dialog');
  await dialog.getByRole('button', { name: 'Controleren' }).click();
  await expect(dialog.getByRole('heading', { name: 'Inhoud van nodes.csv' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Nog een bestand bij deze import…' }).click();
  await expect(dialog.getByRole('heading', { name: 'Inhoud van nodes.csv en edges.csv' })).toBeVisible();
  expect(await app.evaluate(() => (globalThis as { asked?: string[] }).asked)).toEqual(['Bestand importeren', 'Nog een bestand voor deze import']);
  await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(win.getByTestId('statusbar')).toContainText('Geïmporteerd uit nodes.csv en edges.csv');
  await expect(win.getByTestId('tab-actors')).toHaveText('Actoren (48)');
  await win.getByTestId('undo').click();
  await expect(win.getByTestId('tab-actors')).toHaveText('Actoren (46)');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('closing the window right after typing keeps what was typed: the host waits for the page to save it', async () => {
  await closeAndRelaunch(
    async (win) => {
      await win.getByRole('button', { name: 'Sociaal Huis Voorbeeldstad', exact: true }).click();
      // The field never left.
      await win.getByTestId('inspector').getByTestId('actor-name').fill('Sociaal Huis Centrum');
    },
    (win) => expect(win.getByTestId('actor-table').getByRole('button', { name: 'Sociaal Huis Centrum', exact: true })).toBeVisible(),
  );
});

test('closing the window with a new actor half typed keeps it as a draft: the next start offers it', async () => {
  await closeAndRelaunch(
    async (win) => {
      await win.getByTestId('new-actor').click();
      await win.getByTestId('actor-dialog').getByTestId('actor-name').fill('Buurtwerk Zonnewijzer');
    },
    (win) => expect(win.getByTestId('drafts-banner')).toContainText('nieuwe actor "Buurtwerk Zonnewijzer"'),
  );
});
