import type { NetworkData } from '../../../shared/model';
import { SINGLE_KEYS, type ListKey, type SnapshotPatch } from '../../../shared/model/snapshotPatch';
import type { NetworkDocument } from '../document';
import { entityOf, storedRows } from './repo';
import { ENTITIES, type EntityName } from './tables';

type Obj = Record<string, unknown>;

/** The kind of entity each list of a snapshot holds. */
const KIND_OF: Record<ListKey, EntityName> = {
  areas: 'area',
  actors: 'actor',
  orgUnits: 'orgUnit',
  functions: 'function',
  services: 'service',
  partnerships: 'partnership',
  members: 'member',
  agreements: 'agreement',
  roles: 'role',
  governanceModels: 'governanceModel',
  gaps: 'gap',
  meetings: 'meeting',
  mitigations: 'mitigation',
};

/**
 * One document's snapshots for the UI, each with what changed since the one before. Every read goes through all the
 * stored rows (so it sees whatever an edit or a foreign-key cascade changed), but only an entity whose rows differ
 * from the last read is made into a model object again: the others, and their text, are kept from then. The objects
 * are shared between reads, so they are only for sending (the hosts serialise them at once), never to be changed.
 */
export class SnapshotSource {
  private kinds = new Map<EntityName, Map<string, { text: string; obj: Obj }>>();
  private singles: Record<string, string> | null = null;

  constructor(readonly doc: NetworkDocument) {}

  /** The document's snapshot now, and the changes since the previous read (null on the first). */
  read(): { data: NetworkData; patch: SnapshotPatch | null } {
    const changes = new Map<EntityName, { put: Obj[]; order: string[] | null }>();
    const data = this.doc.snapshot((name) => {
      const def = ENTITIES[name];
      const before = this.kinds.get(name) ?? new Map<string, { text: string; obj: Obj }>();
      const now = new Map<string, { text: string; obj: Obj }>();
      const put: Obj[] = [];
      const list = storedRows(this.doc.db, name).map((rows) => {
        const id = String(rows.row[0]);
        const text = JSON.stringify(rows);
        let entry = before.get(id);
        if (entry?.text !== text) {
          entry = { text, obj: entityOf(def, rows) };
          put.push(entry.obj);
        }
        now.set(id, entry);
        return entry.obj;
      });
      this.kinds.set(name, now);
      // The same ids when none is gone and there are as many: then in the same (id) order.
      const sameIds = before.size === now.size && [...before.keys()].every((id) => now.has(id));
      if (put.length || !sameIds) changes.set(name, { put, order: sameIds ? null : [...now.keys()] });
      return list;
    });
    const singles = Object.fromEntries(SINGLE_KEYS.map((k) => [k, JSON.stringify(data[k] ?? null)]));
    const old = this.singles;
    this.singles = singles;
    if (!old) return { data, patch: null };
    const patch: SnapshotPatch = { lists: {}, singles: {} };
    for (const [key, kind] of Object.entries(KIND_OF) as [ListKey, EntityName][]) {
      const change = changes.get(kind);
      if (change) patch.lists[key] = { put: change.put as { id: string }[], order: change.order };
    }
    for (const k of SINGLE_KEYS) if (old[k] !== singles[k]) (patch.singles as Obj)[k] = data[k];
    return { data, patch };
  }
}
