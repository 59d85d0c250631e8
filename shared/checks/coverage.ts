import type { NetworkData } from '../model';
import type { VocabEntry, VocabKind } from '../vocab';
import { CheckContext, settingsOf, type CheckSettings } from './context';

export interface CoverageCell {
  targetGroup: string;
  lifeDomain: string;
  /** Active providers with an active service for this pair that covers the municipality. */
  providerIds: string[];
  serviceIds: string[];
  priority: boolean;
}
export interface Coverage {
  targetGroups: string[];
  lifeDomains: string[];
  cell: (targetGroup: string, lifeDomain: string) => CoverageCell;
}

/**
 * Target groups × life domains, each cell the active providers covering the municipality (their own area or a
 * supra-local area that contains it), as G1 counts them. Rows and columns are the codes some service uses or a
 * priority names, in vocabulary order; "brede doelgroep" is not a row.
 */
export function coverage(data: NetworkData, vocab: Record<VocabKind, VocabEntry[]>, settings: CheckSettings = settingsOf(data)): Coverage {
  const ctx = new CheckContext(data, vocab, settings);
  const active = new Set(data.actors.filter((a) => a.active).map((a) => a.id));
  const cells = new Map<string, { providers: Set<string>; services: string[] }>();
  const usedTg = new Set(settings.priorityPairs.map((p) => p.targetGroup));
  const usedLd = new Set(settings.priorityPairs.map((p) => p.lifeDomain));
  for (const s of data.services) {
    for (const g of s.targetGroups) usedTg.add(g);
    for (const d of s.lifeDomains) usedLd.add(d);
    if (!s.active || !active.has(s.providerId) || !ctx.coversMunicipality(s)) continue;
    for (const g of s.targetGroups) {
      for (const d of s.lifeDomains) {
        const key = `${g}|${d}`;
        const c = cells.get(key) ?? cells.set(key, { providers: new Set(), services: [] }).get(key)!;
        c.providers.add(s.providerId);
        c.services.push(s.id);
      }
    }
  }
  const priority = new Set(settings.priorityPairs.map((p) => `${p.targetGroup}|${p.lifeDomain}`));
  return {
    targetGroups: vocab.targetGroup.map((v) => v.code).filter((c) => usedTg.has(c) && c !== 'BREDE_DOELGROEP'),
    lifeDomains: vocab.lifeDomain.map((v) => v.code).filter((c) => usedLd.has(c)),
    cell: (targetGroup, lifeDomain) => {
      const c = cells.get(`${targetGroup}|${lifeDomain}`);
      return { targetGroup, lifeDomain, providerIds: c ? [...c.providers].sort() : [], serviceIds: c?.services ?? [], priority: priority.has(`${targetGroup}|${lifeDomain}`) };
    },
  };
}
