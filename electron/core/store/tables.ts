import { z } from 'zod';
import { AgendaItemSchema, ENTITY_KINDS, ENTITY_SCHEMAS, type EntityKind } from '../../../shared/model';
import { ReportOptionsSchema } from '../../../shared/report/options';

/** How a field is stored in its SQLite column. */
type ColKind = 'text' | 'json' | 'bool' | 'int' | 'num';
/** A column; a JSON column may name the schema its value is read back through (to fill in defaults added later). */
type Col = readonly [field: string, column: string, kind: ColKind, json?: z.ZodType];

/** A list-valued field kept in a child table (ordered rows), e.g. an agreement's parties. */
interface ChildTable {
  field: string;
  table: string;
  parentColumn: string;
  /** Columns of one child row; a single `value` column means the field is a list of plain values. */
  cols: readonly Col[];
}

/** Maps one entity kind of the model onto its table; the generic store reads and writes through it. */
export interface EntityDef {
  entity: EntityName;
  table: string;
  schema: z.ZodType;
  cols: readonly Col[];
  child?: ChildTable;
  /** Dutch noun for messages and the change log. */
  noun: string;
  /** Its plural, for a change-log entry of many ("10000 actoren toegevoegd"). */
  plural: string;
  label: (row: Record<string, unknown>) => string;
}

export type EntityName = EntityKind;

const t = (field: string, column = snake(field)): Col => [field, column, 'text'];
const j = (field: string, column = snake(field), schema?: z.ZodType): Col => (schema ? [field, column, 'json', schema] : [field, column, 'json']);
const b = (field: string, column = snake(field)): Col => [field, column, 'bool'];
function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
const name = (r: Record<string, unknown>) => String(r.name ?? r.title ?? r.id);

