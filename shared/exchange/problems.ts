/** One thing wrong with an imported file: where (line, column, row or path) and what, in Dutch. */
export interface ImportProblem {
  where: string;
  message: string;
}

/** How many problems an error message lists before it says "en N andere". */
const LISTED = 20;

/** An import that cannot go ahead: every problem found, so the user can fix the file in one go. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ImportProblem[],
  ) {
    super(describeProblems(file, problems));
    this.name = 'ImportError';
  }
}

/** "bestand.csv: 3 problemen. regel 4, kolom naam: Naam is verplicht. …" */
export function describeProblems(file: string, problems: readonly ImportProblem[]): string {
  const head = problems.length === 1 ? `${file}: 1 probleem, niets geïmporteerd.` : `${file}: ${problems.length} problemen, niets geïmporteerd.`;
  const lines = problems.slice(0, LISTED).map((p) => (p.where ? `${p.where}: ${p.message}` : p.message));
  const more = problems.length > LISTED ? [`… en ${problems.length - LISTED} andere.`] : [];
  return [head, ...lines, ...more].join('\n');
}

/** Throws one ImportError for all problems, if there are any. */
export function assertNoProblems(file: string, problems: readonly ImportProblem[]): void {
  if (problems.length) throw new ImportError(file, [...problems]);
}
