import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NetworkDocument } from '../../electron/core/document';
import { applyBatch } from '../../electron/core/edit/apply';
import { historyState, undo } from '../../electron/core/edit/history';
import { createHandlers, Session } from '../../electron/core/session';
import { contract } from '../../shared/api';
import { basisDigest } from '../../electron/core/exchange/tables';
import { readXlsx } from '../../electron/core/exchange/xlsx';
import { EditBatchSchema } from '../../shared/edit/commands';
import { DEFAULT_VIEW_ID } from '../../shared/model';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const fixture = (name: string) => path.resolve('test/fixtures/other-tools', name);

async function demo(dir: string): Promise<string> {
  const file = path.join(dir, 'v.regiekaart');
  expect((await cli('demo', file)).code).toBe(0);
  return file;
}

/** Gephi's Data Laboratory tables as it exports them: nodes (Id, Label, timeset) and edges naming the nodes by Id. */
function gephiTables(dir: string): { nodes: string; edges: string } {
  const nodes = path.join(dir, 'nodes.csv');
  const edges = path.join(dir, 'edges.csv');
  fs.writeFileSync(nodes, 'Id,Label,timeset\r\n0,Buurtwerk De Brug,\r\n1,Repair Café Voorbeeldstad,\r\n2,Speel-o-theek De Knikker,\r\n');
  fs.writeFileSync(edges, 'Source,Target,Type,Id,Label,timeset,Weight\r\n0,1,Undirected,0,Vrijwilligerspool,,1.0\r\n2,0,Undirected,1,Speelnamiddag,,1.0\r\n');
  return { nodes, edges };
}

async function snapshot(file: string) {
  const doc = await NetworkDocument.open(file, { readOnly: true });
  try {
    return doc.snapshot();
  } finally {
    doc.close();
  }
}

