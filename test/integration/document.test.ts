import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { CoreError } from '../../electron/core/errors';
import { tmpDir } from '../helpers/tmp';
import { throwsCode } from '../helpers/errors';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const actor = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Actor ${id}`,
  type: 'CAW',
  sectors: ['WELZIJN'],
  legalForm: 'PRIVATE_NONPROFIT',
  level: 'LOKAAL',
  ...extra,
});

async function rejects(p: Promise<unknown>, code: string): Promise<CoreError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe(code);
    return err as CoreError;
  }
  throw new Error(`expected ${code}`);
}

describe('network document file', () => {
  it('creates a new document with WAL, full sync, foreign keys, application id and schema version', async () => {
    const file = path.join(tmpDir(), 'nieuw.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true, meta: { title: 'Testgemeente' } });
    expect(doc.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(doc.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(doc.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(doc.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(doc.schemaVersion).toBe(LATEST_VERSION);
    expect(doc.meta().title).toBe('Testgemeente');
    expect(doc.vocab().targetGroup.length).toBeGreaterThan(10);
    doc.close();
    // Closed, it is one self-contained file: no WAL or shared-memory file beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['nieuw.regiekaart']);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });

  it('leaves a closed document one self-contained file, every time it is opened, and a read-only open touches nothing', async () => {
    const file = path.join(tmpDir(), 'heen-en-weer.regiekaart');
    (await NetworkDocument.open(file, { create: true })).close();
    for (let i = 0; i < 3; i++) {
      (await NetworkDocument.open(file)).close();
      const header = fs.readFileSync(file).subarray(18, 20);
      // Bytes 18-19 are 1 in rollback-journal mode and 2 in WAL mode: a closed document is back in rollback mode.
      expect([...header], `open ${i + 1}`).toEqual([1, 1]);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    }
    const before = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const peek = await NetworkDocument.open(file, { readOnly: true });
    expect(peek.readOnly).toBe(true);
    peek.close();
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
  });

  it('migrates an empty file from scratch', async () => {
    const file = path.join(tmpDir(), 'leeg.regiekaart');
    fs.writeFileSync(file, '');
    const doc = await NetworkDocument.open(file);
    expect(doc.schemaVersion).toBe(LATEST_VERSION);
    expect(doc.counts().actors).toBe(0);
    doc.close();
  });

  it('refuses a file from a newer version and leaves it byte for byte untouched', async () => {
    const file = path.join(tmpDir(), 'nieuwer.regiekaart');
    (await NetworkDocument.open(file, { create: true })).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const err = await rejects(NetworkDocument.open(file), 'TOO_NEW');
    expect(err.message).toMatch(/nieuwere versie van Regiekaart/);
    expect(err.message).toMatch(/niet gewijzigd/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['nieuwer.regiekaart']);
  });

  it('refuses files that are not Regiekaart documents', async () => {
    const dir = tmpDir();
    const text = path.join(dir, 'tekst.regiekaart');
    fs.writeFileSync(text, 'dit is geen databank');
    expect((await rejects(NetworkDocument.open(text), 'NOT_A_DOCUMENT')).message).toMatch(/geen Regiekaart-bestand/);
    const other = path.join(dir, 'ander.db');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    await rejects(NetworkDocument.open(other), 'NOT_A_DOCUMENT');
    await rejects(NetworkDocument.open(path.join(dir, 'bestaat-niet.regiekaart')), 'NOT_FOUND');
  });

  it('runs quick_check on open and refuses a damaged file', async () => {
    const file = path.join(tmpDir(), 'kapot.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true });
    doc.edit((tx) => {
      for (let i = 0; i < 300; i++) tx.insert('actor', actor(`A${i}`, { notes: 'x'.repeat(200) }));
    });
    doc.close();
    const buf = fs.readFileSync(file);
    const pageSize = buf.readUInt16BE(16);
    // Scribble over a b-tree page in the middle of the file.
    const page = Math.floor(buf.length / pageSize / 2);
    buf.fill(0x5a, page * pageSize, page * pageSize + 200);
    fs.writeFileSync(file, buf);
    await rejects(NetworkDocument.open(file), 'CORRUPT');
  });

  it('opens a read-only file read-only, with a reason, and refuses edits', async () => {
    const file = path.join(tmpDir(), 'alleen-lezen.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true });
    doc.edit((tx) => tx.insert('actor', actor('A1')));
    doc.close();
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const ro = await NetworkDocument.open(file);
    expect(ro.readOnly).toBe(true);
    expect(ro.readOnlyReason).toMatch(/alleen-lezen/);
    expect(ro.counts().actors).toBe(1);
    expect(throwsCode(() => ro.edit((tx) => tx.insert('actor', actor('A2'))), 'READ_ONLY').message).toMatch(/alleen-lezen/);
    ro.close();
    expect(sha(file)).toBe(before);
  });

  it('gives a second writer a clear "in gebruik" instead of sharing the file', async () => {
    const file = path.join(tmpDir(), 'gedeeld.regiekaart');
    const first = await NetworkDocument.open(file, { create: true });
    first.edit((tx) => tx.insert('actor', actor('A1')));
    const err = await rejects(NetworkDocument.open(file), 'IN_USE');
    expect(err.message).toMatch(/in gebruik/);
    // Another process (the CLI) is refused the same way.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'info', file], { encoding: 'utf8' });
    expect(cli.stderr + cli.stdout).toMatch(/in gebruik/);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/in gebruik/);
    first.edit((tx) => tx.insert('actor', actor('A2')));
    first.close();
    const again = await NetworkDocument.open(file);
    expect(again.counts().actors).toBe(2);
    again.close();
  });

  it('takes a verified backup before migrating, and migrates in one transaction with the version bump', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'oud.regiekaart');
    const v1 = await NetworkDocument.open(file, { create: true });
    v1.edit((tx) => tx.insert('actor', actor('A1')));
    v1.close();
    const v2 = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'test: extra kolom', up: (db: Database.Database) => db.exec('ALTER TABLE actors ADD COLUMN extra TEXT') }];
    const doc = await NetworkDocument.open(file, { migrations: v2 });
    expect(doc.schemaVersion).toBe(LATEST_VERSION + 1);
    doc.close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^oud\\.regiekaart\\.v${LATEST_VERSION}-.*\\.bak$`));
    const bak = new Database(path.join(dir, backups[0]), { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(bak.pragma('quick_check', { simple: true })).toBe('ok');
    expect((bak.prepare('SELECT count(*) AS n FROM actors').get() as { n: number }).n).toBe(1);
    bak.close();
  });

  it('rolls a failing migration back completely, leaving the version and data as they were', async () => {
    const file = path.join(tmpDir(), 'mislukt.regiekaart');
    const v1 = await NetworkDocument.open(file, { create: true });
    v1.edit((tx) => tx.insert('actor', actor('A1')));
    v1.close();
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'test: faalt halverwege',
        up: (db: Database.Database) => {
          db.exec('CREATE TABLE halfweg (x)');
          db.exec('DELETE FROM actors');
          throw new Error('stuk');
        },
      },
    ];
    await rejects(NetworkDocument.open(file, { migrations: broken }), 'INTERNAL');
    const doc = await NetworkDocument.open(file);
    expect(doc.schemaVersion).toBe(LATEST_VERSION);
    expect(doc.counts().actors).toBe(1);
    expect(doc.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'halfweg'").get()).toEqual({ n: 0 });
    doc.close();
  });
});

