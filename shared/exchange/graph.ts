import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { mergedSources, originLabel, type NetworkData, type Position } from '../model';
import { partnershipNodeId } from '../graph/elements';
import { formatKbo } from '../util/kbo';
import { vocabLabel, type VocabEntry, type VocabKind } from '../vocab';
import type { RawSheet } from './csv';
import type { GroupsAs } from './fields';
import { ImportError, type ImportProblem } from './problems';

/** A graph as GraphML and GEXF both hold it: nodes and edges with text attributes, and node positions. */
export interface Graph {
  /** `parent`: the node it is drawn inside (a yEd group, a node of a hierarchical GEXF), or null. */
  nodes: { id: string; label: string | null; attrs: Record<string, string>; x: number | null; y: number | null; line: number; parent: string | null; group?: true }[];
  edges: { id: string | null; source: string; target: string; label: string | null; attrs: Record<string, string>; line: number }[];
  /** Written by Regiekaart: node ids are actor ids, and edges with the same agreementId are one agreement. */
  ours: boolean;
}

/**
 * Refuses what XML can do to a reader before any parser sees it: a DOCTYPE (external entities, XXE) or an entity
 * declaration (expansion bombs). GraphML and GEXF need neither.
 */
export function assertSafeXml(file: string, text: string): void {
  const m = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (m) {
    const line = text.slice(0, m.index).split('\n').length;
    throw new ImportError(file, [{ where: `regel ${line}`, message: `een <!${m[1].toUpperCase()}> is niet toegelaten (het kan bestanden of netwerkadressen laten lezen); GraphML en GEXF hebben het niet nodig.` }]);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportError(file, [{ where: `regel ${valid.err.line}, kolom ${valid.err.col}`, message: `geen geldige XML (${valid.err.msg}).` }]);
}

type X = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['node', 'edge', 'data', 'key', 'attvalue', 'attribute', 'attributes', 'graph'].includes(name),
});
/** Parses XML that passed `assertSafeXml`; what its validator lets through but the parser cannot read ("<A/") is refused too. */
function parseXml(file: string, text: string): X {
  try {
    return parser.parse(text) as X;
  } catch (err) {
    throw new ImportError(file, [{ where: '', message: `geen geldige XML (${(err as Error).message}).` }]);
  }
}
const list = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v ? [v as X] : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? String((v as X)['#text'] ?? '') : String(v)).trim();

