import path from 'node:path';
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
    /** The error it stands for (a file system's or SQLite's), for a caller that words it for its own file. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
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
  if (e?.code === 'SQLITE_READONLY') return new CoreError('READ_ONLY', 'Het bestand is alleen-lezen: wijzigingen kunnen niet worden bewaard.', undefined, err);
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC') {
    return new CoreError('IO', 'De schijf is vol: de wijziging is niet bewaard. Maak ruimte vrij en probeer opnieuw.', undefined, err);
  }
  if (e?.code?.startsWith('SQLITE_IOERR') || e?.code === 'EIO') {
    return new CoreError('IO', `Schijffout: de wijziging is niet bewaard (${e.code}). Het document blijft zoals het laatst bewaard werd; controleer de schijf en probeer opnieuw.`, undefined, err);
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

/**
 * A failed write of a file the user named (an export, a copy, a new document) in Dutch, naming the file and what to
 * do: a full disk, a missing folder, no rights, a read-only disk; null for any other error (the caller throws that
 * as it is).
 */
export function fileError(err: unknown, file: string): CoreError | null {
  if (err instanceof CoreError) return err.cause === undefined ? null : fileError(err.cause, file);
  const code = (err as { code?: string })?.code ?? '';
  const name = path.basename(file);
  const dir = path.dirname(path.resolve(file));
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new CoreError('IO', `De schijf is vol: ${name} is niet geschreven. Maak ruimte vrij en probeer opnieuw.`, undefined, err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CoreError('IO', `De map ${dir} bestaat niet: ${name} is niet geschreven. Kies een bestaande map.`, undefined, err);
  if (code === 'EACCES' || code === 'EPERM') return new CoreError('IO', `U hebt geen schrijfrechten in ${dir}: ${name} is niet geschreven. Kies een andere map.`, undefined, err);
  if (code === 'EROFS' || code === 'SQLITE_READONLY') return new CoreError('IO', `${dir} staat op een schijf die alleen-lezen is: ${name} is niet geschreven. Kies een andere map.`, undefined, err);
  if (code === 'EISDIR' || code === 'ENOTEMPTY') return new CoreError('IO', `${path.resolve(file)} is een map: kies een bestandsnaam.`, undefined, err);
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return new CoreError('IO', `Schijffout bij het schrijven van ${name} (${code}). Probeer opnieuw of kies een andere schijf.`, undefined, err);
  return null;
}
