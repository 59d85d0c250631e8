import { describe, expect, it } from 'vitest';
import { planTables, type MappedSheet } from '../../shared/exchange/plan';
import { suggestColumns } from '../../shared/exchange/fields';
import { NetworkDataSchema } from '../../shared/model';
import { DEFAULT_VOCAB, mergeVocab } from '../../shared/vocab';

const sheet = (kind: MappedSheet['kind'], header: string[], rows: string[][]): MappedSheet => ({ name: 'blad', kind, header, rows, columns: suggestColumns(kind, header) });
const empty = NetworkDataSchema.parse({ meta: { title: 'leeg' } });

describe('the planner reads repeated cells once, and each row still gets its own value and its own problems', () => {
  it('a repeated list of codes is one list per row; a repeated wrong code or date is a problem on every row', () => {
    const header = ['Naam', 'Sectoren', 'Type', 'Actief'];
    const ok = planTables(empty, mergeVocab(DEFAULT_VOCAB), [sheet('actors', header, [
      ['Een', 'Welzijn; Wonen', 'CAW (incl. JAC)', 'ja'],
      ['Twee', 'Welzijn; Wonen', 'CAW (incl. JAC)', 'ja'],
      ['Drie', 'Welzijn', 'caw incl jac', 'nee'],
    ])]);
    expect(ok.problems).toEqual([]);
    const values = ok.writes.map((w) => w.value as { sectors: string[]; type: string; active: boolean });
    expect(values.map((v) => v.sectors)).toEqual([['WELZIJN', 'WONEN'], ['WELZIJN', 'WONEN'], ['WELZIJN']]);
    expect(values[0].sectors).not.toBe(values[1].sectors);
    values[0].sectors.push('ONDERWIJS');
    expect(values[1].sectors).toEqual(['WELZIJN', 'WONEN']);
    expect(values.map((v) => [v.type, v.active])).toEqual([['CAW', true], ['CAW', true], ['CAW', false]]);

    const bad = planTables(empty, mergeVocab(DEFAULT_VOCAB), [sheet('actors', ['Naam', 'Type', 'Actief'], [
      ['Een', 'Geen Type', 'misschien'],
      ['Twee', 'Geen Type', 'misschien'],
    ])]);
    expect(bad.problems.map((p) => p.where)).toEqual(['rij 2, kolom "Type"', 'rij 2, kolom "Actief"', 'rij 3, kolom "Type"', 'rij 3, kolom "Actief"']);
    expect(bad.problems[2].message).toBe(bad.problems[0].message);
    expect(bad.writes).toEqual([]);
  });

  it('a party cell with one name or with several, split on ; | and line breaks', () => {
    const actors = sheet('actors', ['Naam'], [['Een'], ['Twee'], ['Drie']]);
    const agreements = sheet('agreements', ['Titel', 'Partijen'], [['A', 'Een; Twee'], ['B', ' Een |Drie\nTwee '], ['C', 'Een']]);
    const plan = planTables(empty, mergeVocab(DEFAULT_VOCAB), [actors, agreements]);
    const names = new Map(plan.writes.filter((w) => w.entity === 'actor').map((w) => [w.value.id, (w.value as { name: string }).name]));
    const parties = plan.writes.filter((w) => w.entity === 'agreement').map((w) => (w.value as { parties: { actorId: string }[] }).parties.map((p) => names.get(p.actorId)));
    expect(parties).toEqual([['Een', 'Twee'], ['Een', 'Drie', 'Twee']]);
    expect(plan.problems).toEqual([{ where: 'rij 4', message: 'een afspraak heeft minstens twee partijen.' }]);
  });
});

