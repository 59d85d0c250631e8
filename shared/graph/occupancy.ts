/** A point on the map. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Where nodes stand, kept in square cells as wide as the distance two nodes must keep: "is any node that close to
 * this point" looks at nine cells instead of every node on the map.
 */
export class Occupancy {
  private readonly cells = new Map<string, Point[]>();

  constructor(private readonly gap = 45) {}

  private key(cx: number, cy: number): string {
    return `${cx}|${cy}`;
  }

  /** Marks a node's place. */
  add(p: Point): void {
    const k = this.key(Math.floor(p.x / this.gap), Math.floor(p.y / this.gap));
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }

  /** Whether a node stands within the gap of a point. */
  taken(p: Point): boolean {
    const cx = Math.floor(p.x / this.gap);
    const cy = Math.floor(p.y / this.gap);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const o of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) if (Math.hypot(o.x - p.x, o.y - p.y) <= this.gap) return true;
      }
    }
    return false;
  }

  /** A free spot near a point: on a widening spiral around it, the first place no node is close to (marked taken). */
  freeSpot(near: Point): Point {
    for (let i = 0; i < 400; i++) {
      const angle = i * 2.4;
      const r = i === 0 ? 0 : 40 + 9 * i;
      const p = { x: near.x + r * Math.cos(angle), y: near.y + r * Math.sin(angle) };
      if (!this.taken(p)) {
        this.add(p);
        return p;
      }
    }
    this.add(near);
    return near;
  }
}
