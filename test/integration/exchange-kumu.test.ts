import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/session';
import type { CallOutput } from '../../shared/api';
import { cli } from '../helpers/cli';
import { startSession } from '../helpers/session';
import { tmpDir } from '../helpers/tmp';

let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

const KUMU = path.resolve('test/fixtures/other-tools/kaart-kumu.xlsx');
type Preview = CallOutput<'exchange.preview'>;
/** The mapping as the dialog sends it back, with some columns chosen otherwise (sheet → header → field). */
const mappingOf = (p: Preview, changes: Record<string, Record<string, string>> = {}) =>
  p.sheets!.map((s) => ({ sheet: s.name, kind: s.kind, columns: { ...s.columns, ...changes[s.name] }, fallbacks: s.fallbacks }));

/** A session with a copy of the demo open, as a municipality that already has its map. */
async function demoSession() {
  const dir = tmpDir();
  const file = path.join(dir, 'v.regiekaart');
  expect((await cli('demo', file)).code).toBe(0);
  const started = startSession(path.join(dir, 'work'));
  session = started.session;
  await started.session.open(file);
  return { dir, file, ...started };
}

describe('a map exported from Kumu (Elements and Connections)', () => {
  it('is read as actors and agreements; a connection to several elements is one agreement each; a connection without a label is named after its ends', async () => {
    const { call, session: s } = await demoSession();

    const p = await call('exchange.preview', { path: KUMU });
    const [elements, connections] = p.sheets!;
    expect([elements.name, elements.kind, connections.name, connections.kind]).toEqual(['Elements', 'actors', 'Connections', 'agreements']);
    expect(elements.columns).toEqual({ Label: 'name', Type: 'type', Description: 'notes', Tags: 'custom', Website: 'website', 'KBO-nummer': 'kbo' });
    expect(connections.columns).toEqual({ From: 'parties', To: 'parties', Type: 'type', Direction: 'custom', Label: 'title', Description: 'notes', Tags: 'custom', Strength: 'custom' });
    // Kumu's types are the project's own words: the ones that are not ours are named, with the way out.
    expect(p.problems).toContainEqual({ where: 'blad Elements, rij 4, kolom "Type"', message: '"Buurtwerk" is geen gekend actortype. Kies wat de waarde wordt (bij "Waarden die Regiekaart niet kent"), of kies bij de kolom "Eigen veld (bewaren)".' });

    // Both Type columns kept as custom fields: nothing wrong any more.
    const mapping = mappingOf(p, { Elements: { Type: 'custom' }, Connections: { Type: 'custom' } });
    const q = await call('exchange.preview', { path: KUMU, mapping });
    expect(q.problems).toEqual([]);
    expect(q.plan!.summary.actors).toEqual({ create: 4, update: 1, unchanged: 0, problem: 0 });
    // Row 3 (From Buurtwerk De Brug, To Repair Café|Huurdersbond) is two agreements, both named as row 3.
    expect(q.plan!.summary.agreements).toEqual({ create: 4, update: 0, unchanged: 0, problem: 0 });
    expect(q.plan!.rows.filter((r) => r.kind === 'agreements').map((r) => [r.row, r.label])).toEqual([
      [2, 'Onthaal in het Sociaal Huis'],
      [3, 'Buurtwerk De Brug – Repair Café Voorbeeldstad'],
      [3, 'Buurtwerk De Brug – Huurdersbond Voorbeeldstad'],
      [4, 'Doorverwijzing huurders'],
    ]);

    await call('exchange.import', { path: KUMU, into: 'current', mapping });
    const data = s.current().snapshot();
    const byName = new Map(data.actors.map((a) => [a.name, a]));
    // The OCMW is the demo's (matched by its KBO number), and keeps its id.
    expect(byName.get('OCMW Voorbeeldstad')).toMatchObject({ id: 'A02', custom: { Type: 'OCMW', Tags: 'GBO|Sociaal Huis' } });
    expect(byName.get('Buurtwerk De Brug')).toMatchObject({ type: 'ANDERE', notes: 'Buurtwerking in de Stationswijk', contact: { website: 'https://debrug.example' }, custom: { Type: 'Buurtwerk' } });
    const brug = byName.get('Buurtwerk De Brug')!.id;
    const fromBrug = data.agreements.filter((a) => a.parties.some((x) => x.actorId === brug));
    expect(fromBrug.map((a) => [a.title, a.parties.length, a.custom]).sort()).toEqual([
      ['Buurtwerk De Brug – Huurdersbond Voorbeeldstad', 2, { Type: 'Informeel', Direction: 'directed', Tags: 'Buurt', Strength: '1' }],
      ['Buurtwerk De Brug – Repair Café Voorbeeldstad', 2, { Type: 'Informeel', Direction: 'directed', Tags: 'Buurt', Strength: '1' }],
    ]);

    // The same export again (Kumu's workbook after more work in Kumu): nothing twice.
    const again = await call('exchange.preview', { path: KUMU, mapping });
    expect(again.plan!.summary.actors).toMatchObject({ create: 0, update: 0, unchanged: 5 });
    expect(again.plan!.summary.agreements).toMatchObject({ create: 0, update: 0, unchanged: 4 });
  });

  it('its JSON blueprint too: recognised by its content, ends named by id or label, the same map as from its workbook', async () => {
    const { dir, file, call, session: s } = await demoSession();
    const json = path.resolve('test/fixtures/other-tools/kaart-kumu.json');
    const p = await call('exchange.preview', { path: json });
    expect(p.format).toBe('kumu');
    expect(p.sheets!.map((s) => [s.name, s.kind])).toEqual([
      ['knopen', 'actors'],
      ['verbindingen', 'agreements'],
    ]);
    expect(p.sheets![0].columns).toMatchObject({ Naam: 'name', type: 'type', description: 'notes', tags: 'custom', Website: 'website', 'KBO-nummer': 'kbo', Vrijwilligers: 'custom' });
    const mapping = mappingOf(p, { knopen: { type: 'custom' }, verbindingen: { type: 'custom' } });
    const q = await call('exchange.preview', { path: json, mapping });
    expect(q.problems).toEqual([]);
    expect(q.plan!.summary.actors).toEqual({ create: 4, update: 1, unchanged: 0, problem: 0 });
    expect(q.plan!.summary.agreements).toEqual({ create: 4, update: 0, unchanged: 0, problem: 0 });
    await call('exchange.import', { path: json, into: 'current', mapping });
    const data = s.current().snapshot();
    const ocmw = data.actors.find((a) => a.id === 'A02')!;
    // "from": "ocmw" is the element with that id: the demo's OCMW, matched by its KBO number.
    expect(ocmw).toMatchObject({ name: 'OCMW Voorbeeldstad', custom: { type: 'OCMW', tags: 'GBO|Sociaal Huis' } });
    const names = new Map(data.actors.map((a) => [a.id, a.name]));
    const onthaal = data.agreements.find((a) => a.title === 'Onthaal in het Sociaal Huis')!;
    expect(onthaal.parties.map((x) => names.get(x.actorId))).toEqual(['OCMW Voorbeeldstad', 'CAW Voorbeeldregio']);
    expect(onthaal.custom).toEqual({ type: 'Samenwerking', direction: 'mutual', tags: 'GBO', strength: '3' });
    expect(data.agreements.filter((a) => a.title.startsWith('Buurtwerk De Brug – '))).toHaveLength(2);
    s.close();
    session = null;

    // A broken blueprint on the command line: every place named, exit 1, the document byte for byte as it was.
    const broken = path.join(dir, 'kapot.json');
    fs.writeFileSync(broken, JSON.stringify({ elements: [{ label: 'A' }, { type: 'x' }], connections: [{ from: 'A', to: 'Z' }] }));
    const before = fs.readFileSync(file);
    const r = await cli('import', file, broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('elements[1]: het element heeft geen label.');
    expect(r.err).toContain('connections[0]: to "Z" is geen element van dit bestand (geen id of label).');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe("a list's own words for a type, through the preview as the dialog uses it", () => {
  it("Kumu's types are listed once each with their rows; one chosen is read so, and stays listed with its choice", async () => {
    const { call } = await demoSession();
    const p = await call('exchange.preview', { path: KUMU });
    const elements = p.sheets![0];
    expect(elements.values).toEqual([
      { field: 'type', column: 'Type', value: 'Buurtwerk', rows: 1, chosen: null, remembered: false },
      { field: 'type', column: 'Type', value: 'Burgerinitiatief', rows: 1, chosen: null, remembered: false },
    ]);
    expect(elements.valuesMore).toBeUndefined();
    const mapping = p.sheets!.map((s, i) => ({ sheet: s.name, kind: s.kind, columns: s.columns, fallbacks: s.fallbacks, ...(i === 0 ? { values: { type: { Buurtwerk: 'OPBOUWWERK' } } } : {}) }));
    const q = await call('exchange.preview', { path: KUMU, mapping });
    expect(q.sheets![0].values![0]).toEqual({ field: 'type', column: 'Type', value: 'Buurtwerk', rows: 1, chosen: 'OPBOUWWERK', remembered: false });
    expect(q.problems.filter((x) => x.where.startsWith('blad Elements'))).toEqual([{ where: 'blad Elements, rij 5, kolom "Type"', message: expect.stringContaining('"Burgerinitiatief"') }]);
  });

  it('a column of free text mapped to a code field lists a hundred of its values and says how many more, asking whether it is the right column', async () => {
    const { call, dir } = await demoSession();
    const csv = path.join(dir, 'opmerkingen.csv');
    fs.writeFileSync(csv, ['Naam;Type', ...Array.from({ length: 150 }, (_, i) => `Vereniging ${i};gesprek op ${i} mei`)].join('\n'));
    const p = await call('exchange.preview', { path: csv });
    expect([p.sheets![0].values!.length, p.sheets![0].valuesMore]).toEqual([100, 50]);
  });
});
