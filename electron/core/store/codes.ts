import type { VocabKind } from '../../../shared/vocab';
import { ENTITIES, type EntityName } from './tables';

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

/** "Onbekende …" for each vocabulary, the adjective after the noun's gender (het actortype: onbekend). */
const UNKNOWN: Record<VocabKind, string> = {
  sector: 'Onbekende sector',
  legalForm: 'Onbekende rechtsvorm',
  level: 'Onbekend niveau',
  areaType: 'Onbekend gebiedstype',
  actorType: 'Onbekend actortype',
  targetGroup: 'Onbekende doelgroep',
  lifeDomain: 'Onbekend levensdomein',
  agreementType: 'Onbekende soort afspraak',
  agreementStatus: 'Onbekende status van een afspraak',
  partyRole: 'Onbekende partijrol',
  partnershipKind: 'Onbekende soort samenwerkingsverband',
  roleKind: 'Onbekende rol',
  decisionBody: 'Onbekend beslissingsorgaan',
  severity: 'Onbekende ernst',
  gapStatus: 'Onbekende status van een lacune',
  governanceStatus: 'Onbekende status van een beheersmodel',
  agendaItemType: 'Onbekende soort agendapunt',
  mitigationMeasure: 'Onbekende maatregel',
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
        return `${UNKNOWN[kind]} "${String(v)}" bij ${ENTITIES[entity].noun} ${String(obj.id)}: voeg de code eerst toe aan de woordenlijst.`;
      }
    }
  }
  return null;
}
