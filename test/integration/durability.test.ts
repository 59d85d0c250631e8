/**
 * Safe with the user's data when the disk fills up, is read-only, or a folder is missing: on a real small file system
 * (tmpfs, mounted for the test; that needs root, as on CI). Every write either happens whole or not at all, says
 * in Dutch what is wrong, and leaves the document and any earlier file as they were.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeVoorbeeldstad } from '../../electron/core/demo/write';
import { NetworkDocument } from '../../electron/core/document';
import { CoreError } from '../../electron/core/errors';
import { historyState, undo } from '../../electron/core/edit/history';
import { findChromium, isWholePdf } from '../../electron/core/report/pdf';
import { createHandlers, Session } from '../../electron/core/session';
import { contract, type CallInput, type CallName } from '../../shared/api';
import { noSmallDisk, smallDisk } from '../helpers/disk';
import { tmpDir } from '../helpers/tmp';

const why = noSmallDisk();
if (why) console.log(`Volle en alleen-lezen schijf: overgeslagen, ${why}.`);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function disk(sizeKb: number) {
  const d = smallDisk(sizeKb);
  cleanup.push(() => d.unmount());
  return d;
}

/** The demo, opened in a session as the UI reaches it (inputs parsed by the contract), from a file on `dir`. */
async function demoOn(dir: string, name = 'demo.regiekaart') {
  const file = path.join(dir, name);
  const made = path.join(tmpDir(), name);
  await writeVoorbeeldstad(made);
  fs.copyFileSync(made, file);
  const session = new Session({ host: 'web', appVersion: 'test', dialogs: null, bundledDemo: null, workDir: tmpDir() });
  cleanup.push(() => session.close());
  await session.open(file);
  const h = createHandlers(session);
  const call = async <K extends CallName>(name: K, input: CallInput<K>) => (h[name] as (i: unknown) => Promise<unknown>)(contract[name].input.parse(input));
  return { file, session, call };
}

async function refused(p: Promise<unknown>, what = 'de oproep'): Promise<CoreError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    return err as CoreError;
  }
  throw new Error(`expected ${what} to be refused`);
}

/** Every file in a folder (the filler aside): nothing half-written may stay behind. */
const filesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'opvulling').sort();

