import type { EntityKind, NetworkData, Position, View } from '../model';

/** Everything a delete can touch: the network plus the document's views and positions. */
export type DocumentState = NetworkData & { views: View[]; positions: Position[] };

type Obj = Record<string, unknown> & { id: string };

/** One consequence of a delete, for the confirmation dialog and for the core that carries it out. */
export interface PlannedDelete {
  kind: EntityKind;
  id: string;
  label: string;
  /** Why it goes: null for what the user chose, otherwise the chosen thing it depended on. */
  because: string | null;
}
export interface PlannedUpdate {
  kind: EntityKind;
  value: Obj;
  label: string;
  because: string;
}
/** The whole effect of deleting some things: what else goes, and what is changed to stop pointing at them. */
export interface DeletePlan {
  deletes: PlannedDelete[];
  updates: PlannedUpdate[];
}

const LIST_OF: Record<EntityKind, keyof DocumentState> = {
  area: 'areas',
  actor: 'actors',
  orgUnit: 'orgUnits',
  function: 'functions',
  service: 'services',
  partnership: 'partnerships',
  agreement: 'agreements',
  member: 'members',
  role: 'roles',
  governanceModel: 'governanceModels',
  gap: 'gaps',
  meeting: 'meetings',
  mitigation: 'mitigations',
  checkSettings: 'checkSettings',
  reportSettings: 'reportSettings',
  view: 'views',
  position: 'positions',
};

/** An agreement still stands with two different actors, or with one actor and a partnership. */
function holdsTogether(parties: { actorId: string }[], partnershipId: string | null): boolean {
  return new Set(parties.map((p) => p.actorId)).size >= 2 || (!!partnershipId && parties.length > 0);
}

/** Whether the state holds a thing of this kind with this id. */
export function holds(state: DocumentState, kind: EntityKind, id: string): boolean {
  return (state[LIST_OF[kind]] as unknown as Obj[]).some((o) => o.id === id);
}

/** The id a kind's node has on the map (for its saved positions), or null when it has no node of its own. */
function nodeIdOf(kind: EntityKind, id: string): string | null {
  if (kind === 'actor') return id;
  if (kind === 'partnership') return `partnership:${id}`;
  if (kind === 'agreement') return `agreement:${id}`;
  return null;
}

function labelOf(o: Obj, state?: DocumentState): string {
  if (state && typeof o.partnershipId === 'string' && typeof o.actorId === 'string' && !('name' in o)) {
    // A membership or a role: say whose, and in which partnership.
    const actor = state.actors.find((a) => a.id === o.actorId)?.name ?? o.actorId;
    const partnership = state.partnerships.find((p) => p.id === o.partnershipId)?.name ?? o.partnershipId;
    return `${actor} in ${partnership}`;
  }
  return String(o.name ?? o.title ?? o.nodeId ?? o.id);
}

/**
 * Works out everything that deleting `ids` of `kind` brings with it, the way the schema's foreign keys would,
 * but explicitly: so the confirmation can name it and undo can bring every piece back. The schema's cascades
 * are then never what removes data.
 */
