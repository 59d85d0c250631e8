import type { Agreement, DocumentMeta } from '../model';
import { addDays, todayIso } from '../util/dates';

/** The date a document's data describes: its reference date, or today. */
export const referenceDate = (meta: DocumentMeta, now = new Date()) => meta.referenceDate ?? todayIso(now);

export type ReviewState = 'overdue' | 'due' | null;

/**
 * Whether an agreement needs review: `overdue` when its review date has passed, `due` when it falls within the
 * next `days` days (90 by default). Ended and terminated agreements need none.
 */
export function reviewState(ag: Pick<Agreement, 'reviewDate' | 'status' | 'endDate'>, refDate: string, days = 90): ReviewState {
  if (!ag.reviewDate || ag.status === 'OPGEZEGD' || ag.status === 'VERLOPEN' || (ag.endDate && ag.endDate < refDate)) return null;
  if (ag.reviewDate < refDate) return 'overdue';
  return ag.reviewDate <= addDays(refDate, days) ? 'due' : null;
}
