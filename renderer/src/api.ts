import type { Api, ApiError, CallInput, CallName, CallOutput, Result } from '../../shared/api';

declare global {
  interface Window {
    api: Api;
  }
}

/** A failed call, carrying the Dutch message from the core. */
/** What a dialog says when its call failed: nothing for a cancelled native file dialog, else the Dutch message. */
export const dialogError = (err: unknown): string | null => (err instanceof ApiCallError && err.error.code === 'CANCELLED' ? null : err instanceof Error ? err.message : String(err));

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls the core through `window.api`; rejects with ApiCallError so the data layer can show the message. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const fn = window.api[name] as unknown as (i: CallInput<K>) => Promise<Result<CallOutput<K>>>;
  const result = await fn(input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as CallOutput<K>;
}