describe('spreadsheet import and export', () => {
  it('a partner list made with openpyxl goes into the demo without duplicates: matched by KBO and by name, the rest new; again changes nothing', async () => {
    const file = await demo(tmpDir());
    const r = await cli('import', file, fixture('partners-openpyxl.xlsx'));
    expect(r.err).toBe('');
    expect(r.out).toContain('actoren    2 nieuw, 2 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('afspraken  2 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    const data = await snapshot(file);
    expect(data.actors).toHaveLength(48);
    // Matched by KBO although Excel stored it as a number without its leading zero; the unknown columns are kept.
    const ocmw = data.actors.find((a) => a.id === 'A02')!;
    expect(ocmw.name).toBe('OCMW Voorbeeldstad - sociale dienst');
    expect(ocmw.contact.email).toBe('sociale.dienst@voorbeeldstad.example');
    expect(ocmw.custom).toMatchObject({ Contactpersoon: 'diensthoofd', 'Laatst gecontacteerd': '2026-10-02' });
    // Matched by name regardless of case; its type stays, the file's level is taken.
    const anker = data.actors.find((a) => a.id === 'A05')!;
    expect(anker.type).toBe('LDC');
    const brug = data.actors.find((a) => a.name === 'Buurtwerk De Brug')!;
    expect(brug).toMatchObject({ kbo: '0403170701', sectors: ['WELZIJN', 'VRIJE_TIJD'], level: 'BUURT', type: 'ANDERE', legalForm: 'PRIVATE_NONPROFIT' });
    const referral = data.agreements.find((a) => a.title === 'Doorverwijzing budgetbegeleiding')!;
    expect(referral).toMatchObject({ type: 'PROTOCOL_TOELEIDING', status: 'CONCEPT', endDate: '2027-12-31' });
    expect(referral.parties.map((p) => p.actorId)).toEqual([brug.id, 'A02']);
    const again = await cli('import', file, fixture('partners-openpyxl.xlsx'));
    expect(again.out).toContain('actoren    0 nieuw, 0 bijgewerkt, 4 ongewijzigd');
    expect(again.out).toContain('afspraken  0 nieuw, 0 bijgewerkt, 2 ongewijzigd');
    expect((await snapshot(file)).actors).toHaveLength(48);
  });

  it("two partner lists made with openpyxl, each numbered 1, 2, 3 in an ID column of its own: the second does not rename the first's actors, and finds its own by name", async () => {
    const file = await demo(tmpDir());
    const first = await cli('import', file, fixture('partners-vrijwilligers-genummerd-openpyxl.xlsx'));
    expect(first.out).toContain('actoren    3 nieuw, 0 bijgewerkt, 1 ongewijzigd');
    const before = await snapshot(file);
    // A first list's numbers are taken as ids (a Gephi node table's edges name its nodes by them).
    expect(['1', '3', '4'].map((id) => before.actors.find((a) => a.id === id)?.name)).toEqual(['Repair Café Voorbeeldstad', 'Buurtwerk De Brug', 'Sportclub Voorbeeldstad']);
    const second = await cli('import', file, fixture('partners-kinderarmoede-genummerd-openpyxl.xlsx'));
    expect(second.code).toBe(0);
    expect(second.out).toContain('actoren    1 nieuw, 3 bijgewerkt, 0 ongewijzigd');
    expect(second.out).toContain('afspraken  2 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(second.out).toContain('kolom "ID" is een eigen nummering van het bestand, geen id uit deze kaart: 3 van de 3 rijen');
    const data = await snapshot(file);
    expect(['1', '3', '4'].map((id) => data.actors.find((a) => a.id === id)?.name)).toEqual(['Repair Café Voorbeeldstad', 'Buurtwerk De Brug', 'Sportclub Voorbeeldstad']);
    expect(data.actors).toHaveLength(before.actors.length + 1);
    const named = (name: string) => data.actors.filter((a) => a.name === name);
    expect(named('Buurtwerk De Brug')).toEqual([expect.objectContaining({ id: '3', contact: expect.objectContaining({ email: 'info@debrug.example' }), custom: { ID: '4' } })]);
    expect(named('Huis van het Kind Voorbeeldstad')).toEqual([expect.objectContaining({ id: 'A19', custom: { ID: '1' } })]);
    const knikker = named('Speel-o-theek De Knikker')[0];
    expect(knikker.id).toMatch(/^[0-9a-f]{8}-/);
    // The workbook's agreements name their parties by the workbook's numbers.
    const parties = (title: string) => data.agreements.find((a) => a.title === title)!.parties.map((p) => p.actorId);
    expect([parties('Speelgoedbank'), parties('Vrijetijdspas voor gezinnen')]).toEqual([[knikker.id, 'A39'], ['A19', '3']]);
  });

  it('a list with a title, a date and an empty row above its headers (openpyxl, merged title cell): the header row is found, problems name the rows as the spreadsheet numbers them, --header-row overrides', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const list = fixture('partners-met-titel-openpyxl.xlsx');
    const refused = await cli('import', file, list);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('partners-met-titel-openpyxl.xlsx: 1 probleem, niets geïmporteerd.');
    expect(refused.err).toContain('rij 7, kolom "Ondernemingsnummer": Ondernemingsnummer 0403.170.702 klopt niet');
    expect(sha(file)).toBe(before);
    // The title row as the header: no kind of rows fits it, so nothing is read, and the user is told so.
    const title = await cli('import', file, list, '--header-row', '1');
    expect(title.code).toBe(1);
    expect(title.err).toContain('geen blad met actoren, diensten of afspraken gevonden');
    expect(sha(file)).toBe(before);
    expect((await cli('import', file, list, '--header-row', '11')).code).toBe(2);
    const ok = await cli('import', file, list, '--header-row', '4', '--skip-problems');
    expect(ok.err).toContain('rij 7, kolom "Ondernemingsnummer"');
    expect(ok.out).toContain('actoren    2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen');
    const data = await snapshot(file);
    // Phone numbers Excel held as numbers get their leading 0 back.
    expect(data.actors.find((a) => a.name === 'Buurtwerk De Brug')).toMatchObject({ type: 'OPBOUWWERK', kbo: '0403170701', notes: 'vrijwilligers', contact: { email: 'info@debrug.example', phone: '050112233' } });
    expect(data.actors.find((a) => a.name === 'Wijkpunt Zuid')).toMatchObject({ type: 'OPBOUWWERK', kbo: null, contact: { phone: '0470123456' } });
    expect(data.actors.some((a) => a.name.startsWith('Partnerlijst') || a.name.startsWith('Stand'))).toBe(false);

    // A CSV with a title line and an empty line: the same, its rows numbered as lines.
    const csv = path.join(dir, 'met-titel.csv');
    fs.writeFileSync(csv, ['Partners wonen (export 2026);;', ';;', 'Naam;Type;E-mail', 'Huurdersbond Voorbeeldstad;Andere;info@huurders.example', 'Woonwinkel;Winkel;woonwinkel@example.org'].join('\r\n'));
    const r = await cli('import', file, csv);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rij 5, kolom "Type": "Winkel" is geen gekend actortype');
  });

  it('the template imports as it is, and an xlsx export of the result imports back unchanged', async () => {
    const dir = tmpDir();
    const template = path.join(dir, 'sjabloon.xlsx');
    expect((await cli('template', template)).code).toBe(0);
    const sheets = await readXlsx('sjabloon.xlsx', fs.readFileSync(template));
    expect(sheets.map((s) => s.name)).toEqual(['Actoren', 'Diensten', 'Afspraken', 'Uitleg']);
    expect(sheets[0].rows[0].slice(0, 6)).toEqual(['Naam', 'Type', 'Sectoren', 'Rechtsvorm', 'Niveau', 'KBO-nummer']);
    const file = path.join(dir, 'nieuw.regiekaart');
    const first = await cli('import', file, template);
    expect(first.err).toBe('');
    expect(first.out).toMatch(/actoren +2 nieuw[\s\S]*diensten +1 nieuw[\s\S]*afspraken +1 nieuw/);
    const exported = path.join(dir, 'export.xlsx');
    expect((await cli('export', file, '--xlsx', exported)).code).toBe(0);
    const back = await cli('import', file, exported);
    expect(back.out).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 2 ongewijzigd[\s\S]*diensten +0 nieuw, 0 bijgewerkt, 1 ongewijzigd[\s\S]*afspraken +0 nieuw, 0 bijgewerkt, 1 ongewijzigd/);
  });

  it('an address book made with openpyxl (street, number, box, postcode and municipality in columns of their own, numbers as numbers) gives one address per actor; its export imports back unchanged', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const r = await cli('import', file, fixture('adressen-openpyxl.xlsx'));
    expect(r.err).toBe('');
    expect(r.out).toContain('actoren    3 nieuw, 1 bijgewerkt, 0 ongewijzigd');
    const data = await snapshot(file);
    const address = (name: string) => data.actors.find((a) => a.name === name)?.contact.address;
    expect(address('OCMW Voorbeeldstad – sociale dienst')).toBe('Markt 1, 8000 Voorbeeldstad');
    expect(address('Buurtwerk De Brug')).toBe('Stationsstraat 12 bus 2, 8000 Voorbeeldstad');
    expect(address('Wijkpunt Zuid')).toBe('Gentsesteenweg 5A, 8200 Sint-Andries');
    expect(address('Repair Café Voorbeeldstad')).toBe('8000 Voorbeeldstad');
    // The running number "Nr." is not a house number: it is kept as the list's own field.
    expect(data.actors.find((a) => a.name === 'Buurtwerk De Brug')!.custom).toEqual({ 'Nr.': '2' });
    const exported = path.join(dir, 'export.xlsx');
    expect((await cli('export', file, '--xlsx', exported)).code).toBe(0);
    const [actors] = await readXlsx('export.xlsx', fs.readFileSync(exported));
    expect(actors.rows[0]).toContain('Adres');
    expect(actors.rows[0]).not.toContain('Adres: straat');
    // Every row finds its actors again, also the partnership whose name has a ";" in it (named by its id).
    const back = await cli('import', file, exported);
    expect(back.err).toBe('');
    expect(back.out).toMatch(/actoren +0 nieuw, 0 bijgewerkt, 49 ongewijzigd[\s\S]*diensten +0 nieuw, 0 bijgewerkt, 33 ongewijzigd[\s\S]*afspraken +0 nieuw, 0 bijgewerkt, 60 ongewijzigd/);
    // The list again, now that the street is known, changes nothing; the template explains the parts.
    expect((await cli('import', file, fixture('adressen-openpyxl.xlsx'))).out).toContain('actoren    0 nieuw, 0 bijgewerkt, 4 ongewijzigd');
    const template = path.join(dir, 'sjabloon.xlsx');
    expect((await cli('template', template)).code).toBe(0);
    const explain = (await readXlsx('sjabloon.xlsx', fs.readFileSync(template)))[3].rows.find((row) => row[1] === 'Adres')!;
    expect(explain[3]).toContain('Straat, Huisnummer, Bus, Postcode en Gemeente');
  });

  it('an xlsx that unpacks to more than the limit (a zip bomb) is refused with the limit named, before it is unpacked whole, and changes nothing', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    // The openpyxl partner list with its sheet swapped for 210 MB of spaces: under half a megabyte as a file.
    const parts = unzipSync(fs.readFileSync(fixture('partners-openpyxl.xlsx')));
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    for (const [name, bytes] of Object.entries(parts)) {
      if (name === 'xl/worksheets/sheet1.xml') continue;
      const entry = new ZipDeflate(name, { level: 1 });
      zip.add(entry);
      entry.push(bytes, true);
    }
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    const spaces = new Uint8Array(1024 * 1024).fill(0x20);
    for (let i = 0; i < 210; i++) sheet.push(spaces, i === 209);
    zip.end();
    const bomb = path.join(dir, 'partners.xlsx');
    fs.writeFileSync(bomb, Buffer.concat(chunks));
    expect(fs.statSync(bomb).size).toBeLessThan(512 * 1024);
    const r = await cli('import', file, bomb);
    expect(r.code).toBe(1);
    expect(r.err).toContain('partners.xlsx: 1 probleem, niets geïmporteerd.');
    expect(r.err).toContain('het Excel-bestand is uitgepakt groter dan 200 MB, de grens voor een import.');
    expect(sha(file)).toBe(before);
    // The limit is on what the file unpacks to, to the byte: the partner list itself is read at exactly its size.
    const real = fs.readFileSync(fixture('partners-openpyxl.xlsx'));
    const unpacked = Object.values(parts).reduce((n, b) => n + b.length, 0);
    expect((await readXlsx('partners.xlsx', real, unpacked)).map((sh) => sh.name)).toEqual(['Partners', 'Samenwerkingen']);
    await expect(readXlsx('partners.xlsx', real, unpacked - 1)).rejects.toThrow(/uitgepakt groter/);
  });

  it('exports neutralise formula injection in CSV and xlsx, and read back as written', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const doc = await NetworkDocument.open(file);
    const a01 = doc.snapshot().actors[0];
    applyBatch(doc, EditBatchSchema.parse({ steps: [{ op: 'update', kind: 'actor', value: { ...a01, name: '=HYPERLINK("http://x.example","klik")', notes: '+32 50 00 00 00', contact: { ...a01.contact, phone: '-5', address: '@SUM(A1)' } } }] }));
    doc.close();
    const csv = path.join(dir, 'actoren.csv');
    const xlsx = path.join(dir, 'netwerk.xlsx');
    expect((await cli('export', file, '--csv', csv, '--xlsx', xlsx)).code).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const row = text.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(row.startsWith(`"'=HYPERLINK(""http://x.example"",""klik"")"`)).toBe(true);
    for (const s of ["'+32 50 00 00 00", "'-5", "'@SUM(A1)"]) expect(row).toContain(s);
    const sheets = await readXlsx('netwerk.xlsx', fs.readFileSync(xlsx));
    const cells = sheets.flatMap((s) => s.rows.flat());
    expect(cells).toContain('\'=HYPERLINK("http://x.example","klik")');
    // Every sheet, those for reading too (the GBO's members name that actor).
    expect(sheets.find((s) => s.name === 'Lidmaatschappen')!.rows.flat()).toContain('\'=HYPERLINK("http://x.example","klik")');
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // Read back by an import, the cells are what was typed.
    const r = await cli('import', file, csv, '--dry-run');
    expect(r.out).toContain('actoren    0 nieuw, 0 bijgewerkt, 46 ongewijzigd');
  });

  it("an xlsx export also has the partnerships, who is a member of which, and the gap register, for reading; an import of it leaves those sheets out", async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const data = await snapshot(file);
    const xlsx = path.join(dir, 'netwerk.xlsx');
    expect((await cli('export', file, '--xlsx', xlsx)).code).toBe(0);
    const sheets = await readXlsx('netwerk.xlsx', fs.readFileSync(xlsx));
    expect(sheets.map((s) => s.name)).toEqual(['Actoren', 'Diensten', 'Afspraken', 'Samenwerkingsverbanden', 'Lidmaatschappen', 'Lacunes']);
    const rows = (name: string) => {
      const [header, ...body] = sheets.find((s) => s.name === name)!.rows;
      return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
    };
    const partnerships = rows('Samenwerkingsverbanden');
    expect(partnerships).toHaveLength(data.partnerships.length);
    const gbo = data.partnerships.find((p) => p.kind === 'GBO')!;
    const name = (id: string | null) => data.actors.find((a) => a.id === id)?.name ?? '';
    expect(partnerships.find((p) => p.Id === gbo.id)).toMatchObject({
      Naam: gbo.name,
      Soort: 'Geïntegreerd Breed Onthaal',
      'Eigen actor': name(gbo.actorId),
      Trekker: name(gbo.leadActorId),
      Actief: 'ja',
      Leden: String(data.members.filter((m) => m.partnershipId === gbo.id).length),
    });
    const members = rows('Lidmaatschappen');
    expect(members).toHaveLength(data.members.length);
    expect(members.filter((m) => m.Samenwerkingsverband === gbo.name).map((m) => m.Actor).sort()).toEqual(data.members.filter((m) => m.partnershipId === gbo.id).map((m) => name(m.actorId)).sort());
    const gaps = rows('Lacunes');
    expect(gaps.map((g) => g.Id).sort()).toEqual(data.gaps.map((g) => g.id).sort());
    const gap = data.gaps[0];
    expect(gaps.find((g) => g.Id === gap.id)).toMatchObject({ Titel: gap.title, Beschrijving: gap.description, Eigenaar: gap.owner ?? '' });
    expect(gaps.every((g) => g.Ernst && g.Status && !/^[A-Z_]+$/.test(g.Status))).toBe(true);
    // Back in, the rows to import are unchanged and the sheets for reading are not read.
    const r = await cli('import', file, xlsx, '--dry-run');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('actoren    0 nieuw, 0 bijgewerkt, 46 ongewijzigd');
    expect(r.out).toContain('afspraken  0 nieuw, 0 bijgewerkt, 60 ongewijzigd');
    expect(r.out).not.toMatch(/samenwerkingsverbanden|lidmaatschappen/);
  });

  it('a partner list written by LibreOffice Calc (a merged title row, numbers as numbers, e-mail addresses made by a formula, date cells) imports; a party whose own row has a problem is named with that row', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const xlsx = fixture('partners-libreoffice.xlsx');
    const refused = await cli('import', file, xlsx);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('blad Partners 2026, rij 5, kolom "Type": "Buurtwerk" is geen gekend actortype.');
    // The agreement's party is in the file, but its row becomes no actor: said so, with its row.
    expect(refused.err).toContain('blad Samenwerkingen, rij 2, kolom "Partner 1": "Buurtwerk De Brug" staat in dit bestand (blad Partners 2026, rij 5), maar die rij heeft een probleem. Los dat eerst op.');
    expect(sha(file)).toBe(before);
    const r = await cli('import', file, xlsx, '--value', 'Type:Buurtwerk=Andere');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('actoren    2 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('afspraken  1 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    const data = await snapshot(file);
    // The KBO number typed as a number, without its leading zero; the phone number too.
    const brug = data.actors.find((a) => a.kbo === '0403170701')!;
    expect(brug).toMatchObject({ name: 'Buurtwerk De Brug', contact: expect.objectContaining({ phone: '050112233', email: 'info@buurtwerkdebrug.example' }), custom: expect.objectContaining({ 'Laatste overleg': '2026-10-02' }) });
    const zuid = data.actors.find((a) => a.name === 'Repair Café Zuid')!;
    expect(zuid).toMatchObject({ type: 'ANDERE', contact: expect.objectContaining({ phone: '0471234567' }), custom: { 'Laatste overleg': '2026-11-20' } });
    const cafe = data.agreements.find((a) => a.title === 'Herstelcafé in het buurthuis')!;
    expect(cafe).toMatchObject({ startDate: '2026-09-01', status: 'ACTIEF' });
    expect(cafe.parties.map((p) => p.actorId)).toEqual([brug.id, zuid.id]);
  });

  it('values the vocabulary does not know: listed with their rows after the problems, read as --value says (nothing written before) and remembered for the next list', async () => {
    const file = await demo(tmpDir());
    const csv = path.join(tmpDir(), 'sportclubs.csv');
    fs.writeFileSync(csv, ['Naam;Type;Sectoren', 'Sportclub De Pijl;Sportclub;Vrije tijd; Jeugd', 'Sportclub Olympia;sportclub;Vrije tijd', 'Turnkring;Sportclub;Jeugd'].join('\r\n').replace('Vrije tijd; Jeugd', '"Vrije tijd; Jeugd"'));
    const before = sha(file);
    const refused = await cli('import', file, csv);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('Waarden die Regiekaart niet kent:\n  kolom Type: "Sportclub" (3 rijen)\n  kolom Sectoren: "Jeugd" (2 rijen)\nZeg wat ze worden met --value "Type:Sportclub=<waarde uit de woordenlijst>".');
    expect(sha(file)).toBe(before);
    const ok = await cli('import', file, csv, '--value', 'Type:Sportclub=Sport-, cultuurdienst, bibliotheek', '--value', 'sectoren: Jeugd = WELZIJN');
    expect([ok.code, ok.err]).toEqual([0, '']);
    expect(ok.out).toContain('actoren    3 nieuw');
    const data = await snapshot(file);
    expect(data.actors.filter((a) => ['Sportclub De Pijl', 'Sportclub Olympia', 'Turnkring'].includes(a.name)).map((a) => [a.name, a.type, a.sectors]).sort()).toEqual([
      ['Sportclub De Pijl', 'VRIJETIJDSDIENST', ['VRIJE_TIJD', 'WELZIJN']],
      ['Sportclub Olympia', 'VRIJETIJDSDIENST', ['VRIJE_TIJD']],
      ['Turnkring', 'VRIJETIJDSDIENST', ['WELZIJN']],
    ]);
    // The choices are remembered with the document's vocabulary: the next list with those words needs none.
    const doc = await NetworkDocument.open(file, { readOnly: true });
    const vocab = doc.vocab();
    doc.close();
    expect([vocab.actorType.find((e) => e.code === 'VRIJETIJDSDIENST')!.props!.aliases, vocab.sector.find((e) => e.code === 'WELZIJN')!.props!.aliases]).toEqual([['Sportclub'], ['Jeugd']]);
    const next = path.join(tmpDir(), 'sportclubs-2027.csv');
    fs.writeFileSync(next, ['Naam;Type;Sectoren', 'Zwemclub De Rog;SPORTCLUB;Jeugd'].join('\r\n'));
    const again = await cli('import', file, next);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toContain('Gelezen zoals bij een vorige import gekozen: kolom Type "SPORTCLUB" → Sport-, cultuurdienst, bibliotheek; kolom Sectoren "Jeugd" → Welzijn. Anders met --value.');
    expect((await snapshot(file)).actors.find((a) => a.name === 'Zwemclub De Rog')).toMatchObject({ type: 'VRIJETIJDSDIENST', sectors: ['WELZIJN'] });
    // A value chosen for an entry of the document's own is named by that entry's label, not by its code.
    const own = await NetworkDocument.open(file);
    own.edit((tx) => tx.putVocab('actorType', { code: 'SPORTVERENIGING', nl: 'Sportvereniging', en: 'Sports club' }, true));
    own.close();
    const club = path.join(tmpDir(), 'clubs.csv');
    fs.writeFileSync(club, ['Naam;Type', 'Hockeyclub De Stick;Club'].join('\r\n'));
    expect((await cli('import', file, club, '--value', 'Type:Club=Sportvereniging')).code).toBe(0);
    fs.writeFileSync(club, ['Naam;Type', 'Hockeyclub De Stick;Club', 'Tennisclub Ace;Club'].join('\r\n'));
    expect((await cli('import', file, club)).out).toContain('Gelezen zoals bij een vorige import gekozen: kolom Type "Club" → Sportvereniging. Anders met --value.');
    const wrong = await cli('import', file, csv, '--value', 'Soort:Sportclub=Andere');
    expect([wrong.code, wrong.err.split('\n')[0]]).toEqual([2, 'Fout: --value: geen kolom "Soort" met waarden uit een woordenlijst (soort, sector, status …).']);
  });

  it('a CSV as Excel writes it (BOM, semicolons, CRLF, a quoted line break, Belgian dates) imports; problems name row and column and change nothing', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const csv = path.join(dir, 'afspraken.csv');
    const lines = [
      'Titel;Partij 1;Partij 2;Soort;Begindatum;Opmerkingen',
      'Warme overdracht;CAW Regio X (incl. JAC);Sociaal Huis Voorbeeldstad;Samenwerkingsovereenkomst;1/02/2026;"Eerste lijn;',
      'tweede regel"',
      'Overleg wonen;Sociaal Huis Voorbeeldstad;Woonmaatschappij Voorbeeldland;Convenant;31/12/2026;',
    ];
    fs.writeFileSync(csv, `\uFEFF${lines.join('\r\n')}\r\n`);
    const ok = await cli('import', file, csv);
    expect(ok.err).toBe('');
    expect(ok.out).toContain('afspraken  2 nieuw');
    const warm = (await snapshot(file)).agreements.find((a) => a.title === 'Warme overdracht')!;
    expect(warm).toMatchObject({ startDate: '2026-02-01', notes: 'Eerste lijn;\ntweede regel', type: 'SAMENWERKINGSOVEREENKOMST' });

    const before = sha(file);
    const bad = path.join(dir, 'fout.csv');
    fs.writeFileSync(bad, ['Titel;Partij 1;Partij 2;Einddatum', 'Iets;CAW Regio X (incl. JAC);Bestaat Niet vzw;31/02/2026', ';Sociaal Huis Voorbeeldstad;CAW Regio X (incl. JAC);'].join('\n'));
    const r = await cli('import', file, bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('fout.csv: 2 problemen, niets geïmporteerd.');
    expect(r.err).toContain('rij 2, kolom "Partij 2": "Bestaat Niet vzw" is geen actor in het document of in dit bestand.');
    expect(r.err).toContain('rij 2, kolom "Einddatum": "31/02/2026" is geen datum');
    expect(sha(file)).toBe(before);
    // Row 3 has no title: it is named after its parties, as a graph file's edge is (imported below).
    // Windows-1252 (Excel's plain "CSV"): refused with its line, and Excel's UTF-8 CSV named as the way out.
    const ansi = path.join(dir, 'ansi.csv');
    fs.writeFileSync(ansi, Buffer.concat([Buffer.from('Naam;Type\nCaf'), Buffer.from([0xe9]), Buffer.from(' De Linde;Andere\n')]));
    const enc = await cli('import', file, ansi);
    expect(enc.err).toContain('rij 2'.replace('rij', 'regel'));
    expect(enc.err).toContain('CSV UTF-8');
    expect(sha(file)).toBe(before);
    // A first line "sep=," (which Excel reads as the separator, not as a row) is no header: commas it is.
    const sep = path.join(dir, 'sep.csv');
    fs.writeFileSync(sep, 'sep=,\r\nNaam,Type,Opmerkingen\r\nBuurtwerk De Brug,Andere,"Open op maandag; woensdag"\r\n');
    const withSep = await cli('import', file, sep);
    expect(withSep.err).toBe('');
    expect(withSep.out).toContain('actoren    1 nieuw');
    expect((await snapshot(file)).actors.find((a) => a.name === 'Buurtwerk De Brug')).toMatchObject({ notes: 'Open op maandag; woensdag' });
    // Leaving the rows with problems out imports the others (row 3, named after its parties).
    const skip = await cli('import', file, bad, '--skip-problems');
    expect(skip.code).toBe(0);
    expect(skip.out).toContain('afspraken  1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen');
    expect((await snapshot(file)).agreements.filter((a) => a.title === 'Sociaal Huis Voorbeeldstad – CAW Regio X (incl. JAC)')).toHaveLength(1);
  });
});

