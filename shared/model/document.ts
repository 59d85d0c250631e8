import { z } from 'zod';
import { VOCAB_KINDS } from '../vocab/defaults';
import {
  ActorSchema,
  AgreementSchema,
  AreaSchema,
  DocumentMetaSchema,
  FunctionSchema,
  CheckSettingsSchema,
  ReportSettingsSchema,
  GapSchema,
  MeetingSchema,
  MitigationSchema,
  GovernanceModelSchema,
  OrgUnitSchema,
  PartnershipMemberSchema,
  PartnershipSchema,
  RoleAssignmentSchema,
  ServiceSchema,
} from './entities';

export const VocabEntrySchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  nl: z.string().min(1),
  en: z.string().min(1),
  props: z.record(z.string(), z.unknown()).optional(),
});
export const VocabKindSchema = z.enum(VOCAB_KINDS);
export const VocabularySchema = z.partialRecord(VocabKindSchema, z.array(VocabEntrySchema));
export type Vocabulary = z.infer<typeof VocabularySchema>;

/**
 * A whole network map as plain data: what the demo source is written in, what a snapshot for the UI and the
 * checks holds, and (later) the versioned JSON exchange format.
 */
export const NetworkDataSchema = z.object({
  format: z.literal('regiekaart').default('regiekaart'),
  formatVersion: z.literal(1).default(1),
  meta: DocumentMetaSchema,
  /** Extra or changed vocabulary entries on top of the defaults. */
  vocab: VocabularySchema.default({}),
  areas: z.array(AreaSchema).default([]),
  actors: z.array(ActorSchema).default([]),
  orgUnits: z.array(OrgUnitSchema).default([]),
  functions: z.array(FunctionSchema).default([]),
  services: z.array(ServiceSchema).default([]),
  partnerships: z.array(PartnershipSchema).default([]),
  members: z.array(PartnershipMemberSchema).default([]),
  agreements: z.array(AgreementSchema).default([]),
  roles: z.array(RoleAssignmentSchema).default([]),
  governanceModels: z.array(GovernanceModelSchema).default([]),
  gaps: z.array(GapSchema).default([]),
  meetings: z.array(MeetingSchema).default([]),
  mitigations: z.array(MitigationSchema).default([]),
  /** The check settings row; null in a document that never changed them (the defaults apply). */
  checkSettings: CheckSettingsSchema.nullable().default(null),
  /** The report builder's last choices and export; null until a report was made. */
  reportSettings: ReportSettingsSchema.nullable().default(null),
});
export type NetworkData = z.infer<typeof NetworkDataSchema>;
export type NetworkDataInput = z.input<typeof NetworkDataSchema>;

export const CountsSchema = z.object({
  actors: z.number().int(),
  agreements: z.number().int(),
  services: z.number().int(),
  partnerships: z.number().int(),
  members: z.number().int(),
  orgUnits: z.number().int(),
  functions: z.number().int(),
  roles: z.number().int(),
  governanceModels: z.number().int(),
  gaps: z.number().int(),
  meetings: z.number().int(),
  mitigations: z.number().int(),
  areas: z.number().int(),
  changes: z.number().int(),
});
export type Counts = z.infer<typeof CountsSchema>;

export const DocumentInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  readOnly: z.boolean(),
  /** Why the document is read-only, in Dutch, or null. */
  readOnlyReason: z.string().nullable(),
  schemaVersion: z.number().int(),
  meta: DocumentMetaSchema,
  counts: CountsSchema,
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

export const ChangeEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  author: z.string(),
  entity: z.string(),
  entityId: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  summary: z.string(),
  /** For an update: which fields changed, from what to what (values as stored). */
  changed: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).optional(),
});
export type ChangeEntry = z.infer<typeof ChangeEntrySchema>;