export function planDelete(state: DocumentState, kind: EntityKind, ids: readonly string[]): DeletePlan {
  const list = (k: EntityKind) => state[LIST_OF[k]] as unknown as Obj[];
  const find = (k: EntityKind, id: string) => list(k).find((o) => o.id === id);
  const deleted = new Map<string, PlannedDelete>();
  const changed = new Map<string, { kind: EntityKind; value: Obj; because: string }>();
  const key = (k: EntityKind, id: string) => `${k}:${id}`;
  const current = (k: EntityKind, o: Obj): Obj => changed.get(key(k, o.id))?.value ?? o;

  const edit = (k: EntityKind, o: Obj, because: string, fn: (copy: Obj) => void) => {
    if (deleted.has(key(k, o.id))) return;
    const copy = structuredClone(current(k, o));
    fn(copy);
    changed.set(key(k, o.id), { kind: k, value: copy, because });
  };
  const nullIf = (k: EntityKind, field: string, id: string, because: string) => {
    for (const o of list(k)) if (current(k, o)[field] === id) edit(k, o, because, (c) => (c[field] = null));
  };
  const dropFrom = (k: EntityKind, field: string, id: string, because: string) => {
    for (const o of list(k)) {
      const v = current(k, o)[field] as string[];
      if (v.includes(id)) edit(k, o, because, (c) => (c[field] = (c[field] as string[]).filter((x) => x !== id)));
    }
  };
  /** Agenda items live inside their meeting (no foreign keys): a deleted actor, function or service leaves them. */
  const fromAgendas = (fields: string[], id: string, because: string) => {
    const clean = (it: Obj): Obj => {
      const out: Obj = { ...it };
      for (const f of fields) {
        if (Array.isArray(out[f])) out[f] = (out[f] as string[]).filter((x) => x !== id);
        else if (out[f] === id) out[f] = null;
      }
      return out;
    };
    for (const m of list('meeting')) {
      const items = current('meeting', m).items as Obj[];
      if (items.some((it) => JSON.stringify(clean(it)) !== JSON.stringify(it))) edit('meeting', m, because, (c) => (c.items = (c.items as Obj[]).map(clean)));
    }
  };
  const cascade = (k: EntityKind, field: string, id: string, because: string) => {
    for (const o of list(k)) if (o[field] === id) remove(k, o.id, because);
  };

  function remove(k: EntityKind, id: string, because: string | null): void {
    if (deleted.has(key(k, id))) return;
    const o = find(k, id);
    if (!o) return;
    deleted.set(key(k, id), { kind: k, id, label: labelOf(o, state), because });
    changed.delete(key(k, id));
    const why = labelOf(o, state);
    const node = nodeIdOf(k, id);
    if (node) for (const p of state.positions) if (p.nodeId === node) remove('position', p.id, why);
    switch (k) {
      case 'area':
        dropFrom('area', 'parentIds', id, why);
        nullIf('actor', 'areaId', id, why);
        nullIf('partnership', 'areaId', id, why);
        dropFrom('service', 'areaIds', id, why);
        dropFrom('agreement', 'areaIds', id, why);
        nullIf('gap', 'areaId', id, why);
        break;
      case 'actor':
        cascade('orgUnit', 'actorId', id, why);
        cascade('function', 'actorId', id, why);
        cascade('service', 'providerId', id, why);
        cascade('member', 'actorId', id, why);
        cascade('role', 'actorId', id, why);
        cascade('governanceModel', 'actorId', id, why);
        nullIf('actor', 'controlledById', id, why);
        nullIf('partnership', 'actorId', id, why);
        nullIf('partnership', 'leadActorId', id, why);
        dropFrom('gap', 'actorIds', id, why);
        dropFrom('actor', 'boardMemberIds', id, why);
        cascade('mitigation', 'actorId', id, why);
        nullIf('meeting', 'bodyActorId', id, why);
        nullIf('meeting', 'chairActorId', id, why);
        fromAgendas(['rapporteurActorId', 'chairActorId'], id, why);
        for (const ag of list('agreement')) {
          const cur = current('agreement', ag);
          const finance = cur.finance as { funderId: string | null } | null;
          if (finance?.funderId === id) edit('agreement', ag, why, (c) => ((c.finance as { funderId: string | null }).funderId = null));
          const parties = cur.parties as { actorId: string }[];
          if (!parties.some((p) => p.actorId === id)) continue;
          const rest = parties.filter((p) => p.actorId !== id);
          if (!holdsTogether(rest, cur.partnershipId as string | null)) remove('agreement', ag.id, why);
          else edit('agreement', ag, why, (c) => (c.parties = rest));
        }
        break;
      case 'orgUnit':
        cascade('role', 'orgUnitId', id, why);
        nullIf('orgUnit', 'parentUnitId', id, why);
        nullIf('function', 'orgUnitId', id, why);
        nullIf('service', 'orgUnitId', id, why);
        dropFrom('governanceModel', 'separatedUnitIds', id, why);
        partiesNull('orgUnitId', id, why);
        break;
      case 'function':
        cascade('role', 'functionId', id, why);
        nullIf('meeting', 'chairFunctionId', id, why);
        fromAgendas(['rapporteurFunctionId', 'chairFunctionId'], id, why);
        partiesNull('functionId', id, why);
        break;
      case 'partnership':
        cascade('member', 'partnershipId', id, why);
        nullIf('meeting', 'partnershipId', id, why);
        cascade('role', 'partnershipId', id, why);
        for (const ag of list('agreement')) {
          const cur = current('agreement', ag);
          if (cur.partnershipId !== id) continue;
          if (!holdsTogether(cur.parties as { actorId: string }[], null)) remove('agreement', ag.id, why);
          else edit('agreement', ag, why, (c) => (c.partnershipId = null));
        }
        break;
      case 'service':
        fromAgendas(['serviceIds'], id, why);
        break;
      case 'gap':
        fromAgendas(['gapIds'], id, why);
        break;
      case 'agreement':
        nullIf('member', 'agreementId', id, why);
        dropFrom('gap', 'agreementIds', id, why);
        break;
      case 'view':
        cascade('position', 'viewId', id, why);
        // The report builder's scope falls back to the whole network.
        if (state.reportSettings?.options.viewId === id) edit('reportSettings', state.reportSettings as unknown as Obj, why, (c) => delete (c.options as { viewId?: string }).viewId);
        break;
      default:
        break;
    }
  }

  function partiesNull(field: 'orgUnitId' | 'functionId', id: string, why: string): void {
    for (const ag of list('agreement')) {
      const parties = current('agreement', ag).parties as Record<string, unknown>[];
      if (parties.some((p) => p[field] === id)) {
        edit('agreement', ag, why, (c) => (c.parties = (c.parties as Record<string, unknown>[]).map((p) => (p[field] === id ? { ...p, [field]: null } : p))));
      }
    }
  }

  for (const id of ids) remove(kind, id, null);
  const updates: PlannedUpdate[] = [];
  for (const [k, c] of changed) if (!deleted.has(k)) updates.push({ kind: c.kind, value: c.value, label: labelOf(c.value, state), because: c.because });
  return { deletes: [...deleted.values()], updates };
}
