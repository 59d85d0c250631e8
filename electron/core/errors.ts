import { ZodError } from 'zod';
import { describeZodError, zodFields } from '../../shared/util/zodMessage';
import { ImportError } from '../../shared/exchange/problems';

/** Error codes that cross the boundary to the UI and the CLI, each with a Dutch message. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'NOT_A_DOCUMENT'
  | 'TOO_NEW'
  | 'CORRUPT'
  | 'IN_USE'
  | 'READ_ONLY'
  | 'NO_DOCUMENT'
  | 'EXISTS'
  | 'CONSTRAINT'
  | 'CANCELLED'
  | 'UNSUPPORTED'
  | 'IO'
  | 'INTERNAL';

/** An expected failure with a message meant for the user (Dutch). */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages for a form (field path → Dutch message). */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}


/** Turns any thrown value into a CoreError; unexpected errors keep their text after a Dutch lead-in. */
export function toCoreError(err: unknown): CoreError {
  if (err instanceof CoreError) return err;
  if (err instanceof ImportError) return new CoreError('INVALID_INPUT', err.message);
  if (err instanceof ZodError) return new CoreError('INVALID_INPUT', describeZodError(err), zodFields(err));
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED') {
    return new CoreError('IN_USE', 'Het bestand is in gebruik door een ander venster of programma. Sluit het daar en probeer opnieuw.');
  }
  if (e?.code === 'SQLITE_CORRUPT' || e?.code === 'SQLITE_NOTADB') {
    return new CoreError('CORRUPT', `Het bestand is beschadigd of geen geldige databank (${e.message ?? e.code}). Open een reservekopie.`);
  }
  if (e?.code === 'SQLITE_READONLY') return new CoreError('READ_ONLY', 'Het bestand is alleen-lezen: wijzigingen kunnen niet worden bewaard.');
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC') {
    return new CoreError('IO', 'De schijf is vol: de wijziging is niet bewaard. Maak ruimte vrij en probeer opnieuw.');
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return new CoreError('CONSTRAINT', `De wijziging botst met bestaande gegevens: ${e.message ?? ''}`.trim());
  }
  return new CoreError('INTERNAL', `Onverwachte fout: ${e?.message ?? String(err)}`);
}

/** The error value sent across a host boundary; unexpected errors are also logged, as one structured line. */
export function toApiError(err: unknown, call: string): { code: ErrorCode; message: string; fields?: Record<string, string> } {
  const e = toCoreError(err);
  if (e.code === 'INTERNAL') console.error(JSON.stringify({ level: 'error', call, message: e.message }));
  return e.fields ? { code: e.code, message: e.message, fields: e.fields } : { code: e.code, message: e.message };
}
