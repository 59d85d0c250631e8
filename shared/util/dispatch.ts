import { contract, type ApiError, type CallName, type Handlers, type Result } from '../api';
import { describeZodError } from './zodMessage';

/** Turns whatever a handler threw into the error value sent back; hosts pass their own mapper. */
export type ErrorMapper = (err: unknown) => ApiError;

/**
 * Validates the input of a call against the contract, runs its handler, and wraps the outcome as a Result.
 * Shared by both hosts so Electron and the web host behave identically at the boundary.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  toError: ErrorMapper,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, name)) {
    return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Onbekende opdracht "${name}".` } };
  }
  const call = name as CallName;
  const parsed = contract[call].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Ongeldige invoer voor ${call}: ${describeZodError(parsed.error)}` } };
  }
  try {
    const handler = handlers[call] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: toError(err) };
  }
}
