import { DEFAULT_VIEW_ID, REPORT_SETTINGS_ID } from '../../../shared/model';
import { referenceDate } from '../../../shared/graph/review';
import { reportHtml, scopeOf, scopedElements } from '../../../shared/report/html';
import { ReportOptionsSchema, type ReportOptions, type ReportOptionsInput } from '../../../shared/report/options';
import { addDays } from '../../../shared/util/dates';
import { mergeVocab } from '../../../shared/vocab';
import type { NetworkDocument } from '../document';
import { CoreError } from '../errors';
import { describeZodError } from '../../../shared/util/zodMessage';
import { reportPositions } from './layout';
import { applyBatch } from '../edit/apply';
import { EditBatchSchema } from '../../../shared/edit/commands';

/**
 * Keeps the builder's choices and when and where the report went, so the next pack is one click and its "changes
 * since" starts at this one. Not an undoable edit: it records what was done, it does not change the network.
 */
export function rememberReport(doc: NetworkDocument, options: ReportOptions, file: string, now = new Date()): void {
  if (doc.readOnly) return;
  // The chosen "since" day belongs to this pack; the next one starts from this export.
  const { changesSince: _since, ...kept } = options;
  const row = { id: REPORT_SETTINGS_ID, options: kept, lastExportAt: now.toISOString(), lastExportPath: file };
  doc.edit((tx) => (tx.get('reportSettings', REPORT_SETTINGS_ID) ? tx.update('reportSettings', row) : tx.insert('reportSettings', row)), { label: 'Rapport gemaakt', history: false });
}

/**
 * A report of an open document as print-ready HTML: the options checked, the view found, the map laid out where
 * the view has no positions yet, and the change log read from the chosen day.
 */
export function buildReport(doc: NetworkDocument, input: ReportOptionsInput, now = new Date()): { html: string; options: ReportOptions } {
  const parsed = ReportOptionsSchema.safeParse(input);
  if (!parsed.success) throw new CoreError('INVALID_INPUT', describeZodError(parsed.error));
  const options = parsed.data;
  const view = options.viewId ? doc.views().find((v) => v.id === options.viewId || v.name === options.viewId) : null;
  if (options.viewId && !view) throw new CoreError('NOT_FOUND', `Er is geen weergave "${options.viewId}" in dit document.`);
  const data = doc.snapshot();
  const vocab = mergeVocab(doc.vocab());
  const refDate = referenceDate(data.meta, now);
  // Changes since the previous pack when there was one, else over the review window.
  const changesSince = options.changesSince ?? data.reportSettings?.lastExportAt?.slice(0, 10) ?? addDays(refDate, -options.dueDays);
  const elements = scopedElements(data, vocab, scopeOf(data, view ?? null));
  const viewId = view?.id ?? DEFAULT_VIEW_ID;
  const stored = options.sections.includes('map') ? doc.positions(viewId) : [];
  const positions = options.sections.includes('map') ? reportPositions(elements, stored) : new Map();
  // A map nobody had arranged keeps the layout it got here, as the app keeps its first layout: the next pack shows
  // the same map, and the app opens on it. Not an undoable edit.
  const kept = new Set(stored.map((p) => p.nodeId));
  const placed = [...positions].filter(([nodeId]) => !kept.has(nodeId)).map(([nodeId, p]) => ({ nodeId, x: p.x, y: p.y }));
  if (placed.length && !doc.readOnly) applyBatch(doc, EditBatchSchema.parse({ undoable: false, steps: [{ op: 'place', viewId, positions: placed }] }));
  const html = reportHtml({ data, vocab, options: { ...options, changesSince }, view: view ?? null, positions, changes: doc.changesSince(changesSince), generatedAt: now.toISOString() });
  return { html, options: { ...options, changesSince } };
}
