import { originOf, type Actor, type Agreement, type NetworkData, type Service } from '../model';
import type { VocabEntry, VocabKind } from '../vocab';
import { addDays } from '../util/dates';
import { referenceDate } from '../graph/review';
import { pushTo } from '../util/multimap';

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';
/** Open; mitigated by a measure in force; or reopened because the only measures have lapsed. */
export type FindingStatus = 'OPEN' | 'MITIGATED' | 'REOPENED';

/** One thing a check found: who and what is involved, why it matters, and what usually helps. All text in Dutch. */
export interface Finding {
  /** Stable across runs for the same evidence: mitigations and recorded gaps point at it. */
  key: string;
  ruleId: string;
  severity: Severity;
  title: string;
  explanation: string;
  mitigation: string;
  actorIds: string[];
  agreementIds: string[];
  /** Other things involved: services, roles, units, functions, partnerships, meetings. */
  evidence: string[];
  status: FindingStatus;
  /** The measures (mitigations, or a beheersmodel for RC1) that answer it, in force or lapsed. */
  mitigationIds: string[];
  /** Recorded gaps promoted from this finding. */
  gapIds: string[];
}

/** The tunable parts of the checks, with Flemish defaults; stored per document. */
export interface CheckSettings {
  /** Days before an end or review date that count as "soon" (G5). */
  warningDays: number;
  /** Share of recorded referrals to the local government's own services that counts as gatekeeping (RC7). */
  referralShare: number;
  /** Target group × life domain pairs the local plan marks as priorities (G1). */
  priorityPairs: { targetGroup: string; lifeDomain: string }[];
  /** Target groups that count as vulnerable (G8); null: those the vocabulary marks. */
  vulnerableGroups?: string[] | null;
  /** Actor types a GBO needs (G2); null: the vocabulary's. */
  gboMemberTypes?: string[] | null;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  warningDays: 90,
  referralShare: 0.8,
  priorityPairs: [
    { targetGroup: 'PSYCHISCH_KWETSBAREN', lifeDomain: 'WONEN' },
    { targetGroup: 'DAK_THUISLOZEN', lifeDomain: 'WONEN' },
    { targetGroup: 'ARMOEDE', lifeDomain: 'INKOMEN' },
    { targetGroup: 'GEISOLEERDE_OUDEREN', lifeDomain: 'SOCIALE_CONTACTEN' },
    { targetGroup: 'OUDEREN', lifeDomain: 'ZORG' },
    { targetGroup: 'KWETSBARE_GEZINNEN', lifeDomain: 'KINDEROPVANG' },
    { targetGroup: 'JONGEREN_MOEILIJKE_THUISSITUATIE', lifeDomain: 'WELZIJN' },
    { targetGroup: 'SLACHTOFFERS_PLEGERS_IFG', lifeDomain: 'VEILIGHEID' },
  ],
};

/** The settings a document's checks run with: its own row, else the defaults. */
export function settingsOf(data: Pick<NetworkData, 'checkSettings'>): CheckSettings {
  const row = data.checkSettings;
  return row
    ? { warningDays: row.warningDays, referralShare: row.referralShare, priorityPairs: row.priorityPairs, vulnerableGroups: row.vulnerableGroups, gboMemberTypes: row.gboMemberTypes }
    : DEFAULT_CHECK_SETTINGS;
}

/** The target groups that count as vulnerable: the document's choice, else those the vocabulary marks. */
export const vulnerableGroupsOf = (settings: CheckSettings, vocab: Record<VocabKind, VocabEntry[]>): string[] =>
  settings.vulnerableGroups ?? vocab.targetGroup.filter((t) => t.props?.vulnerable).map((t) => t.code);

/** The actor types a GBO needs among its members: the document's choice, else the vocabulary's (OCMW, CAW, DMW). */
export const gboMemberTypesOf = (settings: CheckSettings, vocab: Record<VocabKind, VocabEntry[]>): string[] =>
  settings.gboMemberTypes ?? (vocab.partnershipKind.find((k) => k.code === 'GBO')?.props?.requiredMemberTypes as string[] | undefined) ?? ['OCMW', 'CAW', 'DMW'];

/** Ids sorted and deduplicated. */
const list = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/**
 * What every rule needs, computed once per run: look-ups by id, the local government with everything it controls,
 * the areas that contain each area, and the reference date.
 */
export class CheckContext {
  readonly refDate: string;
  readonly soon: string;
  readonly actors = new Map<string, Actor>();
  readonly servicesOf = new Map<string, Service[]>();
  /** Agreements by each of their parties. */
  readonly agreementsOf = new Map<string, Agreement[]>();
  /**
   * The local government (gemeente, OCMW: actor types marked localGov, of the document's own map) and every entity
   * it controls, directly or not.
   */
  readonly local = new Set<string>();
  /** The municipality's area, if the document names it. */
  readonly municipality: string | null;
  private readonly ancestors = new Map<string, Set<string>>();

