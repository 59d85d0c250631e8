import type { NetworkData } from '../model';
import { governanceInForce, type Finding, type FindingStatus } from './context';
import { pushTo } from '../util/multimap';

/**
 * Whether each finding is open, mitigated or reopened, and which recorded gaps came from it.
 *
 * A mitigation answers a finding when it names the finding's key, or (without a key) the finding's rule and one of
 * its actors. It is in force until its review date; after that the finding is reopened, not silently open again.
 * For RC1 the local government's beheersmodel is the measure: adopted and not past review mitigates; lapsed reopens;
 * a draft does nothing yet.
 */
export function assess(findings: Finding[], data: NetworkData, refDate: string): Finding[] {
  const byKey = new Map<string, string[]>();
  const byRule = new Map<string, { id: string; actorId: string; live: boolean }[]>();
  const live = new Map<string, boolean>();
  for (const m of data.mitigations) {
    live.set(m.id, !m.reviewDate || m.reviewDate >= refDate);
    if (m.findingKey) pushTo(byKey, m.findingKey, m.id);
    else if (m.actorId) pushTo(byRule, m.ruleId, { id: m.id, actorId: m.actorId, live: live.get(m.id)! });
  }
  const gapsOf = new Map<string, string[]>();
  for (const g of data.gaps) if (g.findingKey) pushTo(gapsOf, g.findingKey, g.id);
  const models = new Map(data.governanceModels.map((g) => [g.id, g]));

  // The findings are fresh from the rules: their status is set in place (most have no measure and stay open).
  return findings.map((f) => {
    const gapIds = gapsOf.get(f.key);
    if (gapIds) f.gapIds = gapIds;
    if (!byKey.has(f.key) && !byRule.has(f.ruleId) && f.ruleId !== 'RC1') return f;
    const ids = [...(byKey.get(f.key) ?? []), ...(byRule.get(f.ruleId) ?? []).filter((m) => f.actorIds.includes(m.actorId)).map((m) => m.id)];
    const inForce = ids.filter((id) => live.get(id));
    let lapsed = ids.length > inForce.length;
    if (f.ruleId === 'RC1') {
      for (const id of f.evidence) {
        const g = models.get(id);
        if (!g) continue;
        if (governanceInForce(g, refDate)) inForce.push(g.id);
        else if (g.status === 'ACTIEF' || g.status === 'VERLOPEN') lapsed = true;
        else continue;
        ids.push(g.id);
      }
    }
    const status: FindingStatus = inForce.length ? 'MITIGATED' : lapsed ? 'REOPENED' : 'OPEN';
    f.status = status;
    f.mitigationIds = [...new Set(ids)].sort();
    return f;
  });
}
