import { z } from 'zod';
import { kboProblem, normaliseKbo } from '../util/kbo';
import { Code, Codes, Custom, Id, IsoDate, Name, OptDate, OptText, Text } from './common';
import { ReportOptionsSchema } from '../report/options';

/** An area: ward, municipality, primary care zone, reference region… with the areas it lies in. */
export const AreaSchema = z.object({
  id: Id,
  name: Name,
  type: Code,
  /** Areas that contain this one (a municipality lies in an ELZ and in a referentieregio). */
  parentIds: z.array(Id).default([]),
  inhabitants: z.number().int().nonnegative().nullable().default(null),
  notes: OptText,
});
export type Area = z.infer<typeof AreaSchema>;

export const ContactSchema = z.object({
  phone: OptText,
  email: OptText,
  website: OptText,
  address: OptText,
});
export type Contact = z.infer<typeof ContactSchema>;

export const Kbo = z
  .string()
  .superRefine((v, ctx) => {
    const problem = kboProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => normaliseKbo(v) as string);

/**
 * Where an actor's data also comes from: a neighbour's map merged into this document. The first entry that
 * `added` the actor says it came from that map; an actor without one is the document's own.
 */
export const ProvenanceSchema = z.object({
  /** The merged map, as the user named it ("Buurdorp"). */
  source: Name,
  /** The actor's id in that map. */
  sourceId: z.string().trim().min(1).max(200),
  /** The day of the merge. */
  mergedOn: IsoDate,
  /** True when the merge added the actor; false when it matched one the document already had. */
  added: z.boolean(),
  /** How it was matched: KBO number, Sociale Kaart id, name, or the user's choice. */
  matchedBy: z.enum(['KBO', 'SOCIALE_KAART', 'NAAM', 'KEUZE']).nullable().default(null),
  /** The file it came from (its name). */
  file: OptText,
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** An organisation (or informal initiative, or partnership body) in the network. */
export const ActorSchema = z.object({
  id: Id,
  name: Name,
  /**
   * Other names the actor goes by in lists and other maps ("CAW O-Vl", an old name, an abbreviation): imports and
   * merges find it by them as by its name. Set in the inspector, or remembered when the user tells an import which
   * actor a name it did not find is.
   */
  aliases: z.array(Name).max(50).default([]),
  type: Code,
  /** First one is the primary sector. */
  sectors: Codes,
  legalForm: Code,
  level: Code,
  /** The area the actor works in (its werkingsgebied). */
  areaId: Id.nullable().default(null),
  controlledById: Id.nullable().default(null),
  /** Actors that hold seats on this actor's board (RC12: board seats without recorded control). */
  boardMemberIds: z.array(Id).default([]),
  kbo: Kbo.nullable().default(null),
  socialeKaartId: OptText,
  socialeKaartSyncedAt: OptDate,
  contact: ContactSchema.default({ phone: null, email: null, website: null, address: null }),
  active: z.boolean().default(true),
  notes: OptText,
  custom: Custom,
  /** The merged maps this actor is also in (empty: only this document's own). */
  provenance: z.array(ProvenanceSchema).max(100).default([]),
});
export type Actor = z.infer<typeof ActorSchema>;

/** A department, cell or decision body inside an actor (e.g. Dienst Welzijn, BCSD). */
export const OrgUnitSchema = z.object({
  id: Id,
  actorId: Id,
  name: Name,
  kind: z.enum(['DIENST', 'CEL', 'BESLISSINGSORGAAN', 'ANDERE']).default('DIENST'),
  parentUnitId: Id.nullable().default(null),
  /** To whom the unit reports, as a function title (e.g. "diensthoofd Welzijn", "algemeen directeur"). */
  reportsTo: OptText,
  notes: OptText,
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

/** A job role (never a person's name): schepen van Welzijn, diensthoofd Welzijn. */
export const FunctionSchema = z.object({
  id: Id,
  actorId: Id,
  orgUnitId: Id.nullable().default(null),
  title: Name,
  notes: OptText,
});
export type OrgFunction = z.infer<typeof FunctionSchema>;

/** What an actor offers, to whom, in which life domains and where. */
export const ServiceSchema = z.object({
  id: Id,
  providerId: Id,
  orgUnitId: Id.nullable().default(null),
  name: Name,
  lifeDomains: Codes,
  targetGroups: Codes,
  areaIds: z.array(Id).default([]),
  outreach: z.boolean().default(false),
  /** Service functions such as INFO, LOKET, DOORVERWIJZING, RECHTENVERKENNING. */
  functions: Codes,
  active: z.boolean().default(true),
  notes: OptText,
});
export type Service = z.infer<typeof ServiceSchema>;

/** A partnership or network; `actorId` links it to its node on the map when it has one (GBO, zorgraad…). */
export const PartnershipSchema = z.object({
  id: Id,
  name: Name,
  kind: Code,
  actorId: Id.nullable().default(null),
  leadActorId: Id.nullable().default(null),
  areaId: Id.nullable().default(null),
  lifeDomains: Codes,
  targetGroups: Codes,
  active: z.boolean().default(true),
  notes: OptText,
});
export type Partnership = z.infer<typeof PartnershipSchema>;

export const PartnershipMemberSchema = z.object({
  id: Id,
  partnershipId: Id,
  actorId: Id,
  role: Code.default('MEMBER'),
  /** Zorgraad cluster/geleding or Huis van het Kind pillar. */
  cluster: OptText,
  since: OptDate,
  until: OptDate,
  agreementId: Id.nullable().default(null),
});
export type PartnershipMember = z.infer<typeof PartnershipMemberSchema>;

export const AgreementPartySchema = z.object({
  actorId: Id,
  role: Code,
  functionId: Id.nullable().default(null),
  orgUnitId: Id.nullable().default(null),
  cluster: OptText,
});
export type AgreementParty = z.infer<typeof AgreementPartySchema>;

export const DecisionSchema = z.object({
  body: Code.nullable().default(null),
  date: OptDate,
  reference: OptText,
});
export const DocumentRefSchema = z.object({
  /** The document's own reference (e.g. PROT-SH-CAW-2021). */
  reference: OptText,
  path: OptText,
  url: OptText,
  version: OptText,
  hash: OptText,
});
export const FinanceSchema = z.object({
  amount: z.number().nonnegative().nullable().default(null),
  period: OptText,
  funderId: Id.nullable().default(null),
  bbcCode: OptText,
});

const agreementShape = z.object({
  id: Id,
  type: Code,
  title: Name,
  /** In order: the first party is the "from" side of a directed agreement. */
  parties: z.array(AgreementPartySchema).min(1, 'Een afspraak heeft minstens één partij.'),
  /** A partnership that is itself a party (membership of the GBO, …), when it has no actor node. */
  partnershipId: Id.nullable().default(null),
  status: Code,
  startDate: OptDate,
  endDate: OptDate,
  reviewDate: OptDate,
  autoRenew: z.boolean().default(false),
  noticePeriod: OptText,
  decision: DecisionSchema.nullable().default(null),
  documentRef: DocumentRefSchema.nullable().default(null),
  legalBasis: OptText,
  lifeDomains: Codes,
  targetGroups: Codes,
  areaIds: z.array(Id).default([]),
  finance: FinanceSchema.nullable().default(null),
  /** Clauses that tie the recipient (RC11): an exclusive referral to the funder, or limits on what else it offers. */
  conditions: z
    .object({ exclusiveReferral: z.boolean().default(false), restrictsOffer: z.boolean().default(false), description: OptText })
    .nullable()
    .default(null),
  sourceRef: OptText,
  notes: OptText,
  custom: Custom,
});

/** What an agreement whose fields are each valid can still have wrong as a whole (the schema's own check). */
export function agreementIssues(a: z.infer<typeof agreementShape>): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (a.startDate && a.endDate && a.endDate < a.startDate) issues.push({ path: ['endDate'], message: 'De einddatum ligt vóór de begindatum.' });
  if (a.parties.length < 2 && !a.partnershipId) {
    issues.push({ path: ['parties'], message: 'Een afspraak heeft minstens twee partijen, of één partij en een samenwerkingsverband.' });
  }
  const seen = new Set<string>();
  for (const p of a.parties) {
    const key = `${p.actorId}/${p.role}`;
    if (seen.has(key)) issues.push({ path: ['parties'], message: `Partij ${p.actorId} staat twee keer met rol ${p.role}.` });
    seen.add(key);
  }
  return issues;
}

/** An agreement between any number of parties. */
export const AgreementSchema = agreementShape.superRefine((a, ctx) => {
  for (const issue of agreementIssues(a)) ctx.addIssue({ code: 'custom', ...issue });
});
export type Agreement = z.infer<typeof AgreementSchema>;

/** Who holds which role (regisseur, actor, chair…) in which network or partnership. */
export const RoleAssignmentSchema = z.object({
  id: Id,
  role: Code,
  actorId: Id.nullable().default(null),
  orgUnitId: Id.nullable().default(null),
  functionId: Id.nullable().default(null),
  partnershipId: Id.nullable().default(null),
  /** Set by law (the mayor organises the LIVC-R): recorded, then mitigated rather than flagged. */
  statutory: z.boolean().default(false),
  since: OptDate,
  until: OptDate,
  notes: OptText,
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

/** A beheersmodel: how a local government that is both actor and regisseur keeps the roles apart. */
export const GovernanceModelSchema = z.object({
  id: Id,
  actorId: Id,
  title: Name,
  status: Code,
  decision: DecisionSchema.nullable().default(null),
  adoptedDate: OptDate,
  reviewDate: OptDate,
  separatedUnitIds: z.array(Id).default([]),
  notes: OptText,
});
export type GovernanceModel = z.infer<typeof GovernanceModelSchema>;

/** A gap recorded in the register (recorded by people, as opposed to a computed finding). */
export const GapSchema = z.object({
  id: Id,
  ruleId: OptText,
  title: Name,
  description: Text.default(''),
  targetGroups: Codes,
  lifeDomains: Codes,
  areaId: Id.nullable().default(null),
  severity: Code,
  status: Code,
  statusNote: OptText,
  owner: OptText,
  actorIds: z.array(Id).default([]),
  agreementIds: z.array(Id).default([]),
  recordedOn: OptDate,
  /** The computed finding this gap was promoted from, if any (its stable key). */
  findingKey: OptText,
});
export type Gap = z.infer<typeof GapSchema>;

/** One item on a meeting's agenda: what is discussed, about which services, and who leads and reports it. */
export const AgendaItemSchema = z.object({
  id: Id,
  title: Name,
  /** EVALUATIE, LACUNEBESPREKING, TOEWIJZING, KLACHT, ADVIES, INFORMATIE (vocabulary agendaItemType). */
  type: Code,
  /** The services the item is about (evaluated, discussed, allocated to). */
  serviceIds: z.array(Id).default([]),
  rapporteurActorId: Id.nullable().default(null),
  rapporteurFunctionId: Id.nullable().default(null),
  /** Who chairs this item, when not the meeting's chair (the chair handed over). */
  chairActorId: Id.nullable().default(null),
  chairFunctionId: Id.nullable().default(null),
  /** Evaluation by or with outside data or people (a working group, VIVEL, Departement Zorg). */
  externalInput: z.boolean().default(false),
  /** The local government declared in which capacity it sits, and minuted it. */
  declaredCapacity: z.boolean().default(false),
  /** The local government's members stood aside from the vote. */
  recusal: z.boolean().default(false),
  /** Recorded gaps this item discusses (a zorgraad reviewing the gap register). */
  gapIds: z.array(Id).default([]),
  notes: OptText,
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** A meeting of a consultation body (zorgraad, GBO, regienetwerk) with its agenda: RC4 and RC5 read these. */
export const MeetingSchema = z.object({
  id: Id,
  title: Name,
  date: OptDate,
  /** The body that meets: its actor node (A17 zorgraad) and/or its partnership. */
  bodyActorId: Id.nullable().default(null),
  partnershipId: Id.nullable().default(null),
  chairActorId: Id.nullable().default(null),
  chairFunctionId: Id.nullable().default(null),
  minutesRef: OptText,
  items: z.array(AgendaItemSchema).default([]),
  notes: OptText,
});
export type Meeting = z.infer<typeof MeetingSchema>;

/**
 * A measure that answers a finding: linked to one finding (its key) or to a rule for an actor (any finding of that
 * rule involving the actor). While its review date has not passed the finding shows as mitigated; after, reopened.
 */
export const MitigationSchema = z
  .object({
    id: Id,
    findingKey: OptText,
    ruleId: Code,
    actorId: Id.nullable().default(null),
    /** BEHEERSMODEL, ONTHOUDING, EXTERNE_JURY, NEUTRAAL_PROTOCOL, VERKLARING_HOEDANIGHEID, … (vocabulary mitigationMeasure). */
    measure: Code,
    description: Text.default(''),
    owner: OptText,
    decisionRef: OptText,
    decisionDate: OptDate,
    reviewDate: OptDate,
    notes: OptText,
  })
  .refine((m) => m.findingKey || m.actorId, { message: 'Koppel de maatregel aan een bevinding of aan een actor.', path: ['actorId'] });
export type Mitigation = z.infer<typeof MitigationSchema>;

/** The document's settings for the checks (one row, id CONTROLES): Flemish defaults, editable per document. */
export const CHECK_SETTINGS_ID = 'CONTROLES';
export const CheckSettingsSchema = z.object({
  id: z.literal(CHECK_SETTINGS_ID).default(CHECK_SETTINGS_ID),
  /** Days before an end or review date that count as "soon" (G5, the review list). */
  warningDays: z.number().int().min(0, 'Minstens 0 dagen.').max(730, 'Hoogstens 730 dagen.').default(90),
  /** Share of recorded referrals to the local government's own services that counts as gatekeeping (RC7). */
  referralShare: z.number().min(0.5, 'Minstens 0,5 (50%).').max(1, 'Hoogstens 1 (100%).').default(0.8),
  /** Target group × life domain pairs the local plan marks as priorities (G1, the coverage matrix). */
  priorityPairs: z.array(z.object({ targetGroup: Code, lifeDomain: Code })).default([]),
  /** Target groups that count as vulnerable (G8); null: the vocabulary's. */
  vulnerableGroups: z.array(Code).nullable().default(null),
  /** Actor types a GBO needs as members (G2); null: the vocabulary's (OCMW, CAW, DMW). */
  gboMemberTypes: z.array(Code).nullable().default(null),
});
export type CheckSettingsRow = z.infer<typeof CheckSettingsSchema>;

/** The report builder's last choices (one row, id RAPPORT), so the next meeting's pack is one click. */
export const REPORT_SETTINGS_ID = 'RAPPORT';
export const ReportSettingsSchema = z.object({
  id: z.literal(REPORT_SETTINGS_ID).default(REPORT_SETTINGS_ID),
  options: ReportOptionsSchema,
  /** When the last report was printed (ISO timestamp): "changes since the previous pack" starts here. */
  lastExportAt: z.string().max(40).nullable().default(null),
  lastExportPath: OptText,
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

export const DocumentMetaSchema = z.object({
  title: Name,
  municipality: OptText,
  /** The area that is "the municipality" for coverage checks. */
  municipalityAreaId: Id.nullable().default(null),
  /** The date the document's data describes (the demo is fixed at 2026-11-15); null means today. */
  referenceDate: OptDate,
  notes: OptText,
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export { IsoDate };

/** What a view shows: the filters of the map and tables, and an optional focus on one actor's neighbourhood. */
export const ViewFiltersSchema = z.object({
  sectors: Codes,
  levels: Codes,
  actorTypes: Codes,
  targetGroups: Codes,
  lifeDomains: Codes,
  agreementTypes: Codes,
  agreementStatuses: Codes,
  /** Where actors come from: '' for the document's own map, else a merged map's name (provenance). */
  origins: z.array(z.string().max(300)).default([]),
  focus: z
    .object({ actorId: Id, depth: z.number().int().min(1).max(3) })
    .nullable()
    .default(null),
});
export type ViewFilters = z.infer<typeof ViewFiltersSchema>;
export const EMPTY_FILTERS: ViewFilters = ViewFiltersSchema.parse({});

/** The id of the view every document has: the working map, with the user's manual positions. */
export const DEFAULT_VIEW_ID = 'STANDAARD';

/** A named view saved in the document: its filters, and (through positions) where its nodes are drawn. */
export const ViewSchema = z.object({
  id: Id,
  name: Name,
  filters: ViewFiltersSchema.default(EMPTY_FILTERS),
  notes: OptText,
});
export type View = z.infer<typeof ViewSchema>;

/** Where one map node (actor, partnership hub, agreement node) is drawn in one view. */
const NodeRef = z.string().min(1).max(200);
export const PositionSchema = z.object({
  id: NodeRef,
  viewId: Id,
  nodeId: NodeRef,
  x: z.number().finite(),
  y: z.number().finite(),
});
export type Position = z.infer<typeof PositionSchema>;

/** The id of a node's position row in a view. */
export function positionId(viewId: string, nodeId: string): string {
  return `${viewId}|${nodeId}`;
}
