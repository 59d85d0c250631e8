import { CALL_NAMES, channelOf, type Handlers } from '../../shared/api';
import { dispatch } from '../../shared/util/dispatch';
import { toApiError } from '../core/errors';
import { isTrustedSender } from './security';

interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}
/** The part of ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
}

/** Registers one IPC handler per contract call; each checks its sender, then validates its input. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, devServerUrl?: string): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame ? frame.parent === null : false, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Deze oproep komt niet van het Regiekaart-venster en is geweigerd.' } };
      }
      return dispatch(handlers, name, input, (err) => toApiError(err, name));
    });
  }
}
