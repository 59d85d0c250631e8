import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { DEFAULT_VIEW_ID, positionId } from '../../shared/model';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const fixture = (name: string) => path.resolve('test/fixtures/other-tools', name);

async function open(file: string) {
  const doc = await NetworkDocument.open(file, { readOnly: true });
  try {
    return { data: doc.snapshot(), positions: doc.positions('STANDAARD') };
  } finally {
    doc.close();
  }
}

async function demo(dir: string): Promise<string> {
  const file = path.join(dir, 'v.regiekaart');
  expect((await cli('demo', file)).code).toBe(0);
  return file;
}

describe('GraphML and GEXF', () => {
  it('a GEXF written by networkx: labels, attributes as fields or custom fields, positions, an edge without a label', async () => {
    const file = await demo(tmpDir());
    const r = await cli('import', file, fixture('kaart-networkx.gexf'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/actoren +2 nieuw, 1 bijgewerkt/);
    const { data, positions } = await open(file);
    const brug = data.actors.find((a) => a.name === 'Buurtwerk De Brug')!;
    expect(brug).toMatchObject({ kbo: '0403170701', sectors: ['WELZIJN'], contact: { website: 'https://debrug.example' } });
    const repair = data.actors.find((a) => a.name === 'Repair Café Voorbeeldstad')!;
    expect(repair.custom).toEqual({ vrijwilligers: '12' });
    // Gephi's y axis points up, the map's down.
    expect(positions.find((p) => p.nodeId === brug.id)).toMatchObject({ x: 10, y: 20.5 });
    // The OCMW was matched by its KBO number: no duplicate, and it keeps its place on the map.
    expect(data.actors.filter((a) => a.kbo === '0212300138').map((a) => a.id)).toEqual(['A02']);
    expect(positions.find((p) => p.nodeId === 'A02')).toBeUndefined();
    const referral = data.agreements.find((a) => a.title === 'Doorverwijzing budgetbegeleiding')!;
    expect(referral).toMatchObject({ type: 'PROTOCOL_TOELEIDING', custom: { weight: '2.0' } });
    expect(referral.parties.map((p) => p.actorId)).toEqual([brug.id, 'A02']);
    expect(data.agreements.some((a) => a.title === 'Buurtwerk De Brug – Repair Café Voorbeeldstad')).toBe(true);
  });

  it('a GraphML from networkx with the address in attributes of its own (street, number, box, postcode as an integer, municipality): one address line per actor', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'adressen.regiekaart');
    const r = await cli('import', file, fixture('adressen-networkx.graphml'));
    expect(r.code).toBe(0);
    const { data } = await open(file);
    expect(Object.fromEntries(data.actors.map((a) => [a.name, [a.contact.address, a.custom]]))).toEqual({
      'Buurtwerk De Brug': ['Stationsstraat 12 bus 2, 8000 Voorbeeldstad', {}],
      'Repair Café Voorbeeldstad': ['8000 Voorbeeldstad', {}],
      'Wijkpunt Zuid': ['Gentsesteenweg 5A, 8200 Sint-Andries', {}],
    });
    expect((await cli('import', file, fixture('adressen-networkx.graphml'), '--dry-run')).out).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 3 ongewijzigd/);
  });

  it('a GraphML in yEd’s structure: names, positions and edge labels from the yFiles graphics', async () => {
    const file = path.join(tmpDir(), 'yed.regiekaart');
    const r = await cli('import', file, fixture('kaart-yed-stijl.graphml'));
    expect(r.err).toBe('');
    const { data, positions } = await open(file);
    expect(data.actors.map((a) => a.name).sort()).toEqual(['Buurtpunt Stationswijk', 'CAW Regio X (incl. JAC)']);
    const punt = data.actors.find((a) => a.name === 'Buurtpunt Stationswijk')!;
    expect(punt.notes).toBe('Nieuw: opgestart in 2026 & nog zonder KBO-nummer');
    // yEd's geometry is the top left corner of a 160 × 30 node at (420, 260.5): the map's position is its centre.
    expect(positions.find((p) => p.nodeId === punt.id)).toMatchObject({ x: 500, y: 275.5 });
    expect(data.agreements.map((a) => a.title)).toEqual(['Permanentie CAW in buurtpunt']);
    const networkx = await cli('import', file, fixture('kaart-networkx.graphml'));
    expect(networkx.out).toMatch(/actoren +2 nieuw[\s\S]*afspraken +1 nieuw/);
  });

  it('yEd groups: a partnership of the nodes drawn in it (a group in a group its own), its kind from its name, an edge to it a membership; or actors, as chosen', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'groepen.regiekaart');
    const r = await cli('import', file, fixture('kaart-yed-groepen.graphml'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/samenwerkingsverbanden +3 nieuw/);
    expect(r.out).toContain('Soort samenwerkingsverband afgeleid uit de naam: GBO Voorbeeldstad (Geïntegreerd Breed Onthaal), Overleg Huis van het Kind (Huis van het Kind).');
    const { data, positions } = await open(file);
    const name = (id: string) => data.actors.find((a) => a.id === id)!.name;
    // The group names are yEd's open group's labels, not the closed folder's ("Map 1").
    expect(Object.fromEntries(data.partnerships.map((p) => [p.name, p.kind]))).toEqual({ 'GBO Voorbeeldstad': 'GBO', 'Overleg Huis van het Kind': 'HVK', 'Werkgroep opvoedingsondersteuning': 'ANDERE' });
    const members = Object.fromEntries(data.partnerships.map((p) => [p.name, data.members.filter((m) => m.partnershipId === p.id).map((m) => name(m.actorId)).sort()]));
    expect(members).toEqual({
      // Drawn inside it, and the SVK by its edge to the group.
      'GBO Voorbeeldstad': ['CAW Regio X (incl. JAC)', 'Dienst Maatschappelijk Werk CM', 'OCMW Voorbeeldstad', 'Sociaal Verhuurkantoor Regio'],
      'Overleg Huis van het Kind': ['Buurtpunt Stationswijk', 'Consultatiebureau Kind en Gezin'],
      'Werkgroep opvoedingsondersteuning': ['Opvoedingswinkel Voorbeeldstad'],
    });
    expect(data.partnerships.find((p) => p.name === 'GBO Voorbeeldstad')!.notes).toBe('Geïntegreerd Breed Onthaal: OCMW, CAW en de sociale diensten van de ziekenfondsen');
    expect(data.actors).toHaveLength(7);
    expect(Object.fromEntries(data.agreements.map((a) => [a.title, a.parties.map((p) => name(p.actorId))]))).toEqual({
      'Samenwerkingsovereenkomst onthaal': ['CAW Regio X (incl. JAC)', 'OCMW Voorbeeldstad'],
      'Doorverwijzing huurders': ['Sociaal Verhuurkantoor Regio', 'Buurtpunt Stationswijk'],
    });
    // Nodes inside groups keep where yEd drew them (the centre of a 180 × 30 node at 30, 36).
    const ocmw = data.actors.find((a) => a.name === 'OCMW Voorbeeldstad')!;
    expect(positions.find((p) => p.nodeId === ocmw.id)).toMatchObject({ x: 120, y: 51 });
    // The same file again: nothing new, nothing duplicated.
    const again = await cli('import', file, fixture('kaart-yed-groepen.graphml'));
    expect(again.out).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 7 ongewijzigd/);
    expect(again.out).toMatch(/samenwerkingsverbanden +0 nieuw, 0 bijgewerkt, 3 ongewijzigd/);
    expect(again.out).toMatch(/lidmaatschappen +0 nieuw, 0 bijgewerkt, 7 ongewijzigd/);
    expect(again.out).not.toContain('afgeleid uit de naam');

    // As actors: every group a node of its own, an edge to a group an agreement.
    const asActors = path.join(dir, 'actoren.regiekaart');
    const a = await cli('import', asActors, fixture('kaart-yed-groepen.graphml'), '--groups', 'actors');
    expect(a.err).toBe('');
    const other = (await open(asActors)).data;
    expect(other.actors.map((x) => x.name)).toEqual(expect.arrayContaining(['GBO Voorbeeldstad', 'Overleg Huis van het Kind', 'Werkgroep opvoedingsondersteuning']));
    expect([other.actors.length, other.agreements.length, other.partnerships.length]).toEqual([10, 3, 0]);

    // Not read at all (groups that only order the drawing): the nodes in them, and what is between those.
    const none = path.join(dir, 'zonder.regiekaart');
    const z = await cli('import', none, fixture('kaart-yed-groepen.graphml'), '--groups', 'ignore');
    expect(z.out).toContain('3 groepen (yEd, Gephi) niet ingelezen, alleen de knopen erin; met --groups partnerships als samenwerkingsverbanden.');
    expect(z.out).toContain('1 verbinding met een groep is niet ingelezen, zoals de groepen zelf.');
    const bare = (await open(none)).data;
    expect([bare.actors.length, bare.agreements.length, bare.partnerships.length]).toEqual([7, 2, 0]);

    // An edge from one group to another cannot be a membership: left out, and said, rather than refused.
    const linked = path.join(dir, 'gekoppeld.graphml');
    fs.writeFileSync(linked, fs.readFileSync(fixture('kaart-yed-groepen.graphml'), 'utf8').replace('<edge id="e0" source="n2" target="n0">', '<edge id="e9" source="n1" target="n0"/>\n    <edge id="e0" source="n2" target="n0">'));
    const l = await cli('import', path.join(dir, 'gekoppeld.regiekaart'), linked);
    expect([l.code, l.err]).toEqual([0, '']);
    expect(l.out).toContain('1 verbinding tussen twee groepen is niet ingelezen: een samenwerkingsverband is geen lid van een ander.');
    expect(l.out).toMatch(/lidmaatschappen +7 nieuw/);

    // The choice is checked, and is only for graph files.
    const before = sha(file);
    const wrong = await cli('import', file, fixture('kaart-yed-groepen.graphml'), '--groups', 'groepen');
    expect([wrong.code, wrong.err.split('\n')[0]]).toEqual([2, 'Fout: --groups verwacht partnerships, actors, ignore, niet "groepen".']);
    const csv = path.join(dir, 'p.csv');
    fs.writeFileSync(csv, 'Naam\nCAW\n');
    expect((await cli('import', file, csv, '--groups', 'actors')).err.split('\n')[0]).toBe('Fout: --groups is er voor een GraphML- of GEXF-bestand.');
    expect(sha(file)).toBe(before);
  });

  it('a GraphML exported by Cytoscape desktop (every column a node key, SUIDs as ids, no edge ids): its bookkeeping columns are left out', async () => {
    const file = path.join(tmpDir(), 'cytoscape.regiekaart');
    expect((await cli('demo', file)).code).toBe(0);
    const r = await cli('import', file, fixture('kaart-cytoscape.graphml'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/actoren +2 nieuw, 1 bijgewerkt[\s\S]*afspraken +2 nieuw/);
    const { data } = await open(file);
    // The CAW matched by name, its e-mail filled in; Cytoscape's SUID, shared name and selected are not fields of ours.
    const caw = data.actors.find((a) => a.id === 'A12')!;
    expect(caw.contact.email).toBe('onthaal@caw.example');
    expect(caw.custom).toEqual({ Organisatietype: 'CAW' });
    const vaart = data.actors.find((a) => a.name === 'Wijkgezondheidscentrum De Vaart')!;
    expect(vaart.custom).toEqual({ Organisatietype: 'Wijkgezondheidscentrum' });
    // Edges named "source (pp) target" by Cytoscape are titled after their ends; the interaction is kept.
    const edges = data.agreements.filter((a) => a.parties.some((p) => p.actorId === vaart.id || p.actorId === caw.id) && a.custom.interaction);
    // New agreements get random ids: compared in title order.
    expect(edges.map((a) => [a.title, a.type, a.custom]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['CAW Regio X (incl. JAC) – Buurtpunt Stationswijk', 'SAMENWERKINGSOVEREENKOMST', { interaction: 'pp' }],
      ['Wijkgezondheidscentrum De Vaart – Buurtpunt Stationswijk', 'INFORMEEL', { interaction: 'pp' }],
    ]);
  });

  it('the demo out to GraphML and GEXF and back: nothing changes, multi-party agreements stay one agreement', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    for (const ext of ['graphml', 'gexf']) {
      const out = path.join(dir, `kaart.${ext}`);
      expect((await cli('export', file, `--${ext}`, out)).code).toBe(0);
      const again = await cli('import', file, out, '--dry-run');
      expect(again.out, ext).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 46 ongewijzigd[\s\S]*afspraken +0 nieuw, 0 bijgewerkt, 60 ongewijzigd/);
      const fresh = path.join(dir, `uit-${ext}.regiekaart`);
      expect((await cli('import', fresh, out)).code).toBe(0);
      const [before, after] = [(await open(file)).data, (await open(fresh)).data];
      expect(after.actors.map((a) => [a.id, a.name, a.type, a.kbo]), ext).toEqual(before.actors.map((a) => [a.id, a.name, a.type, a.kbo]));
      expect(after.agreements.map((a) => [a.id, a.title, a.type, a.status, a.parties.map((p) => p.actorId)]), ext).toEqual(
        before.agreements.map((a) => [a.id, a.title, a.type, a.status, a.parties.map((p) => p.actorId)]),
      );
    }
    // The partnerships travel as the map draws them: one without an actor of its own is a node, one with an actor of
    // its own (the GBO, the zorgraad) is carried by that actor's node, and each membership not already an agreement
    // is an edge to the partnership's node (or its own actor's). Back into the same map, all of them are matched;
    // into a new one, they are all made again as they were.
    const { data } = await open(file);
    const hubs = data.partnerships.filter((p) => !p.actorId);
    const owned = data.partnerships.filter((p) => p.actorId);
    const memberships = data.members.filter((m) => !m.agreementId);
    expect([hubs.length, owned.length]).toEqual([2, 6]);
    const partnershipFields = (p: (typeof hubs)[number]) => [p.id, p.name, p.kind, p.actorId, p.active, p.notes, p.leadActorId, p.lifeDomains, p.targetGroups];
    const memberFields = (m: (typeof memberships)[number]) => [m.id, m.partnershipId, m.actorId, m.role, m.cluster, m.since, m.until];
    for (const ext of ['graphml', 'gexf']) {
      const written = fs.readFileSync(path.join(dir, `kaart.${ext}`), 'utf8');
      for (const p of hubs) expect(written, ext).toContain(`<node id="partnership:${p.id}"`);
      for (const p of owned) expect(written, ext).toContain(p.name);
      expect(written.match(/<edge id="member:/g)?.length, ext).toBe(memberships.length);
      const again = await cli('import', file, path.join(dir, `kaart.${ext}`), '--dry-run');
      expect(again.out, ext).toMatch(new RegExp(`samenwerkingsverbanden +0 nieuw, 0 bijgewerkt, ${data.partnerships.length} ongewijzigd[\\s\\S]*lidmaatschappen +0 nieuw, 0 bijgewerkt, ${memberships.length} ongewijzigd`));
      const fresh = await open(path.join(dir, `uit-${ext}.regiekaart`));
      expect(fresh.data.partnerships.map(partnershipFields).sort(), ext).toEqual(data.partnerships.map(partnershipFields).sort());
      expect(fresh.data.members.map(memberFields).sort(), ext).toEqual(memberships.map(memberFields).sort());
      // The partnership is not a custom field of its actor.
      expect(fresh.data.actors.find((a) => a.id === owned[0].actorId)!.custom, ext).toEqual(data.actors.find((a) => a.id === owned[0].actorId)!.custom);
      const fromNew = await cli('import', path.join(dir, `nog-eens-${ext}.regiekaart`), path.join(dir, `kaart.${ext}`));
      expect(fromNew.out, ext).toMatch(new RegExp(`samenwerkingsverbanden +${data.partnerships.length} nieuw[\\s\\S]*lidmaatschappen +${memberships.length} nieuw`));
      expect(fromNew.out, ext).not.toContain('niet ingelezen');
    }
    const text = fs.readFileSync(path.join(dir, 'kaart.graphml'), 'utf8');
    expect(text).toContain(`<y:NodeLabel>${hubs[0].name}</y:NodeLabel>`);
    // yEd shows the names: they are in the node graphics too.
    expect(text).toContain('<y:NodeLabel>Gemeente Voorbeeldstad (regie-cel lokaal sociaal beleid)</y:NodeLabel>');
  });

  it('partnerships and memberships from a graph file: kept as they were, matched by id or name, and a wrong one named by its line', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    // A membership with a cluster, dates and a role, and one of the GBO (which has an actor of its own) that is no agreement.
    const doc = await NetworkDocument.open(file);
    doc.edit(
      (tx) => {
        tx.update('member', { ...tx.get('member', 'M-P-THUISZORG-A04'), cluster: 'Buurtwerking', since: '2025-01-01', until: '2027-12-31', role: 'LEAD' });
        tx.insert('member', { id: 'M-GBO-A05', partnershipId: 'P-GBO', actorId: 'A05' });
      },
      { label: 'leden' },
    );
    doc.close();
    const out = path.join(dir, 'kaart.graphml');
    expect((await cli('export', file, '--graphml', out)).code).toBe(0);

    // Into a new map: the partnerships and their members as they were, the GBO's (carried by its actor's node) too.
    const fresh = path.join(dir, 'nieuw.regiekaart');
    const made = await cli('import', fresh, out);
    expect(made.out).toMatch(/samenwerkingsverbanden +8 nieuw[\s\S]*lidmaatschappen +10 nieuw/);
    expect(made.out).not.toContain('niet ingelezen');
    expect((await open(fresh)).data.members.find((m) => m.id === 'M-GBO-A05')).toMatchObject({ partnershipId: 'P-GBO', actorId: 'A05' });
    expect((await open(fresh)).data.partnerships.find((p) => p.id === 'P-GBO')).toMatchObject({ name: 'GBO Voorbeeldregio', kind: 'GBO', actorId: 'A18' });
    // A file without those attributes (another tool dropped them) cannot say which partnership the GBO's is: said.
    const stripped = path.join(dir, 'zonder.graphml');
    fs.writeFileSync(stripped, fs.readFileSync(out, 'utf8').replace(/<data key="[^"]*">[^<]*<\/data>\s*/g, (d) => (/GBO Voorbeeldregio<|>GBO<|>P-GBO</.test(d) ? '' : d)));
    const fromStripped = await cli('import', path.join(dir, 'zonder.regiekaart'), stripped);
    expect(fromStripped.out).toContain('1 lidmaatschap van een samenwerkingsverband met een eigen actor is niet ingelezen');
    expect((await open(fresh)).data.members.find((m) => m.id === 'M-P-THUISZORG-A04')).toEqual({
      id: 'M-P-THUISZORG-A04', partnershipId: 'P-THUISZORG', actorId: 'A04', role: 'LEAD', cluster: 'Buurtwerking', since: '2025-01-01', until: '2027-12-31', agreementId: null,
    });

    // Into that map, changed since: the partnership renamed there is found by its id and gets the file's name back,
    // the membership removed there is made again, the others are left as they are.
    const changed = await NetworkDocument.open(fresh);
    changed.edit(
      (tx) => {
        tx.update('partnership', { ...tx.get('partnership', 'P-THUISZORG'), name: 'Thuiszorgnetwerk' });
        tx.remove('member', 'M-P-THUISZORG-A05');
      },
      { label: 'gewijzigd' },
    );
    changed.close();
    const back = await cli('import', fresh, out);
    expect(back.out).toMatch(/samenwerkingsverbanden +0 nieuw, 1 bijgewerkt, 7 ongewijzigd[\s\S]*lidmaatschappen +1 nieuw, 0 bijgewerkt, 9 ongewijzigd/);
    const after = (await open(fresh)).data;
    expect(after.partnerships.find((p) => p.id === 'P-THUISZORG')!.name).toBe('Netwerk thuiszorg en zorgzame buurten Voorbeeldstad');
    expect(after.members.filter((m) => m.partnershipId === 'P-THUISZORG')).toHaveLength(9);

    // A hub whose id another tool changed is found by its name: nothing new in the map it came from.
    const text = fs.readFileSync(out, 'utf8');
    const renamed = path.join(dir, 'andere-ids.graphml');
    fs.writeFileSync(renamed, text.replaceAll('partnership:P-THUISZORG', 'gephi-17'));
    expect((await cli('import', file, renamed, '--dry-run')).out).toMatch(/samenwerkingsverbanden +0 nieuw, 0 bijgewerkt, 8 ongewijzigd[\s\S]*lidmaatschappen +0 nieuw, 0 bijgewerkt, 10 ongewijzigd/);

    // A kind of partnership the map does not know: refused with the hub's line, and its memberships with theirs.
    const wrong = path.join(dir, 'fout.graphml');
    fs.writeFileSync(wrong, text.replace('>Thematisch netwerk<', '>Breiclub<'));
    const hubLine = text.slice(0, text.indexOf('<node id="partnership:P-THUISZORG"')).split('\n').length;
    const memberLine = text.slice(0, text.indexOf('<edge id="member:M-P-THUISZORG-A04"')).split('\n').length;
    const bad = path.join(dir, 'fout.regiekaart');
    const refused = await cli('import', bad, wrong);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(`regel ${hubLine}: "Breiclub" is geen gekende soort samenwerkingsverband.`);
    expect(refused.err).toContain(`regel ${memberLine}: het samenwerkingsverband "partnership:P-THUISZORG" (regel ${hubLine}) is niet ingelezen.`);
    expect(fs.existsSync(bad)).toBe(false);
    // A trekker that is no node of the file, and a life domain the map does not know: named with the hub's line.
    const lsbLine = text.slice(0, text.indexOf('<node id="partnership:P-LSB"')).split('\n').length;
    const lsb = text.slice(text.indexOf('<node id="partnership:P-LSB"'));
    const lsbNode = lsb.slice(0, lsb.indexOf('</node>'));
    expect(lsbNode).toContain('>A01<');
    const wrongLead = path.join(dir, 'trekker.graphml');
    fs.writeFileSync(wrongLead, text.replace(lsbNode, lsbNode.replace('>A01<', '>A99<')));
    expect((await cli('import', path.join(dir, 'trekker.regiekaart'), wrongLead)).err).toContain(`regel ${lsbLine}: de trekker "A99" is geen actor van dit bestand.`);
    const thuiszorg = text.slice(text.indexOf('<node id="partnership:P-THUISZORG"'));
    const thuiszorgNode = thuiszorg.slice(0, thuiszorg.indexOf('</node>'));
    expect(thuiszorgNode).toContain('>Zorg; Sociale contacten en participatie<');
    const wrongDomain = path.join(dir, 'domein.graphml');
    fs.writeFileSync(wrongDomain, text.replace(thuiszorgNode, thuiszorgNode.replace('>Zorg; Sociale contacten en participatie<', '>Zorg; Breien<')));
    expect((await cli('import', path.join(dir, 'domein.regiekaart'), wrongDomain)).err).toContain(`regel ${hubLine}: "Breien" is geen gekend levensdomein.`);

    // Leaving the problems out, the rest comes in.
    const skipped = await cli('import', bad, wrong, '--skip-problems');
    expect(skipped.out).toMatch(/samenwerkingsverbanden +7 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen[\s\S]*lidmaatschappen +1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 9 overgeslagen/);
    expect((await open(bad)).data.partnerships.map((p) => p.id).sort()).toEqual(['P-DTL', 'P-GBO', 'P-HVK', 'P-IFG', 'P-LIVCR', 'P-LSB', 'P-ZORGRAAD']);
  });

  it('yEd’s geometry is a top left corner: out and back (yEd keeps only its own geometry) every node is where the map had it, an unplaced one nowhere', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    // The demo as the command line makes it has no places yet (the app lays it out when it is first shown): give
    // two actors one.
    const doc = await NetworkDocument.open(file);
    doc.edit(
      (tx) => {
        tx.insert('position', { id: positionId(DEFAULT_VIEW_ID, 'A01'), viewId: DEFAULT_VIEW_ID, nodeId: 'A01', x: 100, y: 50 });
        tx.insert('position', { id: positionId(DEFAULT_VIEW_ID, 'A02'), viewId: DEFAULT_VIEW_ID, nodeId: 'A02', x: -30.5, y: 200 });
      },
      { label: 'geplaatst' },
    );
    doc.close();
    const out = path.join(dir, 'kaart.graphml');
    expect((await cli('export', file, '--graphml', out)).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/<node id="A01">[\s\S]*?<y:Geometry x="20" y="35" width="160" height="30"/);
    const yedOnly = path.join(dir, 'alleen-yed.graphml');
    fs.writeFileSync(yedOnly, text.replace(/<data key="n[xy]">[^<]*<\/data>\s*/g, ''));
    expect(fs.readFileSync(yedOnly, 'utf8')).not.toContain('key="nx"');
    const placed = path.join(dir, 'uit-yed.regiekaart');
    expect((await cli('import', placed, yedOnly)).code).toBe(0);
    expect((await open(placed)).positions.map((p) => [p.nodeId, p.x, p.y]).sort()).toEqual([
      ['A01', 100, 50],
      ['A02', -30.5, 200],
    ]);
  });

  it('a hierarchical GEXF (nodes inside a node): the outer node a partnership of the inner ones, or with --groups actors an actor too; a problem inside names its line', async () => {
    const dir = tmpDir();
    const gexf = (inner: string) =>
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph defaultedgetype="undirected">',
        '    <nodes>',
        '      <node id="elz" label="Eerstelijnszone Regio X">',
        '        <nodes>',
        '          <node id="caw" label="CAW Regio X"/>',
        `          ${inner}`,
        '        </nodes>',
        '      </node>',
        '    </nodes>',
        '    <edges>',
        '      <edge id="e1" source="caw" target="wgc" label="Warme overdracht"/>',
        '    </edges>',
        '  </graph>',
        '</gexf>',
      ].join('\n');
    const good = path.join(dir, 'hierarchie.gexf');
    fs.writeFileSync(good, gexf('<node id="wgc" label="Wijkgezondheidscentrum De Vaart"/>'));
    const file = path.join(dir, 'h.regiekaart');
    const r = await cli('import', file, good);
    expect(r.err).toBe('');
    expect(r.out).toContain('1 groep (yEd, Gephi) ingelezen als samenwerkingsverband met de knopen erin als leden; met --groups actors als actoren, met --groups ignore niet.');
    const { data } = await open(file);
    expect(data.actors.map((a) => a.name).sort()).toEqual(['CAW Regio X', 'Wijkgezondheidscentrum De Vaart']);
    expect(data.partnerships.map((p) => p.name)).toEqual(['Eerstelijnszone Regio X']);
    expect(data.members.map((m) => data.actors.find((a) => a.id === m.actorId)!.name).sort()).toEqual(['CAW Regio X', 'Wijkgezondheidscentrum De Vaart']);
    expect(data.agreements.map((a) => a.title)).toEqual(['Warme overdracht']);
    const asActors = path.join(dir, 'a.regiekaart');
    const a = await cli('import', asActors, good, '--groups', 'actors');
    expect(a.out).toContain('1 groep (yEd, Gephi) ingelezen als actor; met --groups partnerships als samenwerkingsverbanden.');
    const other = (await open(asActors)).data;
    expect(other.actors.map((x) => x.name).sort()).toEqual(['CAW Regio X', 'Eerstelijnszone Regio X', 'Wijkgezondheidscentrum De Vaart']);
    expect(other.partnerships).toEqual([]);
    // The same id twice, the second time inside the hierarchy: refused, with the line of each.
    const twice = path.join(dir, 'dubbel.gexf');
    fs.writeFileSync(twice, gexf('<node id="caw" label="Nog eens het CAW"/><node id="wgc" label="WGC"/>'));
    const bad = await cli('import', path.join(dir, 'd.regiekaart'), twice);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('regel 8: knoop-id "caw" komt twee keer voor (ook op regel 7).');
  });

  it('networkx’s defaults (<default> of a GraphML key or a GEXF attribute) are the value of every node or edge without its own', async () => {
    const dir = tmpDir();
    for (const ext of ['graphml', 'gexf']) {
      const file = path.join(dir, `standaard-${ext}.regiekaart`);
      const r = await cli('import', file, fixture(`kaart-networkx-standaardwaarden.${ext}`));
      expect(r.err, ext).toBe('');
      const { data } = await open(file);
      const sectors = Object.fromEntries(data.actors.map((a) => [a.name, a.sectors]));
      // De Brug has no sector of its own: the default's. An empty value of a node's own stands.
      expect(sectors, ext).toEqual({ 'Buurtwerk De Brug': ['WELZIJN'], 'Repair Café Voorbeeldstad': ['BURGERINITIATIEF'], 'Wijkpunt Noord': [] });
      const types = Object.fromEntries(data.agreements.map((a) => [a.title, a.type]));
      expect(types['Vrijwilligerspool burenhulp'], ext).toBe('INFORMEEL');
      // (networkx leaves the edge default out of GEXF, where it writes "type" as the edge's own XML attribute.)
      if (ext === 'graphml') expect(types['Zitdag in het wijkpunt']).toBe('SAMENWERKINGSOVEREENKOMST');
    }
  });

  it('hostile and broken XML is refused before parsing, with its line, and the document stays byte for byte', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const attempt = async (name: string, text: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, text);
      const r = await cli('import', file, f);
      expect(r.code, name).toBe(1);
      expect(sha(file), name).toBe(before);
      return r.err;
    };
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE graphml [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<graphml><graph><node id="a"><data key="d0">&x;</data></node></graph></graphml>';
    expect(await attempt('xxe.graphml', xxe)).toContain('regel 2: een <!DOCTYPE> is niet toegelaten');
    const lol = `<?xml version="1.0"?>\n<gexf>\n<!ENTITY lol "lol"><graph/></gexf>`;
    expect(await attempt('lol.gexf', lol)).toContain('regel 3: een <!ENTITY> is niet toegelaten');
    expect(await attempt('kapot.graphml', '<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>')).toMatch(/regel 4, kolom \d+: geen geldige XML/);
    const dup = '<graphml>\n<graph>\n<node id="a"/>\n<node id="b"/>\n<node id="a"/>\n<edge source="a" target="c"/>\n</graph>\n</graphml>';
    const err = await attempt('dubbel.graphml', dup);
    expect(err).toContain('regel 5: knoop-id "a" komt twee keer voor (ook op regel 3).');
    expect(err).toContain('regel 6: het doel van verbinding ("c") is geen knoop in het bestand.');
    expect(await attempt('geen.gexf', '<gexf><meta/></gexf>')).toContain('geen GEXF-bestand');
  });
});

