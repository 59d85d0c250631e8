import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { applyBatch } from '../../electron/core/edit/apply';
import { historyState, undo } from '../../electron/core/edit/history';
import { exportJson, readJsonExport } from '../../electron/core/exchange/json';
import { readImportFile } from '../../electron/core/exchange/files';
import { EditBatchSchema } from '../../shared/edit/commands';
import { EXCHANGE_SCHEMA_FILE } from '../../shared/exchange/format';
import { exchangeJsonSchema } from '../../shared/exchange/jsonSchema';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The demo with what a working document gathers: a saved view with positions, an edited gap, check settings. */
async function workedDemo(dir: string): Promise<string> {
  const file = path.join(dir, 'v.regiekaart');
  expect((await cli('demo', file)).code).toBe(0);
  const doc = await NetworkDocument.open(file);
  try {
    const edit = (batch: unknown) => applyBatch(doc, EditBatchSchema.parse(batch));
    const { created } = edit({ label: 'Weergave', steps: [{ op: 'create', kind: 'view', value: { name: 'Wonen', filters: { sectors: ['WONEN'] } } }] });
    edit({ steps: [{ op: 'place', viewId: created[0], positions: [{ nodeId: 'A01', x: 12.5, y: -40 }, { nodeId: 'A05', x: 300, y: 80 }] }] });
    edit({ steps: [{ op: 'place', viewId: 'STANDAARD', positions: [{ nodeId: 'A01', x: 0, y: 0 }] }] });
    const gap = doc.snapshot().gaps[0];
    edit({ steps: [{ op: 'update', kind: 'gap', value: { ...gap, status: 'IN_BEHANDELING', owner: 'Dienst Welzijn' } }] });
    edit({ steps: [{ op: 'create', kind: 'checkSettings', value: { id: 'CONTROLES', warningDays: 60 } }] });
  } finally {
    doc.close();
  }
  return file;
}

