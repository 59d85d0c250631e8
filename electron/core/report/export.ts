import { DEFAULT_VIEW_ID } from '../../../shared/model';
import { referenceDate } from '../../../shared/graph/review';
import { reportHtml, scopeOf, scopedElements } from '../../../shared/report/html';
import { ReportOptionsSchema, type ReportOptions, type ReportOptionsInput } from '../../../shared/report/options';
import { addDays } from '../../../shared/util/dates';
import { mergeVocab } from '../../../shared/vocab';
import type { NetworkDocument } from '../document';
import { CoreError } from '../errors';
import { describeZodError } from '../../../shared/util/zodMessage';
import { reportPositions } from './layout';

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
  const changesSince = options.changesSince ?? addDays(refDate, -options.dueDays);
  const elements = scopedElements(data, vocab, scopeOf(data, view ?? null));
  const positions = options.sections.includes('map') ? reportPositions(elements, doc.positions(view?.id ?? DEFAULT_VIEW_ID)) : new Map();
  const html = reportHtml({ data, vocab, options: { ...options, changesSince }, view: view ?? null, positions, changes: doc.changesSince(changesSince), generatedAt: now.toISOString() });
  return { html, options: { ...options, changesSince } };
}
