import { CALL_NAMES, httpPathOf } from '../../../shared/api-names';
import type { Api } from '../../../shared/api';

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
        const res = await fetch(httpPathOf(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-regiekaart-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'IO', message: 'De Regiekaart-server antwoordt niet. Draait `npm run web` nog?' } };
      }
    };
  }
  (window as unknown as { api: Api }).api = Object.freeze(api) as unknown as Api;
}