describe('JSON exchange format', () => {
  it('round-trips a whole document: export, a new document from it, export again; nothing lost', async () => {
    const dir = tmpDir();
    const source = await workedDemo(dir);
    const first = path.join(dir, 'eerste.json');
    expect((await cli('export', source, '--json', first)).code).toBe(0);
    const restored = path.join(dir, 'terug.regiekaart');
    const imported = await cli('import', restored, first);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('46 actoren, 60 afspraken');
    const second = path.join(dir, 'tweede.json');
    expect((await cli('export', restored, '--json', second)).code).toBe(0);

    const a = JSON.parse(fs.readFileSync(first, 'utf8'));
    const b = JSON.parse(fs.readFileSync(second, 'utf8'));
    for (const key of Object.keys(a)) if (key !== 'exportedAt' && key !== 'changeLog') expect(b[key], key).toEqual(a[key]);
    expect(a.positions).toHaveLength(3);
    expect(a.views.map((v: { name: string }) => v.name)).toEqual(['Standaardweergave', 'Wonen']);
    expect(a.checkSettings.warningDays).toBe(60);
    // The earlier change log comes along as it was; the restore adds one batch of its own.
    expect(b.changeLog.slice(0, a.changeLog.length)).toEqual(a.changeLog);
    const added = b.changeLog.slice(a.changeLog.length);
    expect(new Set(added.map((c: { batch: string }) => c.batch)).size).toBe(1);
    // The gap's history (read from the change log) survives.
    const doc = await NetworkDocument.open(restored);
    try {
      const gapId = a.gaps[0].id;
      expect(doc.changes(10, { entity: 'gap', entityId: gapId }).some((c) => c.changed?.some((f) => f.field === 'owner' && f.after === 'Dienst Welzijn'))).toBe(true);
      // The import is one undoable step.
      expect(historyState(doc.db).undo?.label).toBe('Geïmporteerd uit eerste.json');
      undo(doc);
      expect(doc.counts().actors).toBe(0);
    } finally {
      doc.close();
    }
  });

  it('the schema file in resources/ is the one the import uses, and an export validates against it', async () => {
    const file = path.resolve('resources', EXCHANGE_SCHEMA_FILE);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk, 'run `npm run schema` after changing the model').toEqual(exchangeJsonSchema());
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(onDisk);
    const source = await workedDemo(tmpDir());
    const doc = await NetworkDocument.open(source);
    const exported = JSON.parse(JSON.stringify(exportJson(doc, 'test')));
    doc.close();
    expect(validate(exported), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    exported.actors[0].name = '';
    expect(validate(exported)).toBe(false);
  });

  it('broken and hostile files get a Dutch error naming the place, and change nothing', async () => {
    const dir = tmpDir();
    const source = await workedDemo(dir);
    const good = path.join(dir, 'goed.json');
    await cli('export', source, '--json', good);
    const text = fs.readFileSync(good, 'utf8');
    const target = path.join(dir, 'leeg.regiekaart');
    (await NetworkDocument.open(target, { create: true })).close();
    const before = sha(target);
    const attempt = async (name: string, content: string | Buffer) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, content);
      const r = await cli('import', target, f, '--format', 'json');
      expect(r.code, name).toBe(1);
      expect(sha(target), name).toBe(before);
      return r.err;
    };
    expect(await attempt('kapot.json', text.replace('"actors": [', '"actors": [,'))).toMatch(/regel \d+, kolom \d+: geen geldige JSON/);
    expect(await attempt('latin1.json', Buffer.concat([Buffer.from('{"format":"regiekaart",\n"meta":{"title":"Caf'), Buffer.from([0xe9]), Buffer.from('"}}')]))).toMatch(
      /regel 2: ongeldige UTF-8 \(byte \d+\)/,
    );
    expect(await attempt('utf16.json', Buffer.from([0xff, 0xfe, 0x7b, 0x00]))).toContain('UTF-16');
    expect(await attempt('ander.json', '{"type":"FeatureCollection"}')).toContain('geen Regiekaart-JSON');
    expect(await attempt('nieuwer.json', text.replace('"formatVersion": 1', '"formatVersion": 2'))).toContain('formaatversie 2; deze Regiekaart leest tot versie 1');
    const data = JSON.parse(text);
    data.actors[3].name = '';
    data.actors[4].id = data.actors[5].id;
    data.agreements[2].parties[0].actorId = 'A99';
    const many = await attempt('fouten.json', JSON.stringify(data, null, 2));
    expect(many).toContain('8 problemen, niets geïmporteerd');
    // The renamed actor's old id now dangles wherever it was used: each place is listed.
    expect(many).toContain('services[3] (S05).providerId: verwijst naar A05, maar dat staat niet in actors.');
    expect(many).toContain(`actors[3] (${data.actors[3].id}).name: Naam is verplicht.`);
    expect(many).toContain(`actors[5] (${data.actors[5].id}): id ${data.actors[5].id} komt twee keer voor (ook actors[4])`);
    expect(many).toContain(`agreements[2] (${data.agreements[2].id}).parties[0].actorId: verwijst naar A99, maar dat staat niet in actors.`);
    const code = JSON.parse(text);
    code.actors[0].type = 'ONBEKEND_TYPE';
    code.vocab.actorType = code.vocab.actorType.filter((v: { code: string }) => v.code !== 'ONBEKEND_TYPE');
    expect(await attempt('code.json', JSON.stringify(code))).toContain('actors[0] (A01): Onbekend actortype "ONBEKEND_TYPE"');
    // A byte-order mark is fine.
    const bom = path.join(dir, 'bom.json');
    fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(readJsonExport(bom).actors).toHaveLength(46);
    // Over the limit: refused before reading, naming the limit.
    expect(() => readImportFile(good, 100 * 1024)).toThrow(/is \d+ kB; de grens voor een import is 100 kB/);
    // Into a document that already holds a network: refused, untouched.
    const full = sha(source);
    const into = await cli('import', source, good);
    expect(into.code).toBe(1);
    expect(into.err).toContain('bevat al een netwerk');
    expect(sha(source)).toBe(full);
    // A failed import into a new document leaves no file behind.
    expect((await cli('import', path.join(dir, 'nieuw.regiekaart'), path.join(dir, 'fouten.json'))).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'nieuw.regiekaart'))).toBe(false);
  });
});