/** The lines of the <node> and <edge> elements with an id, in document order (for problems "with their line"). */
function elementLines(text: string, tag: 'node' | 'edge'): number[] {
  const lines: number[] = [];
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b`, 'g');
  let line = 1;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/** The first value of a key anywhere below an object (yEd nests its label in y:ShapeNode, y:GenericNode, …). */
function findDeep(obj: unknown, key: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined;
  if (key in (obj as X)) return (obj as X)[key];
  for (const v of Object.values(obj as X)) {
    const found = findDeep(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Reads GraphML (yEd, Gephi, Cytoscape, networkx): attributes by their attr.name, yEd's labels and positions too. */
export function readGraphml(file: string, text: string): Graph {
  assertSafeXml(file, text);
  const doc = parseXml(file, text);
  const root = doc.graphml as X | undefined;
  if (!root) throw new ImportError(file, [{ where: '', message: 'dit is geen GraphML-bestand (geen <graphml>).' }]);
  // A key is for nodes, edges, the graph or all, and one id may name a node key and an edge key. Cytoscape desktop
  // declares its edge columns as node keys too: an element's data reads a key of its kind first, then any key of
  // that id. A key's <default> is the value of every element of its kind without that data.
  type Key = { name: string; yfiles: string | null; default: string; scope: string };
  const byScope = new Map<string, Key>();
  const byId = new Map<string, Key>();
  for (const k of list(root.key)) {
    const key = { name: str(k['@attr.name']) || str(k['@id']), yfiles: str(k['@yfiles.type']) || null, default: str(k.default), scope: str(k['@for']) || 'all' };
    byScope.set(`${key.scope} ${str(k['@id'])}`, key);
    byId.set(str(k['@id']), key);
  }
  const keyOf = (kind: 'node' | 'edge', id: string) => byScope.get(`${kind} ${id}`) ?? byScope.get(`all ${id}`) ?? byId.get(id);
  const defaults = (kind: 'node' | 'edge') => Object.fromEntries([...byScope.values()].filter((k) => (k.scope === kind || k.scope === 'all') && !k.yfiles && k.default).map((k) => [k.name, k.default]));
  const nodeDefaults = defaults('node');
  const edgeDefaults = defaults('edge');
  const nodeLines = elementLines(text, 'node');
  const edgeLines = elementLines(text, 'edge');
  const graph: Graph = { nodes: [], edges: [], ours: str(root['@regiekaart']) !== '' || list(root.key).some((k) => str(k['@attr.name']) === 'regiekaart:agreementId') };
  const readData = (el: X, kind: 'node' | 'edge') => {
    const attrs: Record<string, string> = { ...(kind === 'node' ? nodeDefaults : edgeDefaults) };
    let label: string | null = null;
    let x: number | null = null;
    let y: number | null = null;
    for (const d of list(el.data)) {
      const key = keyOf(kind, str(d['@key']));
      if (!key) continue;
      if (key.yfiles) {
        const l = findDeep(d, 'NodeLabel') ?? findDeep(d, 'EdgeLabel');
        if (l !== undefined) label = str(Array.isArray(l) ? l[0] : l) || label;
        // yEd places a node by its top left corner; the map, by its centre.
        const geo = findDeep(d, 'Geometry') as X | undefined;
        if (geo && geo['@x'] !== undefined) [x, y] = [Number(geo['@x']) + (Number(geo['@width']) || 0) / 2, Number(geo['@y']) + (Number(geo['@height']) || 0) / 2];
        continue;
      }
      // An empty value given on the element itself stands, rather than its key's default.
      const value = str(d);
      if (value) attrs[key.name] = value;
      else delete attrs[key.name];
    }
    return { attrs, label, x, y };
  };
  const walk = (g: X, parent: string | null) => {
    for (const n of list(g.node)) {
      const { attrs, label, x, y } = readData(n, 'node');
      const ax = attrs.x !== undefined ? Number(attrs.x) : x;
      const ay = attrs.y !== undefined ? Number(attrs.y) : y;
      delete attrs.x;
      delete attrs.y;
      const id = str(n['@id']);
      // yEd marks a group (open or closed as a folder) as such, also when nothing is drawn inside it yet.
      const group = /^(group|folder)$/.test(str(n['@yfiles.foldertype'])) ? { group: true as const } : {};
      graph.nodes.push({ id, label, attrs, x: Number.isFinite(ax) ? ax : null, y: Number.isFinite(ay) ? ay : null, line: nodeLines[graph.nodes.length] ?? 0, parent, ...group });
      // yEd groups: the nodes inside a group node are nodes of the map too.
      for (const inner of list(n.graph)) walk(inner, id);
    }
    for (const e of list(g.edge)) {
      const { attrs, label } = readData(e, 'edge');
      graph.edges.push({ id: str(e['@id']) || null, source: str(e['@source']), target: str(e['@target']), label, attrs, line: edgeLines[graph.edges.length] ?? 0 });
    }
  };
  for (const g of list(root.graph)) walk(g, null);
  return graph;
}

/** Reads GEXF (Gephi, networkx): attributes by their title, label and viz:position. */
export function readGexf(file: string, text: string): Graph {
  assertSafeXml(file, text);
  const doc = parseXml(file, text);
  const root = doc.gexf as X | undefined;
  const g = list(root?.graph)[0];
  if (!root || !g) throw new ImportError(file, [{ where: '', message: 'dit is geen GEXF-bestand (geen <gexf> met een <graph>).' }]);
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  // An attribute's <default> is the value of every node (or edge) without an attvalue for it.
  const defaults: Record<'node' | 'edge', Record<string, string>> = { node: {}, edge: {} };
  for (const block of list(g.attributes)) {
    const cls = str(block['@class']) === 'edge' ? 'edge' : 'node';
    for (const a of list(block.attribute)) {
      const title = str(a['@title']) || str(a['@id']);
      titles[cls].set(str(a['@id']), title);
      if (str(a.default)) defaults[cls][title] = str(a.default);
    }
  }
  const values = (el: X, cls: 'node' | 'edge') => {
    const attrs: Record<string, string> = { ...defaults[cls] };
    for (const v of list((el.attvalues as X | undefined)?.attvalue)) {
      const value = str(v['@value']);
      const title = titles[cls].get(str(v['@for'])) ?? str(v['@for']);
      if (value) attrs[title] = value;
      else delete attrs[title];
    }
    return attrs;
  };
  const nodeLines = elementLines(text, 'node');
  const edgeLines = elementLines(text, 'edge');
  const graph: Graph = { nodes: [], edges: [], ours: [...titles.edge.values()].includes('regiekaart:agreementId') };
  // GEXF's hierarchy: a node may hold <nodes> (and <edges>) of its own; those are nodes of the map too. Read in
  // document order, as their lines are counted.
  const nested: X[] = [];
  const walk = (container: X | undefined, parent: string | null) => {
    for (const node of list(container?.node)) {
      const pos = node.position as X | undefined;
      const id = str(node['@id']);
      graph.nodes.push({
        id,
        label: str(node['@label']) || null,
        attrs: values(node, 'node'),
        x: pos ? Number(pos['@x']) : null,
        y: pos ? -Number(pos['@y']) : null,
        line: nodeLines[graph.nodes.length] ?? 0,
        // GEXF 1.2 also names a node's parent by its pid attribute.
        parent: parent ?? (str(node['@pid']) || null),
      });
      walk(node.nodes as X | undefined, id);
      nested.push(...list((node.edges as X | undefined)?.edge));
    }
  };
  walk(g.nodes as X | undefined, null);
  {
    for (const edge of [...nested, ...list((g.edges as X | undefined)?.edge)]) {
      const attrs = values(edge, 'edge');
      // GEXF's own "type" is directed/undirected/mutual; some writers (networkx) put an attribute called type there.
      const type = str(edge['@type']);
      if (type && !['directed', 'undirected', 'mutual'].includes(type)) attrs.type ??= type;
      const weight = str(edge['@weight']);
      if (weight) attrs.weight ??= weight;
      graph.edges.push({ id: str(edge['@id']) || null, source: str(edge['@source']), target: str(edge['@target']), label: str(edge['@label']) || null, attrs, line: edgeLines[graph.edges.length] ?? 0 });
    }
  }
  return graph;
}

/** Duplicate node ids and edges whose ends are no node, each with its line. */
export function graphProblems(graph: Graph): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const n of graph.nodes) {
    if (!n.id) problems.push({ where: `regel ${n.line}`, message: 'een knoop zonder id.' });
    else if (seen.has(n.id)) problems.push({ where: `regel ${n.line}`, message: `knoop-id "${n.id}" komt twee keer voor (ook op regel ${seen.get(n.id)}).` });
    else seen.set(n.id, n.line);
  }
  for (const e of graph.edges) {
    for (const [end, id] of [['de bron', e.source], ['het doel', e.target]] as const) {
      if (!seen.has(id)) problems.push({ where: `regel ${e.line}`, message: `${end} van verbinding ${e.id ?? ''}`.replace(/ $/, '') + ` ("${id}") is geen knoop in het bestand.` });
    }
  }
  return problems;
}

/**
 * What our own export adds to a graph besides actors and agreements (`GRAPH_KINDS`): partnerships without an actor of
 * their own as nodes, memberships as edges from the member to its partnership (or to the partnership's own actor).
 * The spreadsheet planner reads the actors and agreements; `planGraphLayer` reads these.
 */
export interface GraphLayer {
  hubs: Graph['nodes'];
  /** Actors' nodes that carry the partnership they are the own actor of (`OWN_PARTNERSHIP`); they are actors too. */
  owned: Graph['nodes'];
  members: Graph['edges'];
  /** Written by Regiekaart: a hub's id is `partnership:<id>`, a membership's `member:<id>`. */
  ours: boolean;
  /**
   * Edges left out with the groups: from one group to another (a partnership is not a member of a partnership),
   * or, when the groups are not read at all, every edge to a group.
   */
  groupEdges: { count: number; as: GroupsAs };
}

/** The ids of the group nodes: yEd's groups, and the nodes other nodes are drawn inside. */
export const groupIds = (graph: Graph): Set<string> => new Set(graph.nodes.flatMap((n) => (n.group ? [n.id] : n.parent ? [n.parent] : [])));

/**
 * The graph split in its actors and agreements, and its partnerships and memberships (null when it has none): our
 * export's hubs and member edges, and, as `groups` says, each group node a partnership whose members are the nodes
 * drawn directly inside it and the nodes with an edge to it (a group inside a group is a partnership of its own);
 * or an actor like any node; or nothing, with the edges to it (a group that only orders the drawing, by sector…).
 */
export function splitLayer(whole: Graph, groups: GroupsAs = 'partnerships'): { graph: Graph; layer: GraphLayer | null } {
  const grouped = groupIds(whole);
  const toGroup = (e: Graph['edges'][number]) => grouped.has(e.source) || grouped.has(e.target);
  const ignored = groups === 'ignore' ? whole.edges.filter(toGroup).length : 0;
  const graph = groups === 'ignore' && grouped.size ? { ...whole, nodes: whole.nodes.filter((n) => !grouped.has(n.id)), edges: whole.edges.filter((e) => !toGroup(e)) } : whole;
  const grouping = groups === 'partnerships' ? grouped : new Set<string>();
  const hubs = graph.nodes.filter((n) => n.attrs[GRAPH_COLUMNS.kind] === GRAPH_KINDS.partnership || grouping.has(n.id));
  const hubIds = new Set(hubs.map((n) => n.id));
  const isMember = (e: Graph['edges'][number]) => e.attrs[GRAPH_COLUMNS.kind] === GRAPH_KINDS.member || hubIds.has(e.source) || hubIds.has(e.target);
  const betweenGroups = (e: Graph['edges'][number]) => grouping.has(e.source) && grouping.has(e.target);
  // An edge drawn from a group to a node inside or outside it says the same as one the other way.
  const edges = graph.edges.filter((e) => isMember(e) && !betweenGroups(e)).map((e) => (grouping.has(e.source) && !hubIds.has(e.target) ? { ...e, source: e.target, target: e.source } : e));
  const drawn = new Set(edges.map((e) => `${e.source}|${e.target}`));
  const nameOf = new Map(graph.nodes.map((n) => [n.id, n.label || n.attrs.name || n.id]));
  const inGroup = graph.nodes
    .filter((n) => n.parent !== null && grouping.has(n.parent) && !hubIds.has(n.id) && !drawn.has(`${n.id}|${n.parent}`))
    .map((n) => ({ id: null, source: n.id, target: n.parent!, label: `${nameOf.get(n.id)} in ${nameOf.get(n.parent!)}`, attrs: { [GRAPH_COLUMNS.kind]: GRAPH_KINDS.member }, line: n.line }));
  const members = [...edges, ...inGroup];
  const owned = graph.nodes.filter((n) => !hubIds.has(n.id) && n.attrs[OWN_PARTNERSHIP.name]?.trim());
  const left = ignored || graph.edges.filter(betweenGroups).length;
  if (!hubs.length && !members.length && !owned.length && !left) return { graph, layer: null };
  return {
    graph: { ...graph, nodes: graph.nodes.filter((n) => !hubIds.has(n.id)), edges: graph.edges.filter((e) => !isMember(e)) },
    layer: { hubs, owned, members, ours: graph.ours, groupEdges: { count: left, as: groups } },
  };
}

/** The columns Cytoscape desktop keeps for itself (ids, selection, copies of names shared between networks). */
const CYTOSCAPE_INTERNAL = new Set(['SUID', 'shared name', 'selected', 'shared interaction', '__Annotations']);

/**
 * The attributes our export gives the node of an actor that is a partnership's own actor (the GBO, the zorgraad): the
 * partnership has no node of its own there, so these carry it, and an import makes it again for that actor.
 */
export const OWN_PARTNERSHIP = {
  id: 'regiekaart:partnershipId',
  name: 'regiekaart:partnershipName',
  kind: 'regiekaart:partnershipKind',
  active: 'regiekaart:partnershipActive',
  notes: 'regiekaart:partnershipNotes',
  lead: 'regiekaart:partnershipLead',
  lifeDomains: 'regiekaart:partnershipLifeDomains',
  targetGroups: 'regiekaart:partnershipTargetGroups',
} as const;
const OWN_PARTNERSHIP_KEYS = new Set<string>(Object.values(OWN_PARTNERSHIP));

/** The attributes of a partnership's own node (a hub) for the same fields; its id is in the node's id. */
export const HUB_ATTRS: Record<keyof typeof OWN_PARTNERSHIP, string> = { id: '', name: 'name', kind: 'type', active: 'active', notes: 'notes', lead: 'lead', lifeDomains: 'lifeDomains', targetGroups: 'targetGroups' };

/** Column headers with a fixed meaning in the sheets a graph becomes. */
export const GRAPH_COLUMNS = { ref: 'Knoop-id', name: 'Naam', agreement: 'regiekaart:agreementId', kind: 'regiekaart:kind', source: 'Bron', target: 'Doel', title: 'Titel' } as const;

/**
 * A graph as two sheets for the spreadsheet importer: nodes (actors) and edges (agreements). Edges of one agreement
 * (our own multi-party export) become one row with all parties; an edge without a title is named after its ends.
 */
export function graphSheets(graph: Graph): { nodes: RawSheet; edges: RawSheet } {
  // Cytoscape desktop writes its bookkeeping columns too (it declares every table column): not data of ours.
  const cytoscape = graph.nodes.some((n) => 'SUID' in n.attrs);
  // The partnership an actor's node carries is read by `planGraphLayer`, not kept as custom fields of the actor.
  const kept = (k: string) => !(cytoscape && CYTOSCAPE_INTERNAL.has(k)) && !OWN_PARTNERSHIP_KEYS.has(k);
  const nodeKeys = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.attrs)))].filter((k) => k !== GRAPH_COLUMNS.name && kept(k));
  const nameAttr = nodeKeys.find((k) => ['name', 'naam', 'label'].includes(k.toLowerCase()));
  const nameOf = new Map(graph.nodes.map((n) => [n.id, (nameAttr ? n.attrs[nameAttr] : '') || n.label || n.id]));
  const nodes: RawSheet = {
    name: 'knopen',
    rows: [
      // Our own export's node ids are actor ids (Id); any file's node ids name the nodes for its edges (Knoop-id).
      [GRAPH_COLUMNS.ref, ...(graph.ours ? ['Id'] : []), GRAPH_COLUMNS.name, ...nodeKeys.filter((k) => k !== nameAttr)],
      ...graph.nodes.map((n) => [n.id, ...(graph.ours ? [n.id] : []), nameOf.get(n.id) ?? n.id, ...nodeKeys.filter((k) => k !== nameAttr).map((k) => n.attrs[k] ?? '')]),
    ],
  };
  const edgeKeys = [...new Set(graph.edges.flatMap((e) => Object.keys(e.attrs)))].filter(
    (k) => !['label', 'title', 'titel', GRAPH_COLUMNS.agreement].includes(k.toLowerCase()) && k !== GRAPH_COLUMNS.agreement && kept(k) && !(cytoscape && k === 'name'),
  );
  // Cytoscape names an edge "source (interaction) target" unless someone renamed it: only a new name is a title.
  const cytoscapeTitle = (e: Graph['edges'][number]) => (cytoscape && e.attrs.name && e.attrs.name !== `${nameOf.get(e.source)} (${e.attrs.interaction ?? ''}) ${nameOf.get(e.target)}` ? e.attrs.name : '');
  const titleOf = (e: Graph['edges'][number]) => e.attrs.title || e.attrs.titel || e.attrs.label || e.label || cytoscapeTitle(e) || `${nameOf.get(e.source) ?? e.source} – ${nameOf.get(e.target) ?? e.target}`;
  // One row per agreement: our export writes a multi-party agreement as edges from its first party to each other.
  const rows = new Map<string, { parties: string[]; edge: Graph['edges'][number] }>();
  graph.edges.forEach((e, i) => {
    const key = (graph.ours && e.attrs[GRAPH_COLUMNS.agreement]) || `#${i}`;
    const row = rows.get(key);
    if (row) {
      if (!row.parties.includes(e.target)) row.parties.push(e.target);
    } else rows.set(key, { parties: [e.source, e.target], edge: e });
  });
  const edges: RawSheet = {
    name: 'verbindingen',
    rows: [
      [GRAPH_COLUMNS.title, GRAPH_COLUMNS.source, GRAPH_COLUMNS.target, ...(graph.ours ? ['Id'] : []), ...edgeKeys],
      ...[...rows.entries()].map(([key, { parties, edge }]) => [
        titleOf(edge),
        parties[0],
        parties.slice(1).join('; '),
        ...(graph.ours ? [key.startsWith('#') ? '' : key] : []),
        ...edgeKeys.map((k) => edge.attrs[k] ?? ''),
      ]),
    ],
  };
  return { nodes, edges };
}

