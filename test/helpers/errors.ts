import { expect } from 'vitest';
import { CoreError } from '../../electron/core/errors';

/** Runs `fn`, expects it to throw a CoreError with `code`, and returns that error for further checks. */
export function throwsCode(fn: () => unknown, code: string): CoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe(code);
    return err as CoreError;
  }
  throw new Error(`expected ${code}`);
}
