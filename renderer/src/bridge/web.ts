import { CALL_NAMES, httpPathOf } from '../../../shared/api-names';
import type { Api } from '../../../shared/api';

/** Under Chromium's 64 KiB for all requests that outlive their page, with room for two at once. */
const KEEPALIVE_LIMIT = 30_000;

/**
 * The web host's `window.api`: the same contract names as the Electron preload, over fetch to 127.0.0.1 with
 * the per-run token the host put in the page.
 */
export function installWebBridge(): void {
  const token = document.querySelector<HTMLMetaElement>('meta[name="regiekaart-token"]')?.content ?? '';
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) {
    api[name] = async (input: unknown) => {
      try {
        const body = JSON.stringify(input ?? {});
        const res = await fetch(httpPathOf(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-regiekaart-token': token },
          body,
          // A save sent as the page goes away (see flush.ts) must outlive the page. Chromium lets such requests carry
          // 64 KiB together; a larger one (an import's file) is sent the ordinary way.
          keepalive: body.length < KEEPALIVE_LIMIT,
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'IO', message: 'De Regiekaart-server antwoordt niet. Draait `npm run web` nog?' } };
      }
    };
  }
  (window as unknown as { api: Api }).api = Object.freeze(api) as unknown as Api;
}
