import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { redo, undo } from '../../electron/core/edit/history';
import { createFromJson, exportJson, readJsonExport } from '../../electron/core/exchange/json';
import { applyMerge, planMergeInto } from '../../electron/core/exchange/merge';
import { runChecks } from '../../shared/checks';
import { CheckContext } from '../../shared/checks/context';
import { NEW_ACTOR } from '../../shared/exchange/merge';
import { filterNetwork } from '../../shared/graph/filter';
import { DEFAULT_VIEW_ID, EMPTY_FILTERS } from '../../shared/model';
import { mergeVocab } from '../../shared/vocab';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

const NEIGHBOUR = path.resolve('test/fixtures/neighbour/noorddorp.json');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function demo(name = 'v'): Promise<string> {
  const file = path.join(tmpDir(), `${name}.regiekaart`);
  expect((await cli('demo', file)).code).toBe(0);
  return file;
}

describe("merging a neighbour's map", () => {
  it('matches the shared partners, shows the differences, adds the rest with its provenance, and is one undoable step', async () => {
    const doc = await NetworkDocument.open(await demo());
    try {
      const before = doc.snapshot();
      const localBefore = [...new CheckContext(before, mergeVocab(doc.vocab())).local].sort();
      const vocabBefore = doc.vocab();
      const theirs = readJsonExport(NEIGHBOUR);
      const plan = planMergeInto(doc, theirs, {}, NEIGHBOUR, '2026-12-01');
      expect(plan.problems).toEqual([]);
      expect(plan.source).toBe('Noorddorp');

      // Matched by KBO number (under another name), by exact name, and AZ Voorbeeldland not at all.
      const match = Object.fromEntries(plan.matches.map((m) => [m.theirId, [m.ourId, m.by]]));
      expect(match.N12).toEqual(['A05', 'KBO']);
      expect(match.N10).toEqual(['A12', 'NAAM']);
      expect(match.N14).toEqual(['A17', 'NAAM']);
      expect(match.N17).toEqual(['A13', 'NAAM']);
      expect(match.N16).toEqual([null, null]);
      // It is offered as the nearest of ours, to link by hand; their own actors resemble none of ours.
      expect(plan.matches.find((m) => m.theirId === 'N16')!.near).toEqual([{ id: 'A41', name: 'AZ Voorbeeldland (ziekenhuisnetwerk)' }]);
      expect(plan.matches.filter((m) => m.near.length).map((m) => m.theirId)).toEqual(['N16']);
      for (const own of ['N01', 'N02', 'N03', 'N04', 'N05', 'N06']) expect(match[own], own).toEqual([null, null]);

      // Where both maps fill a field differently, the difference is listed and ours stays unless chosen.
      const diffs = Object.fromEntries(plan.differences.map((d) => [d.key, [d.ours, d.theirs, d.take]]));
      expect(diffs['actors:A05:name']).toEqual(['LDC Het Anker (vzw Zorg Zuid)', 'LDC Het Anker', 'ours']);
      expect(diffs['actors:A10:level']).toEqual(['Bovenlokaal', 'Lokaal', 'ours']);
      expect(diffs['agreements:R13:reviewDate']).toEqual(['31/12/2026', '30/06/2027', 'ours']);
      expect(diffs['areas:ELZ-VR:inhabitants']).toEqual(['96000', '96500', 'ours']);
      expect(plan.leftOut).toEqual({ orgUnits: 1, functions: 1, roles: 1 });

      // The user links AZ Voorbeeldland by hand and takes their review date.
      const chosen = planMergeInto(doc, theirs, { matches: { N16: 'A41' }, take: { 'agreements:R13:reviewDate': 'theirs' } }, NEIGHBOUR, '2026-12-01');
      expect(chosen.matches.find((m) => m.theirId === 'N16')).toMatchObject({ ourId: 'A41', by: 'KEUZE' });
      const counts = applyMerge(doc, chosen, NEIGHBOUR);
      expect(counts.actors).toBe(46 + 6);
      expect(counts.agreements).toBe(60 + 5);

      const after = doc.snapshot();
      const actor = (id: string) => after.actors.find((a) => a.id === id)!;
      // No duplicates: every name once (the neighbour's shared partners merged into ours).
      expect(new Set(after.actors.map((a) => a.name)).size).toBe(after.actors.length);
      // Empty fields of ours filled from theirs; ours kept where both had a value.
      expect(actor('A12').contact).toMatchObject({ phone: '078 15 03 00', website: 'https://www.caw.be' });
      expect(actor('A05').name).toBe('LDC Het Anker (vzw Zorg Zuid)');
      expect(actor('A10').level).toBe('BOVENLOKAAL');
      expect(after.agreements.find((a) => a.id === 'R13')!.reviewDate).toBe('2027-06-30');
      // Provenance per actor: matched ones say how, added ones that they came from Noorddorp.
      expect(actor('A05').provenance).toEqual([{ source: 'Noorddorp', sourceId: 'N12', mergedOn: '2026-12-01', added: false, matchedBy: 'KBO', file: 'noorddorp.json' }]);
      expect(actor('A41').provenance[0]).toMatchObject({ sourceId: 'N16', matchedBy: 'KEUZE' });
      // Linked by hand: their name is remembered as one of ours' other names (a list from Noorddorp finds it).
      expect(actor('A41').aliases).toEqual(['AZ Voorbeeldland']);
      expect(actor('A05').aliases).toEqual([]);
      expect(actor('N01').provenance).toEqual([{ source: 'Noorddorp', sourceId: 'N01', mergedOn: '2026-12-01', added: true, matchedBy: null, file: 'noorddorp.json' }]);
      expect(actor('A01').provenance).toEqual([]);
      // Their references point at ours: the OCMW under their gemeente, the CAW's service under our CAW.
      expect(actor('N02').controlledById).toBe('N01');
      // Areas by type and name: Voorbeeldstad's map already knew Noorddorp (ND); their village centre lies in it.
      expect(actor('N01').areaId).toBe('ND');
      expect(after.areas.find((a) => a.id === 'G-DORPSKERN')).toMatchObject({ name: 'Dorpskern Noorddorp', parentIds: ['ND'] });
      expect(after.areas).toHaveLength(before.areas.length + 1);
      const caw = after.services.filter((s) => s.providerId === 'A12' && s.name === 'CAW-onthaal en woonbegeleiding');
      expect(caw).toHaveLength(1);
      expect(caw[0].targetGroups).toEqual(expect.arrayContaining(['ARMOEDE', 'JONGEREN']));
      expect(after.members.filter((m) => m.partnershipId === 'P-ZORGRAAD' && m.actorId === 'N01')).toHaveLength(1);
      expect(after.agreements.find((a) => a.id === 'NR1')!.parties.map((p) => p.actorId)).toEqual(['N02', 'A12', 'A13', 'A14']);
      // Their own actor type came along with their vocabulary.
      expect(mergeVocab(doc.vocab()).actorType.some((t) => t.code === 'DORPSRAAD')).toBe(true);

      // The neighbour's gemeente and OCMW are not this document's local government: the checks keep to ours.
      const localAfter = [...new CheckContext(after, mergeVocab(doc.vocab())).local].sort();
      expect(localAfter).toEqual(localBefore);
      const rc = runChecks(after, mergeVocab(doc.vocab())).filter((f) => f.ruleId.startsWith('RC'));
      expect(rc.some((f) => f.actorIds.some((id) => id.startsWith('N0')))).toBe(false);

      // The supra-local view shows both maps; filtering on origin shows Noorddorp's own map.
      const view = doc.views().find((v) => v.name === 'Voorbeeldstad + Noorddorp')!;
      expect(view.filters.origins).toEqual(['', 'Noorddorp']);
      expect(filterNetwork(after, view.filters).actors.size).toBe(after.actors.length);
      expect(filterNetwork(after, { ...EMPTY_FILTERS, origins: ['Noorddorp'] }).actors.size).toBe(15);
      expect(filterNetwork(after, { ...EMPTY_FILTERS, origins: [''] }).actors.size).toBe(46);
      // The demo was never arranged: the app lays out both maps together the first time, so nothing is placed now.
      expect(doc.positions(DEFAULT_VIEW_ID)).toEqual([]);

      // One undo takes it all back; redo brings it again.
      undo(doc);
      const undone = doc.snapshot();
      expect(undone.actors).toEqual(before.actors);
      expect(undone.agreements).toEqual(before.agreements);
      expect(undone.services).toEqual(before.services);
      expect(undone.members).toEqual(before.members);
      expect(undone.areas).toEqual(before.areas);
      expect(doc.views().map((v) => v.id)).toEqual([DEFAULT_VIEW_ID]);
      // Their own actor type goes with it (the document's vocabulary is as it was), and comes back with redo.
      expect(mergeVocab(doc.vocab()).actorType.some((t) => t.code === 'DORPSRAAD')).toBe(false);
      expect(doc.vocab()).toEqual(vocabBefore);
      redo(doc);
      expect(doc.snapshot().actors).toEqual(after.actors);
      expect(mergeVocab(doc.vocab()).actorType.some((t) => t.code === 'DORPSRAAD')).toBe(true);
    } finally {
      doc.close();
    }
  });

  it('merging the same map again adds nothing and keeps one provenance entry per actor; a map merged with itself changes nothing', async () => {
    const doc = await NetworkDocument.open(await demo());
    try {
      const theirs = readJsonExport(NEIGHBOUR);
      applyMerge(doc, planMergeInto(doc, theirs, { matches: { N16: 'A41' } }, NEIGHBOUR, '2026-12-01'), NEIGHBOUR);
      const once = doc.snapshot();
      const again = planMergeInto(doc, theirs, {}, NEIGHBOUR, '2026-12-02');
      expect(again.summary.actors.create).toBe(0);
      expect(again.summary.agreements.create).toBe(0);
      expect(again.summary.services.create).toBe(0);
      expect(again.summary.members.create).toBe(0);
      expect(again.view).toEqual({ name: 'Voorbeeldstad + Noorddorp', created: false });
      applyMerge(doc, again, NEIGHBOUR);
      const twice = doc.snapshot();
      expect(twice.actors.length).toBe(once.actors.length);
      expect(twice.actors.find((a) => a.id === 'A05')!.provenance).toEqual([expect.objectContaining({ source: 'Noorddorp', mergedOn: '2026-12-02', matchedBy: 'KBO' })]);
      // The link the user made by hand the first time is remembered through the provenance.
      expect(again.matches.find((m) => m.theirId === 'N16')).toMatchObject({ ourId: 'A41', by: 'KEUZE' });

      // The demo merged into a copy of itself under another name: everything matches, nothing differs.
      const copy = await NetworkDocument.open(await demo('kopie'));
      try {
        const self = exportJson(copy, 'test');
        const same = planMergeInto(copy, { ...self, meta: { ...self.meta, municipality: 'Spiegelstad' } }, {}, 'zelf.json');
        expect(same.problems).toEqual([]);
        expect(same.differences).toEqual([]);
        for (const kind of ['actors', 'agreements', 'services', 'partnerships', 'members', 'areas'] as const) expect(same.summary[kind], kind).toMatchObject({ create: 0, update: 0 });
      } finally {
        copy.close();
      }
    } finally {
      doc.close();
    }
  });

  it('on an arranged map, the added nodes go where the neighbour drew them, moved beside ours; undrawn ones in rows beside those', async () => {
    const doc = await NetworkDocument.open(await demo());
    try {
      // Our map arranged on a grid from (0, 0) to (450, 400).
      const ids = doc.snapshot().actors.map((a) => a.id);
      doc.edit((tx) => ids.forEach((id, i) => tx.insert('position', { id: `${DEFAULT_VIEW_ID}|${id}`, viewId: DEFAULT_VIEW_ID, nodeId: id, x: (i % 10) * 50, y: Math.floor(i / 10) * 100 })));
      const theirs = readJsonExport(NEIGHBOUR);
      // Noorddorp drew its actors and the GBO covenant, but not the voedselbank.
      const partly = { ...theirs, positions: theirs.positions.filter((p) => p.nodeId !== 'N06') };
      const plan = planMergeInto(doc, partly, {}, NEIGHBOUR);
      const at = new Map(plan.places.map((p) => [p.nodeId, p]));
      const drawn = new Map(theirs.positions.map((p) => [p.nodeId, p]));
      // Their drawing keeps its shape: moved as one block, its left edge 250 to the right of ours, tops aligned.
      const minX = Math.min(...['N01', 'N02', 'N03', 'N04', 'N05', 'N16', 'agreement:NR1'].map((id) => drawn.get(id)!.x));
      const minY = Math.min(...['N01', 'N02', 'N03', 'N04', 'N05', 'N16', 'agreement:NR1'].map((id) => drawn.get(id)!.y));
      expect(at.get('N01')).toEqual({ nodeId: 'N01', x: drawn.get('N01')!.x - minX + 700, y: drawn.get('N01')!.y - minY });
      expect(at.get('N02')!.x - at.get('N01')!.x).toBe(drawn.get('N02')!.x - drawn.get('N01')!.x);
      expect(at.get('agreement:NR1')).toBeDefined();
      // The undrawn ones (the voedselbank, the GBO's hub) stand in a row beside the block; two-party agreements are
      // lines, not nodes, so they get no place; matched actors keep their place on our map.
      const block = Math.max(...['N01', 'N02', 'N03', 'N04', 'N05', 'N16', 'agreement:NR1'].map((id) => at.get(id)!.x));
      expect(at.get('N06')!.x).toBeGreaterThan(block);
      expect(at.get('partnership:NP-GBO')!.x).toBeGreaterThan(block);
      expect(at.has('agreement:NR2')).toBe(false);
      expect(at.has('A12')).toBe(false);
      applyMerge(doc, plan, NEIGHBOUR);
      expect(doc.positions(DEFAULT_VIEW_ID)).toHaveLength(46 + plan.places.length);
    } finally {
      doc.close();
    }
  });

  it('ids that clash get the map name; a forced "new" actor with a KBO number we have is refused', async () => {
    const doc = await NetworkDocument.open(await demo());
    try {
      const theirs = readJsonExport(NEIGHBOUR);
      // Their dorpsraad under the id our gemeente has.
      const clashing = { ...theirs, actors: theirs.actors.map((a) => (a.id === 'N05' ? { ...a, id: 'A01' } : a)) };
      const plan = planMergeInto(doc, clashing, {}, NEIGHBOUR);
      expect(plan.matches.find((m) => m.theirId === 'A01')!.ourId).toBeNull();
      applyMerge(doc, plan, NEIGHBOUR);
      expect(doc.snapshot().actors.find((a) => a.id === 'A01-noorddorp')!.name).toBe('Dorpsraad Noorddorp');
      expect(doc.snapshot().actors.find((a) => a.id === 'A01')!.name).toMatch(/^Gemeente Voorbeeldstad/);

      const forced = planMergeInto(doc, theirs, { matches: { N12: NEW_ACTOR, N10: 'A999' } }, NEIGHBOUR);
      expect(forced.problems.map((p) => p.message)).toEqual([
        expect.stringContaining('gekozen actor A999 bestaat niet'),
        expect.stringContaining('hetzelfde KBO-nummer als LDC Het Anker (vzw Zorg Zuid) (A05)'),
      ]);
      expect(() => applyMerge(doc, forced, NEIGHBOUR)).toThrow(/2 problemen, niets geïmporteerd/);
    } finally {
      doc.close();
    }
  });

  it("a neighbour's .regiekaart file merges as its JSON does, without being changed or locked; a file that is no Regiekaart document is refused", async () => {
    const dir = tmpDir();
    const theirs = path.join(dir, 'noorddorp.regiekaart');
    await createFromJson(theirs, readJsonExport(NEIGHBOUR), NEIGHBOUR);
    const before = sha(theirs);
    const file = await demo();
    const done = await cli('import', file, theirs, '--merge', '--match', 'N16=A41');
    expect(done.err).toBe('');
    expect(done.out).toContain('Samenvoegen met Noorddorp: actoren 6 nieuw, 9 gekoppeld');
    expect(sha(theirs)).toBe(before);
    // Even while their document is open (and locked) in a program, it is read from a copy.
    const open = await NetworkDocument.open(theirs);
    try {
      const again = await cli('import', await demo('tweede'), theirs, '--merge', '--dry-run');
      expect(again.err).toBe('');
      expect(again.out).toContain('actoren 7 nieuw, 8 gekoppeld');
    } finally {
      open.close();
    }
    const doc = await NetworkDocument.open(file, { readOnly: true });
    try {
      expect(doc.snapshot().actors.find((a) => a.id === 'N01')!.provenance[0]).toMatchObject({ source: 'Noorddorp', file: 'noorddorp.regiekaart' });
    } finally {
      doc.close();
    }
    const fake = path.join(dir, 'nep.regiekaart');
    fs.writeFileSync(fake, 'dit is geen kaart');
    const hash = sha(file);
    const bad = await cli('import', file, fake, '--merge');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nep\.regiekaart.*geen Regiekaart-document|geen Regiekaart/);
    expect(sha(file)).toBe(hash);
  });

  it('command line: without --merge a network is not overwritten; a dry run writes nothing; --take-theirs and --match; a broken file leaves the document byte for byte', async () => {
    const file = await demo();
    const own = path.join(tmpDir(), 'eigen.json');
    expect((await cli('export', file, '--json', own)).code).toBe(0);
    const backup = await cli('import', file, own, '--merge');
    expect(backup.code).toBe(1);
    expect(backup.err).toContain('Dit bestand is een kaart van Voorbeeldstad, zoals dit document (een back-up?)');
    const refused = await cli('import', file, NEIGHBOUR);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('bevat al een netwerk. Met --merge');
    const hash = sha(file);
    const dry = await cli('import', file, NEIGHBOUR, '--merge', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Proef (er is niets geschreven).');
    expect(dry.out).toContain('N12 LDC Het Anker = A05 LDC Het Anker (vzw Zorg Zuid) (KBO-nummer)');
    expect(dry.out).toContain('N16 AZ Voorbeeldland (lijkt op A41 AZ Voorbeeldland (ziekenhuisnetwerk): koppel met --match N16=A41)');
    expect(dry.out).toContain('Thuisverpleging Regio X vzw, Niveau: ons "Bovenlokaal", hun "Lokaal" → onze waarde');
    expect(dry.out).toContain('Niet overgenomen (de eigen organisatie en opvolging van Noorddorp): 1 organisatie-eenheden, 1 functies, 1 roltoewijzingen.');
    expect(sha(file)).toBe(hash);

    const broken = path.join(tmpDir(), 'kapot.json');
    const text = fs.readFileSync(NEIGHBOUR, 'utf8').replace('"providerId": "N06"', '"providerId": "N99"');
    fs.writeFileSync(broken, text);
    const bad = await cli('import', file, broken, '--merge');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('providerId: verwijst naar N99, maar dat staat niet in actors.');
    expect(sha(file)).toBe(hash);

    const done = await cli('import', file, NEIGHBOUR, '--merge', '--source', 'Noorddorp (ELZ)', '--view', 'ELZ Voorbeeldregio', '--match', 'N16=A41', '--take-theirs');
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('Weergave "ELZ Voorbeeldregio" aangemaakt.');
    const doc = await NetworkDocument.open(file, { readOnly: true });
    try {
      const data = doc.snapshot();
      expect(data.actors).toHaveLength(52);
      expect(data.actors.find((a) => a.id === 'A10')!.level).toBe('LOKAAL');
      expect(data.actors.find((a) => a.id === 'A41')!.name).toBe('AZ Voorbeeldland');
      expect(data.actors.find((a) => a.id === 'N03')!.provenance[0].source).toBe('Noorddorp (ELZ)');
      expect(doc.views().find((v) => v.name === 'ELZ Voorbeeldregio')!.filters.origins).toEqual(['', 'Noorddorp (ELZ)']);
    } finally {
      doc.close();
    }

    // Out to Gephi and Excel, the merged map says which map each actor is in; read back, that changes nothing.
    const gexf = path.join(tmpDir(), 'elz.gexf');
    const csv = path.join(tmpDir(), 'elz.csv');
    expect((await cli('export', file, '--gexf', gexf, '--csv', csv)).code).toBe(0);
    const graph = fs.readFileSync(gexf, 'utf8');
    expect(graph).toContain('title="origin"');
    expect(graph).toMatch(/<node id="A05" label="LDC Het Anker">[\s\S]*?value="Voorbeeldstad; Noorddorp \(ELZ\)"/);
    expect(graph).toMatch(/<node id="N01" label="Gemeente Noorddorp">[\s\S]*?value="Noorddorp \(ELZ\)"/);
    const rows = fs.readFileSync(csv, 'utf8').split('\r\n');
    const head = rows[0].replace('\uFEFF', '').split(';');
    const origin = head.indexOf('Herkomst');
    expect(origin).toBeGreaterThan(0);
    expect(rows.find((r) => r.startsWith('Gemeente Noorddorp;'))!.split(';')[origin]).toBe('Noorddorp (ELZ)');
    // The report of the supra-local view says which map each actor is in.
    const pdf = path.join(tmpDir(), 'elz.pdf');
    expect((await cli('export', file, '--pdf', pdf, '--view', 'ELZ Voorbeeldregio')).code).toBe(0);
    const report = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, ' ');
    expect(report).toContain('Naam Type Sector Rechtsvorm Werkingsgebied Kaart');
    expect(report).toContain('Zorg Publiek Centrum Voorbeeldstad');
    expect(report).toContain('Zuidwijk Voorbeeldstad; Noorddorp (ELZ)');
    for (const back of [gexf, csv]) {
      const again = await cli('import', file, back, '--dry-run');
      expect(again.code, again.err).toBe(0);
      expect(again.out).toMatch(/actoren\s+0 nieuw, 0 bijgewerkt, 52 ongewijzigd/);
    }
  });
});
