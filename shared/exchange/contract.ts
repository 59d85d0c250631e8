import { z } from 'zod';
import { GROUPS_AS, HEADER_SEARCH_ROWS, PLAN_KINDS, TABLE_KINDS } from './fields';

/** What a document can be exported as: the whole document (JSON), or rows for spreadsheets. */
export const ExchangeFormatSchema = z.enum(['json', 'xlsx', 'csv', 'graphml', 'gexf']);
export type ExchangeFormat = z.infer<typeof ExchangeFormatSchema>;
/** What can be imported. */
export const ImportFormatSchema = z.enum(['json', 'csv', 'xlsx', 'graphml', 'gexf', 'socialekaart', 'kumu', 'regiekaart']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
export const TableKindSchema = z.enum(TABLE_KINDS);
const PlanKindSchema = z.enum(PLAN_KINDS);
/** What the group nodes of a graph file become (see `GROUPS_AS`). */
export const GroupsAsSchema = z.enum(GROUPS_AS);

/** The file extensions of each import format. */
export const IMPORT_EXTENSIONS: Record<ImportFormat, string[]> = { json: ['json'], csv: ['csv', 'txt', 'tsv'], xlsx: ['xlsx'], graphml: ['graphml'], gexf: ['gexf'], socialekaart: [], kumu: [], regiekaart: ['regiekaart'] };

/**
 * Formats people keep their lists in that Regiekaart does not read, and how to get an importable file from them
 * (Dutch): said instead of only "not recognised".
 */
const OTHER_FORMATS: Record<string, string> = {
  xls: 'is het oude Excel-formaat. Open het in Excel of LibreOffice en bewaar het als Excel-werkmap (.xlsx)',
  ods: 'is een rekenblad van LibreOffice of OpenOffice. Bewaar het daar als Excel 2007-365 (.xlsx) of als CSV',
  numbers: 'is een bestand van Numbers. Exporteer het in Numbers naar Excel (.xlsx) of CSV',
};

/** The advice for a file whose extension is one of `OTHER_FORMATS`, with its name, or null. */
export function otherFormatAdvice(fileName: string): string | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const advice = ext ? OTHER_FORMATS[ext] : undefined;
  return advice ? `${fileName} ${advice}, en importeer dat bestand.` : null;
}

const Header = z.string().max(300);
/** How the user mapped one sheet of a spreadsheet: what it holds, what each column fills, codes for empty cells. */
export const SheetMappingSchema = z
  .object({
    sheet: z.string().max(300),
    /** What it holds; without it, as found from the sheet's name and headers. */
    kind: z.union([TableKindSchema, z.literal('skip')]).optional(),
    columns: z.record(Header, z.string().max(100)).optional(),
    fallbacks: z.record(z.string().max(100), z.string().max(100)).optional(),
    /** The spreadsheet row that holds the headers (rows above it are not read). */
    headerRow: z.number().int().min(1).max(HEADER_SEARCH_ROWS).optional(),
    /** What values the vocabulary does not know become: by field key, the value as in the file, and a code. */
    values: z.record(z.string().max(100), z.record(z.string().max(300), z.string().max(100))).optional(),
    /** An agreements sheet: a party the map and the file do not have becomes a new actor (named as in the cell). */
    newParties: z.boolean().optional(),
    /**
     * Which actor each party or provider name that was not found is, by the name as in the file: an actor's id, KBO
     * number or name, or "NIEUW" for a new actor of that name. On an actors sheet: which actor of the map a row that
     * matched none is (by the row's name).
     */
    parties: z.record(z.string().max(300), z.string().max(300)).optional(),
  })
  .strict();
export type SheetMappingInput = z.infer<typeof SheetMappingSchema>;
export const MappingSchema = z.array(SheetMappingSchema).max(50);

const ShortText = z.string().max(300);
/** The choice that adds an actor of the other map as a new one, even where one of ours matches it. */
export const NEW_ACTOR = 'NIEUW';
/** The user's decisions about merging another map: its name, which actor is which, whose value stays, the view. */
export const MergeChoicesSchema = z
  .object({
    source: ShortText.optional(),
    matches: z.record(z.string().max(200), z.string().max(200)).optional(),
    take: z.record(z.string().max(600), z.enum(['ours', 'theirs'])).optional(),
    takeAll: z.enum(['ours', 'theirs']).optional(),
    view: ShortText.nullable().optional(),
  })
  .strict();
export type MergeChoicesInput = z.infer<typeof MergeChoicesSchema>;

