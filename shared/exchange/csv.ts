import Papa from 'papaparse';
import { ImportError, type ImportProblem } from './problems';

/** A sheet as read from a file: its name and rows of text cells, the first row being the header. */
export interface RawSheet {
  name: string;
  rows: string[][];
  /**
   * Whether its header may be below the top (a title, a date or an empty line above it, as people make
   * spreadsheets); the sheets other formats become have theirs on top.
   */
  findHeader?: boolean;
  /**
   * How problems name it when it is one of several files imported together: by its file ("edges.csv", or
   * "blad Partners in lijst.xlsx"); without one, a workbook's sheet is "blad Partners".
   */
  place?: string;
  /** The file it is read from, when it is one of several files imported together. */
  file?: string;
}

/** Excel's first line naming the separator ("sep=;"), which Excel reads and does not show as a row. */
const SEPARATOR_LINE = /^sep=([^\r\n])\r?\n/i;

/**
 * Reads CSV text (comma, semicolon or tab, as Excel in Flanders writes semicolons) into one sheet. A first line
 * "sep=;" names the separator, as it does for Excel, and is no row. Quoting errors are reported with their row.
 */
export function readCsv(file: string, text: string): RawSheet {
  const sep = SEPARATOR_LINE.exec(text);
  // The line breaks after the last record are no row, and would make a list of two columns look like one to the
  // separator guess (it averages the cells per line: two, two, … and one for the empty line after the last).
  const body = (sep ? text.slice(sep[0].length) : text).replace(/[\r\n]+$/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: sep?.[1] ?? '', delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: false });
  const problems: ImportProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ where: `rij ${(e.row ?? 0) + 1}`, message: e.code === 'MissingQuotes' ? 'een aanhalingsteken wordt niet gesloten.' : e.message }));
  if (problems.length) throw new ImportError(file, problems);
  // A line break inside a cell is one \n, however the file ends its lines.
  const rows = parsed.data.map((r) => r.map((c) => unsafeCell((c ?? '').replace(/\r\n?/g, '\n'))));
  // The empty line after the last record is not a row.
  while (rows.length && rows[rows.length - 1].every((c) => !c.trim())) rows.pop();
  if (!rows.length) throw new ImportError(file, [{ where: '', message: 'het bestand is leeg.' }]);
  return { name: file.replace(/\.[^.]+$/, ''), rows, findHeader: true };
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet will show as text: one starting like a formula gets a leading apostrophe. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes safeCell, so an exported sheet reads back as it was written. */
export function unsafeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** CSV for spreadsheets: semicolons (Excel in Flanders), every cell safe from formula injection, CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    rows.map((r) => r.map(safeCell)),
    { delimiter: ';', newline: '\r\n', quotes: false },
  );
}
