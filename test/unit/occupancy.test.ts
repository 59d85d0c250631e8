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
