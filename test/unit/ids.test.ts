import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/util/ids';

describe('new ids', () => {
  it('are version 7 UUIDs: the time first, so ids made later sort later; all different', async () => {
    const first = Array.from({ length: 1000 }, newId);
    await new Promise((r) => setTimeout(r, 5));
    const later = newId();
    for (const id of [...first, later]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => id < later)).toBe(true);
    const ms = parseInt(later.slice(0, 8) + later.slice(9, 13), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5000);
  });
});
