/**
 * The one contract between the UI and the core. Every call: a name, an input schema and an output schema.
 * Preload (Electron) and the web bridge build `window.api` by looping over these names; the hosts register
 * handlers from one typed object, so a missing or misspelt handler does not compile.
 */
import { z } from 'zod';
import { SnapshotReplySchema } from './model/snapshotPatch';
import { DocumentInfoSchema, ChangeEntrySchema, VocabEntrySchema, ViewSchema, PositionSchema, Id, CountsSchema } from './model';
import { AlsoSchema, ExchangeFormatSchema, ImportFormatSchema, ImportPreviewSchema, MappingSchema, PlanSummarySchema, GroupsAsSchema, MergeChoicesSchema, TableKindSchema } from './exchange/contract';
import { DeletePreviewSchema, EditBatchSchema, EditOutcomeSchema, EntityKindSchema, HistoryStateSchema } from './edit/commands';
import { VOCAB_KINDS } from './vocab/defaults';
import { DraftInputSchema, DraftKeySchema, DraftSchema } from './edit/drafts';
import { ReportOptionsSchema } from './report/options';
import { CALL_NAMES, channelOf, httpPathOf, type CallName } from './api-names';

export { CALL_NAMES, channelOf, httpPathOf, type CallName };

const Empty = z.object({}).strict();
/** The largest map image a call may carry (a 4× PNG of a big map, as base64). */
export const MAP_EXPORT_MAX = 48 * 1024 * 1024;
const OptionalPath = z
  .object({ path: z.string().min(1).max(4096).optional() })
  .strict();

export const RecentFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  schemaVersion: z.number().int(),
  documentExtension: z.string(),
  /** Whether the host can show native file dialogs (the web host asks for a path instead). */
  nativeDialogs: z.boolean(),
});