describe('an address in columns of its own is put together as Flemish addresses are written', () => {
  const vocab = mergeVocab(DEFAULT_VOCAB);
  const addresses = (plan: ReturnType<typeof planTables>) => plan.writes.map((w) => (w.value as { contact: { address: string | null } }).contact.address);

  it('street, number, box, postcode and municipality become one line; a number without a street is left alone', () => {
    const header = ['Organisatie', 'Straat', 'Nr', 'Bus', 'Postcode', 'Gemeente'];
    expect(suggestColumns('actors', header)).toEqual({ Organisatie: 'name', Straat: 'street', Nr: 'houseNumber', Bus: 'box', Postcode: 'postcode', Gemeente: 'municipality' });
    const plan = planTables(empty, vocab, [sheet('actors', header, [
      ['CAW Voorbeeldregio', 'Stationsstraat', '1', '2', '8000', 'Voorbeeldstad'],
      ['Buurtwerk De Brug', 'Kerkstraat ', '14A', 'b3', '8000', 'Voorbeeldstad'],
      ['Wijkpunt Zuid', '', '', '', '8200', 'Sint-Andries'],
      ['Repair Café', '', '', '', '', ''],
    ])]);
    expect(plan.problems).toEqual([]);
    expect(addresses(plan)).toEqual(['Stationsstraat 1 bus 2, 8000 Voorbeeldstad', 'Kerkstraat 14A b3, 8000 Voorbeeldstad', '8200 Sint-Andries', null]);
    // A list's running number is not a house number when there is no street beside it.
    expect(suggestColumns('actors', ['Nr', 'Naam', 'Adres'])).toEqual({ Nr: 'custom', Naam: 'name', Adres: 'address' });
    expect(suggestColumns('actors', ['Nr.', 'Naam', 'Straat', 'Huisnr', 'Gemeente'])).toMatchObject({ 'Nr.': 'custom', Straat: 'street', Huisnr: 'houseNumber' });
    expect(suggestColumns('actors', ['Naam', 'Straat', 'Nummer', 'Nr'])).toMatchObject({ Straat: 'street', Nummer: 'houseNumber', Nr: 'custom' });
  });

  it('a whole address with a postcode column beside it is not given its postcode twice; a municipality inside a street name is still added', () => {
    const header = ['Naam', 'Adres', 'Postcode', 'Gemeente'];
    const plan = planTables(empty, vocab, [sheet('actors', header, [
      ['Een', 'Markt 1, 8000 Brugge', '8000', 'Brugge'],
      ['Twee', 'Markt 1', '8000', 'Brugge'],
      ['Drie', 'Gentsesteenweg 5', '9000', 'Gent'],
    ])]);
    expect(addresses(plan)).toEqual(['Markt 1, 8000 Brugge', 'Markt 1, 8000 Brugge', 'Gentsesteenweg 5, 9000 Gent']);
  });

  it('a re-import with only postcode and municipality does not replace the street an actor has', () => {
    const first = planTables(empty, vocab, [sheet('actors', ['Naam', 'Adres'], [['Een', 'Markt 1, 8000 Brugge'], ['Twee', '']])]);
    const data = NetworkDataSchema.parse({ meta: { title: 't' }, actors: first.writes.map((w) => w.value) });
    const again = planTables(data, vocab, [sheet('actors', ['Naam', 'Postcode', 'Gemeente'], [['Een', '8200', 'Sint-Andries'], ['Twee', '8000', 'Brugge']])]);
    expect(again.rows.map((r) => [r.label, r.action, r.changed])).toEqual([['Een', 'unchanged', undefined], ['Twee', 'update', ['contact']]]);
    expect(addresses(again)).toEqual(['8000 Brugge']);
    // The other place is said, not dropped without a word.
    expect(again.notes).toEqual(['Rij 2 geeft een andere postcode of gemeente dan het adres van de actor, maar geen straat: dat adres is behouden. Pas het aan in de inspector, of importeer met de straat erbij.']);
    const same = planTables(data, vocab, [sheet('actors', ['Naam', 'Gemeente'], [['Een', 'Brugge']])]);
    expect([same.rows[0].action, same.notes]).toEqual(['unchanged', []]);
    // A list without any address column says nothing about addresses.
    const other = planTables(data, vocab, [sheet('actors', ['Naam', 'Opmerkingen'], [['Een', 'nieuw']])]);
    expect([other.rows[0].action, other.notes]).toEqual(['update', []]);
  });
});

