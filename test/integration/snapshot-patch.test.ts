import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeVoorbeeldstad } from '../../electron/core/demo/write';
import { createHandlers, Session } from '../../electron/core/session';
import { contract, type CallInput } from '../../shared/api';
import type { NetworkData } from '../../shared/model';
import { applySnapshotPatch, type SnapshotReply } from '../../shared/model/snapshotPatch';
import { tmpDir } from '../helpers/tmp';

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

/** The demo in a session, as the UI reaches it: through the handlers, inputs parsed by the contract. */
async function demoSession() {
  const dir = tmpDir();
  const file = path.join(dir, 'demo.regiekaart');
  await writeVoorbeeldstad(file);
  const session = new Session({ host: 'web', appVersion: 'test', dialogs: null, bundledDemo: null, workDir: path.join(dir, 'work') });
  sessions.push(session);
  await session.open(file);
  const h = createHandlers(session);
  const snapshot = (since?: string) => h['network.snapshot'](contract['network.snapshot'].input.parse(since ? { since } : {})) as Promise<SnapshotReply>;
  const edit = (batch: CallInput<'edit.apply'>) => h['edit.apply'](contract['edit.apply'].input.parse(batch));
  return { session, h, snapshot, edit };
}

describe('the snapshot as changes since the last one sent', () => {
  it('after every kind of edit, the patched snapshot equals the whole one, and a patch holds only what changed', async () => {
    const { session, h, snapshot, edit } = await demoSession();
    const first = await snapshot();
    expect(first.patch).toBeNull();
    let have = first.full!;
    let token = first.token;
    /** The next reply, as the UI gets it: patched onto what it has, which must be the document as it now is. */
    const next = async () => {
      const reply = await snapshot(token);
      expect(reply.full).toBeNull();
      expect(contract['network.snapshot'].output.safeParse(reply).success).toBe(true);
      const data = applySnapshotPatch(have, reply.patch!);
      expect(data).toEqual(session.current().snapshot());
      const unchanged = (data.actors as NetworkData['actors']).filter((a) => have.actors.includes(a)).length;
      have = data;
      token = reply.token;
      return { patch: reply.patch!, unchanged };
    };

    // A rename: one actor, nothing else; every other actor is the same object as before.
    const a = have.actors.find((x) => x.id === 'A03')!;
    await edit({ label: 'Hernoemd', steps: [{ op: 'update', kind: 'actor', value: { ...a, name: 'Sociaal Huis (nieuwe naam)' } }] });
    const rename = await next();
    expect(Object.keys(rename.patch.lists)).toEqual(['actors']);
    expect(rename.patch.lists.actors).toEqual({ put: [expect.objectContaining({ id: 'A03', name: 'Sociaal Huis (nieuwe naam)' })], order: null });
    expect(rename.patch.singles).toEqual({});
    expect(rename.unchanged).toBe(have.actors.length - 1);

    // A new actor: its list gets the new order.
    const { created } = await edit({ steps: [{ op: 'create', kind: 'actor', value: { name: 'Buurtwerk De Brug', type: 'BURENHULP', legalForm: 'INFORMAL', level: 'BUURT' } }] });
    const add = await next();
    expect(add.patch.lists.actors!.order).toContain(created[0]);

    // Deleting an actor takes what goes with it (its agreements' parties, services, memberships …): all in the patch.
    const ids = have.actors.map((x) => x.id);
    await edit({ steps: [{ op: 'delete', kind: 'actor', ids: ['A03'] }] });
    const del = await next();
    expect(del.patch.lists.actors!.order).toEqual(ids.filter((id) => id !== 'A03'));
    expect(Object.keys(del.patch.lists).length).toBeGreaterThan(1);

    // Undo and redo are edits like any other.
    await h['history.undo']({});
    await next();
    await h['history.redo']({});
    await next();

    // The settings rows and the title are single parts of the snapshot.
    await edit({ steps: [{ op: 'create', kind: 'checkSettings', value: { id: 'CONTROLES', warningDays: 60, referralShare: 0.75 } }] });
    const settings = await next();
    expect(Object.keys(settings.patch.singles)).toEqual(['checkSettings']);

    // Nothing changed: an empty patch.
    expect(await next().then((r) => r.patch)).toEqual({ lists: {}, singles: {} });
  });

  it('answers with the whole snapshot for a token that is not the last one sent, or none, or of another document', async () => {
    const { session, snapshot } = await demoSession();
    const first = await snapshot();
    const second = await snapshot(first.token);
    expect(second.patch).not.toBeNull();
    // The first token is no longer the last one sent (another window, or a reply the UI dropped).
    const stale = await snapshot(first.token);
    expect(stale.full).toEqual(session.current().snapshot());
    expect(stale.patch).toBeNull();
    expect((await snapshot()).full).not.toBeNull();

    // Another document, opened in the same session: its first snapshot is whole, whatever token the UI still has.
    const other = path.join(tmpDir(), 'ander.regiekaart');
    await writeVoorbeeldstad(other);
    const last = await snapshot(stale.token);
    await session.open(other);
    const fresh = await snapshot(last.token);
    expect(fresh.patch).toBeNull();
    expect(fresh.full!.meta).toEqual(session.current().snapshot().meta);
  });

  it('refuses a token that is not text of a sensible length', () => {
    expect(contract['network.snapshot'].input.safeParse({ since: '' }).success).toBe(false);
    expect(contract['network.snapshot'].input.safeParse({ since: 'x'.repeat(101) }).success).toBe(false);
    expect(contract['network.snapshot'].input.safeParse({ since: 5 }).success).toBe(false);
    expect(contract['network.snapshot'].input.safeParse({ since: 'abc', extra: 1 }).success).toBe(false);
  });
});
