import type { NetworkData } from '../model';
import type { VocabEntry, VocabKind } from '../vocab';
import { CheckContext, DEFAULT_CHECK_SETTINGS, type CheckSettings, type Finding } from './context';
import { escalateRc2, rc1, rc10, rc2, rc3, rc5, rc6, rc7, rc8, rc9 } from './roleConflicts';

export type { CheckSettings, Finding, Severity } from './context';
export { DEFAULT_CHECK_SETTINGS } from './context';

/** Every rule, in the order of domain.md. */
export const RULES: { id: string; run: (ctx: CheckContext) => Finding[] }[] = [
  { id: 'RC1', run: rc1 },
  { id: 'RC2', run: rc2 },
  { id: 'RC3', run: rc3 },
  { id: 'RC5', run: rc5 },
  { id: 'RC6', run: rc6 },
  { id: 'RC7', run: rc7 },
  { id: 'RC8', run: rc8 },
  { id: 'RC9', run: rc9 },
  { id: 'RC10', run: rc10 },
];

const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/** Runs every check over a snapshot: pure, so the UI, the command line and the tests get the same findings. */
export function runChecks(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): Finding[] {
  const ctx = new CheckContext(data, vocab, settings);
  const findings = escalateRc2(RULES.flatMap((r) => r.run(ctx)));
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || order.get(a.ruleId)! - order.get(b.ruleId)! || a.key.localeCompare(b.key));
}