describe("another list's running numbers in an Id column do not match this map's actors by id", () => {
  const vocab = mergeVocab(DEFAULT_VOCAB);
  const listA = sheet('actors', ['ID', 'Naam'], [['1', 'OCMW Voorbeeldstad'], ['2', 'CAW Voorbeeldregio'], ['3', 'Wijkgezondheidscentrum']]);
  const first = planTables(empty, vocab, [listA]);
  const data = NetworkDataSchema.parse({ meta: { title: 't' }, actors: first.writes.map((w) => w.value) });
  const byName = (plan: ReturnType<typeof planTables>) => new Map(plan.writes.map((w) => [(w.value as { name?: string }).name ?? (w.value as { title: string }).title, w.value as { id: string; custom: Record<string, unknown>; parties?: { actorId: string }[] }]));

  it("a first import takes the list's ids (a Gephi node table's edges name them)", () => {
    expect(first.writes.map((w) => w.value.id)).toEqual(['1', '2', '3']);
    expect(first.notes).toEqual([]);
  });

  it('a second list numbered 1, 2, 3 is matched by name, its own numbers kept, and its other sheets still find its actors by them', () => {
    const listB = sheet('actors', ['ID', 'Naam'], [['1', 'Huis van het Kind'], ['2', 'Buurtwerk De Brug'], ['3', 'CAW Voorbeeldregio']]);
    const agreements = sheet('agreements', ['Titel', 'Partijen'], [['Doorverwijzing', '1; 3']]);
    agreements.showName = listB.showName = true;
    const plan = planTables(data, vocab, [listB, agreements]);
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => [r.label, r.action])).toEqual([['Huis van het Kind', 'create'], ['Buurtwerk De Brug', 'create'], ['CAW Voorbeeldregio', 'update'], ['Doorverwijzing', 'create']]);
    const made = byName(plan);
    // Nothing of list A was renamed; the new actors have ids of their own, and each keeps its number.
    expect(made.get('OCMW Voorbeeldstad')).toBeUndefined();
    expect(made.get('CAW Voorbeeldregio')).toMatchObject({ id: '2', custom: { ID: '3' } });
    expect(made.get('Huis van het Kind')!.id).not.toMatch(/^[123]$/);
    expect(made.get('Huis van het Kind')!.custom).toEqual({ ID: '1' });
    expect(made.get('Doorverwijzing')!.parties!.map((p) => p.actorId)).toEqual([made.get('Huis van het Kind')!.id, '2']);
    expect(plan.notes).toEqual([
      'Blad blad: kolom "ID" is een eigen nummering van het bestand, geen id uit deze kaart: 3 van de 3 rijen met een id dat de kaart al heeft, noemen een andere actor (rij 2: id "1" is "OCMW Voorbeeldstad" in de kaart, de rij noemt "Huis van het Kind"). Daarom is op KBO-nummer, Sociale Kaart-id en naam gezocht in plaats van op id, en is het id bewaard als eigen veld "ID".',
    ]);
  });

  it('that list\'s edges in a file of their own (Gephi\'s two tables) cannot tell its "1" from the map\'s actor 1: a problem naming both', () => {
    const listB = sheet('actors', ['ID', 'Naam'], [['1', 'Huis van het Kind'], ['2', 'Buurtwerk De Brug'], ['3', 'CAW Voorbeeldregio']]);
    const written = new Map(planTables(data, vocab, [listB]).writes.map((w) => [w.value.id, w.value]));
    const after = NetworkDataSchema.parse({ meta: { title: 't' }, actors: [...data.actors.map((a) => written.get(a.id) ?? a), ...[...written.values()].filter((v) => !data.actors.some((a) => a.id === v.id))] });
    const edges = planTables(after, vocab, [sheet('agreements', ['Source', 'Target', 'Label'], [['1', '3', 'Doorverwijzing'], ['Huis van het Kind', 'CAW Voorbeeldregio', 'Overleg']])]);
    expect(suggestColumns('agreements', ['Source', 'Target', 'Label'])).toEqual({ Source: 'parties', Target: 'parties', Label: 'title' });
    expect(edges.problems).toEqual([
      { where: 'rij 2, kolom "Source"', message: '"1" is het id van "OCMW Voorbeeldstad", maar ook het nummer dat een eerder ingelezen lijst gaf aan "Huis van het Kind". Noem de partij bij naam of KBO-nummer.' },
      { where: 'rij 2, kolom "Target"', message: '"3" is het id van "Wijkgezondheidscentrum", maar ook het nummer dat een eerder ingelezen lijst gaf aan "CAW Voorbeeldregio". Noem de partij bij naam of KBO-nummer.' },
    ]);
    // By name it is clear.
    expect(edges.rows[1]).toMatchObject({ action: 'create', label: 'Overleg' });
  });

  it('agreements and services numbered by another list are matched by title and parties, and by provider and name', () => {
    const a = sheet('agreements', ['ID', 'Titel', 'Partijen'], [['1', 'Onthaal', 'OCMW Voorbeeldstad; CAW Voorbeeldregio'], ['2', 'Zitdag', 'CAW Voorbeeldregio; Wijkgezondheidscentrum']]);
    const sv = sheet('services', ['ID', 'Naam', 'Aanbieder'], [['1', 'Budgetbegeleiding', 'OCMW Voorbeeldstad'], ['2', 'Onthaal', 'CAW Voorbeeldregio']]);
    const firstPlan = planTables(data, vocab, [a, sv]);
    expect(firstPlan.problems).toEqual([]);
    const withThem = NetworkDataSchema.parse({ ...data, agreements: firstPlan.writes.filter((w) => w.entity === 'agreement').map((w) => w.value), services: firstPlan.writes.filter((w) => w.entity === 'service').map((w) => w.value) });
    const other = planTables(withThem, vocab, [
      sheet('agreements', ['ID', 'Titel', 'Partijen'], [['1', 'Zitdag', 'CAW Voorbeeldregio; Wijkgezondheidscentrum'], ['2', 'Nieuw overleg', 'OCMW Voorbeeldstad; Wijkgezondheidscentrum']]),
      sheet('services', ['ID', 'Naam', 'Aanbieder'], [['1', 'Onthaal', 'CAW Voorbeeldregio'], ['2', 'Schuldhulp', 'OCMW Voorbeeldstad']]),
    ]);
    expect(other.problems).toEqual([]);
    // Matched by title and parties, and by provider and name: the other rows are new, nothing was renamed.
    expect(other.rows.map((r) => [r.kind, r.label, r.action])).toEqual([
      ['services', 'Onthaal', 'unchanged'],
      ['services', 'Schuldhulp (OCMW Voorbeeldstad)', 'create'],
      ['agreements', 'Zitdag', 'update'],
      ['agreements', 'Nieuw overleg', 'create'],
    ]);
    expect(other.writes.filter((w) => w.entity === 'agreement').map((w) => [w.op, (w.value as { custom: object }).custom])).toEqual([['update', { ID: '1' }], ['insert', { ID: '2' }]]);
    expect(other.notes.map((n) => n.replace(/ \(rij .*\)\./, ' (…).'))).toEqual([
      'Kolom "ID" is een eigen nummering van het bestand, geen id uit deze kaart: 2 van de 2 rijen met een id dat de kaart al heeft, noemen een andere dienst (…). Daarom is op aanbieder en naam gezocht in plaats van op id, en is het id niet overgenomen.',
      'Kolom "ID" is een eigen nummering van het bestand, geen id uit deze kaart: 2 van de 2 rijen met een id dat de kaart al heeft, noemen een andere afspraak (…). Daarom is op titel en partijen gezocht in plaats van op id, en is het id bewaard als eigen veld "ID".',
    ]);
  });

  it("the map's own ids with a name changed here and there still rename by id; a UUID always names its actor", () => {
    const again = planTables(data, vocab, [sheet('actors', ['ID', 'Naam'], [['1', 'OCMW Voorbeeldstad'], ['2', 'CAW Regio Voorbeeld'], ['3', 'Wijkgezondheidscentrum']])]);
    expect([again.notes, again.rows.map((r) => [r.id, r.action, r.changed])]).toEqual([[], [['1', 'unchanged', undefined], ['2', 'update', ['name']], ['3', 'unchanged', undefined]]]);
    // Every name changed a little (an export renamed in bulk) is still the same actors, renamed by id.
    const bulk = planTables(data, vocab, [sheet('actors', ['ID', 'Naam'], [['1', 'OCMW Voorbeeldstad vzw'], ['2', 'CAW Voorbeeldregio vzw'], ['3', 'Wijkgezondheidscentrum De Vaart']])]);
    expect([bulk.notes, bulk.rows.map((r) => [r.id, r.action])]).toEqual([[], [['1', 'update'], ['2', 'update'], ['3', 'update']]]);
    const ids = ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c'];
    const uuids = NetworkDataSchema.parse({ meta: { title: 't' }, actors: planTables(empty, vocab, [sheet('actors', ['Id', 'Naam'], [[ids[0], 'Een'], [ids[1], 'Twee']])]).writes.map((w) => w.value) });
    const renamed = planTables(uuids, vocab, [sheet('actors', ['Id', 'Naam'], [[ids[0], 'Eén'], [ids[1], 'Twee bis']])]);
    expect([renamed.notes, renamed.rows.map((r) => [r.id, r.action])]).toEqual([[], [[ids[0], 'update'], [ids[1], 'update']]]);
  });
});

