import fs from 'node:fs';
import path from 'node:path';
import type { Counts } from '../../shared/model';
import { NetworkDocument } from '../core/document';
import { CoreError } from '../core/errors';
import { createFromJson, readJsonExport, restoreJson, restoreProblems, writeJsonExport } from '../core/exchange/json';
import { parse, UsageError, type CliIo } from './args';

const GENERATOR = `Regiekaart ${process.env.npm_package_version ?? ''}`.trim();
const FORMATS = ['json'] as const;
type Format = (typeof FORMATS)[number];

/** `export … --json`: writes the requested exchange files of a document. */
export async function exportExchange(file: string, outs: { json?: string }, io: CliIo): Promise<void> {
  const doc = await NetworkDocument.open(file);
  try {
    if (outs.json) {
      const bytes = writeJsonExport(doc, outs.json, GENERATOR);
      io.out(`JSON geschreven naar ${outs.json} (${Math.round(bytes / 1024)} kB).\n`);
    }
  } finally {
    doc.close();
  }
}

function formatOf(input: string, given: string | undefined): Format {
  const format = (given ?? path.extname(input).slice(1)).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(given ? `--format verwacht ${FORMATS.join(', ')}, niet "${given}".` : `Het formaat van ${input} is niet te herkennen aan de extensie: geef --format ${FORMATS.join('|')}.`);
  }
  return format as Format;
}

const summary = (c: Counts) => `${c.actors} actoren, ${c.agreements} afspraken, ${c.services} diensten, ${c.gaps} lacunes`;

/** `import <document> <input> [--format]`: all or nothing; a new document when the target does not exist. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  if (positionals.length !== 2) throw new UsageError('Geef het document en het bestand om te importeren op.');
  const [file, input] = positionals;
  formatOf(input, values.format as string | undefined);
  const data = readJsonExport(input);
  if (!fs.existsSync(file)) {
    const counts = await createFromJson(file, data, input);
    io.out(`Nieuw document ${file} gemaakt uit ${input}: ${summary(counts)}.\n`);
    return 0;
  }
  // Checked on a read-only connection first: a refused import leaves the file byte for byte as it was.
  const peek = await NetworkDocument.open(file, { readOnly: true });
  try {
    restoreProblems(peek, data, input);
  } finally {
    peek.close();
  }
  const doc = await NetworkDocument.open(file);
  try {
    if (doc.readOnly) throw new CoreError('READ_ONLY', doc.readOnlyReason ?? 'Het document is alleen-lezen.');
    const counts = restoreJson(doc, data, input);
    io.out(`Geïmporteerd uit ${input} in ${file}: ${summary(counts)}.\n`);
  } finally {
    doc.close();
  }
  return 0;
}
