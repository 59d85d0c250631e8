import { ImportError } from './problems';

/** The largest file an import reads (bytes): far above a municipality's network, far below what hurts memory. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** "73,4 MB" */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(n / 1024)} kB`;
}

/** Refuses a file over the limit before anything reads it, naming both sizes. */
export function assertSize(file: string, bytes: number, limit = IMPORT_MAX_BYTES): void {
  if (bytes > limit) {
    throw new ImportError(file, [{ where: '', message: `Het bestand is ${formatBytes(bytes)}; de grens voor een import is ${formatBytes(limit)}.` }]);
  }
}

/** The offset of the first byte that is not valid UTF-8 (binary search over prefixes; only run after a failure). */
function firstInvalidByte(bytes: Uint8Array): number {
  let ok = 0;
  let bad = bytes.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >> 1;
    try {
      // stream: a sequence cut off at the end of the prefix is not an error, only a wrong byte before it is.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      ok = mid;
    } catch {
      bad = mid;
    }
  }
  return ok;
}

/**
 * Decodes a text file strictly as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 and invalid bytes are refused
 * with the line they are on (Excel's plain "CSV" is Windows-1252, which is the usual cause).
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(file, [{ where: '', message: 'Het bestand is opgeslagen als UTF-16. Bewaar het als UTF-8 en importeer opnieuw.' }]);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: the one mark is dropped above; a second U+FEFF is text and stays.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidByte(body);
    let line = 1;
    for (let i = 0; i < at; i++) if (body[i] === 0x0a) line++;
    throw new ImportError(file, [
      {
        where: `regel ${line}`,
        message: `ongeldige UTF-8 (byte ${at + 1}). Bewaar het bestand als UTF-8${/\.(csv|txt|tsv)$/i.test(file) ? ` (in Excel: "CSV UTF-8 (door komma's gescheiden)")` : ''}.`,
      },
    ]);
  }
}