describe('the command line writes the plan it checked', () => {
  it("Gephi's Data Laboratory tables one after the other: the nodes import, then the edges; their Type (Gephi's direction, not a kind of agreement) is kept as a custom field, and said", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gephi.regiekaart');
    const { nodes, edges } = gephiTables(dir);
    expect((await cli('import', file, nodes)).out).toContain('actoren    3 nieuw');
    const r = await cli('import', file, edges);
    expect(r.err).toBe('');
    expect(r.out).toContain('afspraken  2 nieuw');
    expect(r.out).toContain('Kolom "Type" is de richting van elke verbinding (zo schrijft Gephi ze), geen soort afspraak: bewaard als eigen veld.');
    const data = await snapshot(file);
    const pool = data.agreements.find((a) => a.title === 'Vrijwilligerspool')!;
    expect(pool.custom).toMatchObject({ Type: 'Undirected' });
    expect(pool.parties.map((p) => data.actors.find((a) => a.id === p.actorId)?.name)).toEqual(['Buurtwerk De Brug', 'Repair Café Voorbeeldstad']);
  });

  it("a column mapped to the agreement's type by the user is read as one, also when it holds Gephi's directions: then those are problems, and nothing is written", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gephi.regiekaart');
    const { nodes, edges } = gephiTables(dir);
    expect((await cli('import', file, nodes)).code).toBe(0);
    const before = sha(file);
    // A Type column with a direction and a kind of agreement in it is no direction column: it stays the type.
    fs.writeFileSync(edges, fs.readFileSync(edges, 'utf8').replace('2,0,Undirected', '2,0,Samenwerkingsovereenkomst'));
    const r = await cli('import', file, edges);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rij 2, kolom "Type": "Undirected" is de richting van een verbinding (zo schrijft Gephi ze), geen gekende soort afspraak.');
    expect(sha(file)).toBe(before);
  });

  it("Gephi's node and edge tables as one import into a map whose ids the numbering collides with: the edges find the nodes by the file's own numbers, not the map's actors; one undo step takes all of it back", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gephi.regiekaart');
    // A first numbered list gives the map actors with the ids 0, 1 and 2.
    const first = path.join(dir, 'vrijwilligers.csv');
    fs.writeFileSync(first, 'ID;Naam\r\n0;Vrijwilligerscentrale\r\n1;Seniorenraad\r\n2;Jeugdraad\r\n');
    expect((await cli('import', file, first)).out).toContain('actoren    3 nieuw');
    const { nodes, edges } = gephiTables(dir);
    // One after the other, the edges cannot tell the map's actor 0 from the node table's 0: a problem naming both.
    const copy = path.join(dir, 'apart.regiekaart');
    fs.copyFileSync(file, copy);
    expect((await cli('import', copy, nodes)).code).toBe(0);
    const apart = await cli('import', copy, edges);
    expect(apart.code).toBe(1);
    expect(apart.err).toContain('edges.csv');
    // Together they are one workbook: the edges read the nodes' numbers.
    const before = await snapshot(file);
    const r = await cli('import', file, nodes, edges);
    expect(r.err).toBe('');
    expect(r.out).toContain('Geïmporteerd uit nodes.csv en edges.csv');
    expect(r.out).toContain('actoren    3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('afspraken  2 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('nodes.csv: kolom "Id" is een eigen nummering van het bestand');
    expect(r.out).toContain('edges.csv: kolom "Type" is de richting van elke verbinding');
    const data = await snapshot(file);
    const nameOf = (id: string) => data.actors.find((a) => a.id === id)?.name;
    expect(['0', '1', '2'].map(nameOf)).toEqual(['Vrijwilligerscentrale', 'Seniorenraad', 'Jeugdraad']);
    const parties = (title: string) => data.agreements.find((a) => a.title === title)!.parties.map((p) => nameOf(p.actorId));
    expect(parties('Vrijwilligerspool')).toEqual(['Buurtwerk De Brug', 'Repair Café Voorbeeldstad']);
    expect(parties('Speelnamiddag')).toEqual(['Speel-o-theek De Knikker', 'Buurtwerk De Brug']);
    // One step in the history, named after both files; undo leaves the map as it was.
    const doc = await NetworkDocument.open(file);
    try {
      expect(historyState(doc.db).undo?.label).toBe('Geïmporteerd uit nodes.csv en edges.csv: 5 nieuw, 0 bijgewerkt');
      undo(doc);
      expect(doc.snapshot()).toEqual(before);
    } finally {
      doc.close();
    }
  });

  it("the app's own dialog adds the second file: asked for a spreadsheet file, added to the preview, imported as one step; cancelled, nothing changes", async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const { nodes, edges } = gephiTables(dir);
    const asked: string[] = [];
    let answer: string | null = edges;
    const session = new Session({
      host: 'electron',
      appVersion: 'test',
      bundledDemo: null,
      workDir: path.join(dir, 'work'),
      dialogs: {
        chooseOpen: async (kind) => (asked.push(kind ?? 'document'), kind === 'import' ? nodes : answer),
        chooseSave: async () => null,
      },
    });
    try {
      await session.open(file);
      const h = createHandlers(session);
      const preview = (input: unknown) => h['exchange.preview'](contract['exchange.preview'].input.parse(input));
      const first = await preview({});
      expect([first.fileName, first.also]).toEqual(['nodes.csv', undefined]);
      const both = await preview({ path: first.path, addFile: true });
      expect(asked).toEqual(['import', 'importMore']);
      expect(both.also).toEqual([{ path: edges, fileName: 'edges.csv' }]);
      expect(both.sheets!.map((s) => [s.name, s.file, s.kind])).toEqual([['nodes', 'nodes.csv', 'actors'], ['edges', 'edges.csv', 'agreements']]);
      expect(both.plan!.summary.agreements.create).toBe(2);
      // Cancelled: the call says so, and the next preview is the one the user had.
      answer = null;
      await expect(preview({ path: first.path, also: [edges], addFile: true })).rejects.toMatchObject({ code: 'CANCELLED' });
      const done = await h['exchange.import'](contract['exchange.import'].input.parse({ path: both.path, also: [edges], into: 'current', mapping: both.sheets!.map((s) => ({ sheet: s.name, kind: s.kind, columns: s.columns })) }));
      expect(done.summary).toBe('actoren 3 nieuw, 0 bijgewerkt, 0 ongewijzigd; afspraken 2 nieuw, 0 bijgewerkt, 0 ongewijzigd');
      expect(historyState(session.current().db).undo?.label).toBe('Geïmporteerd uit nodes.csv en edges.csv: 5 nieuw, 0 bijgewerkt');
      // Into a new document: both files, planned against none.
      const target = path.join(dir, 'gephi-nieuw.regiekaart');
      const again = await preview({ path: nodes, also: [edges], into: 'new' });
      const made = await h['exchange.import'](contract['exchange.import'].input.parse({ path: again.path, also: [edges], into: 'new', target, mapping: again.sheets!.map((s) => ({ sheet: s.name, kind: s.kind, columns: s.columns })) }));
      expect([made.created, made.counts.actors, made.counts.agreements]).toEqual([true, 3, 2]);
      expect(historyState(session.current().db).undo?.label).toBe('Geïmporteerd uit nodes.csv en edges.csv: 5 nieuw, 0 bijgewerkt');
    } finally {
      session.close();
    }
  });

  it('--column reads a column as the dialog would map it: another field, a custom field or nothing; a wrong choice is named, and nothing is written', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const csv = path.join(dir, 'clubs.csv');
    fs.writeFileSync(csv, 'Naam;Soort organisatie;Info;Nr\r\nSportclub De Pijl;Sportclub;ma-vr open;1\r\nTurnkring;sportclub;;2\r\n');
    const usage = async (...args: string[]) => {
      const r = await cli('import', file, csv, ...args);
      expect(r.code).toBe(2);
      return r.err.split('\n')[0];
    };
    expect(await usage('--column', 'Info=Notities')).toBe('Fout: --column: "Notities" is geen veld van actoren. Kies uit Naam, Type, Sectoren, Rechtsvorm, Niveau, KBO-nummer, Sociale Kaart-id, Telefoon, E-mail, Website, Adres, Adres: straat, Adres: huisnummer, Adres: bus, Adres: postcode, Adres: gemeente, Actief, Andere namen, Opmerkingen, Id, of "eigen veld" of "negeren".');
    expect(await usage('--column', 'Telefoonnummer=Telefoon')).toBe('Fout: --column: geen kolom "Telefoonnummer" in een blad met actoren, diensten of afspraken.');
    expect(await usage('--column', 'Nr')).toBe('Fout: --column verwacht "Kolom=veld" (bv. "Soort=eigen veld", "Info=Opmerkingen" of "Nr=negeren"), niet "Nr".');
    // The list's own kind of organisation read as the type: its words are then values to choose for, and the hint says how.
    const refused = await cli('import', file, csv, '--column', 'soort organisatie=Type');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('kolom Soort organisatie: "Sportclub" (2 rijen)');
    expect(sha(file)).toBe(before);
    const r = await cli('import', file, csv, '--column', 'Soort organisatie=type', '--column', 'INFO=Opmerkingen', '--column', 'Nr=negeren', '--value', 'Soort organisatie:Sportclub=Sport-, cultuurdienst, bibliotheek');
    expect([r.code, r.err]).toEqual([0, '']);
    const pijl = (await snapshot(file)).actors.find((a) => a.name === 'Sportclub De Pijl')!;
    expect(pijl).toMatchObject({ type: 'VRIJETIJDSDIENST', notes: 'ma-vr open', custom: {} });
    // Kept as a custom field instead, and the hint after a problem the dialog's mapping solves.
    const gephi = gephiTables(dir);
    const edges = await cli('import', file, gephi.nodes, gephi.edges, '--column', 'Type=type');
    expect(edges.code).toBe(1);
    expect(edges.err).toContain('Een kolom anders lezen: --column "Kolom=veld" (de naam van een veld, "eigen veld" of "negeren").');
    const kept = await cli('import', file, gephi.nodes, gephi.edges, '--column', 'Type=eigen veld', '--column', 'Weight=negeren');
    expect([kept.code, kept.err]).toEqual([0, '']);
    expect((await snapshot(file)).agreements.find((a) => a.title === 'Vrijwilligerspool')!.custom).toEqual({ Type: 'Undirected' });
  });

  it('a list of agreements whose parties the map does not have: named with the nearest actors; with --new-parties they become new actors, each once, in the same undo step', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = await snapshot(file);
    const csv = path.join(dir, 'afspraken.csv');
    fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nDoorverwijzing;CAW Regio X;Sociaal Huis Voorbeeldstad\r\nPool;Vrijwilligerscentrale Zuid;Buurtwerk Zonnewijzer\r\nOverleg;vrijwilligerscentrale zuid;Sociaal Huis Voorbeeldstad\r\n');
    const refused = await cli('import', file, csv);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('rij 2, kolom "Partij 1": "CAW Regio X" is geen actor in het document of in dit bestand. Bedoelt u "CAW Regio X (incl. JAC)"?');
    expect(refused.err).toContain('Partijen die nergens staan als nieuwe actor toevoegen: --new-parties.');
    const r = await cli('import', file, csv, '--new-parties');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('actoren    3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('afspraken  3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('3 nieuwe actoren gemaakt van partijen die nergens stonden: "CAW Regio X", "Vrijwilligerscentrale Zuid", "Buurtwerk Zonnewijzer" (soort Andere, vzw, lokaal: vul ze aan in de kaart). Kijk na of het geen tikfout is: "CAW Regio X" lijkt op "CAW Regio X (incl. JAC)".');
    const data = await snapshot(file);
    const made = data.actors.filter((a) => !before.actors.some((b) => b.id === a.id));
    expect(made.map((a) => [a.name, a.type, a.legalForm, a.level]).sort()).toEqual([
      ['Buurtwerk Zonnewijzer', 'ANDERE', 'PRIVATE_NONPROFIT', 'LOKAAL'],
      ['CAW Regio X', 'ANDERE', 'PRIVATE_NONPROFIT', 'LOKAAL'],
      ['Vrijwilligerscentrale Zuid', 'ANDERE', 'PRIVATE_NONPROFIT', 'LOKAAL'],
    ]);
    // A number names a node of a table that is not there: no actor is made of it.
    const { edges } = gephiTables(dir);
    const numbers = await cli('import', file, edges, '--new-parties', '--dry-run');
    expect(numbers.code).toBe(1);
    expect(numbers.err).toContain('rij 2, kolom "Source": "0" is geen actor in het document of in dit bestand.');
    // The same name twice (in another case) is one actor.
    const zuid = made.find((a) => a.name === 'Vrijwilligerscentrale Zuid')!;
    expect(data.agreements.filter((a) => a.parties.some((p) => p.actorId === zuid.id)).map((a) => a.title).sort()).toEqual(['Overleg', 'Pool']);
    const doc = await NetworkDocument.open(file);
    try {
      undo(doc);
      expect(doc.snapshot()).toEqual(before);
    } finally {
      doc.close();
    }
  });

  it('--party says which actor a name not found is (or "nieuw"): the name is remembered as its other name, the next import of the list finds it, and one undo takes all of it back', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = await snapshot(file);
    const csv = path.join(dir, 'afspraken.csv');
    fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nOnthaal;CAW Regio X;Sociaal Huis\r\nDoorverwijzing;caw regio x;CGG Regio X\r\nVoedselhulp;Het Mandje;Buurtpool Zuid\r\n');
    const services = path.join(dir, 'diensten.csv');
    fs.writeFileSync(services, 'Naam;Aanbieder\r\nSchuldhulp;CAW Regio X\r\n');
    const refused = await cli('import', file, csv);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Partijen die niet gevonden zijn:\n  kolom Partij 1: "CAW Regio X" (2 keer), bedoelt u "CAW Regio X (incl. JAC)"?\n  kolom Partij 2: "Sociaal Huis" (1 keer), bedoelt u "Sociaal Huis Voorbeeldstad"?');
    expect(refused.err).toContain('Zeg welke actor het is met --party "CAW Regio X=CAW Regio X (incl. JAC)"');
    // A chosen actor that is not there is named, and nothing is written.
    const wrong = await cli('import', file, csv, '--party', 'CAW Regio X=CAW Nergens', '--party', 'Sociaal Huis=A03', '--party', 'Het Mandje=A39', '--party', 'Buurtpool Zuid=nieuw');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('rij 2, kolom "Partij 1": "CAW Regio X": de gekozen actor "CAW Nergens" is niet gevonden.');
    expect(await snapshot(file)).toEqual(before);
    // By name, by id, by KBO number (none here) or new.
    const r = await cli('import', file, csv, '--party', 'caw regio x=CAW Regio X (incl. JAC)', '--party', 'Sociaal Huis=A03', '--party', 'Het Mandje=A39', '--party', 'Buurtpool Zuid=nieuw');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('actoren    1 nieuw, 3 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('afspraken  3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    expect(r.out).toContain('Onthouden voor een volgende import: "CAW Regio X" als andere naam van "CAW Regio X (incl. JAC)", "Sociaal Huis" als andere naam van "Sociaal Huis Voorbeeldstad", "Het Mandje" als andere naam van "Sociale kruidenier Het Mandje vzw".');
    const data = await snapshot(file);
    const actor = (id: string) => data.actors.find((a) => a.id === id)!;
    expect([actor('A12').aliases, actor('A03').aliases, actor('A39').aliases]).toEqual([['CAW Regio X'], ['Sociaal Huis'], ['Het Mandje']]);
    // Their names and everything else stay as they were.
    expect({ ...actor('A12'), aliases: [] }).toEqual(before.actors.find((a) => a.id === 'A12'));
    const pool = data.actors.find((a) => a.name === 'Buurtpool Zuid')!;
    expect(data.agreements.find((a) => a.title === 'Voedselhulp')!.parties.map((p) => p.actorId)).toEqual(['A39', pool.id]);
    // The list again, and a services list naming the provider so: found, nothing to choose.
    const again = await cli('import', file, csv);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toContain('afspraken  0 nieuw, 0 bijgewerkt, 3 ongewijzigd');
    expect(again.out).toContain('Gevonden onder een andere naam: "CAW Regio X" is "CAW Regio X (incl. JAC)", "Sociaal Huis" is "Sociaal Huis Voorbeeldstad", "Het Mandje" is "Sociale kruidenier Het Mandje vzw" (andere namen staan bij de actor in de inspector).');
    const provider = await cli('import', file, services);
    expect([provider.code, provider.err]).toEqual([0, '']);
    expect((await snapshot(file)).services.find((s) => s.name === 'Schuldhulp')!.providerId).toBe('A12');
    const doc = await NetworkDocument.open(file);
    try {
      undo(doc);
      undo(doc);
      expect(doc.snapshot()).toEqual(before);
    } finally {
      doc.close();
    }
  });

  it('a name two actors have: listed with both, told apart, and --party (by KBO number or id) says which one, for this import only', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const actors = path.join(dir, 'actoren.csv');
    fs.writeFileSync(actors, 'Naam;KBO-nummer;Adres\r\nSociaal Huis;0212.345.668;Markt 1, 9000 Noorddorp\r\nSociaal Huis;0207.437.468;Kerkstraat 2, 9100 Zuiddorp\r\n');
    expect((await cli('import', file, actors)).code).toBe(0);
    const before = await snapshot(file);
    const [noord, zuid] = ['0212345668', '0207437468'].map((kbo) => before.actors.find((a) => a.kbo === kbo)!);
    const csv = path.join(dir, 'afspraken.csv');
    fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nGBO Zuiddorp;Sociaal Huis;CAW Regio X (incl. JAC)\r\n');
    const refused = await cli('import', file, csv);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`rij 2, kolom "Partij 1": "Sociaal Huis" past op 2 actoren`);
    expect(refused.err).toContain(`Namen die meer actoren hebben:\n  kolom Partij 1: "Sociaal Huis" (1 keer) is ${noord.id} (9000 Noorddorp, KBO 0212.345.668) of ${zuid.id} (9100 Zuiddorp, KBO 0207.437.468)?`);
    expect(refused.err).not.toContain('Partijen die niet gevonden zijn');
    expect(await snapshot(file)).toEqual(before);
    const r = await cli('import', file, csv, '--party', 'Sociaal Huis=0207.437.468');
    expect([r.code, r.err]).toEqual([0, '']);
    const data = await snapshot(file);
    expect(data.agreements.find((a) => a.title === 'GBO Zuiddorp')!.parties.map((p) => p.actorId)).toEqual([zuid.id, 'A12']);
    // Not remembered: both keep no other names, and the list alone is refused again.
    expect(data.actors.filter((a) => a.name === 'Sociaal Huis').map((a) => a.aliases)).toEqual([[], []]);
    expect((await cli('import', file, csv, '--dry-run')).err).toContain('"Sociaal Huis" past op 2 actoren');
    // An actor row of that name updates the one chosen.
    const phone = path.join(dir, 'telefoon.csv');
    fs.writeFileSync(phone, 'Naam;Telefoon\r\nSociaal Huis;09 123 45 67\r\n');
    expect((await cli('import', file, phone)).err).toContain('rij 2: "Sociaal Huis" past op 2 actoren');
    expect((await cli('import', file, phone, '--party', `Sociaal Huis=${noord.id}`)).code).toBe(0);
    const after = await snapshot(file);
    expect(['0212345668', '0207437468'].map((kbo) => after.actors.find((a) => a.kbo === kbo)!.contact.phone)).toEqual(['09 123 45 67', null]);
  });

  it('an actor row that matches none but resembles actors of the map is listed (it stays new); said to be one of them, it updates that one and its name is remembered', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = await snapshot(file);
    const csv = path.join(dir, 'actoren.csv');
    fs.writeFileSync(csv, 'Naam;Type;E-mail\r\nCAW Regio X vzw;CAW (incl. JAC);onthaal@caw.example\r\nLDC De Linde;;\r\nBuurtwerk Zonnewijzer;;\r\n');
    const dry = await cli('import', file, csv, '--dry-run');
    expect([dry.code, dry.err]).toEqual([0, '']);
    expect(dry.out).toContain('actoren    3 nieuw, 0 bijgewerkt, 0 ongewijzigd');
    // The CAW first: its name begins alike, though the home nursing shares more words.
    expect(dry.out).toContain('Nieuwe actoren die lijken op een actor van de kaart:\n  rij 2: "CAW Regio X vzw" lijkt op "CAW Regio X (incl. JAC)" (A12) en "Thuisverpleging Regio X vzw" (A10)\n  rij 3: "LDC De Linde" lijkt op "LDC De Linde (OCMW)" (A04)\n');
    expect(dry.out).toContain('Is het dezelfde organisatie? --party "CAW Regio X vzw=A12" werkt die actor bij');
    // A choice of an actor that is not the map's, or of another organisation (another KBO number), is refused.
    const wrong = await cli('import', file, csv, '--party', 'LDC De Linde=Buurtwerk Zonnewijzer');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('rij 3, kolom "Naam": "LDC De Linde": de gekozen actor "Buurtwerk Zonnewijzer" is geen actor van de kaart.');
    const kbo = path.join(dir, 'kbo.csv');
    fs.writeFileSync(kbo, 'Naam;KBO-nummer\r\nLDC Het Anker;0403.170.701\r\n');
    const other = await cli('import', file, kbo, '--party', 'LDC Het Anker=A05');
    expect(other.err).toContain('rij 2, kolom "KBO-nummer": de rij heeft KBO-nummer 0403170701, maar de gekozen actor "LDC Het Anker (vzw Zorg Zuid)" heeft 0455123406: dan is het een andere organisatie.');
    expect(await snapshot(file)).toEqual(before);
    const r = await cli('import', file, csv, '--party', 'CAW Regio X vzw=A12', '--party', 'ldc de linde=LDC De Linde (OCMW)');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('actoren    1 nieuw, 2 bijgewerkt, 0 ongewijzigd');
    expect(r.out).not.toContain('lijken op');
    const data = await snapshot(file);
    const actor = (id: string) => data.actors.find((a) => a.id === id)!;
    // Updated, not renamed: the row's name is one of its other names now.
    expect(actor('A12')).toMatchObject({ name: 'CAW Regio X (incl. JAC)', aliases: ['CAW Regio X vzw'], contact: { email: 'onthaal@caw.example' } });
    expect(actor('A04')).toMatchObject({ name: 'LDC De Linde (OCMW)', aliases: ['LDC De Linde'] });
    expect(data.actors).toHaveLength(before.actors.length + 1);
    const again = await cli('import', file, csv);
    expect(again.out).toContain('actoren    0 nieuw, 0 bijgewerkt, 3 ongewijzigd');
    expect(again.out).toContain('Gevonden onder een andere naam: "CAW Regio X vzw" is "CAW Regio X (incl. JAC)", "LDC De Linde" is "LDC De Linde (OCMW)"');
  });

  it("the dialog lists a sheet's names not found with the nearest actors, and plans the user's choices (kept with the mapping); a name it has already is never remembered twice", async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const csv = path.join(dir, 'afspraken.csv');
    fs.writeFileSync(csv, 'Titel;Partij 1;Partij 2\r\nOnthaal;CAW Regio X;Sociaal Huis Voorbeeldstad\r\nOverleg;Onbekend Overleg Zuid;Sociaal Huis Voorbeeldstad\r\n');
    const session = new Session({ host: 'web', appVersion: 'test', dialogs: null, bundledDemo: null, workDir: dir });
    const handlers = createHandlers(session);
    await session.open(file, false);
    try {
      const preview = (mapping?: unknown) => handlers['exchange.preview'](contract['exchange.preview'].input.parse({ path: csv, ...(mapping ? { mapping } : {}) }));
      const first = await preview();
      expect(first.sheets![0].parties).toEqual([
        { column: 'Partij 1', value: 'CAW Regio X', rows: 1, near: [{ ref: 'A12', name: 'CAW Regio X (incl. JAC)' }], chosen: null },
        { column: 'Partij 1', value: 'Onbekend Overleg Zuid', rows: 1, near: [], chosen: null },
      ]);
      const mapping = [{ sheet: first.sheets![0].name, parties: { 'CAW Regio X': 'A12', 'Onbekend Overleg Zuid': 'NIEUW' } }];
      const chosen = await preview(mapping);
      expect(chosen.problems).toEqual([]);
      expect(chosen.sheets![0].parties!.map((p) => [p.value, p.chosen])).toEqual([['CAW Regio X', 'A12'], ['Onbekend Overleg Zuid', 'NIEUW']]);
      expect(chosen.plan!.summary.actors).toEqual({ create: 1, update: 1, unchanged: 0, problem: 0 });
      const out = await handlers['exchange.import'](contract['exchange.import'].input.parse({ path: csv, into: 'current', mapping }));
      expect(out.planned?.summary.agreements.create).toBe(2);
      const a12 = session.current().snapshot().actors.find((a) => a.id === 'A12')!;
      expect(a12.aliases).toEqual(['CAW Regio X']);
      // Chosen again for a name it now has: nothing to remember, nothing to update.
      const twice = await preview(mapping);
      expect(twice.plan!.summary.actors).toEqual({ create: 0, update: 0, unchanged: 0, problem: 0 });
    } finally {
      session.close();
    }
  });

  it('a list in a format people have but Regiekaart does not read (.xls, .ods, .numbers) is refused with what to do, and nothing is written', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const advice = {
      'partners.xls': 'partners.xls is het oude Excel-formaat. Open het in Excel of LibreOffice en bewaar het als Excel-werkmap (.xlsx), en importeer dat bestand.',
      'partners.ODS': 'partners.ODS is een rekenblad van LibreOffice of OpenOffice. Bewaar het daar als Excel 2007-365 (.xlsx) of als CSV, en importeer dat bestand.',
      'partners.numbers': 'partners.numbers is een bestand van Numbers. Exporteer het in Numbers naar Excel (.xlsx) of CSV, en importeer dat bestand.',
    };
    for (const [name, message] of Object.entries(advice)) {
      fs.writeFileSync(path.join(dir, name), 'PK');
      const r = await cli('import', file, path.join(dir, name));
      expect([r.code, r.err.trim()]).toEqual([1, `Fout: ${message}`]);
    }
    expect(sha(file)).toBe(before);
  });

  it('files that cannot go together are refused with their name, and nothing is written', async () => {
    const dir = tmpDir();
    const file = await demo(dir);
    const before = sha(file);
    const { nodes, edges } = gephiTables(dir);
    const json = path.join(dir, 'kaart.json');
    expect((await cli('export', file, '--json', json)).code).toBe(0);
    const withJson = await cli('import', file, nodes, json);
    expect(withJson.code).not.toBe(0);
    expect(withJson.err).toContain('kaart.json: samen importeren gaat met CSV- en Excelbestanden (.csv, .xlsx). Importeer dit bestand apart.');
    const twice = await cli('import', file, nodes, edges, nodes);
    expect(twice.err).toContain('nodes.csv is al gekozen voor deze import.');
    expect(sha(file)).toBe(before);
  });

  it("the plan's basis has one digest however it is read, and another once an actor, a service, an agreement (or one of its parties) or the vocabulary changes; a moved node or the title does not count", async () => {
    const file = await demo(tmpDir());
    const digestOf = async (change?: (doc: NetworkDocument) => void) => {
      const doc = await NetworkDocument.open(file);
      try {
        change?.(doc);
        return basisDigest(doc);
      } finally {
        doc.close();
      }
    };
    const first = await digestOf();
    const readOnly = await NetworkDocument.open(file, { readOnly: true });
    expect(basisDigest(readOnly)).toBe(first);
    readOnly.close();
    const edit = (batch: unknown) => (doc: NetworkDocument) => void applyBatch(doc, EditBatchSchema.parse(batch));
    const snap = await snapshot(file);
    const [actor, service, agreement] = [snap.actors[0], snap.services[0], snap.agreements[0]];
    const seen = new Set([first]);
    expect(await digestOf(edit({ steps: [{ op: 'place', viewId: DEFAULT_VIEW_ID, positions: [{ nodeId: actor.id, x: 1234, y: 5678 }] }] }))).toBe(first);
    expect(await digestOf((doc) => doc.edit((tx) => tx.setMeta({ title: 'Andere titel' })))).toBe(first);
    for (const change of [
      edit({ steps: [{ op: 'update', kind: 'actor', value: { ...actor, notes: 'gewijzigd' } }] }),
      edit({ steps: [{ op: 'update', kind: 'service', value: { ...service, notes: 'gewijzigd' } }] }),
      edit({ steps: [{ op: 'update', kind: 'agreement', value: { ...agreement, notes: 'gewijzigd' } }] }),
      // A party's role: a child row of the agreement.
      edit({ steps: [{ op: 'update', kind: 'agreement', value: { ...agreement, parties: agreement.parties.map((p, i) => (i === 0 ? { ...p, role: p.role === 'FUNDER' ? 'PARTNER' : 'FUNDER' } : p)) } }] }),
      (doc: NetworkDocument) => doc.edit((tx) => tx.putVocab('sector', { code: 'NIEUWE_SECTOR', nl: 'Nieuwe sector', en: 'New sector' })),
    ]) {
      const next = await digestOf(change);
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    }
  });
});
