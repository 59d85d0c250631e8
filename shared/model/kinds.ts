import type { z } from 'zod';
import {
  ActorSchema,
  AgreementSchema,
  AreaSchema,
  FunctionSchema,
  CheckSettingsSchema,
  GapSchema,
  MeetingSchema,
  ReportSettingsSchema,
  MitigationSchema,
  GovernanceModelSchema,
  OrgUnitSchema,
  PartnershipMemberSchema,
  PartnershipSchema,
  PositionSchema,
  RoleAssignmentSchema,
  ServiceSchema,
  ViewSchema,
} from './entities';

/** Every kind of thing a document holds, in an order where references point to earlier kinds. */
export const ENTITY_KINDS = [
  'area',
  'actor',
  'orgUnit',
  'function',
  'service',
  'partnership',
  'agreement',
  'member',
  'role',
  'governanceModel',
  'gap',
  'meeting',
  'mitigation',
  'checkSettings',
  'reportSettings',
  'view',
  'position',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The schema that validates each kind (the core validates every write with it, the UI every form). */
export const ENTITY_SCHEMAS: Record<EntityKind, z.ZodType> = {
  area: AreaSchema,
  actor: ActorSchema,
  orgUnit: OrgUnitSchema,
  function: FunctionSchema,
  service: ServiceSchema,
  partnership: PartnershipSchema,
  agreement: AgreementSchema,
  member: PartnershipMemberSchema,
  role: RoleAssignmentSchema,
  governanceModel: GovernanceModelSchema,
  gap: GapSchema,
  meeting: MeetingSchema,
  mitigation: MitigationSchema,
  checkSettings: CheckSettingsSchema,
  reportSettings: ReportSettingsSchema,
  view: ViewSchema,
  position: PositionSchema,
};
