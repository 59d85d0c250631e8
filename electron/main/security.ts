/**
 * The Electron security checklist, as plain functions over the few Electron objects they touch. They take
 * structural types instead of importing 'electron', so unit tests can prove each setting without the binary.
 */

/** The custom scheme the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://regiekaart`;

/** Strict Content-Security-Policy for the renderer: only our own scripts and styles, no eval, no remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** webPreferences for every window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

interface EventLike {
  preventDefault(): void;
}
/** The parts of WebContents we harden. */
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: EventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: EventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Blocks every navigation away from the app, every new window and every <webview>. */
export function hardenWebContents(contents: WebContentsLike, allowedOrigin: string, openExternal?: (url: string) => void): void {
  const block = (e: EventLike, url: string) => {
    if (!isSameOrigin(url, allowedOrigin)) e.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to public information (https) open in the user's browser, never inside the app.
    if (openExternal && /^https:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The parts of Session we harden. */
export interface SessionLike {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
}

/** Denies every permission request (camera, notifications, geolocation…): the app needs none. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** True when `url` has exactly the given origin. */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    const o = new URL(origin);
    return u.protocol === o.protocol && u.host === o.host;
  } catch {
    return false;
  }
}

/** An IPC sender is trusted only when it is our main frame, loaded from our origin (or the dev server). */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, devServerUrl?: string): boolean {
  if (!frameUrl || !isMainFrame) return false;
  if (isSameOrigin(frameUrl, APP_ORIGIN)) return true;
  return !!devServerUrl && isSameOrigin(frameUrl, devServerUrl);
}
