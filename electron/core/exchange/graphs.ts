import path from 'node:path';
import { decodeUtf8 } from '../../../shared/exchange/decode';
import { graphProblems, graphSheets, groupIds, readGexf, readGraphml, splitLayer, writeGexf, writeGraphml, type Graph, type GraphLayer } from '../../../shared/exchange/graph';
import type { GroupsAs } from '../../../shared/exchange/fields';
import { readKumu } from '../../../shared/exchange/kumu';
import type { TablePlan } from '../../../shared/exchange/plan';
import { assertNoProblems } from '../../../shared/exchange/problems';
import { DEFAULT_VIEW_ID } from '../../../shared/model';
import { mergeVocab } from '../../../shared/vocab';
import type { NetworkDocument } from '../document';
import { writeFileAtomic } from '../report/atomic';
import { readImportFile } from './files';
import type { RawSheet } from '../../../shared/exchange/csv';

/** The graph formats: GraphML, GEXF, and Kumu's JSON blueprint (elements and connections). */
export type GraphFormat = 'graphml' | 'gexf' | 'kumu';
export const isGraphFormat = (format: string): format is GraphFormat => format === 'graphml' || format === 'gexf' || format === 'kumu';

/**
 * Reads a GraphML or GEXF file (size, strict UTF-8, no DOCTYPE or entities, ids and edge ends checked) as two sheets,
 * its actors and agreements, and its partnerships and memberships (our own export's, and its group nodes as
 * `groupsAs` says), for `planTableImport`; `groups` counts its group nodes.
 */
export function readGraphFile(
  file: string,
  format: GraphFormat,
  bytes: Uint8Array = readImportFile(file),
  groupsAs: GroupsAs = 'partnerships',
): { graph: Graph; sheets: RawSheet[]; layer: GraphLayer | null; groups: number } {
  const name = path.basename(file);
  const text = decodeUtf8(name, bytes);
  const whole = format === 'gexf' ? readGexf(name, text) : format === 'kumu' ? readKumu(name, text) : readGraphml(name, text);
  assertNoProblems(name, graphProblems(whole));
  const { graph, layer } = splitLayer(whole, groupsAs);
  const { nodes, edges } = graphSheets(graph);
  return { graph, sheets: edges.rows.length > 1 ? [nodes, edges] : [nodes], layer, groups: groupIds(whole).size };
}

/** Where the graph file drew each node that became a new actor, for the standard view (existing actors stay put). */
export function placesOf(graph: Graph, plan: TablePlan): { actorId: string; x: number; y: number }[] {
  return graph.nodes.flatMap((n) => {
    const ref = plan.refs[n.id];
    return ref?.created && n.x !== null && n.y !== null ? [{ actorId: ref.actorId, x: n.x, y: n.y }] : [];
  });
}

/** Writes the network as GraphML or GEXF, with the standard view's positions. */
export function writeGraphExport(doc: NetworkDocument, out: string, format: 'graphml' | 'gexf'): number {
  const data = doc.snapshot();
  const vocab = mergeVocab(doc.vocab());
  const positions = doc.positions(DEFAULT_VIEW_ID);
  const text = format === 'gexf' ? writeGexf(data, vocab, positions) : writeGraphml(data, vocab, positions);
  writeFileAtomic(out, text);
  return Buffer.byteLength(text);
}