/** A node or an edge as an export writes it: its attributes by name (an empty one is left out). */
interface ExportNode {
  id: string;
  name: string;
  color: string;
  values: Record<string, string>;
}
interface ExportEdge {
  id: string;
  source: string;
  target: string;
  title: string;
  values: Record<string, string>;
}

/** What a node or an edge of ours that is no actor or agreement is (`GRAPH_COLUMNS.kind`): a partnership, a membership. */
export const GRAPH_KINDS = { partnership: 'samenwerkingsverband', member: 'lidmaatschap' } as const;
/** The attributes of a membership edge besides its title and kind (the role as its Dutch label). */
export const MEMBER_ATTRS = ['role', 'cluster', 'since', 'until'] as const;

/**
 * The nodes and edges of an export, with their attributes in order (labels in Dutch, as in the spreadsheets), as the
 * map draws them: every actor a node and every agreement an edge (one with more than two parties a star from its
 * first party, its edges sharing `regiekaart:agreementId`: GraphML and GEXF edges have two ends); a partnership
 * without an actor of its own a node too, and each membership not already an agreement an edge from the member to
 * its partnership (or to the partnership's own actor).
 */
function exportRows(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>): { nodeKeys: string[]; edgeKeys: string[]; nodes: ExportNode[]; edges: ExportEdge[] } {
  const label = (k: VocabKind, c: string | null) => (c ? vocabLabel(vocab, k, c, 'nl') : '');
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  type Actor = NetworkData['actors'][number];
  type Agreement = NetworkData['agreements'][number];
  const actorAttrs: [string, (a: Actor) => string][] = [
    ['name', (a) => a.name],
    ['aliases', (a) => a.aliases.join('; ')],
    ['type', (a) => label('actorType', a.type)],
    ['sectors', (a) => a.sectors.map((s) => label('sector', s)).join('; ')],
    ['legalForm', (a) => label('legalForm', a.legalForm)],
    ['level', (a) => label('level', a.level)],
    ['kbo', (a) => (a.kbo ? formatKbo(a.kbo) : '')],
    ['socialeKaartId', (a) => a.socialeKaartId ?? ''],
    ['email', (a) => a.contact.email ?? ''],
    ['phone', (a) => a.contact.phone ?? ''],
    ['website', (a) => a.contact.website ?? ''],
    ['address', (a) => a.contact.address ?? ''],
    ['active', (a) => (a.active ? 'ja' : 'nee')],
    ['notes', (a) => a.notes ?? ''],
  ];
  // A merged map says which map each actor is in, so Gephi can colour by municipality.
  if (mergedSources(data.actors).length) actorAttrs.push(['origin', (a) => originLabel(a, data.meta.municipality || data.meta.title)]);
  const customNode = [...new Set(data.actors.flatMap((a) => Object.keys(a.custom)))].sort().filter((k) => !actorAttrs.some(([n]) => n === k));
  const agreementAttrs: [string, (a: Agreement) => string][] = [
    [GRAPH_COLUMNS.agreement, (a) => a.id],
    ['title', (a) => a.title],
    ['type', (a) => label('agreementType', a.type)],
    ['status', (a) => label('agreementStatus', a.status)],
    ['startDate', (a) => a.startDate ?? ''],
    ['endDate', (a) => a.endDate ?? ''],
    ['reviewDate', (a) => a.reviewDate ?? ''],
    ['lifeDomains', (a) => a.lifeDomains.map((c) => label('lifeDomain', c)).join('; ')],
    ['targetGroups', (a) => a.targetGroups.map((c) => label('targetGroup', c)).join('; ')],
    ['notes', (a) => a.notes ?? ''],
  ];
  const customEdge = [...new Set(data.agreements.flatMap((a) => Object.keys(a.custom)))].sort().filter((k) => !agreementAttrs.some(([n]) => n === k));
  const sectorColor = (a: Actor) => String(vocab.sector.find((s) => s.code === a.sectors[0])?.props?.color ?? '#999999');

  const hubs = data.partnerships.filter((p) => !p.actorId);
  const partnershipOf = new Map(data.partnerships.map((p) => [p.id, p]));
  const memberships = data.members.filter((m) => !m.agreementId && partnershipOf.has(m.partnershipId));
  // A partnership with an actor of its own is that actor's node: its fields go with the node (the first, should an
  // actor have several).
  type Partnership = NetworkData['partnerships'][number];
  const ownedBy = new Map<string, Partnership>();
  for (const p of data.partnerships) if (p.actorId && !ownedBy.has(p.actorId)) ownedBy.set(p.actorId, p);
  /** A partnership's fields, under the attribute names `names` gives them (a hub's own, or those of its actor's node). */
  const partnershipValues = (p: Partnership, names: Record<keyof typeof OWN_PARTNERSHIP, string>): Record<string, string> => {
    const values: Record<keyof typeof OWN_PARTNERSHIP, string> = {
      id: p.id,
      name: p.name,
      kind: label('partnershipKind', p.kind),
      active: p.active ? 'ja' : 'nee',
      notes: p.notes ?? '',
      lead: p.leadActorId ?? '',
      lifeDomains: p.lifeDomains.map((c) => label('lifeDomain', c)).join('; '),
      targetGroups: p.targetGroups.map((c) => label('targetGroup', c)).join('; '),
    };
    return Object.fromEntries(Object.entries(values).filter(([k]) => names[k as keyof typeof OWN_PARTNERSHIP]).map(([k, v]) => [names[k as keyof typeof OWN_PARTNERSHIP], v]));
  };
  const ownedValues = (a: Actor): Record<string, string> => {
    const p = ownedBy.get(a.id);
    return p ? partnershipValues(p, OWN_PARTNERSHIP) : {};
  };
  const hubKeys = Object.values(HUB_ATTRS).filter((k) => k && !actorAttrs.some(([n]) => n === k));
  const nodeKeys = [...actorAttrs.map(([n]) => n), ...customNode, ...(hubs.length ? [...hubKeys, GRAPH_COLUMNS.kind] : []), ...(ownedBy.size ? Object.values(OWN_PARTNERSHIP) : [])];
  const edgeKeys = [...agreementAttrs.map(([n]) => n), ...customEdge, ...(memberships.length ? [GRAPH_COLUMNS.kind, ...MEMBER_ATTRS] : [])];
  const nodes: ExportNode[] = [
    ...data.actors.map((a) => ({
      id: a.id,
      name: a.name,
      color: sectorColor(a),
      values: { ...Object.fromEntries([...actorAttrs.map(([n, f]) => [n, f(a)]), ...customNode.map((k) => [k, text(a.custom[k])])]), ...ownedValues(a) },
    })),
    ...hubs.map((p) => ({
      id: partnershipNodeId(p),
      name: p.name,
      color: '#ffffff',
      values: { ...partnershipValues(p, HUB_ATTRS), [GRAPH_COLUMNS.kind]: GRAPH_KINDS.partnership },
    })),
  ];
  const edges: ExportEdge[] = [
    ...data.agreements.flatMap((a) => {
      const values = Object.fromEntries([...agreementAttrs.map(([n, f]) => [n, f(a)]), ...customEdge.map((k) => [k, text(a.custom[k])])]);
      return a.parties.slice(1).map((p, i) => ({ id: a.parties.length > 2 ? `${a.id}#${i + 1}` : a.id, source: a.parties[0].actorId, target: p.actorId, title: a.title, values }));
    }),
    ...memberships.map((m) => {
      const partnership = partnershipOf.get(m.partnershipId)!;
      const title = `${label('partyRole', m.role) || 'Lid'} van ${partnership.name}`;
      return { id: `member:${m.id}`, source: m.actorId, target: partnershipNodeId(partnership), title, values: { title, [GRAPH_COLUMNS.kind]: GRAPH_KINDS.member, role: label('partyRole', m.role), cluster: m.cluster ?? '', since: m.since ?? '', until: m.until ?? '' } };
    }),
  ];
  return { nodeKeys, edgeKeys, nodes, edges };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true, processEntities: true });
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16) || 0);

