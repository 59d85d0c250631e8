import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { writeVoorbeeldstad } from '../../electron/core/demo/write';
import { applyBatch, previewDelete } from '../../electron/core/edit/apply';
import { historyState, redo, undo } from '../../electron/core/edit/history';
import { EditBatchSchema } from '../../shared/edit/commands';
import type { z } from 'zod';
import type { EntityKind } from '../../shared/model';
import { tmpDir } from '../helpers/tmp';
import { throwsCode } from '../helpers/errors';

const open: NetworkDocument[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

async function demo(): Promise<{ doc: NetworkDocument; file: string }> {
  const file = path.join(tmpDir(), 'demo.regiekaart');
  await writeVoorbeeldstad(file);
  const doc = await NetworkDocument.open(file);
  open.push(doc);
  return { doc, file };
}

/** Where DocumentState keeps each kind. */
const stateKey: Partial<Record<EntityKind, string>> = {
  orgUnit: 'orgUnits',
  function: 'functions',
  partnership: 'partnerships',
  member: 'members',
  role: 'roles',
  governanceModel: 'governanceModels',
  gap: 'gaps',
  meeting: 'meetings',
  mitigation: 'mitigations',
  view: 'views',
};

const apply = (doc: NetworkDocument, batch: z.input<typeof EditBatchSchema>) => applyBatch(doc, EditBatchSchema.parse(batch));
const newActor = (extra: Record<string, unknown> = {}) => ({
  name: 'Buurtwerk De Brug',
  type: 'BURENHULP',
  sectors: ['WELZIJN'],
  legalForm: 'PRIVATE_NONPROFIT',
  level: 'BUURT',
  kbo: '0403.170.701',
  ...extra,
});

describe('migration 2 (views, positions, history)', () => {
  it('upgrades a version-1 file: keeps its data, adds the standard view and an empty history', async () => {
    const file = path.join(tmpDir(), 'oud.regiekaart');
    const v1 = await NetworkDocument.open(file, { create: true, migrations: MIGRATIONS.slice(0, 1) });
    v1.edit((tx) => tx.insert('area', { id: 'VS', name: 'Voorbeeldstad', type: 'GEMEENTE' }), { history: false });
    v1.close();
    const doc = await NetworkDocument.open(file);
    open.push(doc);
    expect(doc.schemaVersion).toBe(MIGRATIONS.length);
    expect(doc.snapshot().areas.map((a) => a.id)).toEqual(['VS']);
    expect(doc.views()).toEqual([{ id: 'STANDAARD', name: 'Standaardweergave', filters: expect.objectContaining({ sectors: [] }), notes: null }]);
    // The edit made under version 1 has no history row: it is in the log, but not undoable.
    expect(historyState(doc.db)).toEqual({ undo: null, redo: null });
  });
});

describe('migration 3 (meetings, mitigations, check settings)', () => {
  it('upgrades a version-2 file: actors, agreements and gaps get the new fields empty, and the new kinds can be edited', async () => {
    const file = path.join(tmpDir(), 'v2.regiekaart');
    const v2 = await NetworkDocument.open(file, { create: true, migrations: MIGRATIONS.slice(0, 2) });
    // Written as version 2 wrote it: plain rows, without the columns version 3 adds.
    v2.db.exec(`
      INSERT INTO actors (id, name, type, sectors, legal_form, level) VALUES ('A1', 'Actor A1', 'CAW', '[]', 'PRIVATE_NONPROFIT', 'LOKAAL'), ('A2', 'Actor A2', 'CAW', '[]', 'PRIVATE_NONPROFIT', 'LOKAAL');
      INSERT INTO agreements (id, type, title, status) VALUES ('R1', 'SUBSIDIE', 'Subsidie', 'ACTIEF');
      INSERT INTO agreement_parties (agreement_id, ordinal, actor_id, role) VALUES ('R1', 0, 'A1', 'FUNDER'), ('R1', 1, 'A2', 'RECIPIENT');
      INSERT INTO gaps (id, title, severity, status) VALUES ('G1', 'Lacune', 'HIGH', 'OPEN');
    `);
    v2.close();
    const doc = await NetworkDocument.open(file);
    open.push(doc);
    expect(doc.schemaVersion).toBe(LATEST_VERSION);
    const data = doc.snapshot();
    expect(data.actors[0].boardMemberIds).toEqual([]);
    expect(data.agreements[0].conditions).toBeNull();
    expect(data.gaps[0].findingKey).toBeNull();
    expect([data.meetings, data.mitigations, data.checkSettings]).toEqual([[], [], null]);
    apply(doc, { steps: [{ op: 'create', kind: 'checkSettings', value: { id: 'CONTROLES', warningDays: 60, referralShare: 0.75, priorityPairs: [{ targetGroup: 'OUDEREN', lifeDomain: 'ZORG' }] } }] });
    expect(doc.snapshot().checkSettings).toMatchObject({ warningDays: 60, referralShare: 0.75, vulnerableGroups: null });
    undo(doc);
    expect(doc.snapshot().checkSettings).toBeNull();
    // A second settings row cannot exist, and a code the vocabulary lacks is refused in Dutch.
    expect(() => apply(doc, { steps: [{ op: 'create', kind: 'checkSettings', value: { id: 'ANDERE', warningDays: 60, referralShare: 0.8 } }] })).toThrow();
    expect(throwsCode(() => apply(doc, { steps: [{ op: 'create', kind: 'mitigation', value: { ruleId: 'RC1', actorId: 'A1', measure: 'TOVERSTAF' } }] }), 'INVALID_INPUT').message).toContain('Onbekende maatregel "TOVERSTAF"');
  });

  it('reads agenda items written before a field was added with that field filled in (gapIds came after the items)', async () => {
    const file = path.join(tmpDir(), 'agenda.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true });
    open.push(doc);
    doc.db.exec(`INSERT INTO meetings (id, title, items) VALUES ('MT', 'Zorgraad', '[{"id":"1","title":"Evaluatie","type":"EVALUATIE","serviceIds":[]}]')`);
    expect(doc.snapshot().meetings[0].items[0]).toMatchObject({ id: '1', gapIds: [], externalInput: false, recusal: false, rapporteurActorId: null });
  });
});

describe('migration 6 (actor aliases)', () => {
  it('upgrades a version-5 file: its actors have no other names yet, and can be given some, undoably', async () => {
    const file = path.join(tmpDir(), 'v5.regiekaart');
    const v5 = await NetworkDocument.open(file, { create: true, migrations: MIGRATIONS.slice(0, 5) });
    v5.db.exec(`INSERT INTO actors (id, name, type, sectors, legal_form, level) VALUES ('A1', 'CAW Oost-Vlaanderen', 'CAW', '[]', 'PRIVATE_NONPROFIT', 'LOKAAL')`);
    v5.close();
    const doc = await NetworkDocument.open(file);
    open.push(doc);
    expect(doc.schemaVersion).toBe(6);
    const [a1] = doc.snapshot().actors;
    expect(a1.aliases).toEqual([]);
    apply(doc, { steps: [{ op: 'update', kind: 'actor', value: { ...a1, aliases: ['CAW O-Vl'] } }] });
    expect(doc.snapshot().actors[0].aliases).toEqual(['CAW O-Vl']);
    undo(doc);
    expect(doc.snapshot().actors[0].aliases).toEqual([]);
  });
});

describe('edit commands and their undo', () => {
  it('creates an actor with a KBO number; undo removes it, redo brings back the same actor', async () => {
    const { doc } = await demo();
    const before = doc.snapshot();
    const out = apply(doc, { label: 'Actor toegevoegd', steps: [{ op: 'create', kind: 'actor', value: newActor() }] });
    expect(out.created).toHaveLength(1);
    const made = doc.snapshot().actors.find((a) => a.id === out.created[0])!;
    expect(made).toMatchObject({ name: 'Buurtwerk De Brug', kbo: '0403170701' });
    expect(out.history.undo?.label).toBe('Actor toegevoegd');
    undo(doc);
    expect(doc.snapshot()).toEqual(before);
    const state = redo(doc);
    expect(doc.snapshot().actors.find((a) => a.id === out.created[0])).toEqual(made);
    expect(state).toEqual({ undo: { label: 'Actor toegevoegd', at: expect.any(String) }, redo: null });
  });

  it('updates and patches several actors as one undoable step', async () => {
    const { doc } = await demo();
    const before = doc.snapshot();
    const a12 = before.actors.find((a) => a.id === 'A12')!;
    apply(doc, { steps: [{ op: 'update', kind: 'actor', value: { ...a12, name: 'CAW Regio X' } }] });
    apply(doc, { steps: [{ op: 'patch', kind: 'actor', ids: ['A04', 'A05', 'A06'], patch: { notes: 'Herzien in 2026' } }] });
    const mid = doc.snapshot();
    expect(mid.actors.filter((a) => ['A04', 'A05', 'A06'].includes(a.id)).map((a) => a.notes)).toEqual(Array(3).fill('Herzien in 2026'));
    expect(historyState(doc.db).undo?.label).toMatch(/gewijzigd \(en 2 andere wijzigingen\)/);
    undo(doc);
    expect(doc.snapshot().actors.find((a) => a.id === 'A05')!.notes).toBe(before.actors.find((a) => a.id === 'A05')!.notes);
    undo(doc);
    expect(doc.snapshot()).toEqual(before);
    redo(doc);
    redo(doc);
    expect(doc.snapshot()).toEqual(mid);
  });

  it('connects two actors with a covenant, adds a third party, and undoes step by step', async () => {
    const { doc } = await demo();
    const start = doc.snapshot();
    const { created } = apply(doc, {
      steps: [
        {
          op: 'create',
          kind: 'agreement',
          value: {
            type: 'CONVENANT',
            title: 'Convenant buurtgerichte zorg',
            status: 'CONCEPT',
            parties: [
              { actorId: 'A03', role: 'PARTNER' },
              { actorId: 'A12', role: 'PARTNER' },
            ],
          },
        },
      ],
    });
    const two = doc.snapshot().agreements.find((a) => a.id === created[0])!;
    apply(doc, { steps: [{ op: 'update', kind: 'agreement', value: { ...two, parties: [...two.parties, { actorId: 'A05', role: 'PARTNER' }] } }] });
    expect(doc.snapshot().agreements.find((a) => a.id === created[0])!.parties.map((p) => p.actorId)).toEqual(['A03', 'A12', 'A05']);
    undo(doc);
    expect(doc.snapshot().agreements.find((a) => a.id === created[0])).toEqual(two);
    undo(doc);
    expect(doc.snapshot()).toEqual(start);
  });

  it('deletes the Sociaal Huis with everything that depends on it, names it all first, and undo restores every piece', async () => {
    const { doc } = await demo();
    apply(doc, { steps: [{ op: 'place', viewId: 'STANDAARD', positions: [{ nodeId: 'A03', x: 10, y: 20 }] }] });
    const before = doc.state();
    const preview = previewDelete(doc, 'actor', ['A03']);
    expect(preview.deletes[0]).toEqual({ kind: 'actor', id: 'A03', label: 'Sociaal Huis Voorbeeldstad', because: null });
    // Every agreement A03 is in either loses it as a party or, left with one party, goes too; each is named.
    const involved = before.agreements.filter((a) => a.parties.some((p) => p.actorId === 'A03'));
    expect(involved.length).toBeGreaterThan(0);
    for (const ag of involved) {
      const named = [...preview.deletes, ...preview.updates].some((x) => x.kind === 'agreement' && x.id === ag.id);
      expect(named, ag.id).toBe(true);
    }
    expect(preview.deletes.some((d) => d.kind === 'position')).toBe(false);
    const changes = doc.counts().changes;
    apply(doc, { steps: [{ op: 'delete', kind: 'actor', ids: ['A03'] }] });
    const after = doc.state();
    expect(after.actors.some((a) => a.id === 'A03')).toBe(false);
    expect(after.positions.some((p) => p.nodeId === 'A03')).toBe(false);
    expect(after.agreements.some((a) => a.parties.some((p) => p.actorId === 'A03'))).toBe(false);
    // Nothing disappeared through a schema cascade: every removed row was logged.
    expect(doc.counts().changes - changes).toBe(preview.deletes.length + preview.updates.length + 1);
    undo(doc);
    expect(doc.state()).toEqual(before);
    redo(doc);
    expect(doc.state()).toEqual(after);
  });

  it('every actor, partnership, agreement and area of the demo can be deleted and brought back exactly', async () => {
    const { doc } = await demo();
    const before = doc.state();
    const targets: [EntityKind, string[]][] = [
      ['actor', before.actors.map((a) => a.id)],
      ['partnership', before.partnerships.map((p) => p.id)],
      ['agreement', before.agreements.map((a) => a.id)],
      ['area', before.areas.filter((a) => a.id !== before.meta.municipalityAreaId).map((a) => a.id)],
    ];
    let n = 0;
    for (const [kind, ids] of targets) {
      for (const id of ids) {
        const was = doc.state();
        apply(doc, { steps: [{ op: 'delete', kind, ids: [id] }] });
        undo(doc);
        expect(doc.state(), `${kind} ${id}`).toEqual(was);
        n++;
      }
    }
    expect(n).toBeGreaterThan(120);
    expect(doc.state()).toEqual(before);
    // All at once as well: the things deleted together point at each other (units, areas, controlled actors).
    for (const [kind, ids] of targets) {
      apply(doc, { steps: [{ op: 'delete', kind, ids }] });
      undo(doc);
      expect(doc.state(), kind).toEqual(before);
    }
  });

  it.each([
    ['orgUnit', { actorId: 'A01', name: 'Cel Wonen', kind: 'CEL' }, { name: 'Cel Wonen en Energie' }],
    ['function', { actorId: 'A01', title: 'Woonconsulent' }, { title: 'Woonconsulent (regie)' }],
    ['partnership', { name: 'Woonoverleg', kind: 'REGIENETWERK', leadActorId: 'A01', lifeDomains: ['WONEN'] }, { name: 'Lokaal woonoverleg' }],
    ['member', { partnershipId: 'P-LSB', actorId: 'A27', role: 'MEMBER' }, { cluster: 'Wonen' }],
    ['role', { actorId: 'A02', role: 'ACTOR', partnershipId: 'P-LSB' }, { statutory: true }],
    ['governanceModel', { actorId: 'A01', title: 'Beheersmodel Sociaal Huis', status: 'CONCEPT' }, { status: 'ACTIEF', adoptedDate: '2026-10-01' }],
    ['view', { name: 'Wonen', filters: { sectors: ['WONEN'] } }, { name: 'Wonen en huisvesting' }],
    ['mitigation', { findingKey: 'RC8:A01+A17', ruleId: 'RC8', measure: 'ONTHOUDING', owner: 'Schepen van Welzijn', reviewDate: '2027-06-30' }, { decisionRef: 'Notulen 2026-12-10' }],
    ['gap', { title: 'Geen woonbegeleiding', severity: 'HIGH', status: 'OPEN', ruleId: 'G1', findingKey: 'G1:PSYCHISCH_KWETSBAREN+WONEN', targetGroups: ['PSYCHISCH_KWETSBAREN'], lifeDomains: ['WONEN'] }, { status: 'IN_BEHANDELING', owner: 'Regie-cel' }],
    ['meeting', { title: 'Zorgraad december', date: '2026-12-10', bodyActorId: 'A17', items: [{ id: '1', title: 'Evaluatie LDC', type: 'EVALUATIE', serviceIds: ['S04'], rapporteurActorId: 'A02' }] }, { title: 'Zorgraad 10 december' }],
  ] as const)('creates and changes a %s; undo and redo each step exactly', async (kind, value, change) => {
    const { doc } = await demo();
    const start = doc.state();
    const { created } = apply(doc, { label: `${kind} toegevoegd`, steps: [{ op: 'create', kind, value }] });
    const made = doc.state();
    const stored = (made as unknown as Record<string, { id: string }[]>)[stateKey[kind]!].find((x: { id: string }) => x.id === created[0])!;
    expect(stored).toMatchObject(value);
    apply(doc, { label: `${kind} gewijzigd`, steps: [{ op: 'update', kind, value: { ...stored, ...change } }] });
    const changed = doc.state();
    expect((changed as unknown as Record<string, { id: string }[]>)[stateKey[kind]!].find((x: { id: string }) => x.id === created[0])).toMatchObject(change);
    expect(historyState(doc.db).undo?.label).toBe(`${kind} gewijzigd`);
    undo(doc);
    expect(doc.state()).toEqual(made);
    undo(doc);
    expect(doc.state()).toEqual(start);
    redo(doc);
    redo(doc);
    expect(doc.state()).toEqual(changed);
  });

  it('saves moves per view; undo puts a node back where it was', async () => {
    const { doc } = await demo();
    apply(doc, { label: 'Schikking', steps: [{ op: 'place', viewId: 'STANDAARD', positions: [{ nodeId: 'A01', x: 0, y: 0 }, { nodeId: 'A02', x: 100.04, y: 50 }] }] });
    apply(doc, { label: 'Verplaatst', steps: [{ op: 'place', viewId: 'STANDAARD', positions: [{ nodeId: 'A01', x: 300, y: -40 }] }] });
    expect(doc.positions('STANDAARD').map((p) => [p.nodeId, p.x, p.y])).toEqual([
      ['A01', 300, -40],
      ['A02', 100, 50],
    ]);
    undo(doc);
    expect(doc.positions('STANDAARD')[0]).toMatchObject({ nodeId: 'A01', x: 0, y: 0 });
    undo(doc);
    expect(doc.positions('STANDAARD')).toEqual([]);
    // The first automatic layout is saved without becoming an undo step; data edits cannot opt out.
    apply(doc, { undoable: false, steps: [{ op: 'place', viewId: 'STANDAARD', positions: [{ nodeId: 'A09', x: 5, y: 5 }] }] });
    expect(historyState(doc.db).undo).toBeNull();
    expect(doc.positions('STANDAARD').map((p) => p.nodeId)).toEqual(['A09']);
    expect(EditBatchSchema.safeParse({ undoable: false, steps: [{ op: 'delete', kind: 'actor', ids: ['A01'] }] }).success).toBe(false);
    throwsCode(() => apply(doc, { steps: [{ op: 'place', viewId: 'GEEN', positions: [{ nodeId: 'A01', x: 1, y: 1 }] }] }), 'NOT_FOUND');
  });

  it('a new edit after undo ends redo; saving an unchanged form is not an edit', async () => {
    const { doc } = await demo();
    apply(doc, { label: 'Eerste', steps: [{ op: 'create', kind: 'actor', value: newActor() }] });
    undo(doc);
    expect(historyState(doc.db).redo?.label).toBe('Eerste');
    apply(doc, { label: 'Tweede', steps: [{ op: 'create', kind: 'actor', value: newActor({ name: 'Ander', kbo: null }) }] });
    expect(historyState(doc.db)).toEqual({ undo: { label: 'Tweede', at: expect.any(String) }, redo: null });
    const a01 = doc.snapshot().actors.find((a) => a.id === 'A01')!;
    const changes = doc.counts().changes;
    const out = apply(doc, { label: 'Niets', steps: [{ op: 'update', kind: 'actor', value: { ...a01 } }] });
    expect(out.changes).toBe(0);
    expect(doc.counts().changes).toBe(changes);
    expect(historyState(doc.db).undo?.label).toBe('Tweede');
    throwsCode(() => redo(doc), 'INVALID_INPUT');
  });

  it('edits of one typing session (one coalesce key) are one undo step; another key, another edit or an undo starts a new one', async () => {
    const { doc } = await demo();
    const steps = () => (doc.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
    const a = () => doc.snapshot().actors.find((x) => x.id === 'A03')!;
    const original = a().name;
    const rename = (name: string, coalesce?: string) => apply(doc, { label: `Naam ${name}`, coalesce, steps: [{ op: 'update', kind: 'actor', value: { ...a(), name } }] });
    const start = steps();
    // What a form saves after each pause in typing, and when the user leaves the field.
    rename('Sociaal', 'typen-1');
    rename('Sociaal Huis', 'typen-1');
    rename('Sociaal Huis Noord', 'typen-1');
    expect(steps()).toBe(start + 1);
    expect(historyState(doc.db).undo?.label).toBe('Naam Sociaal Huis Noord');
    undo(doc);
    expect(a().name).toBe(original);
    redo(doc);
    expect(a().name).toBe('Sociaal Huis Noord');
    // After a redo, an undo or another edit, the same key no longer joins.
    rename('Na redo', 'typen-1');
    expect(steps()).toBe(start + 2);
    rename('Ander veld', 'typen-2');
    expect(steps()).toBe(start + 3);
    apply(doc, { label: 'Notitie', steps: [{ op: 'update', kind: 'actor', value: { ...a(), notes: 'los' } }] });
    rename('Weer typen', 'typen-2');
    expect(steps()).toBe(start + 5);
    undo(doc);
    rename('Na undo', 'typen-2');
    expect(steps()).toBe(start + 6);
    undo(doc);
    expect(a().name).toBe('Ander veld');
    expect(a().notes).toBe('los');
    // Saving what is already saved joins nothing and makes no step.
    rename('Ander veld', 'typen-3');
    expect(steps()).toBe(start + 6);
  });

  it('refuses invalid edits with a Dutch message per field and writes nothing', async () => {
    const { doc } = await demo();
    const before = doc.state();
    const changes = doc.counts().changes;
    const bad = throwsCode(() => apply(doc, { steps: [{ op: 'create', kind: 'actor', value: newActor({ kbo: '0403.170.702', name: ' ' }) }] }), 'INVALID_INPUT');
    expect(bad.fields?.kbo).toMatch(/controle|ondernemingsnummer/i);
    expect(bad.fields?.name).toBe('Naam is verplicht.');
    const dup = throwsCode(() => apply(doc, { steps: [{ op: 'create', kind: 'actor', value: newActor({ kbo: '0207.500.123' }) }] }), 'CONSTRAINT');
    expect(dup.message).toMatch(/al gebruikt door Gemeente Voorbeeldstad/);
    const dates = throwsCode(
      () =>
        apply(doc, {
          steps: [
            {
              op: 'create',
              kind: 'agreement',
              value: { type: 'CONVENANT', title: 'x', status: 'ACTIEF', startDate: '2026-05-01', endDate: '2026-01-01', parties: [{ actorId: 'A03', role: 'PARTNER' }] },
            },
          ],
        }),
      'INVALID_INPUT',
    );
    expect(dates.fields?.endDate).toBe('De einddatum ligt vóór de begindatum.');
    expect(dates.fields?.parties).toMatch(/minstens twee partijen/);
    // A batch whose second step fails leaves the first unwritten too.
    throwsCode(
      () =>
        apply(doc, {
          steps: [
            { op: 'create', kind: 'actor', value: newActor() },
            { op: 'update', kind: 'actor', value: { id: 'BESTAAT_NIET', ...newActor({ kbo: null }) } },
          ],
        }),
      'NOT_FOUND',
    );
    throwsCode(() => apply(doc, { steps: [{ op: 'delete', kind: 'area', ids: ['VS'] }] }), 'CONSTRAINT');
    throwsCode(() => apply(doc, { steps: [{ op: 'delete', kind: 'service', ids: ['BESTAAT_NIET'] }] }), 'NOT_FOUND');
    throwsCode(() => apply(doc, { steps: [{ op: 'delete', kind: 'view', ids: ['STANDAARD'] }] }), 'CONSTRAINT');
    throwsCode(() => apply(doc, { steps: [{ op: 'create', kind: 'actor', value: newActor({ type: 'ONBEKEND_TYPE' }) }] }), 'INVALID_INPUT');
    expect(doc.state()).toEqual(before);
    expect(doc.counts().changes).toBe(changes);
    expect(historyState(doc.db).undo).toBeNull();
  });

  it('keeps the undo history in the file: undo still works after closing and reopening', async () => {
    const { doc, file } = await demo();
    const before = doc.snapshot();
    apply(doc, { label: 'Actor toegevoegd', steps: [{ op: 'create', kind: 'actor', value: newActor() }] });
    doc.close();
    open.splice(open.indexOf(doc), 1);
    const again = await NetworkDocument.open(file);
    open.push(again);
    expect(historyState(again.db).undo?.label).toBe('Actor toegevoegd');
    undo(again);
    expect(again.snapshot()).toEqual(before);
    // The change log shows both the edit and its undo: nothing saved is lost.
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    raw.close();
    expect(again.changes(2).map((c) => c.op)).toEqual(['delete', 'create']);
  });
});
