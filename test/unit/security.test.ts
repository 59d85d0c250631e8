import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenWebContents,
  isTrustedSender,
  secureWebPreferences,
  type WebContentsLike,
} from '../../electron/main/security';
import { registerIpc, type IpcMainLike } from '../../electron/main/ipc';
import { buildApi } from '../../electron/preload/build-api';
import { CALL_NAMES, channelOf, contract, type Handlers } from '../../shared/api';

function fakeContents() {
  const listeners: Record<string, (...args: never[]) => void> = {};
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: WebContentsLike = {
    on: ((event: string, l: (...args: never[]) => void) => {
      listeners[event] = l;
    }) as WebContentsLike['on'],
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    (listeners[event] as unknown as (e: unknown, url?: string) => void)(e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('Electron security checklist', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('has a strict CSP: nothing by default, no inline or eval, no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });

  it('blocks navigation away from the app, redirects and webviews', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, APP_ORIGIN);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window; only https links go to the system browser', () => {
    const external = vi.fn();
    const { contents, open } = fakeContents();
    hardenWebContents(contents, APP_ORIGIN, external);
    expect(open('https://www.vvsg.be/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(external.mock.calls).toEqual([['https://www.vvsg.be/']]);
  });

  it('denies all permission requests and checks', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, p: string) => boolean) | null = null;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request!(null, perm, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!(null, perm)).toBe(false);
    }
  });

  it('trusts only the main frame of the app origin as an IPC sender', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, true)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('app://other/index.html', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, 'http://localhost:5173')).toBe(true);
  });
});

describe('IPC and preload surface', () => {
  const handlers = Object.fromEntries(CALL_NAMES.map((n) => [n, vi.fn(() => ({ n }))])) as unknown as Handlers;

  function register() {
    const registered = new Map<string, (e: unknown, input: unknown) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (ch, l) => void registered.set(ch, l as never) };
    registerIpc(ipc, handlers);
    return registered;
  }

  it('registers exactly one channel per contract call', () => {
    const registered = register();
    expect([...registered.keys()].sort()).toEqual(CALL_NAMES.map(channelOf).sort());
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('refuses calls from an untrusted frame before touching the handler', async () => {
    const registered = register();
    const res = await registered.get(channelOf('app.info'))!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const sub = await registered.get(channelOf('app.info'))!({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: {} } }, {});
    expect(sub).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('validates the input against the schema on the receiving side', async () => {
    const registered = register();
    const trusted = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };
    const bad = await registered.get(channelOf('changes.list'))!(trusted, { limit: 'veel' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await registered.get(channelOf('document.open'))!(trusted, { path: '/x', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const ok = await registered.get(channelOf('app.info'))!(trusted, {});
    expect(ok).toEqual({ ok: true, value: { n: 'app.info' } });
  });

  it('exposes only the contract calls, frozen, each bound to its own channel', async () => {
    const invoke = vi.fn(async (channel: string) => channel);
    const api = buildApi(invoke) as unknown as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api['document.open']({ path: '/a' })).toBe(channelOf('document.open'));
    expect(invoke).toHaveBeenCalledWith(channelOf('document.open'), { path: '/a' });
  });
});
