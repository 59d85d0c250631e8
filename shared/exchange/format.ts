import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { NetworkDataSchema, PositionSchema, ViewSchema, type NetworkData, type Position, type View } from '../model';
import { dutchIssue } from '../util/zodMessage';
import { ImportError, type ImportProblem } from './problems';
import { entityAt, LIST_KEYS, referenceProblems } from './refs';

/** The version of the JSON exchange format this build writes and the newest it reads. */
export const EXCHANGE_FORMAT_VERSION = 1;
/** The schema file in resources/ that documents the format (generated from the zod schemas below). */
export const EXCHANGE_SCHEMA_FILE = 'regiekaart-document.schema.json';

/** One change-log entry as exported: who changed what when, with the value before and after. */
export const ChangeRecordSchema = z
  .object({
    at: z.string().min(1).max(40),
    author: z.string().max(300),
    /** Changes made by one user action share a batch. */
    batch: z.string().min(1).max(100),
    entity: z.string().min(1).max(40),
    entityId: z.string().min(1).max(200),
    op: z.enum(['create', 'update', 'delete']),
    summary: z.string().max(1000),
    before: z.record(z.string(), z.unknown()).nullable().default(null),
    after: z.record(z.string(), z.unknown()).nullable().default(null),
  })
  .strict();
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/**
 * A whole Regiekaart document as JSON, for backups and for exchange between municipalities: the network, its
 * vocabulary, settings, saved views with their map positions, and the change log. The undo history is not part of
 * it (it belongs to a working session on one file).
 */
export const ExchangeDocumentSchema = NetworkDataSchema.extend({
  $schema: z.string().max(500).optional(),
  /** When and by what the file was written (informative; ignored on import). */
  exportedAt: z.string().max(40).optional(),
  generator: z.string().max(200).optional(),
  views: z.array(ViewSchema).default([]),
  positions: z.array(PositionSchema).default([]),
  changeLog: z.array(ChangeRecordSchema).default([]),
}).strict();
export type ExchangeDocument = z.infer<typeof ExchangeDocumentSchema>;
export type ExchangeDocumentInput = z.input<typeof ExchangeDocumentSchema>;

/** "regel 3, kolom 14" for a character offset in a text. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `regel ${line}, kolom ${offset - start + 1}`;
}

/** jsonc-parser's error names in Dutch. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'onverwacht teken',
  InvalidNumberFormat: 'ongeldig getal',
  PropertyNameExpected: 'veldnaam verwacht',
  ValueExpected: 'waarde verwacht',
  ColonExpected: 'dubbele punt verwacht',
  CommaExpected: 'komma verwacht',
  CloseBraceExpected: '} verwacht',
  CloseBracketExpected: '] verwacht',
  EndOfFileExpected: 'einde van het bestand verwacht',
  InvalidCommentToken: 'commentaar is niet toegelaten in JSON',
  UnexpectedEndOfString: 'tekst niet afgesloten',
  UnexpectedEndOfComment: 'commentaar niet afgesloten',
  InvalidUnicode: 'ongeldige \\u-code',
  InvalidEscapeCharacter: 'ongeldige \\-code',
  InvalidCharacter: 'ongeldig teken in tekst',
};

/** JSON.parse; on a syntax error, jsonc-parser (strict settings) finds its line and column (V8's message may not say). */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const where = first ? lineColumn(text, first.offset) : '';
    const what = first ? (JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : (err as Error).message;
    throw new ImportError(file, [{ where, message: `geen geldige JSON (${what}).` }]);
  }
}

/** A zod path as a place in the file: `actors[3] (A03).name`. */
function zodPlace(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length >= 2 && typeof path[1] === 'number') {
    const list = String(path[0]);
    const item = (raw as Record<string, unknown[]>)[list]?.[path[1]] as { id?: unknown } | undefined;
    const rest = path.slice(2).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${entityAt(list, path[1], item?.id)}${rest}`;
  }
  return path.map(String).join('.');
}

/**
 * Reads a Regiekaart JSON document: checks it is one, of a version this build knows, valid in every field, without
 * duplicate ids or dangling references. Every problem is reported at once, each with its place in the file.
 */
export function parseExchangeDocument(file: string, text: string): ExchangeDocument {
  const raw = parseJsonText(file, text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== 'regiekaart') {
    throw new ImportError(file, [{ where: '', message: 'Dit is geen Regiekaart-JSON: het veld "format" met de waarde "regiekaart" ontbreekt.' }]);
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > EXCHANGE_FORMAT_VERSION) {
    throw new ImportError(file, [
      { where: 'formatVersion', message: `Het bestand heeft formaatversie ${version}; deze Regiekaart leest tot versie ${EXCHANGE_FORMAT_VERSION}. Werk Regiekaart bij.` },
    ]);
  }
  const parsed = ExchangeDocumentSchema.safeParse(raw);
  const problems: ImportProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({
        where: zodPlace(raw, i.path),
        message: dutchIssue(i.code, i.message),
      }));
  // Ids and references are checked on the file as written, so one pass reports them beside the field errors.
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, arrayOf((raw as Record<string, unknown>)[k])]));
  problems.push(...referenceProblems(lists));
  const views = new Set(arrayOf((raw as Record<string, unknown>).views).map((v) => String(v.id)));
  arrayOf((raw as Record<string, unknown>).positions).forEach((p, i) => {
    if (!views.has(String(p.viewId))) problems.push({ where: `${entityAt('positions', i, p.id)}.viewId`, message: `verwijst naar ${String(p.viewId)}, maar dat staat niet in views.` });
  });
  if (problems.length || !parsed.success) throw new ImportError(file, problems);
  return parsed.data;
}

const arrayOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);

/** Builds the exchange document from a document's parts. */
export function exchangeDocument(parts: { data: NetworkData; views: View[]; positions: Position[]; changeLog: ChangeRecord[]; generator: string; exportedAt: string }): ExchangeDocument {
  return {
    $schema: `./${EXCHANGE_SCHEMA_FILE}`,
    ...parts.data,
    format: 'regiekaart',
    formatVersion: EXCHANGE_FORMAT_VERSION,
    exportedAt: parts.exportedAt,
    generator: parts.generator,
    views: parts.views,
    positions: parts.positions,
    changeLog: parts.changeLog,
  };
}
