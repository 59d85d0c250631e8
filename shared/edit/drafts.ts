import { z } from 'zod';

/** The dialogs whose typing is kept as a draft until the thing is added: one draft per kind of new thing. */
export const DRAFT_KEYS = ['actor', 'agreement', 'partnership'] as const;
/**
 * A draft's key: one of those dialogs, or `form:<name>` for an inline form that adds something to a list (a role of
 * an actor, an agenda item of a meeting): one per form, for the thing it is open on (`context`).
 */
export const DraftKeySchema = z.union([z.enum(DRAFT_KEYS), z.string().regex(/^form:[a-z][a-z0-9-]{0,60}$/)]);
export type DraftKey = z.infer<typeof DraftKeySchema>;
/** How many drafts a document keeps at most (one per dialog and inline form that is open on something). */
export const DRAFT_MAX_COUNT = 50;

/** The meta-table key of a draft (see `NetworkDocument.drafts`). */
export const DRAFT_PREFIX = 'draft:';

/** A draft is a form's fields: no more than this many characters as JSON (a form is a few hundred). */
export const DRAFT_MAX_CHARS = 100_000;

const DraftValueSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= DRAFT_MAX_CHARS, { message: `Een concept mag hoogstens ${DRAFT_MAX_CHARS.toLocaleString('nl-BE')} tekens tellen.` });

/** What was typed in a dialog that adds something, with the name it was given so far and when it was kept. */
export const DraftSchema = z.object({
  key: DraftKeySchema,
  /** What the dialog's thing is called so far ("Buurtwerk De Brug"), to name the draft. */
  label: z.string().max(300),
  value: DraftValueSchema,
  /** An inline form's empty form (with what it adds to: the actor, the meeting): it goes on from the draft only there. */
  context: DraftValueSchema.optional(),
  /** Where an inline form is, to name the draft ("+ Rol toevoegen"). */
  where: z.string().max(200).optional(),
  savedAt: z.string().max(40),
});
export type Draft = z.infer<typeof DraftSchema>;

/** A draft as the renderer sends it (the core says when it kept it). */
export const DraftInputSchema = DraftSchema.omit({ savedAt: true }).strict();
