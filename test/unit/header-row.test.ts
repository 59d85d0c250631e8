import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filesLabel, joinSheets, mapSheets } from '../../electron/core/exchange/tables';
import { readPhone } from '../../shared/exchange/cells';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../../shared/exchange/fields';
import { planTables, type MappedSheet } from '../../shared/exchange/plan';
import { NetworkDataSchema, type Actor } from '../../shared/model';
import { mergeVocab } from '../../shared/vocab';

const headers = ['Organisatie', 'Type', 'Ondernemingsnummer', 'E-mailadres'];
const data = ['Buurtwerk De Brug', 'Andere', '0403.170.701', 'info@debrug.example'];

describe('the header row of a spreadsheet is found among its top rows', () => {
  it('on top, as most files have it', () => {
    expect(findHeaderRow([headers, data, data])).toBe(0);
  });

  it('below a title, a date and an empty row (as people make partner lists)', () => {
    expect(findHeaderRow([['Partnerlijst Sociaal Huis', '', '', ''], ['Stand: 1 november 2026', '', '', ''], ['', '', '', ''], headers, data])).toBe(3);
    // Empty rows only above it (Excel keeps their place).
    expect(findHeaderRow([[], [], headers, data])).toBe(2);
  });

  it('a first row of headers nobody else uses stays the header; below a title, the first row of two cells or more is', () => {
    const own = ['Wie', 'Waar', 'Sinds'];
    expect(findHeaderRow([own, ['Buurtwerk De Brug', 'Noord', '2019']])).toBe(0);
    expect(findHeaderRow([['Onze partners'], own, ['Buurtwerk De Brug', 'Noord', '2019']])).toBe(1);
  });

  it('a data row that reads like one header does not win over the first row (the template’s list of fields)', () => {
    const explain = [['Blad', 'Kolom', 'Verplicht', 'Waarden'], ['Actoren', 'Naam', 'ja', 'tekst'], ['Actoren', 'Type', 'nee', 'een code'], ['Afspraken', 'Titel', 'ja', 'tekst']];
    expect(findHeaderRow(explain)).toBe(0);
  });

  it(`only the top ${HEADER_SEARCH_ROWS} rows are looked at`, () => {
    const title = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`regel ${i + 1}`]);
    expect(findHeaderRow([...title, headers, data])).toBe(0);
    expect(findHeaderRow([...title.slice(1), headers, data])).toBe(HEADER_SEARCH_ROWS - 1);
  });
});

describe('a sheet’s columns are named so that each can be mapped on its own', () => {
  const plan = (rows: string[][]) => {
    const sheets = mapSheets([{ name: 'Actoren', rows, findHeader: true }]);
    return { sheet: sheets[0] as MappedSheet, plan: planTables(NetworkDataSchema.parse({ meta: { title: 'leeg' } }), mergeVocab({}), sheets as MappedSheet[]) };
  };
  const actorOf = (p: ReturnType<typeof plan>['plan']) => p.writes[0].value as Actor;

  it('a header that repeats gets a number, and both columns keep their values', () => {
    const { sheet, plan: p } = plan([
      ['Naam', 'Opmerking', 'Opmerking'],
      ['Buurtwerk De Brug', 'open op maandag', 'sleutel bij de buren'],
    ]);
    expect(sheet.header).toEqual(['Naam', 'Opmerking', 'Opmerking (2)']);
    expect(actorOf(p)).toMatchObject({ notes: 'open op maandag', custom: { 'Opmerking (2)': 'sleutel bij de buren' } });
  });

  it('columns empty in the header and in every row at the right are left off; values beyond the header are kept', () => {
    expect(plan([['Naam', 'Type', '', ''], ['Buurtwerk De Brug', 'Andere', '', ''], ['Wijkpunt', '', '', '']]).sheet.header).toEqual(['Naam', 'Type']);
    const { sheet, plan: p } = plan([['Naam', ''], ['Buurtwerk De Brug', '', 'vrijwilligers']]);
    expect(sheet.header).toEqual(['Naam', 'Kolom 2', 'Kolom 3']);
    expect(actorOf(p).custom).toEqual({ 'Kolom 3': 'vrijwilligers' });
  });
});

describe('a phone number a spreadsheet held as a number gets its leading 0 back', () => {
  it('eight digits (a landline) and nine starting with 4 (a mobile); anything else stays as written', () => {
    expect(readPhone('50112233')).toBe('050112233');
    expect(readPhone(' 470123456 ')).toBe('0470123456');
    for (const v of ['050 11 22 33', '+32 9 123 45 67', '0470123456', '912345678', '1234567', '123456789012', 'onbekend']) expect(readPhone(v)).toBe(v);
  });
});

describe('the headers municipal partner lists use are recognised', () => {
  it('a list of "Naam organisatie", "BTW-nummer", "GSM", "E-mail adres" and "Webpagina" is a list of actors, each column its field; its own kind of organisation is kept as it is', () => {
    const [sheet] = mapSheets([{ name: 'Blad1', rows: [['Naam organisatie', 'Soort organisatie', 'BTW-nummer', 'GSM', 'E-mail adres', 'Webpagina', 'Contactpersoon'], ['Buurtwerk De Brug', 'Andere', 'BE 0403.170.701', '0470 12 34 56', 'info@debrug.example', 'https://debrug.example', 'An']] }]);
    expect(sheet.kind).toBe('actors');
    expect(sheet.kind !== 'skip' && sheet.columns).toEqual({ 'Naam organisatie': 'name', 'Soort organisatie': 'custom', 'BTW-nummer': 'kbo', GSM: 'phone', 'E-mail adres': 'email', Webpagina: 'website', Contactpersoon: 'custom' });
    expect(mapSheets([{ name: 'Blad1', rows: [['Naam organisatie', 'Adres', 'Telefoonnummer'], ['A', 'Markt 1', '050 11 22 33']] }])[0].kind).toBe('actors');
  });
});

