import { DEFAULT_VIEW_ID, ENTITY_KINDS, positionId, type EntityKind } from '../../../shared/model';
import { holds, planDelete, type DeletePlan } from '../../../shared/edit/cascade';
import type { DeletePreview, EditBatch, EditOutcome, EditStep } from '../../../shared/edit/commands';
import { CoreError } from '../errors';
import type { EditTx, NetworkDocument } from '../document';
import { historyState } from './history';

const ORDER = new Map<EntityKind, number>(ENTITY_KINDS.map((k, i) => [k, i]));

/** What deleting would take with it, checked against the rules the core enforces (the municipality's area stays). */
function plan(doc: NetworkDocument, kind: EntityKind, ids: readonly string[]): DeletePlan {
  const state = doc.state();
  const missing = ids.find((id) => !holds(state, kind, id));
  if (missing) throw new CoreError('NOT_FOUND', `Er is niets met id ${missing} om te verwijderen.`);
  if (kind === 'area' && state.meta.municipalityAreaId && ids.includes(state.meta.municipalityAreaId)) {
    throw new CoreError('CONSTRAINT', 'Dit gebied is het grondgebied van de gemeente en kan niet worden verwijderd.');
  }
  if (kind === 'view' && ids.includes(DEFAULT_VIEW_ID)) {
    throw new CoreError('CONSTRAINT', 'De standaardweergave kan niet worden verwijderd.');
  }
  return planDelete(state, kind, ids);
}

/** The confirmation text's data: everything a delete would remove or change. */
export function previewDelete(doc: NetworkDocument, kind: EntityKind, ids: readonly string[]): DeletePreview {
  const p = plan(doc, kind, ids);
  return {
    deletes: p.deletes.filter((d) => d.kind !== 'position').map(({ kind: k, id, label, because }) => ({ kind: k, id, label, because })),
    updates: p.updates.map((u) => ({ kind: u.kind, id: u.value.id, label: u.label, because: u.because })),
  };
}

/** Fields by which a thing points at another thing of its own kind (a unit's parent unit, an area's parents). */
const SELF_REFS: Partial<Record<EntityKind, (o: Record<string, unknown>) => unknown[]>> = {
  orgUnit: (o) => [o.parentUnitId],
  area: (o) => o.parentIds as unknown[],
  actor: (o) => [o.controlledById],
};

/**
 * Orders deletes so that nothing is deleted while something else being deleted still points at it: later kinds
 * first, and within a kind, children before parents. Otherwise SQLite's own ON DELETE action would change the
 * child unlogged, and undo would bring it back without its parent link.
 */
function childrenFirst(tx: EditTx, deletes: DeletePlan['deletes']): DeletePlan['deletes'] {
  const out: DeletePlan['deletes'] = [];
  const kinds = [...new Set(deletes.map((d) => d.kind))].sort((a, b) => ORDER.get(b)! - ORDER.get(a)!);
  for (const kind of kinds) {
    let rest = deletes.filter((d) => d.kind === kind);
    const refs = SELF_REFS[kind];
    if (!refs) {
      out.push(...rest);
      continue;
    }
    const pointsAt = new Map(rest.map((d) => [d.id, new Set(refs(tx.get(kind, d.id) ?? {}).filter((x): x is string => typeof x === 'string'))]));
    while (rest.length) {
      const free = rest.filter((d) => !rest.some((o) => o !== d && pointsAt.get(o.id)!.has(d.id)));
      const next = free.length ? free : rest.slice(0, 1); // a cycle: break it anywhere
      out.push(...next);
      rest = rest.filter((d) => !next.includes(d));
    }
  }
  return out;
}

function runStep(doc: NetworkDocument, tx: EditTx, step: EditStep, created: string[]): void {
  switch (step.op) {
    case 'create':
      created.push(String(tx.insert(step.kind, step.value).id));
      return;
    case 'update':
      if (!tx.get(step.kind, step.value.id)) throw new CoreError('NOT_FOUND', `Er is niets met id ${step.value.id} om te wijzigen.`);
      tx.update(step.kind, step.value);
      return;
    case 'patch':
      for (const id of step.ids) {
        const current = tx.get(step.kind, id);
        if (!current) throw new CoreError('NOT_FOUND', `Er is niets met id ${id} om te wijzigen.`);
        tx.update(step.kind, { ...current, ...step.patch, id });
      }
      return;
    case 'delete': {
      const p = plan(doc, step.kind, step.ids);
      // References are cleared first, then dependents go before what they depend on: no schema cascade fires,
      // so every removed row is in the change log and undo can bring it back.
      for (const u of p.updates) tx.update(u.kind, u.value);
      for (const d of childrenFirst(tx, p.deletes)) tx.remove(d.kind, d.id);
      return;
    }
    case 'place':
      if (!tx.get('view', step.viewId)) throw new CoreError('NOT_FOUND', `Er is geen weergave met id ${step.viewId}.`);
      for (const pos of step.positions) {
        const id = positionId(step.viewId, pos.nodeId);
        const value = { id, viewId: step.viewId, nodeId: pos.nodeId, x: Math.round(pos.x * 10) / 10, y: Math.round(pos.y * 10) / 10 };
        if (tx.get('position', id)) tx.update('position', value);
        else tx.insert('position', value);
      }
      return;
  }
}

/** Carries out one user action: all its steps in one transaction, recorded as one entry of the undo history. */
export function applyBatch(doc: NetworkDocument, batch: EditBatch): EditOutcome {
  const created: string[] = [];
  const changes = doc.edit(
    (tx) => {
      for (const step of batch.steps) runStep(doc, tx, step, created);
      if (batch.dropDraft) tx.dropDraft(batch.dropDraft);
      return tx.changeCount();
    },
    { label: batch.label, history: batch.undoable, coalesce: batch.coalesce },
  );
  return { created, changes, history: historyState(doc.db) };
}
