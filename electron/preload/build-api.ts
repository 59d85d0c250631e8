import { CALL_NAMES, channelOf } from '../../shared/api-names';
import type { Api } from '../../shared/api';

/** Builds the renderer's API object: one function per contract call, each invoking that call's channel only. */
export function buildApi(invoke: (channel: string, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    const channel = channelOf(name);
    api[name] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(api) as unknown as Api;
}
