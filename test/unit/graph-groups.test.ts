import { describe, expect, it } from 'vitest';
import { readGexf, readGraphml, splitLayer } from '../../shared/exchange/graph';
import { kindInName } from '../../shared/exchange/graphLayer';
import { DEFAULT_VOCAB } from '../../shared/vocab';

const graphml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="d0" for="node" attr.name="name"/>\n<graph id="G" edgedefault="directed">\n${body}\n</graph>\n</graphml>\n`;
const node = (id: string, inner = '') => `<node id="${id}"><data key="d0">${id.toUpperCase()}</data>${inner}</node>`;

describe('group nodes of a graph file', () => {
  const g = readGraphml(
    't.graphml',
    graphml(
      [
        node('g', `<graph id="g:">${node('g::a')}${node('g::b')}${node('g::h', `<graph id="g::h:">${node('g::h::c')}</graph>`)}</graph>`),
        node('d'),
        // From the group to a node outside it, and from a node inside to its own group (drawn and inside: once).
        '<edge source="g" target="d"/>',
        '<edge source="g::a" target="g"/>',
        '<edge source="g::a" target="g::b"/>',
      ].join('\n'),
    ),
  );

  it('records the node each node is drawn inside', () => {
    expect(Object.fromEntries(g.nodes.map((n) => [n.id, n.parent]))).toEqual({ g: null, 'g::a': 'g', 'g::b': 'g', 'g::h': 'g', 'g::h::c': 'g::h', d: null });
  });

  it('as partnerships: each group a hub, its members the nodes directly inside it and the nodes with an edge to it', () => {
    const { graph, layer } = splitLayer(g, 'partnerships');
    expect(graph.nodes.map((n) => n.id)).toEqual(['g::a', 'g::b', 'g::h::c', 'd']);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['g::a>g::b']);
    expect(layer!.hubs.map((n) => n.id)).toEqual(['g', 'g::h']);
    // The edge from the group is turned round (a membership starts at its actor); none twice; the inner group's
    // node is a member of the inner group only.
    expect(layer!.members.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['d>g', 'g::a>g', 'g::b>g', 'g::h::c>g::h']);
  });

  it('as actors: the graph as it was drawn, no partnerships', () => {
    const { graph, layer } = splitLayer(g, 'actors');
    expect(layer).toBeNull();
    expect(graph.nodes).toHaveLength(6);
    expect(graph.edges).toHaveLength(3);
  });

  it('a yEd group with nothing drawn in it yet is a group too; an edge between two groups is left out and counted', () => {
    const y = readGraphml('y.graphml', graphml([node('g', ''), node('h', `<graph id="h:">${node('h::a')}</graph>`), '<edge source="g" target="h"/>', '<edge source="h::a" target="g"/>'].join('\n')).replace('<node id="g">', '<node id="g" yfiles.foldertype="group">'));
    const { graph, layer } = splitLayer(y);
    expect(layer!.hubs.map((n) => n.id)).toEqual(['g', 'h']);
    expect(layer!.members.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['h::a>g', 'h::a>h']);
    expect(layer!.groupEdges).toEqual({ count: 1, as: 'partnerships' });
    expect(graph.edges).toEqual([]);
  });

  it('not read at all: the groups and every edge to them left out (counted), the nodes inside them kept', () => {
    const { graph, layer } = splitLayer(g, 'ignore');
    expect(graph.nodes.map((n) => n.id)).toEqual(['g::a', 'g::b', 'g::h::c', 'd']);
    expect(graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['g::a>g::b']);
    expect(layer).toMatchObject({ hubs: [], members: [], groupEdges: { count: 2, as: 'ignore' } });
  });

  it('GEXF: nodes inside a node, and a node naming its parent by pid', () => {
    const x = readGexf(
      't.gexf',
      '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.2" version="1.2"><graph><nodes><node id="p" label="P"><nodes><node id="a" label="A"/></nodes></node><node id="b" label="B" pid="p"/></nodes></graph></gexf>',
    );
    expect(Object.fromEntries(x.nodes.map((n) => [n.id, n.parent]))).toEqual({ p: null, a: 'p', b: 'p' });
    expect(splitLayer(x).layer!.members.map((e) => e.source)).toEqual(['a', 'b']);
  });
});

describe('kindInName', () => {
  const kinds = DEFAULT_VOCAB.partnershipKind;
  it.each([
    ['GBO Voorbeeldstad', 'GBO'],
    ['Overleg Huis van het Kind', 'HVK'],
    ['Huis van het kind Noord', 'HVK'],
    ['Zorgraad ELZ Regio X', 'ZORGRAAD'],
    ['Lokaal woonoverleg', 'LOKAAL_WOONOVERLEG'],
    ['Werkgroep opvoedingsondersteuning', null],
    // Part of a word is not the word; two kinds named is no kind.
    ['Gbomber', null],
    ['GBO en zorgraad', null],
  ])('%s → %s', (name, code) => {
    expect(kindInName(name, kinds)).toBe(code);
  });
});
