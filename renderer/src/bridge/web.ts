import { CALL_NAMES, httpPathOf } from '../../../shared/api-names';
import type { Api } from '../../../shared/api';
import { isLeaving } from '../flush';

/** Chromium lets the requests that outlive their page carry 64 KiB together: leave room for more than one. */
const KEEPALIVE_BYTES = 30_000;

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
          // A save sent as the page goes away (see flush.ts) must outlive the page; only then, since Chromium refuses
          // such a request outright once they carry more than 64 KiB together.
          keepalive: isLeaving() && new TextEncoder().encode(body).length < KEEPALIVE_BYTES,
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'IO', message: 'De Regiekaart-server antwoordt niet. Draait `npm run web` nog?' } };
      }
    };
  }
  (window as unknown as { api: Api }).api = Object.freeze(api) as unknown as Api;
}
