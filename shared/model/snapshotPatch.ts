import { z } from 'zod';
import { NetworkDataSchema, type NetworkData } from './document';

/**
 * A snapshot as the changes since an earlier one: after an edit the UI gets the few entities that changed instead of
 * the whole network again (4 MB of JSON at 2,000 actors and 6,000 agreements, parsed and compared on every edit).
 * The host works the patch out by comparing the stored rows with those of the snapshot it sent before, entity by
 * entity (`electron/core/store/snapshots.ts`), so it holds whatever the edit touched, cascades included; the UI
 * applies it to its copy, keeping every unchanged entity as the same object.
 */
export const LIST_KEYS = [
  'areas',
  'actors',
  'orgUnits',
  'functions',
  'services',
  'partnerships',
  'members',
  'agreements',
  'roles',
  'governanceModels',
  'gaps',
  'meetings',
  'mitigations',
] as const satisfies readonly (keyof NetworkData)[];
export type ListKey = (typeof LIST_KEYS)[number];

/** The parts of a snapshot that are not lists of entities: sent whole when they change. */
export const SINGLE_KEYS = ['format', 'formatVersion', 'meta', 'vocab', 'checkSettings', 'reportSettings'] as const satisfies readonly (keyof NetworkData)[];
type SingleKey = (typeof SINGLE_KEYS)[number];

/** One list's changes: the entities added or changed, and, when ids came or went, every id in the new order. */
export interface ListPatch {
  put: { id: string }[];
  /** Null when the ids are the same as before (lists are kept in id order); an id not in it is gone. */
  order: string[] | null;
}

export interface SnapshotPatch {
  lists: Partial<Record<ListKey, ListPatch>>;
  singles: Partial<Pick<NetworkData, SingleKey>>;
}

const ListPatchSchema = z.object({ put: z.array(z.looseObject({ id: z.string() })), order: z.array(z.string()).nullable() });
const SnapshotPatchSchema = z.object({
  lists: z.partialRecord(z.enum(LIST_KEYS), ListPatchSchema),
  singles: NetworkDataSchema.pick({ format: true, formatVersion: true, meta: true, vocab: true, checkSettings: true, reportSettings: true }).partial(),
});

/** What the host answers: the whole snapshot, or the changes since the one the UI named; with the new one's token. */
export const SnapshotReplySchema = z.object({ token: z.string(), full: NetworkDataSchema.nullable(), patch: SnapshotPatchSchema.nullable() });
export interface SnapshotReply {
  token: string;
  full: NetworkData | null;
  patch: SnapshotPatch | null;
}

/** The snapshot a patch makes of an earlier one; unchanged entities and lists stay the same objects. */
export function applySnapshotPatch(data: NetworkData, patch: SnapshotPatch): NetworkData {
  const next = { ...data, ...patch.singles } as NetworkData;
  for (const key of LIST_KEYS) {
    const change = patch.lists[key];
    if (!change) continue;
    const byId = new Map((data[key] as { id: string }[]).map((e) => [e.id, e]));
    for (const e of change.put) byId.set(e.id, e);
    const order = change.order ?? (data[key] as { id: string }[]).map((e) => e.id);
    (next as unknown as Record<ListKey, unknown[]>)[key] = order.map((id) => {
      const e = byId.get(id);
      if (!e) throw new Error(`Snapshot patch: ${key} has no entity ${id}.`);
      return e;
    });
  }
  return next;
}
