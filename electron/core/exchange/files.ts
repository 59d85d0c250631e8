import fs from 'node:fs';
import path from 'node:path';
import { assertSize, decodeUtf8, IMPORT_MAX_BYTES } from '../../../shared/exchange/decode';
import type { RawSheet } from '../../../shared/exchange/csv';
import { isKumuBlueprint } from '../../../shared/exchange/kumu';
import { isSocialeKaart, readSocialeKaart } from '../../../shared/exchange/socialekaart';
import { todayIso } from '../../../shared/util/dates';
import { CoreError } from '../errors';

/** Checks a file for an import without reading it: it must exist, be a file and stay under the limit (Dutch errors). */
export function checkImportFile(file: string, limit = IMPORT_MAX_BYTES): string {
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
  return abs;
}

/** Reads a file for an import: refused before reading when it is over the limit, with a Dutch error when missing. */
export function readImportFile(file: string, limit = IMPORT_MAX_BYTES): Uint8Array {
  return fs.readFileSync(checkImportFile(file, limit));
}

/** What a .json file is, by its content: a Sociale Kaart extract, a Kumu blueprint, or else a Regiekaart document. */
export function jsonFormatOf(file: string): 'socialekaart' | 'kumu' | 'json' {
  try {
    const raw: unknown = JSON.parse(decodeUtf8(path.basename(file), readImportFile(file)));
    return isSocialeKaart(raw) ? 'socialekaart' : isKumuBlueprint(raw) ? 'kumu' : 'json';
  } catch {
    // Not readable as JSON: the JSON reader will say why.
    return 'json';
  }
}

/** A Sociale Kaart extract as one sheet of actors, synced today (from its bytes, when they were read already). */
export function readSocialeKaartFile(file: string, bytes: Uint8Array = readImportFile(file)): RawSheet[] {
  const name = path.basename(file);
  return [readSocialeKaart(name, decodeUtf8(name, bytes), todayIso())];
}