export const ENTITIES: Record<EntityName, EntityDef> = {
  area: {
    entity: 'area',
    table: 'areas',
    schema: ENTITY_SCHEMAS.area,
    noun: 'gebied',
    plural: 'gebieden',
    label: name,
    cols: [t('id'), t('name'), t('type'), ['inhabitants', 'inhabitants', 'int'], t('notes')],
    child: { field: 'parentIds', table: 'area_parents', parentColumn: 'area_id', cols: [['value', 'parent_id', 'text']] },
  },
  actor: {
    entity: 'actor',
    table: 'actors',
    schema: ENTITY_SCHEMAS.actor,
    noun: 'actor',
    plural: 'actoren',
    label: name,
    cols: [
      t('id'),
      t('name'),
      j('aliases'),
      t('type'),
      j('sectors'),
      t('legalForm'),
      t('level'),
      t('areaId'),
      t('controlledById'),
      j('boardMemberIds'),
      t('kbo'),
      t('socialeKaartId'),
      t('socialeKaartSyncedAt'),
      j('contact'),
      b('active'),
      t('notes'),
      j('custom'),
      j('provenance'),
    ],
  },
  orgUnit: {
    entity: 'orgUnit',
    table: 'org_units',
    schema: ENTITY_SCHEMAS.orgUnit,
    noun: 'organisatie-eenheid',
    plural: 'organisatie-eenheden',
    label: name,
    cols: [t('id'), t('actorId'), t('name'), t('kind'), t('parentUnitId'), t('reportsTo'), t('notes')],
  },
  function: {
    entity: 'function',
    table: 'functions',
    schema: ENTITY_SCHEMAS.function,
    noun: 'functie',
    plural: 'functies',
    label: name,
    cols: [t('id'), t('actorId'), t('orgUnitId'), t('title'), t('notes')],
  },
  service: {
    entity: 'service',
    table: 'services',
    schema: ENTITY_SCHEMAS.service,
    noun: 'dienst',
    plural: 'diensten',
    label: name,
    cols: [
      t('id'),
      t('providerId'),
      t('orgUnitId'),
      t('name'),
      j('lifeDomains'),
      j('targetGroups'),
      j('areaIds'),
      b('outreach'),
      j('functions'),
      b('active'),
      t('notes'),
    ],
  },
  partnership: {
    entity: 'partnership',
    table: 'partnerships',
    schema: ENTITY_SCHEMAS.partnership,
    noun: 'samenwerkingsverband',
    plural: 'samenwerkingsverbanden',
    label: name,
    cols: [
      t('id'),
      t('name'),
      t('kind'),
      t('actorId'),
      t('leadActorId'),
      t('areaId'),
      j('lifeDomains'),
      j('targetGroups'),
      b('active'),
      t('notes'),
    ],
  },
  member: {
    entity: 'member',
    table: 'partnership_members',
    schema: ENTITY_SCHEMAS.member,
    noun: 'lidmaatschap',
    plural: 'lidmaatschappen',
    label: (r) => `${String(r.actorId)} in ${String(r.partnershipId)}`,
    cols: [t('id'), t('partnershipId'), t('actorId'), t('role'), t('cluster'), t('since'), t('until'), t('agreementId')],
  },
  agreement: {
    entity: 'agreement',
    table: 'agreements',
    schema: ENTITY_SCHEMAS.agreement,
    noun: 'afspraak',
    plural: 'afspraken',
    label: name,
    cols: [
      t('id'),
      t('type'),
      t('title'),
      t('partnershipId'),
      t('status'),
      t('startDate'),
      t('endDate'),
      t('reviewDate'),
      b('autoRenew'),
      t('noticePeriod'),
      j('decision'),
      j('documentRef'),
      t('legalBasis'),
      j('lifeDomains'),
      j('targetGroups'),
      j('areaIds'),
      j('finance'),
      j('conditions'),
      t('sourceRef'),
      t('notes'),
      j('custom'),
    ],
    child: {
      field: 'parties',
      table: 'agreement_parties',
      parentColumn: 'agreement_id',
      cols: [t('actorId'), t('role'), t('functionId'), t('orgUnitId'), t('cluster')],
    },
  },
  role: {
    entity: 'role',
    table: 'role_assignments',
    schema: ENTITY_SCHEMAS.role,
    noun: 'roltoewijzing',
    plural: 'roltoewijzingen',
    label: (r) => `${String(r.role)} ${String(r.actorId ?? r.orgUnitId ?? r.functionId)}`,
    cols: [
      t('id'),
      t('role'),
      t('actorId'),
      t('orgUnitId'),
      t('functionId'),
      t('partnershipId'),
      b('statutory'),
      t('since'),
      t('until'),
      t('notes'),
    ],
  },
  governanceModel: {
    entity: 'governanceModel',
    table: 'governance_models',
    schema: ENTITY_SCHEMAS.governanceModel,
    noun: 'beheersmodel',
    plural: 'beheersmodellen',
    label: name,
    cols: [
      t('id'),
      t('actorId'),
      t('title'),
      t('status'),
      j('decision'),
      t('adoptedDate'),
      t('reviewDate'),
      j('separatedUnitIds'),
      t('notes'),
    ],
  },
  gap: {
    entity: 'gap',
    table: 'gaps',
    schema: ENTITY_SCHEMAS.gap,
    noun: 'lacune',
    plural: 'lacunes',
    label: name,
    cols: [
      t('id'),
      t('ruleId'),
      t('title'),
      t('description'),
      j('targetGroups'),
      j('lifeDomains'),
      t('areaId'),
      t('severity'),
      t('status'),
      t('statusNote'),
      t('owner'),
      j('actorIds'),
      j('agreementIds'),
      t('recordedOn'),
      t('findingKey'),
    ],
  },
  meeting: {
    entity: 'meeting',
    table: 'meetings',
    schema: ENTITY_SCHEMAS.meeting,
    noun: 'vergadering',
    plural: 'vergaderingen',
    label: name,
    cols: [t('id'), t('title'), t('date'), t('bodyActorId'), t('partnershipId'), t('chairActorId'), t('chairFunctionId'), t('minutesRef'), j('items', 'items', z.array(AgendaItemSchema)), t('notes')],
  },
  mitigation: {
    entity: 'mitigation',
    table: 'mitigations',
    schema: ENTITY_SCHEMAS.mitigation,
    noun: 'maatregel',
    plural: 'maatregelen',
    label: (r) => `${String(r.measure)} (${String(r.ruleId)})`,
    cols: [
      t('id'),
      t('findingKey'),
      t('ruleId'),
      t('actorId'),
      t('measure'),
      t('description'),
      t('owner'),
      t('decisionRef'),
      t('decisionDate'),
      t('reviewDate'),
      t('notes'),
    ],
  },
  checkSettings: {
    entity: 'checkSettings',
    table: 'check_settings',
    schema: ENTITY_SCHEMAS.checkSettings,
    noun: 'instellingen van de controles',
    plural: 'instellingen van de controles',
    label: () => 'Instellingen van de controles',
    cols: [t('id'), ['warningDays', 'warning_days', 'int'], ['referralShare', 'referral_share', 'num'], j('priorityPairs'), j('vulnerableGroups'), j('gboMemberTypes')],
  },
  reportSettings: {
    entity: 'reportSettings',
    table: 'report_settings',
    schema: ENTITY_SCHEMAS.reportSettings,
    noun: 'rapportinstellingen',
    plural: 'rapportinstellingen',
    label: () => 'Rapportinstellingen',
    cols: [t('id'), j('options', 'options', ReportOptionsSchema), t('lastExportAt'), t('lastExportPath')],
  },
  view: {
    entity: 'view',
    table: 'views',
    schema: ENTITY_SCHEMAS.view,
    noun: 'weergave',
    plural: 'weergaven',
    label: name,
    cols: [t('id'), t('name'), j('filters'), t('notes')],
  },
  position: {
    entity: 'position',
    table: 'positions',
    schema: ENTITY_SCHEMAS.position,
    noun: 'positie',
    plural: 'posities',
    label: (r) => String(r.nodeId),
    cols: [t('id'), t('viewId'), t('nodeId'), ['x', 'x', 'num'], ['y', 'y', 'num']],
  },
};

/** Entities in an order where every reference points to something inserted earlier. */
export const INSERT_ORDER: readonly EntityName[] = ENTITY_KINDS;

/** Converts a model object into column values for SQLite. */
export function toRow(cols: readonly Col[], obj: Record<string, unknown>): unknown[] {
  const row = new Array<unknown>(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const [field, , kind] = cols[i];
    const v = obj[field];
    row[i] = v === undefined || v === null ? null : kind === 'json' ? jsonText(v) : kind === 'bool' ? (v ? 1 : 0) : v;
  }
  return row;
}

/**
 * A JSON column's text. An empty list or plain object, which most rows of an import have in most of their JSON
 * columns (life domains, areas, conditions, custom fields), is written without JSON.stringify: the same text.
 */
function jsonText(v: unknown): string {
  if (Array.isArray(v)) return v.length ? JSON.stringify(v) : '[]';
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const k in v) if (Object.hasOwn(v as object, k)) return JSON.stringify(v);
    return '{}';
  }
  return JSON.stringify(v);
}

/** One column's stored value as the model has it. */
export function fromColumn([, , kind, json]: Col, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'json') return json ? json.parse(JSON.parse(String(v))) : JSON.parse(String(v));
  if (kind === 'bool') return v === 1;
  return v;
}

/** Converts a SQLite row, its values in the columns' order, back into a model object. */
export function fromValues(cols: readonly Col[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < cols.length; i++) out[cols[i][0]] = fromColumn(cols[i], values[i]);
  return out;
}
