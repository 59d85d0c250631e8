import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeUtf8 } from '../../../shared/exchange/decode';
import { exchangeDocument, parseExchangeDocument, type ExchangeDocument } from '../../../shared/exchange/format';
import type { Counts } from '../../../shared/model';
import { createDocument, NetworkDocument, withExtension } from '../document';
import { CoreError } from '../errors';
import { writeFileAtomic } from '../report/atomic';
import { checkImportFile, readImportFile } from './files';
import { unknownCode } from '../store/codes';
import type { EntityName } from '../store/tables';
import { assertNoProblems, type ImportProblem } from '../../../shared/exchange/problems';
import { entityAt } from '../../../shared/exchange/refs';

/** The whole document in the JSON exchange format. */
export function exportJson(doc: NetworkDocument, generator: string): ExchangeDocument {
  const views = doc.views();
  return exchangeDocument({
    data: doc.snapshot(),
    views,
    positions: views.flatMap((v) => doc.positions(v.id)),
    changeLog: doc.changeLog(),
    generator,
    exportedAt: new Date().toISOString(),
  });
}

/** Writes the JSON export atomically; returns the number of bytes. */
export function writeJsonExport(doc: NetworkDocument, out: string, generator: string): number {
  const text = `${JSON.stringify(exportJson(doc, generator), null, 2)}\n`;
  writeFileAtomic(out, text);
  return Buffer.byteLength(text);
}

/**
 * Another Regiekaart document (a neighbour mailed its .regiekaart) as if it were its JSON export: read from a copy,
 * so the neighbour's file is neither locked nor changed, and one made by an older version is brought up to date.
 */
export async function readDocumentAsExport(file: string, nativeBinding?: string): Promise<ExchangeDocument> {
  const abs = checkImportFile(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regiekaart-bron-'));
  try {
    const copy = path.join(dir, path.basename(abs));
    fs.copyFileSync(abs, copy);
    // A document open elsewhere keeps its newest changes in its WAL: SQLite replays a copy of it on opening.
    if (fs.existsSync(`${abs}-wal`)) fs.copyFileSync(`${abs}-wal`, `${copy}-wal`);
    const doc = await NetworkDocument.open(copy, { nativeBinding });
    try {
      return parseExchangeDocument(path.basename(abs), JSON.stringify(exportJson(doc, 'Regiekaart')));
    } finally {
      doc.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Regiekaart JSON export or another Regiekaart document, read and checked as an exchange document. */
export const readExchangeSource = (file: string, format: 'json' | 'regiekaart', nativeBinding?: string): Promise<ExchangeDocument> =>
  format === 'regiekaart' ? readDocumentAsExport(file, nativeBinding) : Promise.resolve(readJsonExport(file));

/** Reads and checks a JSON exchange file (size, UTF-8, format, version, every field, ids and references). */
export function readJsonExport(file: string): ExchangeDocument {
  return parseExchangeDocument(path.basename(file), decodeUtf8(path.basename(file), readImportFile(file)));
}

const LIST_OF_ENTITY: [EntityName, keyof ExchangeDocument][] = [
  ['area', 'areas'],
  ['actor', 'actors'],
  ['service', 'services'],
  ['partnership', 'partnerships'],
  ['member', 'members'],
  ['agreement', 'agreements'],
  ['role', 'roles'],
  ['governanceModel', 'governanceModels'],
  ['gap', 'gaps'],
  ['meeting', 'meetings'],
  ['mitigation', 'mitigations'],
];

/** Why a JSON export cannot go into this document (it already holds a network), or null. */
function notEmptyReason(doc: NetworkDocument): string | null {
  return doc.isEmpty()
    ? null
    : `${path.basename(doc.path)} bevat al een netwerk. Een JSON-export wordt in een leeg document teruggezet; maak een nieuw document of kies een lege kaart.`;
}

/** Codes in the file that are in neither the target's vocabulary nor the file's own, each with its place. */
export function codeProblems(data: ExchangeDocument, vocab: Partial<Record<string, readonly { code: string }[]>>): ImportProblem[] {
  const known = new Set<string>();
  for (const source of [vocab, data.vocab]) for (const [kind, entries] of Object.entries(source)) for (const e of entries ?? []) known.add(`${kind}/${e.code}`);
  const problems: ImportProblem[] = [];
  for (const [entity, list] of LIST_OF_ENTITY) {
    (data[list] as Record<string, unknown>[]).forEach((item, i) => {
      const problem = unknownCode(entity, item, (kind, code) => known.has(`${kind}/${code}`));
      if (problem) problems.push({ where: entityAt(list, i, item.id), message: problem });
    });
  }
  return problems;
}

/** Refuses, without writing anything, a restore into a document that holds a network or lacks codes the file uses. */
export function restoreProblems(doc: NetworkDocument, data: ExchangeDocument, source: string): void {
  const reason = notEmptyReason(doc);
  if (reason) throw new CoreError('UNSUPPORTED', reason);
  assertNoProblems(path.basename(source), codeProblems(data, doc.vocab()));
}

/**
 * Restores a JSON export into an empty document: everything with its own ids, the earlier change log kept, as one
 * undoable step. A document that already holds a network is refused: joining two maps is a merge.
 */
export function restoreJson(doc: NetworkDocument, data: ExchangeDocument, source: string): Counts {
  restoreProblems(doc, data, source);
  const { views, positions, changeLog, ...network } = data;
  return doc.addNetwork({ ...network, views, positions }, { label: `Geïmporteerd uit ${path.basename(source)}`, history: true, changeLog });
}

/** A new document made from a JSON export, written under a temporary name and renamed into place. */
export function createFromJson(file: string, data: ExchangeDocument, source: string, nativeBinding?: string): Promise<Counts> {
  return createDocument(withExtension(file), { nativeBinding }, (doc) => restoreJson(doc, data, source));
}
