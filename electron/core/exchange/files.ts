import fs from 'node:fs';
import path from 'node:path';
import { assertSize, IMPORT_MAX_BYTES } from '../../../shared/exchange/decode';
import { CoreError } from '../errors';

/** Reads a file for an import: refused before reading when it is over the limit, with a Dutch error when missing. */
export function readImportFile(file: string, limit = IMPORT_MAX_BYTES): Uint8Array {
  const abs = path.resolve(file);
  let size: number;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) throw new CoreError('INVALID_INPUT', `${abs} is geen bestand.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw new CoreError('NOT_FOUND', `Het bestand ${abs} bestaat niet of kan niet gelezen worden.`);
  }
  assertSize(path.basename(abs), size, limit);
  return fs.readFileSync(abs);
}
