import readXlsxFile from 'read-excel-file/node';
import type { RawSheet } from '../../../shared/exchange/csv';
import { ImportError } from '../../../shared/exchange/problems';

/** A cell as text: dates as YYYY-MM-DD, numbers as written (a KBO number stored as a number keeps its digits). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  return String(v);
}

/** Reads every sheet of an .xlsx file; a file that is not one gets a Dutch error. */
export async function readXlsx(file: string, bytes: Uint8Array): Promise<RawSheet[]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new ImportError(file, [{ where: '', message: 'dit is geen Excel-bestand (.xlsx). Een oud .xls-bestand bewaart u eerst als .xlsx.' }]);
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (err) {
    throw new ImportError(file, [{ where: '', message: `het Excel-bestand kan niet gelezen worden (${(err as Error).message}).` }]);
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(cellText)) })).filter((s) => s.rows.length > 0);
}
