import path from 'node:path';
import type { MergePreview } from '../../../shared/exchange/contract';
import type { ExchangeDocument } from '../../../shared/exchange/format';
import { planMerge, sameMapReason, type MergeChoices, type MergePlan } from '../../../shared/exchange/merge';
import { CoreError } from '../errors';
import { assertNoProblems } from '../../../shared/exchange/problems';
import { DEFAULT_VIEW_ID, positionId, type Counts } from '../../../shared/model';
import { mergeVocab } from '../../../shared/vocab';
import type { NetworkDocument } from '../document';
import { codeProblems } from './json';

/** The merge of another map (a JSON export) into this document, planned and checked, nothing written. */
export function planMergeInto(doc: NetworkDocument, data: ExchangeDocument, choices: MergeChoices, source: string, today = new Date().toISOString().slice(0, 10)): MergePlan {
  const views = doc.views();
  const plan = planMerge({ ...doc.snapshot(), views, positions: doc.positions(DEFAULT_VIEW_ID) }, mergeVocab(doc.vocab()), data, choices, { today, file: path.basename(source) });
  plan.problems.unshift(...codeProblems(data, doc.vocab()));
  return plan;
}

/** The preview of a merge as the contract shows it (from the plan's own snapshot: the document is not read again). */
export function mergePreview(plan: MergePlan): MergePreview {
  const { source, ownName, matches, ourActors, differences, summary, filled, leftOut, view } = plan;
  return { source, ownName, matches, differences, summary, filled, leftOut, view, ourActors };
}

/** "12 actoren nieuw, 9 gekoppeld (4 bijgewerkt); 15 afspraken nieuw; 3 verschillen, 2 keer hun waarde" */
export function describeMerge(plan: MergePlan): string {
  const s = plan.summary;
  const theirs = plan.differences.filter((d) => d.take === 'theirs').length;
  return [
    `actoren ${s.actors.create} nieuw, ${s.actors.update + s.actors.unchanged} gekoppeld (${s.actors.update} bijgewerkt)`,
    `afspraken ${s.agreements.create} nieuw, ${s.agreements.update + s.agreements.unchanged} gekoppeld`,
    `diensten ${s.services.create} nieuw`,
    `samenwerkingsverbanden ${s.partnerships.create} nieuw`,
    `${plan.differences.length} verschil${plan.differences.length === 1 ? '' : 'len'}${plan.differences.length ? ` (${theirs} keer hun waarde)` : ''}`,
  ].join('; ');
}

/**
 * Writes a planned merge in one transaction, as one undoable step: the other map's vocabulary entries, the added
 * and updated entities, the added nodes' places on the standard view, and the supra-local view.
 */
export function applyMerge(doc: NetworkDocument, plan: MergePlan, source: string): Counts {
  const same = sameMapReason(plan);
  if (same) throw new CoreError('UNSUPPORTED', same);
  assertNoProblems(path.basename(source), plan.problems);
  doc.edit(
    (tx) => {
      tx.deferForeignKeys();
      // Their own codes come as logged changes: undoing the merge takes them out again.
      for (const { kind, entry } of plan.vocab) tx.putVocab(kind, entry, true);
      for (const w of plan.writes) {
        if (w.op === 'insert') tx.insert(w.entity, w.value);
        else tx.update(w.entity, w.value);
      }
      for (const p of plan.places) tx.insert('position', { id: positionId(DEFAULT_VIEW_ID, p.nodeId), viewId: DEFAULT_VIEW_ID, nodeId: p.nodeId, x: p.x, y: p.y });
    },
    { label: `Samengevoegd met ${plan.source} (${path.basename(source)}): ${plan.summary.actors.create} actoren nieuw, ${plan.summary.actors.update + plan.summary.actors.unchanged} gekoppeld` },
  );
  return doc.counts();
}
