import type { TFunction } from 'i18next';
import type { Actor, NetworkData } from '../../../../shared/model';
import type { FieldSpec } from './SpecForm';

const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
export const actorOptions = (data: NetworkData) => byName(data.actors.map((a) => ({ id: a.id, name: a.name })));
const unitOptions = (data: NetworkData, actorId: string) => byName(data.orgUnits.filter((u) => u.actorId === actorId).map((u) => ({ id: u.id, name: u.name })));
const functionOptions = (data: NetworkData, actorId: string) =>
  data.functions
    .filter((f) => f.actorId === actorId)
    .map((f) => ({ id: f.id, name: f.title }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
export const partnershipOptions = (data: NetworkData) => byName(data.partnerships.map((p) => ({ id: p.id, name: p.name })));
/** Every function, named with its actor: "Schepen van welzijn (Gemeente Voorbeeldstad)". */
export const allFunctionOptions = (data: NetworkData) => {
  const actor = new Map(data.actors.map((a) => [a.id, a.name]));
  return byName(data.functions.map((f) => ({ id: f.id, name: `${f.title} (${actor.get(f.actorId) ?? f.actorId})` })));
};
/** Services, named with their provider. */
export const serviceOptions = (data: NetworkData) => {
  const actor = new Map(data.actors.map((a) => [a.id, a.name]));
  return byName(data.services.map((s) => ({ id: s.id, name: `${s.name} (${actor.get(s.providerId) ?? s.providerId})` })));
};
const areaOptions = (data: NetworkData) => byName(data.areas.map((a) => ({ id: a.id, name: a.name })));

/** What a membership says besides who and where: the role, the cluster or pillar, and when. */
const membershipFields = (t: TFunction): FieldSpec[] => [
  { key: 'role', type: 'code', label: t('form.memberRole'), vocab: 'partyRole' },
  { key: 'cluster', type: 'text', label: t('form.cluster') },
  { key: 'since', type: 'date', label: t('form.since') },
  { key: 'until', type: 'date', label: t('form.until') },
];

/** The forms of the things an actor holds or takes part in, and of partnerships: which fields, in which order. */
export const specs = {
  orgUnit: (t: TFunction, data: NetworkData, actor: Actor): FieldSpec[] => [
    { key: 'name', type: 'text', label: t('form.name'), required: true },
    {
      key: 'kind',
      type: 'choice',
      label: t('form.unitKind'),
      options: (['DIENST', 'CEL', 'BESLISSINGSORGAAN', 'ANDERE'] as const).map((k) => ({ id: k, name: t(`form.unitKinds.${k}`) })),
    },
    { key: 'parentUnitId', type: 'ref', label: t('form.parentUnit'), options: unitOptions(data, actor.id) },
    { key: 'reportsTo', type: 'text', label: t('form.reportsTo') },
    { key: 'notes', type: 'multiline', label: t('inspector.notes') },
  ],
  function: (t: TFunction, data: NetworkData, actor: Actor): FieldSpec[] => [
    { key: 'title', type: 'text', label: t('form.functionTitle'), required: true },
    { key: 'orgUnitId', type: 'ref', label: t('form.orgUnit'), options: unitOptions(data, actor.id) },
    { key: 'notes', type: 'multiline', label: t('inspector.notes') },
  ],
  /** A membership seen from the actor: which partnership. */
  memberOfActor: (t: TFunction, data: NetworkData): FieldSpec[] => [
    { key: 'partnershipId', type: 'ref', label: t('kind.partnership'), options: partnershipOptions(data), emptyLabel: t('form.choose') },
    ...membershipFields(t),
  ],
  /** A membership seen from the partnership: which actor. */
  memberOfPartnership: (t: TFunction, data: NetworkData): FieldSpec[] => [
    { key: 'actorId', type: 'ref', label: t('kind.actor'), options: actorOptions(data), emptyLabel: t('form.choose') },
    ...membershipFields(t),
  ],
  role: (t: TFunction, data: NetworkData, actor: Actor): FieldSpec[] => [
    { key: 'role', type: 'code', label: t('form.role'), vocab: 'roleKind' },
    { key: 'partnershipId', type: 'ref', label: t('form.inPartnership'), options: partnershipOptions(data) },
    { key: 'orgUnitId', type: 'ref', label: t('form.orgUnit'), options: unitOptions(data, actor.id) },
    { key: 'functionId', type: 'ref', label: t('form.function'), options: functionOptions(data, actor.id) },
    { key: 'statutory', type: 'bool', label: t('form.statutory') },
    { key: 'since', type: 'date', label: t('form.since') },
    { key: 'until', type: 'date', label: t('form.until') },
    { key: 'notes', type: 'multiline', label: t('inspector.notes') },
  ],
  governanceModel: (t: TFunction, data: NetworkData, actor: Actor): FieldSpec[] => [
    { key: 'title', type: 'text', label: t('form.title'), required: true },
    { key: 'status', type: 'code', label: t('form.status'), vocab: 'governanceStatus' },
    { key: 'adoptedDate', type: 'date', label: t('form.adoptedDate') },
    { key: 'reviewDate', type: 'date', label: t('form.reviewDate') },
    { key: 'separatedUnitIds', type: 'refs', label: t('form.separatedUnits'), options: unitOptions(data, actor.id) },
    { key: 'notes', type: 'multiline', label: t('inspector.notes') },
  ],
  partnership: (t: TFunction, data: NetworkData): FieldSpec[] => [
    { key: 'name', type: 'text', label: t('form.name'), required: true },
    { key: 'kind', type: 'code', label: t('form.partnershipKind'), vocab: 'partnershipKind' },
    { key: 'actorId', type: 'ref', label: t('form.partnershipActor'), options: actorOptions(data), emptyLabel: t('form.ownHub') },
    { key: 'leadActorId', type: 'ref', label: t('form.leadActor'), options: actorOptions(data) },
    { key: 'areaId', type: 'ref', label: t('inspector.area'), options: areaOptions(data) },
    { key: 'targetGroups', type: 'codes', label: t('form.targetGroups'), vocab: 'targetGroup' },
    { key: 'lifeDomains', type: 'codes', label: t('form.lifeDomains'), vocab: 'lifeDomain' },
    { key: 'active', type: 'bool', label: t('form.active') },
    { key: 'notes', type: 'multiline', label: t('inspector.notes') },
  ],
};

/** New, empty things of each kind, filled in where the context tells (the actor, the partnership). */
export const blanks = {
  orgUnit: (actorId: string) => ({ actorId, name: '', kind: 'DIENST', parentUnitId: null, reportsTo: null, notes: null }),
  function: (actorId: string) => ({ actorId, title: '', orgUnitId: null, notes: null }),
  member: (partnershipId: string | null, actorId: string | null) => ({ partnershipId, actorId, role: 'MEMBER', cluster: null, since: null, until: null, agreementId: null }),
  role: (actorId: string) => ({ actorId, role: 'ACTOR', partnershipId: null, orgUnitId: null, functionId: null, statutory: false, since: null, until: null, notes: null }),
  governanceModel: (actorId: string) => ({ actorId, title: '', status: 'CONCEPT', decision: null, adoptedDate: null, reviewDate: null, separatedUnitIds: [], notes: null }),
  partnership: () => ({ name: '', kind: 'REGIENETWERK', actorId: null, leadActorId: null, areaId: null, lifeDomains: [], targetGroups: [], active: true, notes: null }),
};
