import type { VocabEntry, VocabKind } from '../vocab';
import type { MapEdge, MapNode } from './elements';
import { pushTo } from '../util/multimap';

export interface Point {
  x: number;
  y: number;
}

/** Room one node takes on a ring or in a grid, its label included. */
const NODE_ARC = 78;
const RING_GAP = 150;
const CELL_W = 150;
const CELL_H = 74;
const GROUP_GAP = 110;

const byName = (a: MapNode, b: MapNode) => a.label.localeCompare(b.label, 'nl');

function rankOf(vocab: Record<VocabKind, VocabEntry[]>, level: string | null): number {
  const r = vocab.level.find((l) => l.code === level)?.props?.rank;
  return typeof r === 'number' ? r : vocab.level.length;
}

/** Primary sector position in the vocabulary (the order of domain.md), unknown sectors last. */
function sectorOrder(vocab: Record<VocabKind, VocabEntry[]>): (s: string | null) => number {
  const idx = new Map(vocab.sector.map((s, i) => [s.code, i]));
  return (s) => (s && idx.has(s) ? idx.get(s)! : vocab.sector.length);
}

/**
 * Nodes that are not actors (partnership hubs without an actor, agreements with three or more parties) go where
 * their neighbours are: at the middle of those already placed, nudged so two never coincide.
 */
function placeHangers(nodes: MapNode[], edges: MapEdge[], pos: Map<string, Point>): void {
  const nbs = new Map<string, string[]>();
  for (const e of edges) {
    pushTo(nbs, e.source, e.target);
    pushTo(nbs, e.target, e.source);
  }
  const taken = new Set([...pos.values()].map((p) => `${Math.round(p.x / 20)}:${Math.round(p.y / 20)}`));
  // Partnership hubs before agreement nodes: an agreement may hang on a partnership.
  const rest = nodes.filter((n) => !pos.has(n.id)).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'partnership' ? -1 : 1));
  let lonely = 0;
  for (const n of rest) {
    const placed = (nbs.get(n.id) ?? []).map((id) => pos.get(id)).filter((p): p is Point => !!p);
    let p: Point;
    if (placed.length) p = { x: placed.reduce((s, q) => s + q.x, 0) / placed.length, y: placed.reduce((s, q) => s + q.y, 0) / placed.length };
    else p = { x: -300 - (lonely % 5) * CELL_W, y: -300 - Math.floor(lonely++ / 5) * CELL_H };
    for (let i = 0; taken.has(`${Math.round(p.x / 20)}:${Math.round(p.y / 20)}`) && i < 50; i++) p = { x: p.x + 24 * Math.cos(i * 2.4), y: p.y + 24 * Math.sin(i * 2.4) };
    taken.add(`${Math.round(p.x / 20)}:${Math.round(p.y / 20)}`);
    pos.set(n.id, p);
  }
}

/**
 * The "levels" layout: the local government (actor types marked `localGov`) in the centre, then one ring per
 * level from neighbourhood to federal. On each ring actors are ordered by sector and name, so sectors form arcs.
 * A ring is always wide enough for its nodes and further out than the one inside it.
 */
export function levelRings(nodes: MapNode[], edges: MapEdge[], vocab: Record<VocabKind, VocabEntry[]>, centreIds: ReadonlySet<string>): Map<string, Point> {
  const pos = new Map<string, Point>();
  const sector = sectorOrder(vocab);
  const actors = nodes.filter((n) => n.kind === 'actor');
  const rings = new Map<number, MapNode[]>();
  for (const n of actors) {
    const ring = centreIds.has(n.id) ? -1 : rankOf(vocab, n.level);
    pushTo(rings, ring, n);
  }
  let radius = 0;
  let turn = 0;
  for (const ring of [...rings.keys()].sort((a, b) => a - b)) {
    // Each ring starts a little further round, so the first nodes of all rings do not line up in one spoke.
    turn += 0.7;
    const members = rings.get(ring)!.sort((a, b) => sector(a.sector) - sector(b.sector) || byName(a, b));
    const fit = (members.length * NODE_ARC) / (2 * Math.PI);
    radius = ring === -1 ? (members.length > 1 ? Math.max(60, fit) : 0) : Math.max(radius + RING_GAP, fit);
    members.forEach((n, i) => {
      const angle = -Math.PI / 2 + turn + (2 * Math.PI * i) / members.length;
      pos.set(n.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    });
  }
  placeHangers(nodes, edges, pos);
  return pos;
}

/**
 * Grouping by sector: each primary sector a compact block, ordered by name, blocks in the vocabulary's order from
 * left to right and wrapped into rows of about the same width.
 */
export function sectorGroups(nodes: MapNode[], edges: MapEdge[], vocab: Record<VocabKind, VocabEntry[]>): Map<string, Point> {
  const pos = new Map<string, Point>();
  const sector = sectorOrder(vocab);
  const groups = new Map<number, MapNode[]>();
  for (const n of nodes.filter((x) => x.kind === 'actor')) {
    const k = sector(n.sector);
    pushTo(groups, k, n);
  }
  const blocks = [...groups.keys()].sort((a, b) => a - b).map((k) => {
    const members = groups.get(k)!.sort(byName);
    const cols = Math.max(1, Math.ceil(Math.sqrt(members.length * 0.8)));
    return { members, cols, w: cols * CELL_W, h: Math.ceil(members.length / cols) * CELL_H };
  });
  const total = blocks.reduce((s, b) => s + b.w * b.h, 0);
  const rowWidth = Math.max(Math.sqrt(total) * 1.6, blocks.reduce((m, b) => Math.max(m, b.w), 0));
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.w > rowWidth) {
      x = 0;
      y += rowH + GROUP_GAP;
      rowH = 0;
    }
    b.members.forEach((n, i) => pos.set(n.id, { x: x + (i % b.cols) * CELL_W, y: y + Math.floor(i / b.cols) * CELL_H }));
    x += b.w + GROUP_GAP;
    rowH = Math.max(rowH, b.h);
  }
  placeHangers(nodes, edges, pos);
  return pos;
}