/**
 * The size our GraphML gives a node in yEd, whose geometry names the top left corner (the map's positions are centres).
 * A node the map has not placed yet gets no corner: not all on one spot, but placed by whoever reads the file.
 */
const YED_NODE = { width: 160, height: 30 };

/** The network as GraphML: attributes with names Gephi and Cytoscape read, and yEd's graphics (label, position, colour). */
export function writeGraphml(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, positions: readonly Position[]): string {
  const { nodeKeys, edgeKeys, nodes, edges } = exportRows(data, vocab);
  const at = new Map(positions.map((p) => [p.nodeId, p]));
  const keys = [
    ...nodeKeys.map((n, i) => ({ '@id': `n${i}`, '@for': 'node', '@attr.name': n, '@attr.type': 'string' })),
    { '@id': 'nx', '@for': 'node', '@attr.name': 'x', '@attr.type': 'double' },
    { '@id': 'ny', '@for': 'node', '@attr.name': 'y', '@attr.type': 'double' },
    { '@id': 'ng', '@for': 'node', '@yfiles.type': 'nodegraphics' },
    ...edgeKeys.map((n, i) => ({ '@id': `e${i}`, '@for': 'edge', '@attr.name': n, '@attr.type': 'string' })),
    { '@id': 'eg', '@for': 'edge', '@yfiles.type': 'edgegraphics' },
  ];
  const dataOf = (names: string[], prefix: string, values: Record<string, string>) =>
    names.flatMap((n, i) => (values[n] ? [{ '@key': `${prefix}${i}`, '#text': values[n] }] : []));
  const nodeEls = nodes.map((n) => {
    const p = at.get(n.id);
    const corner = p ? { '@x': String(p.x - YED_NODE.width / 2), '@y': String(p.y - YED_NODE.height / 2) } : {};
    return {
      '@id': n.id,
      data: [
        ...dataOf(nodeKeys, 'n', n.values),
        ...(p ? [{ '@key': 'nx', '#text': String(p.x) }, { '@key': 'ny', '#text': String(p.y) }] : []),
        { '@key': 'ng', 'y:ShapeNode': { 'y:Geometry': { ...corner, '@width': String(YED_NODE.width), '@height': String(YED_NODE.height) }, 'y:Fill': { '@color': n.color }, 'y:NodeLabel': { '#text': n.name } } },
      ],
    };
  });
  const edgeEls = edges.map((e) => ({
    '@id': e.id,
    '@source': e.source,
    '@target': e.target,
    data: [...dataOf(edgeKeys, 'e', e.values), { '@key': 'eg', 'y:PolyLineEdge': { 'y:EdgeLabel': { '#text': e.title } } }],
  }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    graphml: {
      '@xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@xmlns:y': 'http://www.yworks.com/xml/graphml',
      '@regiekaart': '1',
      key: keys,
      graph: { '@id': 'G', '@edgedefault': 'undirected', node: nodeEls, edge: edgeEls },
    },
  })}`;
}

/** The network as GEXF 1.3 (Gephi): attributes with titles, labels, viz:position and viz:color. */
export function writeGexf(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, positions: readonly Position[]): string {
  const { nodeKeys, edgeKeys, nodes, edges } = exportRows(data, vocab);
  const at = new Map(positions.map((p) => [p.nodeId, p]));
  // The name and the title are the label.
  const nodeTitles = nodeKeys.filter((n) => n !== 'name');
  const edgeTitles = edgeKeys.filter((n) => n !== 'title');
  const attvalues = (titles: string[], prefix: string, values: Record<string, string>) => ({
    attvalue: titles.flatMap((t, i) => (values[t] ? [{ '@for': `${prefix}${i}`, '@value': values[t] }] : [])),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    gexf: {
      '@xmlns': 'http://gexf.net/1.3',
      '@xmlns:viz': 'http://gexf.net/1.3/viz',
      '@version': '1.3',
      meta: { creator: 'Regiekaart' },
      graph: {
        '@defaultedgetype': 'undirected',
        '@mode': 'static',
        attributes: [
          { '@class': 'node', attribute: nodeTitles.map((t, i) => ({ '@id': `n${i}`, '@title': t, '@type': 'string' })) },
          { '@class': 'edge', attribute: edgeTitles.map((t, i) => ({ '@id': `e${i}`, '@title': t, '@type': 'string' })) },
        ],
        nodes: {
          node: nodes.map((n) => {
            const p = at.get(n.id);
            const [r, g, b] = hex(n.color);
            return {
              '@id': n.id,
              '@label': n.name,
              attvalues: attvalues(nodeTitles, 'n', n.values),
              'viz:color': { '@r': String(r), '@g': String(g), '@b': String(b) },
              ...(p ? { 'viz:position': { '@x': String(p.x), '@y': String(-p.y), '@z': '0' } } : {}),
            };
          }),
        },
        edges: {
          edge: edges.map((e) => ({ '@id': e.id, '@source': e.source, '@target': e.target, '@label': e.title, attvalues: attvalues(edgeTitles, 'e', e.values) })),
        },
      },
    },
  })}`;
}
