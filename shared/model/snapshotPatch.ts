import { z } from 'zod';
import { NetworkDataSchema, type NetworkData } from './document';

/**
 * A snapshot as the changes since an earlier one: after an edit the UI gets the few entities that changed instead of
 * the whole network again (4 MB of JSON at 2,000 actors and 6,000 agreements, parsed and compared on every edit).
 * The host works the patch out by comparing the new snapshot with the one it sent before, entity by entity, so it
 * holds whatever the edit touched, cascades included; the UI applies it to its copy, keeping every unchanged entity
 * as the same object.
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

/** A snapshot as text per entity (by list and id) and per single part: what a later snapshot is compared with. */
export interface SnapshotTexts {
  lists: Record<ListKey, Map<string, string>>;
  singles: Record<SingleKey, string>;
}

export function snapshotTexts(data: NetworkData): SnapshotTexts {
  const lists = {} as SnapshotTexts['lists'];
  for (const key of LIST_KEYS) lists[key] = new Map((data[key] as { id: string }[]).map((e) => [e.id, JSON.stringify(e)]));
  const singles = {} as SnapshotTexts['singles'];
  for (const key of SINGLE_KEYS) singles[key] = JSON.stringify(data[key] ?? null);
  return { lists, singles };
}

/** The changes from the snapshot `before` was made of to `data` (whose texts are `after`). */
export function diffSnapshot(before: SnapshotTexts, after: SnapshotTexts, data: NetworkData): SnapshotPatch {
  const patch: SnapshotPatch = { lists: {}, singles: {} };
  for (const key of LIST_KEYS) {
    const old = before.lists[key];
    const now = after.lists[key];
    const entities = data[key] as { id: string }[];
    const put = entities.filter((e) => old.get(e.id) !== now.get(e.id));
    // The same ids when none is gone and there are as many: then in the same (id) order.
    const sameIds = old.size === now.size && [...old.keys()].every((id) => now.has(id));
    if (put.length || !sameIds) patch.lists[key] = { put, order: sameIds ? null : entities.map((e) => e.id) };
  }
  for (const key of SINGLE_KEYS) if (before.singles[key] !== after.singles[key]) (patch.singles as Record<string, unknown>)[key] = data[key];
  return patch;
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
