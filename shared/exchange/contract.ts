import { z } from 'zod';
import { TABLE_KINDS } from './fields';

/** What a document can be exported as: the whole document (JSON), or rows for spreadsheets. */
export const ExchangeFormatSchema = z.enum(['json', 'xlsx', 'csv', 'graphml', 'gexf']);
export type ExchangeFormat = z.infer<typeof ExchangeFormatSchema>;
/** What can be imported. */
export const ImportFormatSchema = z.enum(['json', 'csv', 'xlsx', 'graphml', 'gexf', 'socialekaart']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export const TableKindSchema = z.enum(TABLE_KINDS);

/** The file extensions of each import format. */
export const IMPORT_EXTENSIONS: Record<ImportFormat, string[]> = { json: ['json'], csv: ['csv', 'txt', 'tsv'], xlsx: ['xlsx'], graphml: ['graphml'], gexf: ['gexf'], socialekaart: [] };

const Header = z.string().max(300);
/** How the user mapped one sheet of a spreadsheet: what it holds, what each column fills, codes for empty cells. */
export const SheetMappingSchema = z
  .object({
    sheet: z.string().max(300),
    kind: z.union([TableKindSchema, z.literal('skip')]),
    columns: z.record(Header, z.string().max(100)).optional(),
    fallbacks: z.record(z.string().max(100), z.string().max(100)).optional(),
  })
  .strict();
export type SheetMappingInput = z.infer<typeof SheetMappingSchema>;
export const MappingSchema = z.array(SheetMappingSchema).max(50);

const Counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), problem: z.number().int() });
const Problem = z.object({ where: z.string(), message: z.string() });

/** What an import would do, shown before anything is written. */
export const ImportPreviewSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  format: ImportFormatSchema,
  /** How many of each the file holds (actors, agreements, …). */
  counts: z.record(z.string(), z.number().int()),
  /** Everything wrong with the file, each with its place; an import goes ahead only without any (or leaving those rows out). */
  problems: z.array(Problem),
  /** Whether it can go into the open document, and if not, why (in Dutch). */
  intoCurrent: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  /** A spreadsheet's sheets as mapped: what each holds, its columns with a few values, and what each column fills. */
  sheets: z
    .array(
      z.object({
        name: z.string(),
        kind: z.union([TableKindSchema, z.literal('skip')]),
        header: z.array(z.string()),
        samples: z.array(z.array(z.string())),
        rows: z.number().int(),
        columns: z.record(z.string(), z.string()),
        fallbacks: z.record(z.string(), z.string()),
      }),
    )
    .optional(),
  /** A spreadsheet import's plan: per kind, rows created, updated, unchanged and with a problem; the first rows. */
  plan: z
    .object({
      summary: z.record(TableKindSchema, Counts),
      rows: z.array(z.object({ sheet: z.string(), row: z.number().int(), kind: TableKindSchema, action: z.enum(['create', 'update', 'unchanged', 'problem']), label: z.string(), changed: z.array(z.string()).optional() })),
    })
    .optional(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
