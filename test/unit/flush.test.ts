import { describe, expect, it, vi } from 'vitest';
import { flushAndSettle, flushWaiting, onFlush } from '../../renderer/src/flush';

/** A stand-in for the query client's mutation count and its change events. */
function mutations() {
  let running = 0;
  const listeners = new Set<() => void>();
  return {
    busy: () => running,
    onIdle: (check: () => void) => (listeners.add(check), () => void listeners.delete(check)),
    start: () => void running++,
    finish: () => {
      running--;
      for (const l of [...listeners]) l();
    },
    listeners,
  };
}

describe('sending what waits to be saved (flush.ts)', () => {
  it('starts every waiting save, once each, and not one taken back', () => {
    const sent: string[] = [];
    const off = [onFlush(() => sent.push('naam')), onFlush(() => sent.push('verplaatsing'))];
    const gone = onFlush(() => sent.push('weg'));
    gone();
    flushWaiting();
    expect(sent).toEqual(['naam', 'verplaatsing']);
    off.forEach((f) => f());
    flushWaiting();
    expect(sent).toHaveLength(2);
  });

  it('resolves once the saves it started are done, not before, and stops listening', async () => {
    const m = mutations();
    const off = onFlush(() => m.start());
    let done = false;
    const settled = flushAndSettle(m.busy, m.onIdle, 10_000).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(m.busy()).toBe(1);
    expect(done).toBe(false);
    m.finish();
    await settled;
    expect(done).toBe(true);
    expect(m.listeners.size).toBe(0);
    off();
  });

  it('resolves at once when nothing waits, and after its timeout when a save never ends', async () => {
    const m = mutations();
    await flushAndSettle(m.busy, m.onIdle, 10_000);
    vi.useFakeTimers();
    try {
      const off = onFlush(() => m.start());
      let done = false;
      const settled = flushAndSettle(m.busy, m.onIdle, 4000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(3999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await settled;
      expect(done).toBe(true);
      off();
    } finally {
      vi.useRealTimers();
    }
  });
});
