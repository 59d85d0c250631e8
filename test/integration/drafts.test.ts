import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import type { Session } from '../../electron/core/session';
import { contract } from '../../shared/api';
import { DRAFT_MAX_CHARS } from '../../shared/edit/drafts';
import { cli } from '../helpers/cli';
import { startSession } from '../helpers/session';
import { tmpDir } from '../helpers/tmp';

let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

/** A session on a new map, and its calls as a host makes them (input parsed by the contract). */
async function start(file = path.join(tmpDir(), 'kaart.regiekaart'), create = true) {
  const started = startSession(path.join(path.dirname(file), 'work'));
  session = started.session;
  await started.session.open(file, create);
  return { file, ...started };
}

const actorDraft = { name: 'Buurtwerk De Brug', type: 'ANDERE', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL', notes: 'Contact via Els, dinsdag.' };

describe('drafts: what is typed in a dialog that adds something is kept until it is added', () => {
  it('is kept as it is typed, found again after the document is closed and opened, and taken away by the edit that adds it', async () => {
    const { file, session: s, call } = await start();
    await call('drafts.put', { key: 'actor', label: 'Buurtwerk', value: { ...actorDraft, name: 'Buurtwerk' } });
    const { savedAt } = await call('drafts.put', { key: 'actor', label: actorDraft.name, value: actorDraft });
    expect(Date.parse(savedAt)).toBeGreaterThan(Date.now() - 60_000);
    // Not an edit: nothing to undo, nothing in the change log, not in the document's meta.
    expect((await call('history.state', {})).undo).toBeNull();
    expect(s.current().counts().changes).toBe(0);
    expect(Object.keys(s.current().meta())).not.toContain('draft:actor');
    s.close();

    const again = await start(file, false);
    expect(await again.call('drafts.list', {})).toEqual([{ key: 'actor', label: actorDraft.name, value: actorDraft, savedAt }]);
    // An add that is refused (no actor type) keeps the draft; the one that is saved takes it away with it.
    await expect(again.call('edit.apply', { label: 'Actor toegevoegd', steps: [{ op: 'create', kind: 'actor', value: { name: actorDraft.name } }], dropDraft: 'actor' })).rejects.toThrow();
    expect(await again.call('drafts.list', {})).toHaveLength(1);
    await again.call('edit.apply', { label: 'Actor toegevoegd', steps: [{ op: 'create', kind: 'actor', value: { ...actorDraft, sectors: [] } }], dropDraft: 'actor' });
    expect(await again.call('drafts.list', {})).toEqual([]);
    // Undoing the add does not bring the draft back: the actor was added, and undo takes that back.
    await again.call('history.undo', {});
    expect(await again.call('drafts.list', {})).toEqual([]);
  });

  it('one per kind of dialog; dropped when the user cancels; not in a JSON export; too large or of an unknown kind is refused', async () => {
    const { file, call } = await start();
    await call('drafts.put', { key: 'actor', label: 'A', value: { name: 'A' } });
    await call('drafts.put', { key: 'agreement', label: 'Kortvoetjes-overleg', value: { title: 'Kortvoetjes-overleg', parties: [] } });
    expect((await call('drafts.list', {})).map((d) => d.key)).toEqual(['actor', 'agreement']);
    await call('drafts.drop', { key: 'actor' });
    expect((await call('drafts.list', {})).map((d) => d.key)).toEqual(['agreement']);
    expect(() => contract['drafts.put'].input.parse({ key: 'actor', label: 'x', value: { notes: 'x'.repeat(DRAFT_MAX_CHARS) } })).toThrow(/hoogstens 100\.000 tekens/);
    expect(() => contract['drafts.put'].input.parse({ key: 'gap', label: 'x', value: {} })).toThrow();
    session!.close();
    session = null;
    const out = path.join(path.dirname(file), 'uit.json');
    expect((await cli('export', file, '--json', out)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('Kortvoetjes');
  });

  it('an inline form keeps one per place it is open on (its context), and no more than 50 drafts are kept', async () => {
    const { call } = await start();
    const context = { meetingId: 'MT1' };
    await call('drafts.put', { key: 'form:agenda-0a1b2c3d', label: 'Wachtlijst', value: { title: 'Wachtlijst' }, context, where: 'Agendapunt' });
    expect(await call('drafts.list', {})).toMatchObject([{ key: 'form:agenda-0a1b2c3d', label: 'Wachtlijst', value: { title: 'Wachtlijst' }, context, where: 'Agendapunt' }]);
    expect(() => contract['drafts.put'].input.parse({ key: 'form:Geen Sleutel', label: 'x', value: {} })).toThrow();
    for (let i = 1; i < 50; i++) await call('drafts.put', { key: `form:lijst-${i}`, label: `${i}`, value: { title: `${i}` } });
    await expect(call('drafts.put', { key: 'form:lijst-50', label: '50', value: {} })).rejects.toThrow('Er staan al 50 onafgewerkte formulieren klaar');
    // One already kept may still change.
    await call('drafts.put', { key: 'form:lijst-1', label: 'een', value: { title: 'een' } });
    expect((await call('drafts.list', {})).find((d) => d.key === 'form:lijst-1')?.label).toBe('een');
  });

  it('a read-only document keeps no draft', async () => {
    const file = path.join(tmpDir(), 'kaart.regiekaart');
    (await NetworkDocument.open(file, { create: true })).close();
    const doc = await NetworkDocument.open(file, { readOnly: true });
    try {
      expect(() => doc.putDraft({ key: 'actor', label: 'A', value: {} })).toThrow(/om te lezen/);
      expect(doc.drafts()).toEqual([]);
    } finally {
      doc.close();
    }
  });

  it('survives the process being killed right after it was kept', async () => {
    const file = path.join(tmpDir(), 'kaart.regiekaart');
    (await NetworkDocument.open(file, { create: true })).close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/draft-until-killed.ts', file, 'Repair Café'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('kept')) child.kill('SIGKILL');
    });
    expect(await killed, stderr).toBe('SIGKILL');
    const doc = await NetworkDocument.open(file);
    try {
      expect(doc.drafts()).toMatchObject([{ key: 'actor', label: 'Repair Café', value: { name: 'Repair Café', notes: 'Getypt net voor het programma werd gestopt.' } }]);
    } finally {
      doc.close();
    }
  });
});
