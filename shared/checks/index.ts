import type { NetworkData } from '../model';
import type { VocabEntry, VocabKind } from '../vocab';
import { CheckContext, settingsOf, type CheckSettings, type Finding } from './context';
import { assess } from './status';
import { g1, g10, g11, g12, g13, g14, g2, g3, g4, g5, g6, g7, g8, g9 } from './gaps';
import { escalateRc2, rc1, rc10, rc11, rc12, rc2, rc3, rc4, rc5, rc5Agenda, rc6, rc7, rc8, rc9 } from './roleConflicts';

export type { CheckSettings, Finding, FindingStatus, Severity } from './context';
export { DEFAULT_CHECK_SETTINGS, agendaKeyIds, findingKey, gboMemberTypesOf, needsAction, settingsOf, vulnerableGroupsOf } from './context';

/** Every rule, in the order of domain.md. */
export const RULES: { id: string; run: (ctx: CheckContext) => Finding[] }[] = [
  { id: 'RC1', run: rc1 },
  { id: 'RC2', run: rc2 },
  { id: 'RC3', run: rc3 },
  { id: 'RC4', run: rc4 },
  { id: 'RC5', run: (ctx) => [...rc5(ctx), ...rc5Agenda(ctx)] },
  { id: 'RC6', run: rc6 },
  { id: 'RC7', run: rc7 },
  { id: 'RC8', run: rc8 },
  { id: 'RC9', run: rc9 },
  { id: 'RC10', run: rc10 },
  { id: 'RC11', run: rc11 },
  { id: 'RC12', run: rc12 },
  { id: 'G1', run: g1 },
  { id: 'G2', run: g2 },
  { id: 'G3', run: g3 },
  { id: 'G4', run: g4 },
  { id: 'G5', run: g5 },
  { id: 'G6', run: g6 },
  { id: 'G7', run: g7 },
  { id: 'G8', run: g8 },
  { id: 'G9', run: g9 },
  { id: 'G10', run: g10 },
  { id: 'G11', run: g11 },
  { id: 'G12', run: g12 },
  { id: 'G13', run: g13 },
  { id: 'G14', run: g14 },
];

const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/**
 * Runs every check over a snapshot: pure, so the UI, the command line and the tests get the same findings. The
 * settings are the document's own unless given; each finding comes with its status (open, mitigated, reopened).
 */
export function runChecks(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, settings: CheckSettings = settingsOf(data)): Finding[] {
  const ctx = new CheckContext(data, vocab, settings);
  const findings = assess(escalateRc2(RULES.flatMap((r) => r.run(ctx))), data, ctx.refDate);
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || order.get(a.ruleId)! - order.get(b.ruleId)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
