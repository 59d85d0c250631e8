import path from 'node:path';
import type { Handlers } from '../../../shared/api';
import { IMPORT_EXTENSIONS, type ImportFormat, type ImportPreview } from '../../../shared/exchange/contract';
import { ImportError } from '../../../shared/exchange/problems';
import { DEFAULT_VOCAB } from '../../../shared/vocab';
import { DOCUMENT_EXTENSION } from '../document';
import { CoreError } from '../errors';
import type { Session } from '../session';
import { codeProblems, createFromJson, notEmptyReason, readJsonExport, restoreJson, writeJsonExport } from './json';

type ExchangeHandlers = Pick<Handlers, 'exchange.export' | 'exchange.preview' | 'exchange.import'>;

/** The import format of a file, from the given one or its extension. */
export function importFormatOf(file: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = path.extname(file).slice(1).toLowerCase();
  const found = (Object.keys(IMPORT_EXTENSIONS) as ImportFormat[]).find((f) => IMPORT_EXTENSIONS[f].includes(ext));
  if (!found) throw new CoreError('INVALID_INPUT', `${path.basename(file)}: het formaat is niet te herkennen aan de extensie. Regiekaart importeert ${Object.values(IMPORT_EXTENSIONS).flat().map((e) => `.${e}`).join(', ')}.`);
  return found;
}

/** Counts of what an exchange file holds, per list. */
const countsOf = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));

/** The exchange calls (export, preview, import) on top of a session and its platform's dialogs. */
export function exchangeHandlers(session: Session, pick: (chooser: (() => Promise<string | null>) | undefined, given: string | undefined) => Promise<string>): ExchangeHandlers {
  const { platform } = session;
  const generator = `Regiekaart ${platform.appVersion}`;
  return {
    'exchange.export': async ({ path: given, format }) => {
      const doc = session.current();
      const suggested = `${path.basename(doc.path, DOCUMENT_EXTENSION)}.${format}`;
      const chosen = await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested, format) : undefined, given);
      const file = path.resolve(chosen.toLowerCase().endsWith(`.${format}`) ? chosen : `${chosen}.${format}`);
      return { path: file, bytes: writeJsonExport(doc, file, generator) };
    },
    'exchange.preview': async ({ path: given, format }) => {
      const file = path.resolve(await pick(platform.dialogs ? () => platform.dialogs!.chooseOpen('import') : undefined, given));
      const base = { path: file, fileName: path.basename(file), format: importFormatOf(file, format) };
      const doc = session.currentOrNull();
      try {
        const data = readJsonExport(file);
        const reason = doc ? notEmptyReason(doc) : 'Er is geen document geopend.';
        // Codes are checked against the target: the open document when it can take the file, else a new one.
        const problems = codeProblems(data, !reason && doc ? doc.vocab() : DEFAULT_VOCAB);
        return { ...base, counts: countsOf(data), problems, intoCurrent: { allowed: !reason, reason } } satisfies ImportPreview;
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
        return { ...base, counts: {}, problems: err.problems, intoCurrent: { allowed: false, reason: null } } satisfies ImportPreview;
      }
    },
    'exchange.import': async ({ path: source, format, into, target }) => {
      importFormatOf(source, format);
      const data = readJsonExport(source);
      if (into === 'current') {
        const counts = restoreJson(session.current(), data, source);
        return { document: session.current().info(), counts, created: false };
      }
      const name = `${path.basename(source, path.extname(source))}${DOCUMENT_EXTENSION}`;
      const chosen = await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(name, 'document') : undefined, target);
      const file = path.resolve(chosen.toLowerCase().endsWith(DOCUMENT_EXTENSION) ? chosen : `${chosen}${DOCUMENT_EXTENSION}`);
      const counts = await createFromJson(file, data, source, platform.nativeBinding);
      return { document: await session.open(file), counts, created: true };
    },
  };
}