describe('several spreadsheet files imported as one', () => {
  it('keep their sheets in order, each named by its file in problems; a sheet name an earlier file has gets its file name', () => {
    const sheet = (name: string, rows: string[][]) => ({ name, rows, findHeader: true });
    const joined = joinSheets([
      { file: '/a/lijst.xlsx', format: 'xlsx', sheets: [sheet('Blad1', [['Naam'], ['Buurtwerk De Brug']])] },
      { file: '/b/lijst2.xlsx', format: 'xlsx', sheets: [sheet('Blad1', [['Naam'], ['Repair Café']]), sheet('Blad2', [['x']])] },
      { file: '/c/Blad1.csv', format: 'csv', sheets: [sheet('Blad1', [['Naam'], ['Jeugdraad']])] },
    ]);
    expect(joined.map((s) => [s.name, s.place])).toEqual([
      ['Blad1', 'blad Blad1 in lijst.xlsx'],
      ['Blad1 (lijst2.xlsx)', 'blad Blad1 in lijst2.xlsx'],
      ['Blad2', 'blad Blad2 in lijst2.xlsx'],
      ['Blad1 (Blad1.csv)', 'Blad1.csv'],
    ]);
    // One file stays as it is read.
    const one = [sheet('Partners', [['Naam']])];
    expect(joinSheets([{ file: 'p.xlsx', format: 'xlsx', sheets: one }])).toEqual(one);
    expect(filesLabel(['/x/nodes.csv'])).toBe('nodes.csv');
    expect(filesLabel(['/x/nodes.csv', '/y/edges.csv'])).toBe('nodes.csv en edges.csv');
    expect(filesLabel(['a.csv', 'b.csv', 'c.xlsx'])).toBe('a.csv, b.csv en c.xlsx');
  });

  it('a problem names the file its row is in', () => {
    const raw = joinSheets([
      { file: 'actoren.csv', format: 'csv', sheets: [{ name: 'actoren', rows: [['Naam', 'KBO-nummer'], ['Buurtwerk De Brug', '0403.170.702']] }] },
      { file: 'afspraken.csv', format: 'csv', sheets: [{ name: 'afspraken', rows: [['Titel', 'Partijen'], ['Pool', 'Buurtwerk De Brug; Onbekend']] }] },
    ]);
    const plan = planTables(NetworkDataSchema.parse({ meta: { title: 't' } }), mergeVocab({}), mapSheets(raw) as MappedSheet[]);
    // The actor with a wrong KBO number is not made, so the agreement names two actors that are not there.
    expect(plan.problems.map((p) => p.where)).toEqual(['actoren.csv, rij 2, kolom "KBO-nummer"', 'afspraken.csv, rij 2, kolom "Partijen"', 'afspraken.csv, rij 2, kolom "Partijen"']);
  });
});

describe("Gephi's edge table", () => {
  it('its Type column of directions is suggested as a custom field, with a note; one with a kind of agreement in it stays the type', () => {
    const edges = (type2: string) => mapSheets([{ name: 'edges', rows: [['Source', 'Target', 'Type', 'Label'], ['0', '1', 'Undirected', 'Pool'], ['1', '0', type2, 'Overleg'], ['1', '0', '', 'Zonder']] }])[0] as MappedSheet;
    const gephi = edges('directed');
    expect(gephi.columns.Type).toBe('custom');
    expect(gephi.notes).toEqual(['kolom "Type" is de richting van elke verbinding (zo schrijft Gephi ze), geen soort afspraak: bewaard als eigen veld.']);
    const mixed = edges('Samenwerkingsovereenkomst');
    expect(mixed.columns.Type).toBe('type');
    expect(mixed.notes).toBeUndefined();
    // The user's own mapping stands.
    const mapped = mapSheets([{ name: 'edges', rows: [['Source', 'Target', 'Type'], ['0', '1', 'Undirected']] }], [{ sheet: 'edges', columns: { Type: 'type' } }])[0] as MappedSheet;
    expect(mapped.columns.Type).toBe('type');
    expect(mapped.notes).toBeUndefined();
  });
});

describe('several files read as one, for any sheet names (fast-check)', () => {
  it('every sheet keeps its rows and order, the first file its names, and no two sheets share a name', () => {
    const name = fc.constantFrom('Blad1', 'Blad1 (b.xlsx)', 'Partners', 'nodes', 'edges', 'Blad2');
    const file = fc.record({ file: fc.constantFrom('/x/a.xlsx', '/y/b.xlsx', '/z/nodes.csv', '/z/edges.csv', '/w/c.xlsx'), names: fc.array(name, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 5 }), (files) => {
        const input = files.map((f, i) => ({
          file: f.file,
          format: (f.file.endsWith('.csv') ? 'csv' : 'xlsx') as 'csv' | 'xlsx',
          sheets: (f.file.endsWith('.csv') ? f.names.slice(0, 1) : [...new Set(f.names)]).map((n, j) => ({ name: n, rows: [[`${i}:${j}`]] })),
        }));
        const joined = joinSheets(input);
        const all = input.flatMap((f) => f.sheets);
        expect(joined.map((s) => s.rows)).toEqual(all.map((s) => s.rows));
        expect(new Set(joined.map((s) => s.name)).size).toBe(joined.length);
        expect(joined.slice(0, input[0].sheets.length).map((s) => s.name)).toEqual(input[0].sheets.map((s) => s.name));
        expect(joined.every((s) => s.place && s.file)).toBe(true);
      }),
    );
  });
});