  constructor(
    readonly data: NetworkData,
    readonly vocab: Record<VocabKind, VocabEntry[]>,
    readonly settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
  ) {
    this.refDate = referenceDate(data.meta);
    this.soon = addDays(this.refDate, settings.warningDays);
    for (const a of data.actors) this.actors.set(a.id, a);
    for (const ag of data.agreements) {
      // Each agreement once per actor, even when the actor is a party twice (in two roles).
      ag.parties.forEach((p, i) => ag.parties.findIndex((q) => q.actorId === p.actorId) === i && pushTo(this.agreementsOf, p.actorId, ag));
    }
    for (const s of data.services) if (s.active) pushTo(this.servicesOf, s.providerId, s);
    const localTypes = new Set(vocab.actorType.filter((t) => t.props?.localGov).map((t) => t.code));
    // A neighbour's gemeente or OCMW merged in from its map is not this document's local government.
    for (const a of data.actors) if (localTypes.has(a.type) && originOf(a) === null) this.local.add(a.id);
    // Control is transitive: the OCMW's LDC belongs to the local government as much as the OCMW does.
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of data.actors) {
        if (!this.local.has(a.id) && a.controlledById && this.local.has(a.controlledById)) {
          this.local.add(a.id);
          grew = true;
        }
      }
    }
    const parents = new Map(data.areas.map((a) => [a.id, a.parentIds]));
    const up = (id: string, seen: Set<string>) => {
      for (const p of parents.get(id) ?? []) if (!seen.has(p)) up(p, seen.add(p));
      return seen;
    };
    for (const a of data.areas) this.ancestors.set(a.id, up(a.id, new Set()));
    this.municipality = data.meta.municipalityAreaId ?? data.areas.find((a) => a.type === 'GEMEENTE')?.id ?? null;
  }

  /** Agreements with both actors among their parties. */
  between(a: string, b: string): Agreement[] {
    const [x, y] = (this.agreementsOf.get(a)?.length ?? 0) < (this.agreementsOf.get(b)?.length ?? 0) ? [a, b] : [b, a];
    return (this.agreementsOf.get(x) ?? []).filter((ag) => ag.parties.some((p) => p.actorId === y));
  }

  name = (id: string) => this.actors.get(id)?.name ?? id;
  /** A code's Dutch label. */
  label = (kind: VocabKind, code: string) => this.vocab[kind].find((v) => v.code === code)?.nl ?? code;
  names = (ids: Iterable<string>) => list(ids).map(this.name).join(', ');
  isLocal = (id: string) => this.local.has(id);

  /** Whether area `outer` is `inner` or contains it. */
  contains = (outer: string, inner: string) => outer === inner || !!this.ancestors.get(inner)?.has(outer);
  /** Whether two areas overlap: one contains the other. */
  overlap = (a: string, b: string) => this.contains(a, b) || this.contains(b, a);

  /** The areas a service works in: its own, else its provider's. */
  areasOf(s: Service): string[] {
    if (s.areaIds.length) return s.areaIds;
    const a = this.actors.get(s.providerId)?.areaId;
    return a ? [a] : [];
  }
  /** A service covers the municipality when it works there or in a supra-local area that contains it. */
  coversMunicipality(s: Service): boolean {
    const m = this.municipality;
    return !m || this.areasOf(s).some((a) => this.contains(a, m));
  }
  /** A service touches the municipality when it works there, in part of it (a ward), or in an area containing it. */
  touchesMunicipality(s: Service): boolean {
    const m = this.municipality;
    return !m || this.areasOf(s).some((a) => this.overlap(a, m));
  }
  servicesOverlap(a: Service, b: Service): boolean {
    return this.areasOf(a).some((x) => this.areasOf(b).some((y) => this.overlap(x, y)));
  }

  /** In force: active, or up for revision but not ended. */
  inForce(ag: Agreement): boolean {
    return (ag.status === 'ACTIEF' || ag.status === 'TE_HERZIEN') && !(ag.endDate && ag.endDate < this.refDate);
  }
  /** The actor a function belongs to. */
  actorOfFunction(id: string | null): string | null {
    return (id && this.data.functions.find((f) => f.id === id)?.actorId) || null;
  }
  partiesWith(ag: Agreement, ...roles: string[]): string[] {
    return ag.parties.filter((p) => roles.includes(p.role)).map((p) => p.actorId);
  }

  /** A finding with its key made from its rule and evidence, ids sorted and deduplicated. */
  finding(f: Omit<Finding, 'key' | 'actorIds' | 'agreementIds' | 'evidence' | 'status' | 'mitigationIds' | 'gapIds'> & { actorIds: Iterable<string>; agreementIds?: Iterable<string>; evidence?: Iterable<string> }, keyIds?: Iterable<string>): Finding {
    const actorIds = list(f.actorIds);
    const agreementIds = list(f.agreementIds ?? []);
    const evidence = list(f.evidence ?? []);
    const key = findingKey(f.ruleId, keyIds ?? [...actorIds, ...agreementIds]);
    // Spelled out rather than spread: thousands of these are made per run at scale.
    return { ruleId: f.ruleId, severity: f.severity, title: f.title, explanation: f.explanation, mitigation: f.mitigation, key, actorIds, agreementIds, evidence, status: 'OPEN', mitigationIds: [], gapIds: [] };
  }
}

/** Findings that still ask for something: open, or reopened because their measure lapsed. */
export const needsAction = (f: Pick<Finding, 'status'>) => f.status !== 'MITIGATED';

/** A finding's stable key: its rule and its key ids, sorted and deduplicated (`RC4:MT1+punt 1`). */
export const findingKey = (ruleId: string, ids: Iterable<string>) => `${ruleId}:${list(ids).join('+')}`;

/** The key ids of a finding about one agenda item (RC4, RC5): the meeting and the item. */
export const agendaKeyIds = (meetingId: string, itemId: string) => [meetingId, `punt ${itemId}`];

/** A beheersmodel in force: adopted (ACTIEF) and not past its review date. */
export const governanceInForce = (g: { status: string; reviewDate: string | null }, refDate: string) => g.status === 'ACTIEF' && !(g.reviewDate && g.reviewDate < refDate);

/** Whether two code lists share a code; an empty list means "not specified" and shares nothing. */
export const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
