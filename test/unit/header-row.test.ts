import { describe, expect, it } from 'vitest';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../../shared/exchange/fields';

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