describe.skipIf(why)('a full disk', () => {
  it('refuses an edit that does not fit in Dutch and writes none of it; once there is room the same edit saves, and all survives closing on a full disk', async () => {
    const d = disk(8192);
    const { file, session, call } = await demoOn(d.dir);
    const doc = () => session.current();
    const rename = (name: string) => call('edit.apply', { label: `naam ${name}`, steps: [{ op: 'update', kind: 'actor', value: { ...doc().snapshot().actors.find((x) => x.id === 'A03')!, name } }] });
    /** Notes on every actor: an edit of some 200 kB. */
    const annotate = (notes: string) => call('edit.apply', { label: 'notities', steps: [{ op: 'patch', kind: 'actor', ids: doc().snapshot().actors.map((a) => a.id), patch: { notes } }] });
    await rename('Voor de volle schijf');
    const before = doc().digest(['actor', 'agreement']);
    d.fill();
    const err = await refused(annotate('x'.repeat(3900)));
    expect(err.code).toBe('IO');
    expect(err.message).toBe('De schijf is vol: de wijziging is niet bewaard. Maak ruimte vrij en probeer opnieuw.');
    // Nothing of it: the rows, and the undo step is still the one before.
    expect(doc().digest(['actor', 'agreement'])).toBe(before);
    expect(await call('history.state', {})).toMatchObject({ undo: { label: 'naam Voor de volle schijf' } });
    // Undo on a full disk is refused the same way, and also changes nothing.
    expect((await refused(call('history.undo', {}))).code).toBe('IO');
    expect(doc().digest(['actor', 'agreement'])).toBe(before);

    d.free();
    await annotate('x'.repeat(3900));
    await rename('Na het opruimen');
    expect(doc().snapshot().actors.find((x) => x.id === 'A03')!.name).toBe('Na het opruimen');
    // Closing on a full disk cannot fold the WAL back in: it stays beside the file, and nothing is lost.
    d.fill();
    session.close();
    d.free();
    const again = await NetworkDocument.open(file);
    cleanup.push(() => again.close());
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    const a = again.snapshot().actors.find((x) => x.id === 'A03')!;
    expect(a.name).toBe('Na het opruimen');
    expect(again.snapshot().actors.filter((x) => x.notes === 'x'.repeat(3900))).toHaveLength(46);
  });

  it('an import into the open document that does not fit changes nothing', async () => {
    const d = disk(8192);
    const { session, call } = await demoOn(d.dir);
    const csv = path.join(tmpDir(), 'partners.csv');
    const rows = ['Naam;Type;Sectoren;Rechtsvorm;Niveau;Opmerkingen'];
    for (let i = 0; i < 3000; i++) rows.push(`Partner ${i};CAW (incl. JAC);Welzijn;Privaat zonder winstoogmerk (vzw);Lokaal;${'opmerking '.repeat(40)}`);
    fs.writeFileSync(csv, rows.join('\n'));
    const before = session.current().digest(['actor', 'service', 'agreement']);
    d.fill();
    const err = await refused(call('exchange.import', { path: csv, into: 'current' }));
    expect(err.message).toMatch(/^De schijf is vol/);
    expect(session.current().digest(['actor', 'service', 'agreement'])).toBe(before);
    d.free();
    await call('exchange.import', { path: csv, into: 'current' });
    expect(session.current().snapshot().actors).toHaveLength(46 + 3000);
  });

  it('a new document, a copy, a restore or an import into a new document is there whole or not at all, at every degree of fullness', async () => {
    const d = disk(2048);
    const { file: demo, call } = await demoOn(tmpDir());
    const json = path.join(tmpDir(), 'demo.json');
    await call('exchange.export', { path: json, format: 'json' });
    const attempts: [string, number, (target: string) => Promise<unknown>][] = [
      ['nieuw.regiekaart', 0, (target) => call('document.create', { path: target, title: 'Nieuw' })],
      ['kopie.regiekaart', 46, (target) => call('document.saveCopy', { path: target })],
      ['hersteld.regiekaart', 46, (target) => call('exchange.import', { path: json, into: 'new', target })],
    ];
    const outcomes = new Set<string>();
    // From a full disk to one with room: each step leaves a little more free.
    for (let leave = 0; leave <= 1500; leave += 100) {
      for (const [name, actors, attempt] of attempts) {
        const target = path.join(d.dir, name);
        const at = `${name} bij ${leave} kB vrij`;
        d.fill(leave);
        const error = await attempt(target).then(
          () => null,
          (err: unknown) => err,
        );
        // Back to the demo, with room again (a new document the session opened is closed whole).
        d.free();
        await call('document.open', { path: demo });
        if (error) {
          expect(error, at).toBeInstanceOf(CoreError);
          expect((error as CoreError).message, at).toBe(`De schijf is vol: ${name} is niet geschreven. Maak ruimte vrij en probeer opnieuw.`);
          expect(filesIn(d.dir), at).toEqual([]);
          outcomes.add(`${name}: geweigerd`);
          continue;
        }
        // Whole: one self-contained file that opens, with all it should hold.
        expect(filesIn(d.dir), at).toEqual([name]);
        const doc = await NetworkDocument.open(target, { readOnly: true });
        expect(doc.db.pragma('quick_check', { simple: true }), at).toBe('ok');
        expect(doc.snapshot().actors, at).toHaveLength(actors);
        doc.close();
        fs.rmSync(target);
        outcomes.add(`${name}: gemaakt`);
      }
    }
    // The sweep went from refusing each to making each.
    expect([...outcomes].sort()).toEqual(attempts.flatMap(([name]) => [`${name}: gemaakt`, `${name}: geweigerd`]).sort());
  });
});

