import type { AgreementParty, NetworkDataInput } from '../../../shared/model';
import source from '../../../resources/demo/voorbeeldstad.source.json';

/** The readable demo source (resources/demo/voorbeeldstad.source.json), close to the tables of domain.md §6. */
type Source = typeof source;
type SrcAgreement = Source['agreements'][number] & {
  roles?: string[];
  end?: string;
  review?: string;
  originalEnd?: string;
  notes?: string;
  function?: string;
  cluster?: string;
  fromUnit?: string;
  subject?: string;
  legalBasis?: string;
  bbcCode?: string;
  doc?: string;
  domains?: string;
  groups?: string;
  start?: string;
};

function codes(list: string | undefined, labels: Record<string, string>, what: string): string[] {
  if (!list) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const code = labels[s];
      if (!code) throw new Error(`Demo-bron: onbekende ${what} "${s}".`);
      return code;
    });
}

/** Turns the demo source into network data: levels into areas, "doc" into decisions or document references. */
export function buildVoorbeeldstad(src: Source = source): NetworkDataInput {
  const levelAreas = src.levelAreas as Record<string, string[]>;
  const legalForms = src.legalForms as Record<string, string>;
  const sectorMap = src.sectors as Record<string, string>;
  const labels = src.labels as Record<string, string>;
  const defaultRoles = src.defaultRoles as Record<string, string[]>;
  const docBodies = Object.entries(src.docBodies as Record<string, string>);
  const partnershipByActor = new Map(src.partnerships.filter((p) => 'actorId' in p).map((p) => [(p as { actorId: string }).actorId, p.id]));

  const actors = src.actors.map((a) => {
    const la = levelAreas[a.level];
    if (!la) throw new Error(`Demo-bron: onbekend niveau "${a.level}" bij ${a.id}.`);
    const notes: string[] = [];
    if (a.legalForm === 'PUBLIC body') notes.push('Publiek orgaan zonder eigen rechtspersoonlijkheid.');
    if (a.legalForm === 'INFORMAL (advisory)') notes.push('Adviesorgaan.');
    if (a.level === 'LOKAAL (Vlaams)') notes.push('Lokaal kantoor van een Vlaams agentschap.');
    return {
      id: a.id,
      name: a.name,
      type: a.type,
      sectors: a.sector
        .split(',')
        .map((s) => sectorMap[s] ?? s)
        .filter(Boolean),
      legalForm: legalForms[a.legalForm] ?? a.legalForm,
      level: la[0],
      areaId: la[1],
      controlledById: a.controlledBy,
      kbo: 'kbo' in a ? (a as { kbo: string }).kbo : null,
      notes: notes.length ? notes.join(' ') : null,
    };
  });

  const members: NonNullable<NetworkDataInput['members']> = [];
  const agreements = (src.agreements as SrcAgreement[]).map((r) => {
    const [fromRole, toRole] = r.roles ?? defaultRoles[r.type] ?? ['PARTNER', 'PARTNER'];
    const parties: AgreementParty[] = [
      { actorId: r.from, role: fromRole, functionId: r.function ?? null, orgUnitId: r.fromUnit ?? null, cluster: r.cluster ?? null },
      { actorId: r.to, role: toRole, functionId: null, orgUnitId: null, cluster: null },
    ];
    if (r.subject) parties.push({ actorId: r.subject, role: 'SUBJECT', functionId: null, orgUnitId: null, cluster: null });
    const body = r.doc ? docBodies.find(([prefix]) => r.doc!.startsWith(prefix))?.[1] : undefined;
    // A membership of a partnership body (or its pen-holder's agreement) is also recorded as a member row,
    // linked to its agreement; a case consultation by invitation (R31) is not a membership.
    const partnershipId = partnershipByActor.get(r.to);
    const joins = r.type === 'LIDMAATSCHAP' || r.type === 'MANDAAT' || fromRole === 'PENHOUDER';
    if (partnershipId && joins) {
      members.push({
        id: `M-${r.id}`,
        partnershipId,
        actorId: r.from,
        role: fromRole,
        cluster: r.cluster ?? null,
        since: r.start ?? null,
        agreementId: r.id,
      });
    }
    return {
      id: r.id,
      type: r.type,
      title: r.title,
      parties,
      status: r.status,
      startDate: r.start ?? null,
      endDate: r.end ?? null,
      reviewDate: r.review ?? null,
      decision: body ? { body, date: null, reference: r.doc! } : null,
      documentRef: r.doc && !body ? { reference: r.doc } : null,
      legalBasis: r.legalBasis ?? null,
      lifeDomains: codes(r.domains, labels, 'levensdomein'),
      targetGroups: codes(r.groups, labels, 'doelgroep'),
      finance: r.bbcCode ? { bbcCode: r.bbcCode, funderId: r.from } : null,
      sourceRef: `domain.md §6.2 ${r.id}`,
      notes: r.notes ?? null,
      custom: (r.originalEnd ? { oorspronkelijkeEinddatum: r.originalEnd } : {}) as Record<string, string>,
    };
  });

  for (const p of src.partnerships) {
    for (const actorId of ('members' in p ? (p as { members: string[] }).members : [])) {
      members.push({ id: `M-${p.id}-${actorId}`, partnershipId: p.id, actorId, role: 'MEMBER' });
    }
  }

  return {
    meta: src.meta,
    areas: src.areas,
    actors,
    orgUnits: src.orgUnits as NetworkDataInput['orgUnits'],
    functions: src.functions,
    services: src.services,
    partnerships: src.partnerships.map(({ members: _m, ...p }: { members?: string[] } & Record<string, unknown>) => p) as NetworkDataInput['partnerships'],
    members,
    agreements,
    roles: src.roles,
    governanceModels: [],
    meetings: src.meetings,
    gaps: src.gaps.map((g) => ({
      id: g.id,
      ruleId: g.rule,
      title: g.title,
      description: g.description,
      targetGroups: g.groups,
      lifeDomains: g.domains,
      areaId: g.area,
      severity: g.severity,
      status: g.status,
      statusNote: 'statusNote' in g ? (g as { statusNote: string }).statusNote : null,
      actorIds: 'actors' in g ? (g as { actors: string[] }).actors : [],
      agreementIds: 'agreements' in g ? (g as { agreements: string[] }).agreements : [],
      recordedOn: src.meta.referenceDate,
    })),
  };
}
