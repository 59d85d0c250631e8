const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

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
  /** Per point searched around: the spiral step the next search starts at. */
  private readonly cursor = new Map<string, number>();

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

  /**
   * A free spot near a point (marked taken): the first point of a spiral around it that no node is close to. The
   * spiral is Vogel's (radius growing with the square root of the step, each step turned by the golden angle), so
   * its points cover the plane evenly, about one per node's room: a thousand new nodes around one point make a
   * compact disc, not a sparse whorl. Nodes are only ever added, so a spot once taken stays taken: the search around
   * the same point goes on where the last one stopped, and placing ten thousand new nodes (an import) around the
   * middle of the view takes one step each.
   */
  freeSpot(near: Point): Point {
    const key = `${near.x}|${near.y}`;
    const step = this.gap * 0.62;
    for (let i = this.cursor.get(key) ?? 0; ; i++) {
      const r = step * Math.sqrt(i);
      const p = { x: near.x + r * Math.cos(i * GOLDEN_ANGLE), y: near.y + r * Math.sin(i * GOLDEN_ANGLE) };
      if (!this.taken(p)) {
        this.cursor.set(key, i + 1);
        this.add(p);
        return p;
      }
    }
  }
}