describe('values the vocabulary does not know are listed with their rows, and read as the user chooses', () => {
  const vocab = mergeVocab(DEFAULT_VOCAB);
  const header = ['Naam', 'Type', 'Sectoren'];
  const rows = [
    ['Sportclub De Pijl', 'Sportclub', 'Vrije tijd; Jeugd'],
    ['Sportclub Olympia', 'sportclub ', 'Vrije tijd'],
    ['CAW Voorbeeldregio', 'CAW (incl. JAC)', 'Welzijn, Jeugd'],
  ];

  it('each unknown value once per field (whatever its case), with the rows that have it; its rows are problems until it is chosen', () => {
    const plan = planTables(empty, vocab, [sheet('actors', header, rows)]);
    expect(plan.values).toEqual([
      { sheet: 'blad', field: 'type', vocab: 'actorType', column: 'Type', value: 'Sportclub', rows: 2, chosen: null, remembered: false },
      { sheet: 'blad', field: 'sectors', vocab: 'sector', column: 'Sectoren', value: 'Jeugd', rows: 2, chosen: null, remembered: false },
    ]);
    expect(plan.problems.map((p) => p.where)).toEqual(['rij 2, kolom "Type"', 'rij 2, kolom "Sectoren"', 'rij 3, kolom "Type"', 'rij 4, kolom "Sectoren"']);
    expect(plan.problems[0].message).toBe('"Sportclub" is geen gekend actortype. Kies wat de waarde wordt (bij "Waarden die Regiekaart niet kent"), of kies bij de kolom "Eigen veld (bewaren)".');
  });

  it('a chosen code (or label) is used for that value, whatever its case, also as one part of a list; the choice is listed so it can be changed', () => {
    const chosen = { ...sheet('actors', header, rows), values: { type: { Sportclub: 'VRIJETIJDSDIENST' }, sectors: { Jeugd: 'Welzijn' } } };
    const plan = planTables(empty, vocab, [chosen]);
    expect(plan.problems).toEqual([]);
    expect(plan.writes.map((w) => [(w.value as { type: string }).type, (w.value as { sectors: string[] }).sectors])).toEqual([
      ['VRIJETIJDSDIENST', ['VRIJE_TIJD', 'WELZIJN']],
      ['VRIJETIJDSDIENST', ['VRIJE_TIJD']],
      ['CAW', ['WELZIJN']],
    ]);
    expect(plan.values).toEqual([
      { sheet: 'blad', field: 'type', vocab: 'actorType', column: 'Type', value: 'Sportclub', rows: 2, chosen: 'VRIJETIJDSDIENST', remembered: false },
      { sheet: 'blad', field: 'sectors', vocab: 'sector', column: 'Sectoren', value: 'Jeugd', rows: 2, chosen: 'WELZIJN', remembered: false },
    ]);
    // A choice that is no code or label of the vocabulary leaves the problem as it was.
    const wrong = planTables(empty, vocab, [{ ...sheet('actors', header, rows), values: { type: { Sportclub: 'Breiclub' } } }]);
    expect(wrong.problems.filter((p) => p.where.endsWith('"Type"'))).toHaveLength(2);
  });

  it('a value chosen in an earlier import (an alias of the entry) is read so, and listed as remembered; a choice now goes first', () => {
    const remembering = mergeVocab({ actorType: DEFAULT_VOCAB.actorType.map((e) => (e.code === 'VRIJETIJDSDIENST' ? { ...e, props: { ...e.props, aliases: ['Sportclub'] } } : e)) });
    const plan = planTables(empty, remembering, [sheet('actors', ['Naam', 'Type'], rows.map((r) => r.slice(0, 2)))]);
    expect(plan.problems).toEqual([]);
    expect(plan.writes.map((w) => (w.value as { type: string }).type)).toEqual(['VRIJETIJDSDIENST', 'VRIJETIJDSDIENST', 'CAW']);
    expect(plan.values).toEqual([{ sheet: 'blad', field: 'type', vocab: 'actorType', column: 'Type', value: 'Sportclub', rows: 2, chosen: 'VRIJETIJDSDIENST', remembered: true }]);
    const other = planTables(empty, remembering, [{ ...sheet('actors', ['Naam', 'Type'], rows.map((r) => r.slice(0, 2))), values: { type: { sportclub: 'BURENHULP' } } }]);
    expect(other.writes.map((w) => (w.value as { type: string }).type)).toEqual(['BURENHULP', 'BURENHULP', 'CAW']);
    expect(other.values.map((v) => [v.value, v.chosen, v.remembered])).toEqual([['Sportclub', 'BURENHULP', false]]);
  });
});

