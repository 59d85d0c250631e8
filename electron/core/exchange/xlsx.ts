import { Unzip, UnzipInflate } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import type { RawSheet } from '../../../shared/exchange/csv';
import { formatBytes } from '../../../shared/exchange/decode';
import { ImportError } from '../../../shared/exchange/problems';

/**
 * How much an .xlsx may hold unpacked (it is a zip of XML): far above a municipality's partner list (10,000 actors
 * are some 10 MB), far below what would exhaust memory. A "zip bomb" of a few hundred kB can unpack to gigabytes.
 */
export const XLSX_MAX_UNPACKED = 200 * 1024 * 1024;

/**
 * Whether the zip unpacks to more than `limit` bytes, found by unpacking it (not by the sizes it declares, which a
 * crafted file can understate) and stopping as soon as it is over. Small slices of input keep what one step can
 * unpack small too (deflate expands at most about a thousandfold).
 */
function unpacksOver(bytes: Uint8Array, limit: number): boolean {
  let total = 0;
  const unzip = new Unzip((entry) => {
    entry.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const step = 16 * 1024;
  for (let i = 0; i < bytes.length; i += step) {
    unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
    if (total > limit) return true;
  }
  return false;
}

/** A cell as text: dates as YYYY-MM-DD, numbers as written (a KBO number stored as a number keeps its digits). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  return String(v);
}

/** Reads every sheet of an .xlsx file; a file that is not one gets a Dutch error. */
export async function readXlsx(file: string, bytes: Uint8Array, limit = XLSX_MAX_UNPACKED): Promise<RawSheet[]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new ImportError(file, [{ where: '', message: 'dit is geen Excel-bestand (.xlsx). Een oud .xls-bestand bewaart u eerst als .xlsx.' }]);
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    if (unpacksOver(bytes, limit)) {
      throw new ImportError(file, [{ where: '', message: `het Excel-bestand is uitgepakt groter dan ${formatBytes(limit)}, de grens voor een import. Zo groot is een lijst van partners niet: het bestand is beschadigd of geen gewoon Excel-bestand.` }]);
    }
    sheets = (await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(file, [{ where: '', message: `het Excel-bestand kan niet gelezen worden (${(err as Error).message}).` }]);
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(cellText)), findHeader: true })).filter((s) => s.rows.length > 0);
}
