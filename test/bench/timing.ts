import { performance } from 'node:perf_hooks';

/** The median time of `runs` runs of `fn`, after one warm-up run (sync or async alike). */
export async function median(fn: () => void | Promise<void>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
