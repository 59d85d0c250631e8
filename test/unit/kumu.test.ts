import { describe, expect, it } from 'vitest';
import { isKumuBlueprint, readKumu } from '../../shared/exchange/kumu';
import { ImportError } from '../../shared/exchange/problems';

const read = (v: unknown) => readKumu('k.json', JSON.stringify(v));
const problems = (v: unknown) => {
  try {
    read(v);
  } catch (err) {
    if (err instanceof ImportError) return err.problems;
    throw err;
  }
  return [];
};

describe('Kumu blueprints', () => {
  it('are told from a Regiekaart document and a Sociale Kaart extract', () => {
    expect(isKumuBlueprint({ elements: [], connections: [] })).toBe(true);
    expect(isKumuBlueprint({ elements: [{ label: 'A' }] })).toBe(true);
    expect(isKumuBlueprint({ format: 'regiekaart', actors: [], elements: [] })).toBe(false);
    expect(isKumuBlueprint({ content: [{ legalName: {} }] })).toBe(false);
    expect(isKumuBlueprint([{ label: 'A' }])).toBe(false);
  });

  it('elements are nodes named by label (id, else label), their fields as text; connections name ends by id or label, a list of ends one edge each', () => {
    const g = read({
      elements: [{ id: 'e1', label: 'A', type: 'Org', tags: ['x', 'y'], n: 3, nested: { a: 1 } }, { label: 'B' }, { _id: 'k3', attributes: { label: 'C', 'element type': 'Dienst' } }],
      connections: [{ from: 'e1', to: ['B', 'k3'], label: 'Samen', direction: 'mutual' }],
    });
    expect(g.nodes.map((n) => [n.id, n.label, n.attrs])).toEqual([
      ['e1', 'A', { type: 'Org', tags: 'x|y', n: '3' }],
      ['B', 'B', {}],
      ['k3', 'C', { type: 'Dienst' }],
    ]);
    expect(g.edges.map((e) => [e.source, e.target, e.label, e.attrs])).toEqual([
      ['e1', 'B', 'Samen', { direction: 'mutual' }],
      ['e1', 'k3', 'Samen', { direction: 'mutual' }],
    ]);
  });

  it('a broken one names each place: an element without a label, an id twice, an end that is no element or fits two', () => {
    expect(
      problems({
        elements: [{ label: 'A' }, { type: 'x' }, { id: 'A', label: 'Nog een A' }, { label: 'D' }, { label: 'D' }],
        connections: [{ from: 'A', to: 'Z' }, { from: 'D', to: 'A' }, { from: 'A' }],
      }),
    ).toEqual([
      { where: 'elements[1]', message: 'het element heeft geen label.' },
      { where: 'elements[2]', message: 'het id "A" komt twee keer voor (ook elements[0]).' },
      { where: 'elements[4]', message: 'het label "D" komt twee keer voor (ook elements[3]); geef elk een id.' },
      { where: 'connections[0]', message: 'to "Z" is geen element van dit bestand (geen id of label).' },
      { where: 'connections[2]', message: 'een connection heeft een "from" en een "to".' },
    ]);
    expect(problems({ elements: 'geen lijst' })).toEqual([{ where: '', message: 'dit is geen Kumu-blueprint: er is geen lijst "elements".' }]);
  });
});
