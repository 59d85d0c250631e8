import { z } from 'zod';

/** What a document can be exported as. */
export const ExchangeFormatSchema = z.enum(['json']);
export type ExchangeFormat = z.infer<typeof ExchangeFormatSchema>;
/** What can be imported. */
export const ImportFormatSchema = z.enum(['json']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** The file extension of each import format. */
export const IMPORT_EXTENSIONS: Record<ImportFormat, string[]> = { json: ['json'] };

/** What an import would do, shown before anything is written. */
export const ImportPreviewSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  format: ImportFormatSchema,
  /** How many of each the file holds (actors, agreements, …). */
  counts: z.record(z.string(), z.number().int()),
  /** Everything wrong with the file, each with its place; an import goes ahead only without any. */
  problems: z.array(z.object({ where: z.string(), message: z.string() })),
  /** Whether it can go into the open document, and if not, why (in Dutch). */
  intoCurrent: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
