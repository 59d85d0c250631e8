/**
 * What is typed or moved but not yet sent to be saved (a typing pause or a run of arrow keys not yet over): each
 * waiting save registers how to send it at once. Closing, reloading or hiding the window sends them all, so the last
 * moment of typing is not lost with the page.
 */
declare global {
  interface Window {
    /** Sends what is waiting to be saved and resolves when it is (see main.tsx; the Electron host calls it on close). */
    regiekaartFlush?: () => Promise<void>;
  }
}

const waiting = new Set<() => void>();

/** Registers how to send one waiting save at once; returns how to take it back. */
export function onFlush(send: () => void): () => void {
  waiting.add(send);
  return () => void waiting.delete(send);
}

/** Starts every waiting save now. Each starts its request before this returns (or in the microtasks right after). */
export function flushWaiting(): void {
  for (const send of [...waiting]) send();
}

/**
 * Starts every waiting save, then resolves when no save is under way any more (or after `timeoutMs`): the Electron
 * host awaits this before it lets the window close.
 */
export function flushAndSettle(busy: () => number, onIdle: (check: () => void) => () => void, timeoutMs = 4000): Promise<void> {
  flushWaiting();
  return new Promise((resolve) => {
    let stop = () => {};
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
    // A save's request starts in the microtasks after flushWaiting: look only after those.
    queueMicrotask(() => {
      if (busy() === 0) return done();
      stop = onIdle(() => {
        if (busy() === 0) done();
      });
    });
  });
}

let leaving = false;
/** Whether the page is going away or out of view: requests made now must outlive it (`keepalive`, see bridge/web.ts). */
export const isLeaving = () => leaving;

/** Sends the waiting saves when the page goes away or out of view (the web host; Electron also asks before closing). */
export function installFlushOnLeave(target: Window = window): void {
  const leave = () => {
    leaving = true;
    flushWaiting();
  };
  target.addEventListener('pagehide', leave);
  target.addEventListener('pageshow', () => (leaving = false));
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') leave();
    else leaving = false;
  });
}