describe('edits', () => {
  it('commits each edit at once and records it in the append-only change log', async () => {
    const file = path.join(tmpDir(), 'log.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true, author: 'tester' });
    doc.edit((tx) => tx.insert('actor', actor('A1', { kbo: '0455.123.406' })));
    doc.edit((tx) => tx.update('actor', { ...tx.get('actor', 'A1'), name: 'Nieuwe naam' }));
    const log = doc.changes();
    expect(log.map((c) => [c.op, c.entityId, c.author])).toEqual([
      ['update', 'A1', 'tester'],
      ['create', 'A1', 'tester'],
    ]);
    expect(log[0].summary).toMatch(/Nieuwe naam/);
    expect(() => doc.db.exec('DELETE FROM change_log')).toThrow(/wijzigingslogboek/);
    expect(() => doc.db.exec("UPDATE change_log SET author = 'x'")).toThrow(/wijzigingslogboek/);
    // Autosave: another connection sees the edit without any save step (after this one lets go).
    doc.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT name, kbo FROM actors').get()).toEqual({ name: 'Nieuwe naam', kbo: '0455123406' });
    raw.close();
  });

  it('writes nothing of an edit that fails halfway', async () => {
    const doc = await NetworkDocument.open(path.join(tmpDir(), 'atomair.regiekaart'), { create: true });
    const before = doc.counts();
    expect(() =>
      doc.edit((tx) => {
        tx.insert('actor', actor('A1'));
        tx.insert('actor', actor('A2', { type: 'BESTAAT_NIET' }));
      }),
    ).toThrow(/Onbekend actortype "BESTAAT_NIET"/);
    expect(doc.counts()).toEqual(before);
    doc.close();
  });

  it('refuses duplicate and invalid KBO numbers, naming the actor that has it', async () => {
    const doc = await NetworkDocument.open(path.join(tmpDir(), 'kbo.regiekaart'), { create: true });
    doc.edit((tx) => tx.insert('actor', actor('A1', { kbo: '0455123406' })));
    const dup = throwsCode(() => doc.edit((tx) => tx.insert('actor', actor('A2', { kbo: 'BE 0455.123.406' }))), 'CONSTRAINT');
    expect(dup.message).toMatch(/0455123406 is al gebruikt door Actor A1 \(A1\)/);
    const bad = throwsCode(() => doc.edit((tx) => tx.insert('actor', actor('A3', { kbo: '0455.123.407' }))), 'INVALID_INPUT');
    expect(bad.message).toMatch(/kbo: .*controlecijfers/);
    doc.close();
  });

  it('keeps agreements with any number of parties and their roles, in order', async () => {
    const doc = await NetworkDocument.open(path.join(tmpDir(), 'partijen.regiekaart'), { create: true });
    doc.edit((tx) => {
      for (const id of ['A1', 'A2', 'A3']) tx.insert('actor', actor(id));
      tx.insert('agreement', {
        id: 'R1',
        type: 'SUBSIDIE',
        title: 'Drie partijen',
        status: 'ACTIEF',
        parties: [
          { actorId: 'A3', role: 'FUNDER' },
          { actorId: 'A1', role: 'RECIPIENT' },
          { actorId: 'A2', role: 'OBSERVER' },
        ],
      });
    });
    const r1 = doc.snapshot().agreements[0];
    expect(r1.parties.map((p) => `${p.actorId}:${p.role}`)).toEqual(['A3:FUNDER', 'A1:RECIPIENT', 'A2:OBSERVER']);
    doc.close();
  });

  it('saves a verified, self-contained copy through the backup API', async () => {
    const dir = tmpDir();
    const doc = await NetworkDocument.open(path.join(dir, 'bron.regiekaart'), { create: true });
    doc.edit((tx) => tx.insert('actor', actor('A1')));
    const copy = await doc.saveCopy(path.join(dir, 'kopie.regiekaart'));
    expect(copy).toBe(path.join(dir, 'kopie.regiekaart'));
    await expect(doc.saveCopy(doc.path)).rejects.toThrow(/ander bestand/);
    doc.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['bron.regiekaart', 'kopie.regiekaart']);
    const c = await NetworkDocument.open(copy);
    expect(c.counts().actors).toBe(1);
    c.close();
  });
});
