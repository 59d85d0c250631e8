import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeptPreview, mappingKey } from '../../electron/core/exchange/kept';
import type { Session } from '../../electron/core/session';
import type { TablePlan } from '../../shared/exchange/plan';
import type { CallOutput } from '../../shared/api';
import { startSession } from '../helpers/session';
import { tmpDir } from '../helpers/tmp';

let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

/** A session without dialogs, and its calls as a host makes them (input parsed by the contract). */
function start(dir: string) {
  const started = startSession(path.join(dir, 'work'));
  session = started.session;
  return started;
}

/** A session with a new, empty map open. */
async function startWithMap() {
  const dir = tmpDir();
  const started = start(dir);
  await started.session.open(path.join(dir, 'kaart.regiekaart'), true);
  return { dir, ...started };
}

const HEADER = 'Naam;Type;E-mail';
const ROWS = ['Een vzw;CAW (incl. JAC);een@org.example', 'Twee vzw;OCMW;twee@org.example', 'Drie vzw;Andere;'];
function csv(dir: string, rows = ROWS): string {
  const file = path.join(dir, 'partners.csv');
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\r\n')}\r\n`);
  return file;
}

/** The mapping as the import dialog sends it back: every sheet's kind, columns and fallbacks as previewed. */
const dialogMapping = (p: CallOutput<'exchange.preview'>) => p.sheets!.map((s) => ({ sheet: s.name, kind: s.kind, columns: s.columns, fallbacks: s.fallbacks }));
const previewedIds = (p: CallOutput<'exchange.preview'>) => p.plan!.rows.filter((r) => r.action === 'create').map((r) => r.id);

describe('an import confirms what its preview showed, and plans anew when anything changed since', () => {
  it('writes the previewed plan (the very ids the preview showed); a second import of the file plans anew and finds them', async () => {
    const { dir, session: s, call } = await startWithMap();
    const file = csv(dir);
    const p = await call('exchange.preview', { path: file });
    expect(p.problems).toEqual([]);
    expect(previewedIds(p)).toHaveLength(3);
    const done = await call('exchange.import', { path: p.path, into: 'current', mapping: dialogMapping(p) });
    expect(done.summary).toBe('actoren 3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    const actors = s.current().snapshot().actors;
    expect(actors.map((a) => a.id).sort()).toEqual([...previewedIds(p)].sort());
    expect(actors.find((a) => a.name === 'Een vzw')).toMatchObject({ type: 'CAW', contact: { email: 'een@org.example' } });
    // Used once: importing the file again (without a preview) matches the three by name.
    const again = await call('exchange.import', { path: file, into: 'current' });
    expect(again.summary).toBe('actoren 0 nieuw, 0 bijgewerkt, 3 ongewijzigd');
    expect(s.current().snapshot().actors).toHaveLength(3);
    // One undo step takes the import back.
    await call('history.undo', {});
    expect(s.current().snapshot().actors).toEqual([]);
  });

  it('an edit between preview and import: the import plans anew, so an actor added by hand with a name in the file is matched, not doubled', async () => {
    const { dir, session: s, call } = await startWithMap();
    const p = await call('exchange.preview', { path: csv(dir) });
    await call('edit.apply', { steps: [{ op: 'create', kind: 'actor', value: { name: 'Twee vzw', type: 'OCMW', sectors: [], legalForm: 'PUBLIC', level: 'LOKAAL' } }] });
    const done = await call('exchange.import', { path: p.path, into: 'current', mapping: dialogMapping(p) });
    expect(done.summary).toBe('actoren 2 nieuw, 1 bijgewerkt, 0 ongewijzigd');
    const actors = s.current().snapshot().actors;
    expect(actors.filter((a) => a.name === 'Twee vzw')).toHaveLength(1);
    expect(actors).toHaveLength(3);
    expect(actors.some((a) => previewedIds(p).includes(a.id))).toBe(false);
  });

  it('a file changed on disk, or another mapping: read and planned anew', async () => {
    const { dir, session: s, call } = await startWithMap();
    const file = csv(dir);
    const p = await call('exchange.preview', { path: file });
    csv(dir, [...ROWS, 'Vier vzw;Andere;']);
    expect((await call('exchange.import', { path: p.path, into: 'current', mapping: dialogMapping(p) })).summary).toBe('actoren 4 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    await call('history.undo', {});

    const q = await call('exchange.preview', { path: file });
    const noType = dialogMapping(q).map((m) => ({ ...m, columns: { ...m.columns, Type: 'ignore' } }));
    await call('exchange.import', { path: q.path, into: 'current', mapping: noType });
    const actors = s.current().snapshot().actors;
    expect(actors.map((a) => a.type)).toEqual(['ANDERE', 'ANDERE', 'ANDERE', 'ANDERE']);
    expect(actors.some((a) => previewedIds(q).includes(a.id))).toBe(false);
  });

  it('with no document open: the preview plans against a new one, and the new document holds the previewed rows', async () => {
    const dir = tmpDir();
    const { session: s, call } = start(dir);
    const p = await call('exchange.preview', { path: csv(dir) });
    expect(p.intoCurrent.allowed).toBe(false);
    const target = path.join(dir, 'nieuw.regiekaart');
    const done = await call('exchange.import', { path: p.path, into: 'new', target, mapping: dialogMapping(p) });
    expect(done.created).toBe(true);
    expect(s.current().path).toBe(target);
    expect(s.current().snapshot().actors.map((a) => a.id).sort()).toEqual([...previewedIds(p)].sort());
  });

  it('a kept plan expires (a cancelled dialog does not hold it for ever)', async () => {
    const kept = new KeptPreview();
    const sheets = [{ name: 's', kind: 'skip' as const, header: [], headerRow: 1 }];
    const plan = { writes: [] } as unknown as TablePlan;
    const k = { file: '/f.csv', format: 'csv', stamp: 'x', read: { raw: [] }, against: null, revision: 0, mapping: mappingKey(sheets), plan };
    kept.keep(k, 20);
    expect(kept.take('/f.csv', 'csv', 'x', sheets, null)).toBe(plan);
    kept.keep(k, 20);
    await new Promise((r) => setTimeout(r, 60));
    expect(kept.take('/f.csv', 'csv', 'x', sheets, null)).toBeNull();
  });
});
