import type { NetworkData } from '../model';
import type { VocabEntry, VocabKind } from '../vocab';
import { referenceDate, reviewState } from './review';

/** A node or edge of the drawn map, independent of the drawing library (Cytoscape in the app, SVG in reports). */
export interface MapNode {
  id: string;
  kind: 'actor' | 'partnership' | 'agreement';
  label: string;
  color: string;
  shape: string;
  /** Actor that is a partnership body (GBO, zorgraad…) or a partnership without its own actor: drawn as a hub. */
  hub: boolean;
  sector: string | null;
  legalForm: string | null;
  level: string | null;
  /** The level's marker text (B, L, BL, VL, F), from the level vocabulary. */
  mark: string | null;
}
export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: 'agreement' | 'member';
  type: string | null;
  status: string | null;
  line: 'solid' | 'dashed' | 'dotted';
  /** Shown plainly on the map: an expired or terminated agreement, or one whose review date has passed. */
  flag: 'expired' | 'overdue' | null;
  /** From the agreement type's vocabulary entry, as the legend shows it. */
  color: string;
  width: number;
  directed: boolean;
  label: string;
}

export interface MapElements {
  nodes: MapNode[];
  edges: MapEdge[];
}

const FALLBACK_COLOR = '#7f7f7f';
/** The map ids of actors and agreements (an agreement is drawn as edge or hub `agreement:<id>`). */
export const mapIdsOf = (x: { actorIds: readonly string[]; agreementIds: readonly string[] }) => [...x.actorIds, ...x.agreementIds.map((id) => `agreement:${id}`)];

export const EDGE_COLOR = '#8a8a8a';
export const MEMBER_COLOR = '#b0b0b0';
/** Status colours, shared by the map's styles and the legend. */
export const FLAG_COLOR = { expired: '#c0392b', overdue: '#e67e22' } as const;

function prop<T>(vocab: Record<VocabKind, VocabEntry[]>, kind: VocabKind, code: string | null, key: string, fallback: T): T {
  const v = vocab[kind].find((e) => e.code === code)?.props?.[key];
  return (v as T) ?? fallback;
}

/** The map node of a partnership: its own actor when it has one (the GBO's body), else a hub node of its own. */
export const partnershipNodeId = (p: { id: string; actorId: string | null }): string => p.actorId ?? `partnership:${p.id}`;

/**
 * Builds the map's nodes and edges from a snapshot: actors coloured by primary sector and shaped by legal form;
 * partnerships as hubs with member edges (an actor may belong to several); two-party agreements as edges and
 * agreements with more parties as a small node joined to each party.
 */
export function networkElements(
  data: NetworkData,
  vocab: Record<VocabKind, VocabEntry[]>,
  refDate = referenceDate(data.meta),
): MapElements {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const hubActors = new Set(data.partnerships.map((p) => p.actorId).filter((x): x is string => !!x));
  const nodeOfPartnership = new Map<string, string>();

  for (const a of data.actors) {
    const sector = a.sectors[0] ?? null;
    nodes.push({
      id: a.id,
      kind: 'actor',
      label: a.name,
      color: prop(vocab, 'sector', sector, 'color', FALLBACK_COLOR),
      shape: prop(vocab, 'legalForm', a.legalForm, 'shape', 'ellipse'),
      hub: hubActors.has(a.id),
      sector,
      legalForm: a.legalForm,
      level: a.level,
      mark: prop<string | null>(vocab, 'level', a.level, 'mark', null),
    });
  }
  for (const p of data.partnerships) {
    const id = partnershipNodeId(p);
    nodeOfPartnership.set(p.id, id);
    if (p.actorId) continue;
    nodes.push({ id, kind: 'partnership', label: p.name, color: '#ffffff', shape: 'round-octagon', hub: true, sector: null, legalForm: 'PARTNERSHIP', level: null, mark: null });
  }

  const lineOf = (type: string, status: string): MapEdge['line'] => {
    if (status === 'CONCEPT' || status === 'ONDERHANDELING') return 'dashed';
    return prop(vocab, 'agreementType', type, 'line', 'solid');
  };
  const flagOf = (ag: NetworkData['agreements'][number]): MapEdge['flag'] => {
    if (ag.status === 'VERLOPEN' || ag.status === 'OPGEZEGD' || (ag.endDate && ag.endDate < refDate)) return 'expired';
    return reviewState(ag, refDate) === 'overdue' ? 'overdue' : null;
  };
  for (const ag of data.agreements) {
    const parties = ag.parties.map((p) => p.actorId);
    const line = lineOf(ag.type, ag.status);
    const flag = flagOf(ag);
    const look = {
      color: prop(vocab, 'agreementType', ag.type, 'color', EDGE_COLOR),
      width: prop(vocab, 'agreementType', ag.type, 'width', 1.5),
      directed: prop(vocab, 'agreementType', ag.type, 'directed', true),
    };
    if (parties.length === 2) {
      edges.push({ id: `agreement:${ag.id}`, source: parties[0], target: parties[1], kind: 'agreement', type: ag.type, status: ag.status, line, flag, ...look, label: ag.title });
    } else {
      const hub = `agreement:${ag.id}`;
      nodes.push({ id: hub, kind: 'agreement', label: ag.title, color: '#ffffff', shape: 'diamond', hub: false, sector: null, legalForm: null, level: null, mark: null });
      parties.forEach((actorId, i) =>
        edges.push({ id: `${hub}:${i}`, source: actorId, target: hub, kind: 'agreement', type: ag.type, status: ag.status, line, flag, ...look, label: ag.title }),
      );
      if (ag.partnershipId && nodeOfPartnership.has(ag.partnershipId)) {
        edges.push({ id: `${hub}:p`, source: hub, target: nodeOfPartnership.get(ag.partnershipId)!, kind: 'agreement', type: ag.type, status: ag.status, line, flag, ...look, label: ag.title });
      }
    }
  }
  // A membership already drawn as its agreement (R02: OCMW → GBO) is not drawn twice.
  for (const m of data.members) {
    const target = nodeOfPartnership.get(m.partnershipId);
    if (!target || m.agreementId) continue;
    edges.push({ id: `member:${m.id}`, source: m.actorId, target, kind: 'member', type: null, status: null, line: 'dotted', flag: null, color: MEMBER_COLOR, width: 1, directed: false, label: m.role });
  }
  return { nodes, edges };
}
