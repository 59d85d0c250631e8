/**
 * The names of every contract call, without their schemas: the sandboxed preload needs only these, so it
 * stays a few lines instead of bundling the validation library. `api.ts` checks both lists agree.
 */
export const CALL_NAMES = [
  'app.info',
  'document.current',
  'document.open',
  'document.create',
  'document.openDemo',
  'document.saveCopy',
  'document.recent',
  'network.snapshot',
  'vocab.list',
  'changes.list',
  'edit.apply',
  'edit.previewDelete',
  'drafts.list',
  'drafts.put',
  'drafts.drop',
  'history.state',
  'history.undo',
  'history.redo',
  'views.list',
  'positions.list',
  'report.export',
  'map.export',
  'exchange.export',
  'exchange.template',
  'exchange.preview',
  'exchange.import',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/** The IPC channel of a call (Electron). */
export const channelOf = (name: CallName): string => `regiekaart:${name}`;
/** The HTTP path of a call (web host). */
export const httpPathOf = (name: CallName): string => `/api/${name}`;
