/**
 * A force layout (fcose) starts from random positions: the same map would come out different every time it is
 * first drawn or arranged again. Run with a seed taken from the map itself, it comes out the same: the same demo
 * looks the same on every machine, and "Schikken" twice gives one picture. Calm, and a picture people can learn.
 */

/** A 32-bit FNV-1a hash of the node ids in order: the seed of a map (sort the ids first for a set). */
export function seedOf(ids: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, well-mixed generator of numbers in [0, 1), in 32-bit integer arithmetic throughout. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `fn` with Math.random drawn from the seed, and puts Math.random back after. For synchronous work only (a
 * layout run without animation): nothing else runs meanwhile, so nothing else sees the seeded numbers.
 */
export function withSeed<T>(seed: number, fn: () => T): T {
  const random = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = random;
  }
}
