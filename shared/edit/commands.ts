import { z } from 'zod';
import { DraftKeySchema } from './drafts';
import { ENTITY_KINDS, Id } from '../model';

export const EntityKindSchema = z.enum(ENTITY_KINDS);
const Value = z.record(z.string(), z.unknown());
const Ids = z.array(z.string().min(1).max(200)).min(1).max(20000);

/** One step of an edit; a batch of steps is saved as one transaction and undone as one. */
export const EditStepSchema = z.discriminatedUnion('op', [
  /** Adds a thing; without an id the core gives it one. */
  z.object({ op: z.literal('create'), kind: EntityKindSchema, value: Value }).strict(),
  /** Replaces a thing with a new version (every field). */
  z.object({ op: z.literal('update'), kind: EntityKindSchema, value: Value.and(z.object({ id: Id })) }).strict(),
  /** Changes some fields of one or more things at once (a multi-edit). */
  z.object({ op: z.literal('patch'), kind: EntityKindSchema, ids: Ids, patch: Value }).strict(),
  /** Deletes things together with what depends on them (see planDelete). */
  z.object({ op: z.literal('delete'), kind: EntityKindSchema, ids: Ids }).strict(),
  /** Saves where map nodes are drawn in a view (a move, or a whole layout). */
  z
    .object({
      op: z.literal('place'),
      viewId: Id,
      positions: z
        .array(z.object({ nodeId: z.string().min(1).max(200), x: z.number().finite(), y: z.number().finite() }).strict())
        .min(1)
        .max(50000),
    })
    .strict(),
]);
export type EditStep = z.infer<typeof EditStepSchema>;

export const EditBatchSchema = z
  .object({
    /** What the user did, for the undo menu ("Actor toegevoegd"); the core makes one when missing. */
    label: z.string().trim().min(1).max(300).optional(),
    steps: z.array(EditStepSchema).min(1).max(1000),
    /**
     * False only for the first automatic layout of a map that had no positions yet: that is the app's doing,
     * not the user's, so it is saved without becoming an undo step. Data edits are always undoable.
     */
    undoable: z.boolean().default(true),
    /** The dialog draft this edit finishes (it adds what was typed there): taken away in the same transaction. */
    dropDraft: DraftKeySchema.optional(),
    /**
     * The form's typing session: an edit with the same key as the newest undo step, right after it and within a few
     * minutes, joins that step. A form saves what is typed after a pause, so nothing typed is lost, and one undo
     * still takes back the whole field as the user left it.
     */
    coalesce: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => b.undoable || b.steps.every((s) => s.op === 'place'), {
    message: 'Alleen het schikken van de kaart kan zonder ongedaan-maken worden bewaard.',
    path: ['undoable'],
  });
export type EditBatch = z.infer<typeof EditBatchSchema>;

const HistoryEntrySchema = z.object({ label: z.string(), at: z.string() });
/** What undo and redo would do now. */
export const HistoryStateSchema = z.object({ undo: HistoryEntrySchema.nullable(), redo: HistoryEntrySchema.nullable() });
export type HistoryState = z.infer<typeof HistoryStateSchema>;

export const EditOutcomeSchema = z.object({
  /** Ids of the things the create steps made, in step order. */
  created: z.array(z.string()),
  changes: z.number().int(),
  history: HistoryStateSchema,
});
export type EditOutcome = z.infer<typeof EditOutcomeSchema>;

export const DeletePreviewSchema = z.object({
  deletes: z.array(z.object({ kind: EntityKindSchema, id: z.string(), label: z.string(), because: z.string().nullable() })),
  updates: z.array(z.object({ kind: EntityKindSchema, id: z.string(), label: z.string(), because: z.string() })),
});
export type DeletePreview = z.infer<typeof DeletePreviewSchema>;
