import type { VocabKind } from '../../../shared/vocab';
import type { EntityName } from './tables';

/** Which fields of which entity hold codes from which vocabulary (checked on every write). */
export const CODE_FIELDS: Partial<Record<EntityName, ReadonlyArray<readonly [string, VocabKind]>>> = {
  area: [['type', 'areaType']],
  actor: [
    ['type', 'actorType'],
    ['sectors', 'sector'],
    ['legalForm', 'legalForm'],
    ['level', 'level'],
  ],
  service: [
    ['lifeDomains', 'lifeDomain'],
    ['targetGroups', 'targetGroup'],
  ],
  partnership: [
    ['kind', 'partnershipKind'],
    ['lifeDomains', 'lifeDomain'],
    ['targetGroups', 'targetGroup'],
  ],
  member: [['role', 'partyRole']],
  agreement: [
    ['type', 'agreementType'],
    ['status', 'agreementStatus'],
    ['lifeDomains', 'lifeDomain'],
    ['targetGroups', 'targetGroup'],
    ['parties.role', 'partyRole'],
  ],
  role: [['role', 'roleKind']],
  governanceModel: [['status', 'governanceStatus']],
  gap: [
    ['severity', 'severity'],
    ['status', 'gapStatus'],
    ['lifeDomains', 'lifeDomain'],
    ['targetGroups', 'targetGroup'],
  ],
  meeting: [['items.type', 'agendaItemType']],
  mitigation: [['measure', 'mitigationMeasure']],
  checkSettings: [
    ['priorityPairs.targetGroup', 'targetGroup'],
    ['priorityPairs.lifeDomain', 'lifeDomain'],
    ['vulnerableGroups', 'targetGroup'],
    ['gboMemberTypes', 'actorType'],
  ],
};

const KIND_NOUN: Record<VocabKind, string> = {
  sector: 'sector',
  legalForm: 'rechtsvorm',
  level: 'niveau',
  areaType: 'gebiedstype',
  actorType: 'actortype',
  targetGroup: 'doelgroep',
  lifeDomain: 'levensdomein',
  agreementType: 'afsprakentype',
  agreementStatus: 'afsprakenstatus',
  partyRole: 'partijrol',
  partnershipKind: 'soort samenwerkingsverband',
  roleKind: 'rol',
  decisionBody: 'beslissingsorgaan',
  severity: 'ernst',
  gapStatus: 'lacunestatus',
  governanceStatus: 'status beheersmodel',
  agendaItemType: 'soort agendapunt',
  mitigationMeasure: 'maatregel',
};

/** Finds the first code in `obj` that its vocabulary lacks and says so in Dutch; null when all are known. */
export function unknownCode(
  entity: EntityName,
  obj: Record<string, unknown>,
  known: (kind: VocabKind, code: string) => boolean,
): string | null {
  for (const [path, kind] of CODE_FIELDS[entity] ?? []) {
    const [head, sub] = path.split('.');
    const raw = obj[head];
    const values: unknown[] = sub
      ? ((raw as Record<string, unknown>[] | null) ?? []).map((x) => x[sub])
      : Array.isArray(raw)
        ? raw
        : [raw];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!known(kind, String(v))) {
        return `Onbekende ${KIND_NOUN[kind]} "${String(v)}" bij ${entity} ${String(obj.id)}: voeg de code eerst toe aan de woordenlijst.`;
      }
    }
  }
  return null;
}