describe('a party name that is not found gets the nearest actors as a suggestion', () => {
  const names = ['CAW Regio X (incl. JAC)', 'CGG Regio X', 'LDC Het Anker (vzw Zorg Zuid)', 'Sociaal Huis Voorbeeldstad', 'Repair Café Voorbeeldstad'];
  const data = NetworkDataSchema.parse({ meta: { title: 't' }, actors: names.map((name, i) => ({ id: `A${i}`, name, type: 'ANDERE', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL' })) });
  const problems = (parties: string[][], actors = data) =>
    planTables(actors, mergeVocab(DEFAULT_VOCAB), [sheet('agreements', ['Titel', 'Partij 1', 'Partij 2'], parties.map((p, i) => [`Afspraak ${i}`, ...p]))]).problems.map((p) => p.message);

  it('an actor whose name holds all its words comes first, and alone; else those that share half of all their words', () => {
    expect(problems([['CAW Regio X', 'Het Anker']])).toEqual([
      '"CAW Regio X" is geen actor in het document of in dit bestand. Bedoelt u "CAW Regio X (incl. JAC)"?',
      '"Het Anker" is geen actor in het document of in dit bestand. Bedoelt u "LDC Het Anker (vzw Zorg Zuid)"?',
    ]);
    expect(problems([['Sociaal Huis Voorbeeldstad Noord', 'Onbekend Overleg']])).toEqual([
      '"Sociaal Huis Voorbeeldstad Noord" is geen actor in het document of in dit bestand. Bedoelt u "Sociaal Huis Voorbeeldstad"?',
      '"Onbekend Overleg" is geen actor in het document of in dit bestand.',
    ]);
  });

  it('a word that a great many actors have finds no candidates, and after 200 names not found none are looked for', () => {
    const many = NetworkDataSchema.parse({ meta: { title: 't' }, actors: Array.from({ length: 250 }, (_, i) => ({ id: `V${i}`, name: `Vzw nummer${i}`, type: 'ANDERE', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL' })) });
    expect(problems([['Vzw', 'nummer7']], many)).toEqual([
      '"Vzw" is geen actor in het document of in dit bestand.',
      '"nummer7" is geen actor in het document of in dit bestand. Bedoelt u "Vzw nummer7"?',
    ]);
    const rows = Array.from({ length: 101 }, (_, i) => [`Onbekend ${i}`, `Regio X ${i}`]);
    const messages = problems(rows);
    expect(messages.filter((m) => m.includes('Bedoelt u'))).toHaveLength(100);
    expect(messages.at(-1)).toBe('"Regio X 100" is geen actor in het document of in dit bestand.');
  });
});

describe("an actor's other names find it as its name does, without renaming it", () => {
  const vocab = mergeVocab(DEFAULT_VOCAB);
  const actor = (id: string, name: string, aliases: string[] = [], kbo?: string) => ({ id, name, aliases, type: 'CAW', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL', ...(kbo ? { kbo } : {}) });
  const data = NetworkDataSchema.parse({
    meta: { title: 't' },
    actors: [actor('A1', 'CAW Oost-Vlaanderen', ['CAW O-Vl', 'Centrum Algemeen Welzijnswerk']), actor('A2', 'CAW O-Vl Jongeren'), actor('A3', 'Huis van het Kind', ['CAW O-Vl Jongeren'])],
  });

  it("a party cell and a provider cell with an other name find the actor; a name that is one actor's name and another's other name is the first one's", () => {
    const plan = planTables(data, vocab, [
      sheet('agreements', ['Titel', 'Partij 1', 'Partij 2'], [['Doorverwijzing', 'caw o-vl', 'Centrum Algemeen Welzijnswerk'], ['Jongeren', 'CAW O-Vl Jongeren', 'CAW O-VL']]),
      sheet('services', ['Naam', 'Aanbieder'], [['Onthaal', 'Centrum Algemeen Welzijnswerk']]),
    ]);
    expect(plan.problems).toEqual([{ where: 'rij 2', message: 'een afspraak heeft minstens twee partijen.' }]);
    const [service, jongeren] = plan.writes.map((w) => w.value as { providerId?: string; parties?: { actorId: string }[] });
    expect(service.providerId).toBe('A1');
    expect(jongeren.parties!.map((p) => p.actorId)).toEqual(['A2', 'A1']);
  });

  it('an actor row that names it by an other name updates it and keeps its name; its Andere namen column replaces them, each once and never its own name', () => {
    const plan = planTables(data, vocab, [sheet('actors', ['Naam', 'E-mail', 'Andere namen'], [['CAW O-Vl', 'onthaal@caw.example', 'CAW OVL; caw ovl; CAW Oost-Vlaanderen; Centrum Algemeen Welzijnswerk']])]);
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => [r.action, r.changed])).toEqual([['update', ['aliases', 'contact']]]);
    expect(plan.writes[0].value).toMatchObject({ id: 'A1', name: 'CAW Oost-Vlaanderen', aliases: ['CAW OVL', 'Centrum Algemeen Welzijnswerk'], contact: { email: 'onthaal@caw.example' } });
  });

  it("a row's own other names match when its name does not (a neighbour's map has them too), but not across KBO numbers", () => {
    const withKbo = NetworkDataSchema.parse({ meta: { title: 't' }, actors: [actor('A1', 'CAW Oost-Vlaanderen', [], '0403.170.701')] });
    const row = (kbo: string) => planTables(withKbo, vocab, [sheet('actors', ['Naam', 'Andere namen', 'KBO-nummer'], [['CAW Regio Gent', 'CAW Oost-Vlaanderen', kbo]])]).rows[0];
    expect(row('')).toMatchObject({ action: 'update', id: 'A1' });
    expect(row('0202.239.951')).toMatchObject({ action: 'create' });
  });
});

describe('a name that several actors have ("Sociaal Huis" of two municipalities) is the one the user chooses', () => {
  const vocab = mergeVocab(DEFAULT_VOCAB);
  const actor = (id: string, name: string, address: string | null, kbo?: string) => ({ id, name, type: 'CAW', legalForm: 'PRIVATE_NONPROFIT', level: 'LOKAAL', contact: { address }, ...(kbo ? { kbo } : {}) });
  const data = NetworkDataSchema.parse({
    meta: { title: 't' },
    actors: [actor('A1', 'Sociaal Huis', 'Markt 1, 9000 Noorddorp', '0212.345.668'), actor('A2', 'Sociaal Huis', 'Kerkstraat 2, 9100 Zuiddorp'), actor('A3', 'CAW Regio X', null)],
  });
  const agreements = (parties?: Record<string, string>) =>
    planTables(data, vocab, [{ ...sheet('agreements', ['Titel', 'Partij 1', 'Partij 2'], [['GBO', 'sociaal huis', 'CAW Regio X'], ['Onthaal', 'Sociaal Huis', 'CAW Regio X']]), ...(parties ? { parties } : {}) }]);

  it('unchosen, each cell is a problem naming both, and the name is listed once with both actors, told apart by place and KBO number', () => {
    const plan = agreements();
    expect(plan.writes).toEqual([]);
    expect(plan.problems.map((p) => p.where)).toEqual(['rij 2, kolom "Partij 1"', 'rij 3, kolom "Partij 1"']);
    expect(plan.problems[0].message).toBe('"sociaal huis" past op 2 actoren (A1, A2); gebruik het id of het KBO-nummer, of kies welke het is.');
    expect(plan.parties).toEqual([
      {
        sheet: 'blad',
        column: 'Partij 1',
        value: 'sociaal huis',
        rows: 2,
        near: [
          { ref: 'A1', name: 'Sociaal Huis', detail: '9000 Noorddorp, KBO 0212.345.668' },
          { ref: 'A2', name: 'Sociaal Huis', detail: '9100 Zuiddorp' },
        ],
        chosen: null,
        ambiguous: true,
      },
    ]);
  });

  it('chosen, every cell of that name is that actor; the name is not remembered as an other name, as it would not tell them apart', () => {
    const plan = agreements({ 'Sociaal Huis': 'A2' });
    expect(plan.problems).toEqual([]);
    expect(plan.writes.map((w) => [w.entity, (w.value as { parties?: { actorId: string }[] }).parties?.map((p) => p.actorId)])).toEqual([
      ['agreement', ['A2', 'A3']],
      ['agreement', ['A2', 'A3']],
    ]);
    expect(plan.parties.map((p) => [p.value, p.chosen, p.ambiguous])).toEqual([['sociaal huis', 'A2', true]]);
    expect(plan.notes.join(' ')).not.toContain('onthouden');
    // "Nieuw" makes no third one of that name: the cells stay problems.
    expect(agreements({ 'Sociaal Huis': 'NIEUW' }).problems).toHaveLength(2);
  });

  it('an actor row of that name updates the one chosen, and is a problem until then; two of one name and place are told apart by id', () => {
    const row = (parties?: Record<string, string>) => planTables(data, vocab, [{ ...sheet('actors', ['Naam', 'Telefoon'], [['Sociaal Huis', '09 123 45 67']]), ...(parties ? { parties } : {}) }]);
    const unchosen = row();
    expect(unchosen.problems.map((p) => p.message)).toEqual(['"Sociaal Huis" past op 2 actoren (A1, A2); geef het KBO-nummer of het id, of kies welke het is.']);
    expect(unchosen.parties.map((p) => [p.row, p.ambiguous, p.near.map((n) => n.ref)])).toEqual([[2, true, ['A1', 'A2']]]);
    const chosen = row({ 'Sociaal Huis': 'A2' });
    expect(chosen.problems).toEqual([]);
    expect(chosen.writes).toHaveLength(1);
    expect(chosen.writes[0].value).toMatchObject({ id: 'A2', name: 'Sociaal Huis', aliases: [], contact: { phone: '09 123 45 67', address: 'Kerkstraat 2, 9100 Zuiddorp' } });

    const twins = NetworkDataSchema.parse({ meta: { title: 't' }, actors: [actor('B1', 'Thuiszorg', '9000 Noorddorp'), actor('B2', 'thuiszorg', '9000 Noorddorp'), actor('B3', 'CAW', null)] });
    const plan = planTables(twins, vocab, [sheet('agreements', ['Titel', 'Partij 1', 'Partij 2'], [['Zorg', 'Thuiszorg', 'CAW']])]);
    expect(plan.parties[0].near.map((n) => n.detail)).toEqual(['9000 Noorddorp, id B1', '9000 Noorddorp, id B2']);
  });
});