export const contract = {
  'app.info': { input: Empty, output: AppInfoSchema },
  'document.current': { input: Empty, output: DocumentInfoSchema.nullable() },
  'document.open': { input: OptionalPath, output: DocumentInfoSchema },
  'document.create': {
    input: z
      .object({
        path: z.string().min(1).max(4096).optional(),
        title: z.string().trim().min(1).max(300).optional(),
        municipality: z.string().trim().max(300).optional(),
      })
      .strict(),
    output: DocumentInfoSchema,
  },
  'document.openDemo': { input: Empty, output: DocumentInfoSchema },
  'document.saveCopy': { input: OptionalPath, output: z.object({ path: z.string() }) },
  'document.recent': { input: Empty, output: z.array(RecentFileSchema) },
  /** The whole network, or the changes since the snapshot the UI has (named by its token); see snapshotPatch.ts. */
  'network.snapshot': { input: z.object({ since: z.string().min(1).max(100).optional() }).strict(), output: SnapshotReplySchema },
  'vocab.list': { input: Empty, output: z.record(z.enum(VOCAB_KINDS), z.array(VocabEntrySchema)) },
  'changes.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        /** Only the history of one thing (a recorded gap, an agreement…), with the fields each update changed. */
        entity: EntityKindSchema.optional(),
        entityId: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: z.array(ChangeEntrySchema),
  },
  'edit.apply': { input: EditBatchSchema, output: EditOutcomeSchema },
  'edit.previewDelete': {
    input: z.object({ kind: EntityKindSchema, ids: z.array(z.string().min(1).max(200)).min(1).max(20000) }).strict(),
    output: DeletePreviewSchema,
  },
  /** The document's unfinished new things (what was typed in a dialog that adds something), to take up again. */
  'drafts.list': { input: Empty, output: z.array(DraftSchema) },
  /** Keeps what is typed in such a dialog, as it is typed (not an edit: no undo step). */
  'drafts.put': { input: DraftInputSchema, output: z.object({ savedAt: z.string() }) },
  /** Throws a draft away (the user cancelled or started anew); adding the thing takes it away by itself. */
  'drafts.drop': { input: z.object({ key: DraftKeySchema }).strict(), output: z.object({}) },
  'history.state': { input: Empty, output: HistoryStateSchema },
  'history.undo': { input: Empty, output: HistoryStateSchema },
  'history.redo': { input: Empty, output: HistoryStateSchema },
  'views.list': { input: Empty, output: z.array(ViewSchema) },
  'positions.list': { input: z.object({ viewId: Id }).strict(), output: z.array(PositionSchema) },
  /** Prints a report of the open document to PDF; without a path the host asks where (or, on the web, refuses). */
  'report.export': {
    input: z.object({ path: z.string().min(1).max(4096).optional(), options: ReportOptionsSchema }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Saves the map as drawn: SVG text, or a PNG as base64 (made by the renderer at the chosen resolution). */
  'map.export': {
    input: z.object({ path: z.string().min(1).max(4096).optional(), format: z.enum(['png', 'svg']), data: z.string().min(1).max(MAP_EXPORT_MAX) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Writes the open document in an exchange format; without a path the host asks where. */
  'exchange.export': {
    input: z.object({ path: z.string().min(1).max(4096).optional(), format: ExchangeFormatSchema, kind: TableKindSchema.optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Writes the spreadsheet import template (xlsx); without a path the host asks where. */
  'exchange.template': {
    input: OptionalPath,
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Reads a file to import and says what it holds and what is wrong with it; writes nothing. */
  'exchange.preview': {
    input: z
      .object({
        path: z.string().min(1).max(4096).optional(),
        /** More spreadsheet files imported together with it, as one import (Gephi's node and edge tables). */
        also: AlsoSchema.optional(),
        /** Ask for one more such file (the host's dialog) and add it to `also`. */
        addFile: z.boolean().optional(),
        format: ImportFormatSchema.optional(),
        mapping: MappingSchema.optional(),
        merge: MergeChoicesSchema.optional(),
        /** Where it would go: a spreadsheet or graph file is planned against the open document, or against a new one. */
        into: z.enum(['current', 'new']).optional(),
        /** A graph file's group nodes: partnerships of the nodes in them (the default), or actors. */
        groups: GroupsAsSchema.optional(),
      })
      .strict(),
    output: ImportPreviewSchema,
  },
  /** Imports a previewed file, all or nothing: into the open document, or into a new one that is then opened. */
  'exchange.import': {
    input: z
      .object({
        path: z.string().min(1).max(4096),
        /** The spreadsheet files previewed together with it. */
        also: AlsoSchema.optional(),
        format: ImportFormatSchema.optional(),
        into: z.enum(['current', 'new']),
        /** The new document's path; without one the host asks where. */
        target: z.string().min(1).max(4096).optional(),
        /** A spreadsheet's mapping, as previewed. */
        mapping: MappingSchema.optional(),
        /** Leave the rows with a problem out (they are reported as skipped). */
        skipProblemRows: z.boolean().optional(),
        /** Merging a JSON map into the open document that holds a network: the choices, as previewed. */
        merge: MergeChoicesSchema.optional(),
        /** A graph file's group nodes, as previewed. */
        groups: GroupsAsSchema.optional(),
      })
      .strict(),
    output: z.object({
      document: DocumentInfoSchema,
      counts: CountsSchema,
      created: z.boolean(),
      /** What it did, in Dutch (a merge's, a spreadsheet's), or empty. */
      summary: z.string(),
      /** A spreadsheet or graph import: what it did per kind, and whether rows with a problem were skipped. */
      planned: z.object({ summary: PlanSummarySchema, skipped: z.boolean() }).optional(),
    }),
  },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
// Every contract entry must be a listed name (the satisfies above checks the other direction).
const onlyListedNames: Record<Exclude<keyof Contract, CallName>, never> = {};
void onlyListedNames;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

/** An expected failure, with a Dutch message for the user. */
export interface ApiError {
  code: string;
  message: string;
  /** For invalid input: the message per field ("parties", "kbo"…), so a form can show it inline. */
  fields?: Record<string, string>;
}
/** Every call answers with a value or an error, never with a raw exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees as `window.api`. */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>> };

/** What a host implements: one function per call, given already-validated input. */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K> };