/** Every way the app writes a file the user named, through the handlers; the PDF only where a Chromium prints it. */
const EXPORTS: [string, (call: Awaited<ReturnType<typeof demoOn>>['call'], file: string) => Promise<unknown>][] = [
  ['kaart.json', (call, file) => call('exchange.export', { path: file, format: 'json' })],
  ['actoren.csv', (call, file) => call('exchange.export', { path: file, format: 'csv', kind: 'actors' })],
  ['netwerk.xlsx', (call, file) => call('exchange.export', { path: file, format: 'xlsx' })],
  ['netwerk.graphml', (call, file) => call('exchange.export', { path: file, format: 'graphml' })],
  ['netwerk.gexf', (call, file) => call('exchange.export', { path: file, format: 'gexf' })],
  ['sjabloon.xlsx', (call, file) => call('exchange.template', { path: file })],
  ['kaart.svg', (call, file) => call('map.export', { path: file, format: 'svg', data: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><!-- ${'kaart '.repeat(4000)} --><rect width="10" height="10"/></svg>` })],
  ...(hasChromium() ? [['rapport.pdf', (call, file) => call('report.export', { path: file, options: { sections: ['cover', 'gaps'] } })] as (typeof EXPORTS)[number]] : []),
];
function hasChromium(): boolean {
  try {
    return !!findChromium();
  } catch {
    return false;
  }
}

describe.skipIf(why)('exports on a full or read-only disk, or into a missing folder', () => {
  it('a full disk: each export is refused naming the file, leaves no temporary file and the earlier export as it was', { timeout: 60_000 }, async () => {
    const d = disk(4096);
    const { call } = await demoOn(tmpDir());
    const earlier = new Map<string, Buffer>();
    for (const [name, write] of EXPORTS) {
      await write(call, path.join(d.dir, name));
      earlier.set(name, fs.readFileSync(path.join(d.dir, name)));
    }
    const refusedAll = async (names: string[]) => {
      for (const [name, write] of EXPORTS.filter(([n]) => names.includes(n))) {
        const err = await refused(write(call, path.join(d.dir, name)), name);
        expect(err.message, name).toBe(`De schijf is vol: ${name} is niet geschreven. Maak ruimte vrij en probeer opnieuw.`);
      }
    };
    d.fill();
    await refusedAll([...earlier.keys()]);
    // Room to start a file, not to finish it: the larger exports stop halfway, and still leave nothing behind.
    d.free();
    d.fill(16);
    const large = [...earlier].filter(([, bytes]) => bytes.length > 48 * 1024).map(([name]) => name);
    expect(large.length).toBeGreaterThanOrEqual(2);
    await refusedAll(large);
    expect(filesIn(d.dir)).toEqual([...earlier.keys()].sort());
    for (const [name, bytes] of earlier) expect(fs.readFileSync(path.join(d.dir, name)).equals(bytes), name).toBe(true);
    // What the browser leaves on a full disk, a PDF cut short, is not taken for a whole one.
    const pdf = earlier.get('rapport.pdf');
    if (pdf) {
      expect(isWholePdf(pdf)).toBe(true);
      for (const cut of [16 * 1024, pdf.length / 2, pdf.length - 2048]) expect(isWholePdf(pdf.subarray(0, cut)), `${cut} van ${pdf.length} bytes`).toBe(false);
    }
  });

  it('a read-only disk: exports are refused saying so; a document on it opens read-only; a new document there is refused', async () => {
    const d = disk(4096);
    const { file: demo, call } = await demoOn(tmpDir());
    // A document closed as it should be, and one copied while it was open (still in WAL mode).
    const closed = path.join(tmpDir(), 'gesloten.regiekaart');
    await writeVoorbeeldstad(closed);
    fs.copyFileSync(closed, path.join(d.dir, 'op-cd.regiekaart'));
    fs.copyFileSync(demo, path.join(d.dir, 'open-gekopieerd.regiekaart'));
    d.remount(true);
    for (const [name, write] of EXPORTS) {
      const err = await refused(write(call, path.join(d.dir, name)), name);
      expect(err.message, name).toBe(`${d.dir} staat op een schijf die alleen-lezen is: ${name} is niet geschreven. Kies een andere map.`);
    }
    expect((await refused(call('document.create', { path: path.join(d.dir, 'nieuw.regiekaart') }))).message).toBe(`${d.dir} staat op een schijf die alleen-lezen is: nieuw.regiekaart is niet geschreven. Kies een andere map.`);
    expect((await refused(call('document.saveCopy', { path: path.join(d.dir, 'kopie.regiekaart') }))).message).toBe(`${d.dir} staat op een schijf die alleen-lezen is: kopie.regiekaart is niet geschreven. Kies een andere map.`);
    const info = (await call('document.open', { path: path.join(d.dir, 'op-cd.regiekaart') })) as { readOnly: boolean; readOnlyReason: string | null };
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toMatch(/alleen-lezen/);
    expect((await refused(call('document.open', { path: path.join(d.dir, 'open-gekopieerd.regiekaart') }))).message).toBe(
      'open-gekopieerd.regiekaart staat op een schijf die alleen-lezen is en werd niet netjes gesloten (of gekopieerd terwijl het open was), dus het kan hier niet worden gelezen. Kopieer het naar een map waarin u mag schrijven en open het daar.',
    );
    await call('document.open', { path: demo });
    d.remount(false);
    expect(filesIn(d.dir)).toEqual(['op-cd.regiekaart', 'open-gekopieerd.regiekaart']);
  });

  it('a folder that does not exist: each export and a new document say which folder', async () => {
    const { call } = await demoOn(tmpDir());
    const missing = path.join(tmpDir(), 'bestaat-niet');
    for (const [name, write] of EXPORTS) {
      const err = await refused(write(call, path.join(missing, name)), name);
      expect(err.message, name).toBe(`De map ${missing} bestaat niet: ${name} is niet geschreven. Kies een bestaande map.`);
    }
    expect((await refused(call('document.create', { path: path.join(missing, 'nieuw.regiekaart') }))).message).toBe(`De map ${missing} bestaat niet: nieuw.regiekaart is niet geschreven. Kies een bestaande map.`);
    expect((await refused(call('document.saveCopy', { path: path.join(missing, 'kopie.regiekaart') }))).message).toBe(`De map ${missing} bestaat niet: kopie.regiekaart is niet geschreven. Kies een bestaande map.`);
  });
});

describe('a process killed while it edits', () => {
  it('keeps every edit it had saved, none of the one it was in, and opens clean with its undo history', { timeout: 60_000 }, async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gedood.regiekaart');
    await writeVoorbeeldstad(file);
    const csv = path.join(dir, 'veel.csv');
    fs.writeFileSync(csv, ['Naam;Type', ...Array.from({ length: 5000 }, (_, i) => `Import ${i};CAW (incl. JAC)`)].join('\n'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/edit-until-killed.ts', file, '5', csv], { stdio: ['ignore', 'pipe', 'pipe'] });
    const said: string[] = [];
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (b) => {
      said.push(...String(b).split('\n').filter(Boolean));
      if (said.includes('importing')) child.kill('SIGKILL');
    });
    expect(await killed, stderr).toBe('SIGKILL');
    expect(said).toEqual(['saved 0', 'saved 1', 'saved 2', 'saved 3', 'saved 4', 'importing']);
    // The killed process left its WAL; the next open replays what was committed and drops the rest.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    const doc = await NetworkDocument.open(file);
    cleanup.push(() => doc.close());
    expect(doc.db.pragma('quick_check', { simple: true })).toBe('ok');
    const names = doc.snapshot().actors.map((a) => a.name);
    expect(names.filter((x) => x.startsWith('Bewaard ')).sort()).toEqual(['Bewaard 0', 'Bewaard 1', 'Bewaard 2', 'Bewaard 3', 'Bewaard 4']);
    expect(names.filter((x) => x.startsWith('Import '))).toEqual([]);
    expect(names).toHaveLength(46 + 5);
    // The undo history ends at the last saved edit, and undo takes it back.
    expect(historyState(doc.db).undo?.label).toBe('bewaard 4');
    undo(doc);
    expect(doc.snapshot().actors.map((a) => a.name)).not.toContain('Bewaard 4');
  });
});
