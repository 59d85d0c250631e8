import { describe, expect, it } from 'vitest';
import { levelRings, sectorGroups, type Point } from '../../shared/graph/layouts';
import { networkElements } from '../../shared/graph/elements';
import { NetworkDataSchema } from '../../shared/model';
import { DEFAULT_VOCAB } from '../../shared/vocab';
import { buildVoorbeeldstad } from '../../electron/core/demo/voorbeeldstad';

const demo = NetworkDataSchema.parse(buildVoorbeeldstad());
const { nodes, edges } = networkElements(demo, DEFAULT_VOCAB);
const rank = (level: string | null) => DEFAULT_VOCAB.level.find((l) => l.code === level)!.props!.rank as number;

function expectSpread(pos: Map<string, Point>) {
  expect(pos.size).toBe(nodes.length);
  const pts = [...pos.values()];
  for (const p of pts) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  let closest = Infinity;
  for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) closest = Math.min(closest, Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y));
  expect(closest).toBeGreaterThan(10);
}

describe('layouts on Voorbeeldstad', () => {
  it('levels: the municipality in the centre, rings outward from neighbourhood to federal', () => {
    const pos = levelRings(nodes, edges, DEFAULT_VOCAB, new Set(['A01']));
    expectSpread(pos);
    expect(Math.hypot(pos.get('A01')!.x, pos.get('A01')!.y)).toBe(0);
    const r = (id: string) => Math.hypot(pos.get(id)!.x, pos.get(id)!.y);
    const actors = demo.actors.filter((a) => a.id !== 'A01');
    for (const a of actors) {
      for (const b of actors) {
        if (rank(a.level) < rank(b.level)) expect(r(a.id)).toBeLessThan(r(b.id));
        if (rank(a.level) === rank(b.level)) expect(Math.abs(r(a.id) - r(b.id))).toBeLessThan(1e-6);
      }
    }
  });

  it('sectors: each primary sector is one block that overlaps no other', () => {
    const pos = sectorGroups(nodes, edges, DEFAULT_VOCAB);
    expectSpread(pos);
    const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
    for (const a of demo.actors) {
      const s = a.sectors[0] ?? '-';
      const p = pos.get(a.id)!;
      const b = boxes.get(s) ?? { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
      boxes.set(s, { x1: Math.min(b.x1, p.x), y1: Math.min(b.y1, p.y), x2: Math.max(b.x2, p.x), y2: Math.max(b.y2, p.y) });
    }
    const list = [...boxes.values()];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        expect(a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1).toBe(true);
      }
  });
});