const MergeCounts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });
/** What merging another map would do: its actors matched to ours, the differences, the counts. */
export const MergePreviewSchema = z.object({
  source: z.string(),
  ownName: z.string(),
  matches: z.array(
    z.object({
      theirId: z.string(),
      theirName: z.string(),
      ourId: z.string().nullable(),
      ourName: z.string().nullable(),
      by: z.enum(['KBO', 'SOCIALE_KAART', 'NAAM', 'KEUZE']).nullable(),
      candidates: z.array(z.object({ id: z.string(), name: z.string() })),
      near: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  differences: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      id: z.string(),
      label: z.string(),
      field: z.string(),
      fieldLabel: z.string(),
      ours: z.string(),
      theirs: z.string(),
      take: z.enum(['ours', 'theirs']),
    }),
  ),
  summary: z.record(z.string(), MergeCounts),
  filled: z.number().int(),
  leftOut: z.record(z.string(), z.number().int()),
  view: z.object({ name: z.string(), created: z.boolean() }).nullable(),
  /** Our actors, to match one of theirs by hand. */
  ourActors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MergePreview = z.infer<typeof MergePreviewSchema>;

const Counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), problem: z.number().int() });
/** What a spreadsheet or graph import did, per kind of row (for the message in the user's language). */
export const PlanSummarySchema = z.record(PlanKindSchema, Counts);
const Problem = z.object({ where: z.string(), message: z.string() });

/** What an import would do, shown before anything is written. */
/** The most spreadsheet files one import takes together. */
export const MAX_IMPORT_FILES = 10;
/** The other spreadsheet files of one import (after its first). */
export const AlsoSchema = z.array(z.string().min(1).max(4096)).max(MAX_IMPORT_FILES - 1);

export const ImportPreviewSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  /** The other spreadsheet files imported together with it, in order. */
  also: z.array(z.object({ path: z.string(), fileName: z.string() })).optional(),
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
        /** The file it is read from, when several files are imported together. */
        file: z.string().optional(),
        /** A sheet that is there to be read, not imported (a Regiekaart export's partnerships or gaps). */
        info: z.boolean().optional(),
        /** An agreements sheet whose parties the map does not have become new actors (the user's choice). */
        newParties: z.boolean().optional(),
        kind: z.union([TableKindSchema, z.literal('skip')]),
        header: z.array(z.string()),
        /** The spreadsheet row of the header (1 for the first). */
        headerRow: z.number().int(),
        /** A spreadsheet's top rows, a few cells each, to choose the header row from (other formats have none). */
        top: z.array(z.array(z.string())).optional(),
        samples: z.array(z.array(z.string())),
        rows: z.number().int(),
        columns: z.record(z.string(), z.string()),
        fallbacks: z.record(z.string(), z.string()),
        /**
         * The values of its code columns that the vocabulary does not know, and those the user chose a code for
         * (`chosen`) now or in an earlier import (`remembered`), each with its column, field and number of rows: to
         * choose what they become.
         */
        values: z.array(z.object({ field: z.string(), column: z.string(), value: z.string(), rows: z.number().int(), chosen: z.string().nullable(), remembered: z.boolean() })).optional(),
        /** How many more such values there are than are listed (a column of free text mapped to a code field). */
        valuesMore: z.number().int().optional(),
        /**
         * The party and provider names that were not found, and those the user said which actor they are (`chosen`:
         * an actor's `ref`, or "NIEUW"), each with its column, its number of cells and the nearest actors.
         */
        parties: z
          .array(
            z.object({
              column: z.string(),
              value: z.string(),
              rows: z.number().int(),
              /** An actors sheet's row that resembles actors of the map (it stays a new actor unless chosen). */
              row: z.number().int().optional(),
              /** The nearest actors, or those of the name when several actors have it (`ambiguous`), told apart by `detail`. */
              near: z.array(z.object({ ref: z.string(), name: z.string(), detail: z.string().optional() })),
              chosen: z.string().nullable(),
              ambiguous: z.literal(true).optional(),
            }),
          )
          .optional(),
        /** How many more such names there are than are listed. */
        partiesMore: z.number().int().optional(),
      }),
    )
    .optional(),
  /** A JSON file going into a document that already holds a network: the merge, as it would be done. */
  merge: MergePreviewSchema.optional(),
  /** A graph file's group nodes (yEd groups, GEXF nodes with nodes inside): how many, and what they are read as. */
  groups: z.object({ count: z.number().int(), as: GroupsAsSchema }).optional(),
  /** What the file holds that this import leaves out, in Dutch. */
  notes: z.array(z.string()).optional(),
  /**
   * A spreadsheet or graph import's plan: per kind (a graph's partnerships and memberships too), rows created,
   * updated, unchanged and with a problem; the first rows, each with the id it gets or has (the import that confirms
   * the preview writes those very rows).
   */
  plan: z
    .object({
      summary: PlanSummarySchema,
      rows: z.array(z.object({ sheet: z.string(), row: z.number().int(), kind: PlanKindSchema, action: z.enum(['create', 'update', 'unchanged', 'problem']), id: z.string().nullable(), label: z.string(), changed: z.array(z.string()).optional() })),
    })
    .optional(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
