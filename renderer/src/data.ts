import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../shared/api';
import { call } from './api';
import type { NetworkData } from '../../shared/model';
import { applySnapshotPatch } from '../../shared/model/snapshotPatch';

/** Server state: the open document, its snapshot and vocabulary, cached until a mutation invalidates them. */
export const useAppInfo = () => useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info', {}) });
export const useDocument = () => useQuery({ queryKey: ['doc', 'info'], queryFn: () => call('document.current', {}) });
/**
 * The open document's path, the last part of the key of every query about its content: when another document is
 * opened (or an import makes a new one), none of the first one's snapshot, places or history is shown with the
 * other's while they are fetched (the map would give the new nodes places of their own, and save them).
 */
export const useDocKey = () => useDocument().data?.path ?? null;
/** A query about the open document's content: `what` in its key, then the document (see `useDocKey`). */
function useDocQuery<T>(what: readonly unknown[], fetch: () => Promise<T>, enabled: boolean) {
  const key = useDocKey();
  return useQuery({ queryKey: ['doc', ...what, key], queryFn: fetch, enabled: enabled && !!key });
}
/** The token of each snapshot the host sent (the host answers with the changes since the one named). */
const snapshotTokens = new WeakMap<NetworkData, string>();

/**
 * The open network. After an edit only the entities that changed come over, applied to the snapshot already here;
 * every unchanged entity stays the same object, so what is drawn or computed from it is not redone.
 */
export function useSnapshot(enabled: boolean) {
  const qc = useQueryClient();
  const key = useDocKey();
  return useQuery({
    queryKey: ['doc', 'snapshot', key],
    queryFn: async () => {
      const have = qc.getQueryData<NetworkData>(['doc', 'snapshot', key]);
      const since = have ? snapshotTokens.get(have) : undefined;
      const reply = await call('network.snapshot', since ? { since } : {});
      const data = reply.full ?? applySnapshotPatch(have!, reply.patch!);
      snapshotTokens.set(data, reply.token);
      return data;
    },
    enabled: enabled && !!key,
    // Unchanged entities are already shared by the patch: no deep comparison of the whole network.
    structuralSharing: false,
  });
}
export const useVocab = (enabled: boolean) => useDocQuery(['vocab'], () => call('vocab.list', {}), enabled);
export const useRecent = () => useQuery({ queryKey: ['recent'], queryFn: () => call('document.recent', {}) });

type FileAction =
  | { kind: 'open'; input: CallInput<'document.open'> }
  | { kind: 'create'; input: CallInput<'document.create'> }
  | { kind: 'demo' }
  | { kind: 'saveCopy'; input: CallInput<'document.saveCopy'> };

/** Opening, creating or copying a document; everything about the document is refetched afterwards. */
export function useFileAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: FileAction): Promise<string> => {
      switch (a.kind) {
        case 'open':
          return (await call('document.open', a.input)).fileName;
        case 'create':
          return (await call('document.create', a.input)).fileName;
        case 'demo':
          return (await call('document.openDemo', {})).fileName;
        case 'saveCopy':
          return (await call('document.saveCopy', a.input)).path;
      }
    },
    onSuccess: () => qc.invalidateQueries(),
  });
}

export const useHistory = (enabled: boolean) => useDocQuery(['history'], () => call('history.state', {}), enabled);
export const usePositions = (viewId: string, enabled: boolean) => useDocQuery(['positions', viewId], () => call('positions.list', { viewId }), enabled);

/** Every edit goes through here: one batch, saved at once; the document's cached state is refetched after. */
export function useEdit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (batch: CallInput<'edit.apply'>) => call('edit.apply', batch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['doc'] }),
  });
}

/** Prints a report to PDF; the document remembers the choices, so its cached state is refetched after. */
export function useReportExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'report.export'>) => call('report.export', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['doc'] }),
  });
}

/** Undo and redo: each is itself a saved edit. */
export function useUndoRedo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (which: 'undo' | 'redo') => call(which === 'undo' ? 'history.undo' : 'history.redo', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['doc'] }),
  });
}

/** The document's unfinished new things: what was typed in a dialog that adds something (see CreateDialog). */
export const useDrafts = (enabled: boolean) => useDocQuery(['drafts'], () => call('drafts.list', {}), enabled);
export const useViews = (enabled: boolean) => useDocQuery(['views'], () => call('views.list', {}), enabled);
