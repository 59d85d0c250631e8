import { parseJsonText } from './format';
import type { Graph } from './graph';
import { ImportError, type ImportProblem } from './problems';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether a parsed JSON value is a Kumu blueprint (kumu.io's JSON: `elements`, and `connections`, each a list); a
 * Regiekaart document has neither.
 */
export function isKumuBlueprint(raw: unknown): boolean {
  return isObj(raw) && Array.isArray(raw.elements) && (raw.connections === undefined || Array.isArray(raw.connections)) && !('actors' in raw);
}

/** Kumu's own names for a field that is ours under another (its full project export says "element type"). */
const RENAMED: Record<string, string> = { 'element type': 'type', 'connection type': 'type' };
/** An element's or a connection's own keys, which are not fields. */
const OWN = new Set(['_id', 'id', 'label', 'from', 'to', 'attributes', 'direction_id']);

/** A value as text: a list (Kumu's tags) with "|" between, as in Kumu's spreadsheets; nested objects are left out. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(text).filter((x): x is string => !!x).join('|');
  if (isObj(v)) return null;
  return String(v).trim();
}

/** An element's or a connection's fields: its own keys, or (Kumu's project export) those under `attributes`. */
function fieldsOf(item: Obj): Record<string, string> {
  const source = isObj(item.attributes) ? { ...item, ...item.attributes } : item;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (OWN.has(k)) continue;
    const value = text(v);
    if (value) out[RENAMED[k.toLowerCase()] ?? k] = value;
  }
  return out;
}

const labelOf = (item: Obj) => text(item.label ?? (isObj(item.attributes) ? item.attributes.label : undefined)) ?? '';

/**
 * A Kumu blueprint as a graph, for the importer's graph path (mapped like a graph file's attributes): elements are
 * nodes, named by their label; connections are edges, whose `from` and `to` name an element by its id or else by
 * its label (a `to` with several, a list, is a connection to each, as Kumu draws it). A place in the file is named
 * as `elements[3]` or `connections[0]`.
 */
export function readKumu(file: string, textIn: string): Graph {
  const raw = parseJsonText(file, textIn);
  if (!isKumuBlueprint(raw)) throw new ImportError(file, [{ where: '', message: 'dit is geen Kumu-blueprint: er is geen lijst "elements".' }]);
  const { elements, connections = [] } = raw as { elements: unknown[]; connections?: unknown[] };
  const problems: ImportProblem[] = [];
  const graph: Graph = { nodes: [], edges: [], ours: false };
  const byId = new Map<string, number>();
  const byLabel = new Map<string, string[]>();
  elements.forEach((item, i) => {
    const where = `elements[${i}]`;
    if (!isObj(item)) return problems.push({ where, message: 'een element is geen object.' });
    const label = labelOf(item);
    if (!label) return problems.push({ where, message: 'het element heeft geen label.' });
    const given = text(item._id ?? item.id);
    const id = given || label;
    if (byId.has(id)) return problems.push({ where, message: given ? `het id "${id}" komt twee keer voor (ook elements[${byId.get(id)}]).` : `het label "${label}" komt twee keer voor (ook elements[${byId.get(id)}]); geef elk een id.` });
    byId.set(id, i);
    byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
    graph.nodes.push({ id, label, attrs: fieldsOf(item), x: null, y: null, line: i + 1, parent: null });
  });
  /** The element an end names: by id, else by its label when one element has it. */
  const end = (where: string, key: 'from' | 'to', name: string): string | null => {
    if (byId.has(name)) return name;
    const ids = byLabel.get(name) ?? [];
    if (ids.length === 1) return ids[0];
    problems.push({ where, message: ids.length ? `${key} "${name}" past op ${ids.length} elementen met dat label; gebruik hun id.` : `${key} "${name}" is geen element van dit bestand (geen id of label).` });
    return null;
  };
  connections.forEach((item, i) => {
    const where = `connections[${i}]`;
    if (!isObj(item)) return problems.push({ where, message: 'een connection is geen object.' });
    const from = text(item.from);
    const tos = (Array.isArray(item.to) ? item.to : [item.to]).map(text).filter((x): x is string => !!x);
    if (!from || !tos.length) return problems.push({ where, message: 'een connection heeft een "from" en een "to".' });
    const source = end(where, 'from', from);
    const attrs = fieldsOf(item);
    const label = labelOf(item) || null;
    for (const to of tos) {
      const target = end(where, 'to', to);
      if (source && target) graph.edges.push({ id: text(item._id ?? item.id), source, target, label, attrs, line: i + 1 });
    }
  });
  if (problems.length) throw new ImportError(file, problems);
  return graph;
}
