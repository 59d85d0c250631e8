import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { redo, undo } from '../../electron/core/edit/history';
import { exportJson } from '../../electron/core/exchange/json';
import { applyTablePlan, mapSheets, planTableImport, readTableFile } from '../../electron/core/exchange/tables';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

/** CSV files with n new actors (one of them the demo's OCMW, by KBO) and 2n agreements between them and the demo. */
function csvs(dir: string, n: number): { actors: string; agreements: string } {
  const actors = ['Naam;Type;KBO-nummer;E-mail'];
  actors.push('OCMW Voorbeeldstad - nieuw adres;OCMW;0212.300.138;ocmw@voorbeeldstad.example');
  for (let i = 0; i < n; i++) actors.push(`Vereniging ${i};CAW (incl. JAC);;v${i}@org.example`);
  const agreements = ['Titel;Partij 1;Partij 2;Soort'];
  for (let i = 0; i < 2 * n; i++) agreements.push(`Overleg ${i};Vereniging ${i % n};${i % 2 ? 'A02' : `Vereniging ${(i + 1) % n}`};Samenwerkingsovereenkomst`);
  const files = { actors: path.join(dir, 'actoren.csv'), agreements: path.join(dir, 'afspraken.csv') };
  fs.writeFileSync(files.actors, actors.join('\n'));
  fs.writeFileSync(files.agreements, agreements.join('\n'));
  return files;
}

async function importBoth(doc: NetworkDocument, files: { actors: string; agreements: string }) {
  for (const f of [files.actors, files.agreements]) applyTablePlan(doc, planTableImport(doc, mapSheets(await readTableFile(f, 'csv'))), f);
}

describe('the change log of a bulk import', () => {
  it('holds the new rows as one entry per kind, read back per entity, and undo and redo bring back exactly what was', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.regiekaart');
    expect((await cli('demo', file)).code).toBe(0);
    const files = csvs(dir, 300);
    const doc = await NetworkDocument.open(file);
    try {
      const before = doc.snapshot();
      const changesBefore = doc.counts().changes;
      const since = new Date().toISOString();
      await importBoth(doc, files);
      const after = doc.snapshot();
      expect(after.actors).toHaveLength(before.actors.length + 300);
      expect(after.agreements).toHaveLength(before.agreements.length + 600);

      // The OCMW's update (its row comes first), one entry for the 300 new actors, one for the 600 agreements: 901 changes.
      // The document holds its file locked: its own connection reads the log.
      const rows = doc.db.prepare('SELECT entity, entity_id, op, summary FROM change_log ORDER BY seq DESC LIMIT 3').all() as { entity: string; entity_id: string; op: string; summary: string }[];
      expect(rows.map((r) => r.summary)).toEqual(['600 afspraken toegevoegd', '300 actoren toegevoegd', 'actor "OCMW Voorbeeldstad - nieuw adres" gewijzigd']);
      expect(rows.filter((r) => r.entity_id === '').map((r) => r.entity)).toEqual(['agreement', 'actor']);
      expect(doc.counts().changes).toBe(changesBefore + 901);
      // Readers get one entry per entity, newest first, as if each had been logged alone.
      expect(doc.changes(2).map((c) => c.summary)).toEqual(['afspraak "Overleg 599" toegevoegd', 'afspraak "Overleg 598" toegevoegd']);
      expect(doc.changesSince(since, 2000).filter((c) => c.entity === 'actor' && c.op === 'create')).toHaveLength(300);

      // One actor's history finds its part of the set; the export lists every entity with its value as stored.
      const v7 = after.actors.find((a) => a.name === 'Vereniging 7')!;
      expect(doc.changes(10, { entity: 'actor', entityId: v7.id }).map((c) => [c.op, c.summary, c.entityId])).toEqual([['create', 'actor "Vereniging 7" toegevoegd', v7.id]]);
      const log = exportJson(doc, 'test').changeLog;
      const batch = log.find((c) => c.entityId === v7.id)!.batch;
      const created = log.filter((c) => c.batch === batch && c.entity === 'actor' && c.op === 'create');
      expect(created).toHaveLength(300);
      expect(created.find((c) => c.entityId === v7.id)!.after).toEqual(v7);
      const agreement = after.agreements.find((a) => a.title === 'Overleg 3')!;
      expect(log.find((c) => c.entityId === agreement.id)!.after).toEqual(agreement);

      undo(doc);
      undo(doc);
      expect(doc.snapshot()).toEqual(before);
      // Undo deleted the sets as sets; the actor's history has both.
      expect(doc.changes(10, { entity: 'actor', entityId: v7.id }).map((c) => c.summary)).toEqual(['actor "Vereniging 7" verwijderd', 'actor "Vereniging 7" toegevoegd']);
      redo(doc);
      redo(doc);
      expect(doc.snapshot()).toEqual(after);
    } finally {
      doc.close();
    }

    // A backup of it as JSON, restored and exported again: the log, sets and all, comes back entity by entity.
    const first = path.join(dir, 'eerste.json');
    expect((await cli('export', file, '--json', first)).code).toBe(0);
    const restored = path.join(dir, 'terug.regiekaart');
    expect((await cli('import', restored, first)).code).toBe(0);
    const second = path.join(dir, 'tweede.json');
    expect((await cli('export', restored, '--json', second)).code).toBe(0);
    const [a, b] = [first, second].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as { changeLog: { entityId: string; op: string }[]; actors: unknown[] });
    expect(b.actors).toEqual(a.actors);
    expect(b.changeLog.slice(0, a.changeLog.length)).toEqual(a.changeLog);
    // Created, deleted by undo, created again by redo: each of the 300 actors three times in the log.
    const v7 = (a.actors as { id: string; name: string }[]).find((x) => x.name === 'Vereniging 7')!;
    expect(a.changeLog.filter((c) => c.entityId === v7.id).map((c) => c.op)).toEqual(['create', 'delete', 'create']);
  });

  it('reads a set written before a column existed: the column gets its default', async () => {
    const file = path.join(tmpDir(), 'oud.regiekaart');
    const doc = await NetworkDocument.open(file, { create: true });
    try {
      // As an older version would have logged two actors, before actors had provenance and custom fields.
      const columns = ['id', 'name', 'type', 'sectors', 'legal_form', 'level', 'area_id', 'controlled_by_id', 'board_member_ids', 'kbo', 'sociale_kaart_id', 'sociale_kaart_synced_at', 'contact', 'active', 'notes'];
      const row = (id: string, name: string) => [id, name, 'CAW', '["WELZIJN"]', 'PRIVATE_NONPROFIT', 'LOKAAL', null, null, '[]', null, null, null, '{"phone":null,"email":null,"website":null,"address":null}', 1, null];
      doc.db
        .prepare("INSERT INTO change_log (at, author, batch, entity, entity_id, op, before, after, summary) VALUES ('2025-01-01T00:00:00.000Z', 'oud', 'b1', 'actor', '', 'create', NULL, ?, '2 actoren toegevoegd')")
        .run(JSON.stringify({ columns, rows: [row('X1', 'Oud één'), row('X2', 'Oud twee')] }));
      const log = doc.changeLog();
      expect(log.map((c) => [c.entityId, c.summary])).toEqual([
        ['X1', 'actor "Oud één" toegevoegd'],
        ['X2', 'actor "Oud twee" toegevoegd'],
      ]);
      expect(log[1].after).toMatchObject({ id: 'X2', name: 'Oud twee', sectors: ['WELZIJN'], active: true, custom: {}, provenance: [] });
      expect(doc.counts().changes).toBe(2);
    } finally {
      doc.close();
    }
  });
});