describe('Sociale Kaart extract', () => {
  it('brings in provider data, keeps the Sociale Kaart id, and a later extract updates by that id instead of duplicating', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const extract = fixture('sociale-kaart-extract.json');
    const r = await cli('import', file, extract);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/actoren +2 nieuw, 1 bijgewerkt/);
    const { data } = await open(file);
    const caw = data.actors.find((a) => a.id === 'A12')!;
    const today = new Date().toISOString().slice(0, 10);
    expect(caw).toMatchObject({
      socialeKaartId: 'f3b0c1d2-0000-4a1b-9c00-000000000101',
      socialeKaartSyncedAt: today,
      type: 'CAW',
      contact: { address: 'Stationsstraat 12, 8000 Voorbeeldstad', phone: '078 15 05 55', email: 'onthaal@cawregiox.example' },
    });
    expect(caw.custom['Activiteiten (Sociale Kaart)']).toBe('Algemeen welzijnswerk; Jongerenadviescentrum (JAC)');
    expect(data.actors.find((a) => a.name === "Dienstencentrum 't Oude Station")?.active).toBe(false);
    expect((await cli('import', file, extract)).out).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 3 ongewijzigd/);
    // A renamed provider in a later extract: found by its Sociale Kaart id, renamed, not duplicated.
    const later = JSON.parse(fs.readFileSync(extract, 'utf8'));
    later.content[1].legalName.description = 'WZC De Meersen (nieuwe naam)';
    const laterFile = path.join(dir, 'later.json');
    fs.writeFileSync(laterFile, JSON.stringify(later));
    expect((await cli('import', file, laterFile)).out).toMatch(/actoren +0 nieuw, 1 bijgewerkt, 2 ongewijzigd/);
    const after = (await open(file)).data;
    expect(after.actors.filter((a) => a.socialeKaartId === 'f3b0c1d2-0000-4a1b-9c00-000000000202').map((a) => a.name)).toEqual(['WZC De Meersen (nieuwe naam)']);
    // A record without a name is named by its place, and nothing is imported.
    delete later.content[2].legalName;
    fs.writeFileSync(laterFile, JSON.stringify(later));
    const bad = await cli('import', file, laterFile);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('content[2]: de voorziening heeft geen naam');
  });
});
