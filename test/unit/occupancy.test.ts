import { describe, expect, it } from 'vitest';
import { Occupancy } from '../../shared/graph/occupancy';

describe('free spots on the map', () => {
  it('a spot is free of every placed node by the gap, also across cell borders', () => {
    const occ = new Occupancy(45);
    occ.add({ x: 44, y: 0 });
    expect(occ.taken({ x: 46, y: 10 })).toBe(true);
    expect(occ.taken({ x: 60, y: -30 })).toBe(true);
    expect(occ.taken({ x: 44, y: 89 })).toBe(false);
    expect(occ.taken({ x: 100, y: 0 })).toBe(false);
    expect(occ.taken({ x: -2, y: -2 })).toBe(false);
  });

  it('two hundred nodes placed around one point stand apart from each other and from what stood there', () => {
    const occ = new Occupancy(45);
    const fixed = [{ x: 0, y: 0 }, { x: 30, y: 30 }];
    for (const p of fixed) occ.add(p);
    const placed = Array.from({ length: 200 }, () => occ.freeSpot({ x: 0, y: 0 }));
    const all = [...fixed, ...placed];
    for (const [i, p] of placed.entries()) {
      for (const [j, q] of all.entries()) if (j !== i + fixed.length) expect(Math.hypot(p.x - q.x, p.y - q.y), `${i}/${j}`).toBeGreaterThan(45);
    }
  });
});

describe('many new nodes around one point (an import of thousands of actors without a place)', () => {
  it('ten thousand stand apart from each other, in a compact disc around the point', () => {
    const gap = 45;
    const occ = new Occupancy(gap);
    const n = 10_000;
    const placed = Array.from({ length: n }, () => occ.freeSpot({ x: 500, y: -200 }));
    // Apart: checked cell by cell (a grid of its own, as wide as the gap), not by the occupancy's own lookup.
    const grid = new Map<string, { x: number; y: number }[]>();
    for (const p of placed) {
      const [cx, cy] = [Math.floor(p.x / gap), Math.floor(p.y / gap)];
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (const q of grid.get(`${cx + dx}:${cy + dy}`) ?? []) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(gap);
      grid.set(`${cx}:${cy}`, [...(grid.get(`${cx}:${cy}`) ?? []), p]);
    }
    // Compact: ten thousand discs of the gap's size fit in a radius of about 55 gaps; the farthest is within 70.
    const farthest = Math.max(...placed.map((p) => Math.hypot(p.x - 500, p.y + 200)));
    expect(farthest).toBeLessThan(70 * gap);
    expect(farthest).toBeGreaterThan(40 * gap);
  });
});
