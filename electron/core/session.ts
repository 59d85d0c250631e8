import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/api';
import type { DocumentInfo } from '../../shared/model';
import type { SnapshotReply } from '../../shared/model/snapshotPatch';
import { CoreError } from './errors';
import { DOCUMENT_EXTENSION, LATEST_VERSION, NetworkDocument, withExtension } from './document';
import { RecentFiles } from './recent';
import { SnapshotSource } from './store/snapshots';
import { writeVoorbeeldstad } from './demo/write';
import { applyBatch, previewDelete } from './edit/apply';
import { historyState, redo, undo } from './edit/history';
import { buildReport, rememberReport } from './report/export';
import { printPdf } from './report/pdf';
import { writeFileAtomic } from './report/atomic';
import { exchangeHandlers } from './exchange/handlers';
import type { ExchangeFormat } from '../../shared/exchange/contract';

/** What differs between the Electron host and the web host; the core never imports either. */
export interface Platform {
  host: 'electron' | 'web';
  appVersion: string;
  /** Native file dialogs; null means the host has none and the UI must pass a path. */
  dialogs: {
    /** A document to open, a file to import, or (`importMore`) a spreadsheet file to import together with it. */
    chooseOpen(kind?: 'document' | 'import' | 'importMore'): Promise<string | null>;
    chooseSave(defaultName: string, kind?: 'document' | 'pdf' | 'png' | 'svg' | ExchangeFormat): Promise<string | null>;
  } | null;
  /** Prints report HTML to a PDF file, atomically (Electron: printToPDF); a system Chromium when absent. */
  printPdf?: (html: string, out: string, orientation: 'portrait' | 'landscape') => Promise<{ bytes: number }>;
  /** The bundled demo document, if the build made one. */
  bundledDemo: string | null;
  /** A folder where the app may keep its own files (the demo's working copy, recent list). */
  workDir: string;
  /** Native SQLite binding for a runtime other than plain Node (Electron in development). */
  nativeBinding?: string;
  /** Told whenever the open document changes (window title, menus). */
  onDocumentChanged?: (info: DocumentInfo | null) => void;
}

/** The open document of one window, plus the recent list: the state behind the handlers. */
export class Session {
  private doc: NetworkDocument | null = null;
  readonly recent: RecentFiles;

  constructor(readonly platform: Platform) {
    fs.mkdirSync(platform.workDir, { recursive: true });
    this.recent = new RecentFiles(path.join(platform.workDir, 'recent.json'));
  }

  /** The open document, or a Dutch error when none is open. */
  current(): NetworkDocument {
    if (!this.doc) throw new CoreError('NO_DOCUMENT', 'Er is geen document geopend. Open of maak eerst een netwerkkaart.');
    return this.doc;
  }

  /** The open document, or null. */
  currentOrNull(): NetworkDocument | null {
    return this.doc;
  }

  /** Where the UI's snapshots come from (the open document's), and the token of the last one sent. */
  private sent: { source: SnapshotSource; token: string | null } | null = null;

  /**
   * The open document's snapshot: as the changes since the one the UI has, when it names the last one sent (of this
   * document); else whole. Only the last one is kept: another window, or a reply the UI dropped, gets it whole.
   */
  snapshot(since: string | null): SnapshotReply {
    const doc = this.current();
    if (this.sent?.source.doc !== doc) this.sent = { source: new SnapshotSource(doc), token: null };
    const known = since !== null && since === this.sent.token;
    const { data, patch } = this.sent.source.read();
    const token = randomUUID();
    this.sent.token = token;
    return known && patch ? { token, full: null, patch } : { token, full: data, patch: null };
  }

  /** Opens a file, closing the previous one only once the new one opened fine. */
  async open(file: string, create = false, meta?: { title?: string; municipality?: string }): Promise<DocumentInfo> {
    if (!create && this.doc && fs.existsSync(file) && fs.realpathSync(file) === this.doc.key) return this.doc.info();
    const next = await NetworkDocument.open(file, { create, meta, nativeBinding: this.platform.nativeBinding });
    this.doc?.close();
    this.doc = next;
    this.recent.add(next.path);
    const info = next.info();
    this.platform.onDocumentChanged?.(info);
    return info;
  }

  /** Opens the Voorbeeldstad demo: a working copy in the work folder, made from the bundled file or the source. */
  async openDemo(): Promise<DocumentInfo> {
    const copy = path.join(this.platform.workDir, `Voorbeeldstad${DOCUMENT_EXTENSION}`);
    if (!fs.existsSync(copy)) {
      if (this.platform.bundledDemo && fs.existsSync(this.platform.bundledDemo)) {
        const tmp = `${copy}.tmp-${process.pid}`;
        fs.copyFileSync(this.platform.bundledDemo, tmp);
        fs.renameSync(tmp, copy);
      } else {
        await writeVoorbeeldstad(copy, this.platform.nativeBinding);
      }
    }
    return this.open(copy);
  }

  /** Closes the open document (at quit). */
  close(): void {
    this.doc?.close();
    this.doc = null;
  }
}


async function pick(chooser: (() => Promise<string | null>) | undefined, given: string | undefined): Promise<string> {
  if (given) return given;
  if (!chooser) throw new CoreError('INVALID_INPUT', 'Geef het pad van het bestand op.');
  const chosen = await chooser();
  if (!chosen) throw new CoreError('CANCELLED', 'Geannuleerd.');
  return chosen;
}

/** The handlers of every contract call, on top of one session. Both hosts register exactly this object. */
export function createHandlers(session: Session): Handlers {
  const { platform } = session;
  return {
    'app.info': () => ({
      name: 'Regiekaart',
      version: platform.appVersion,
      host: platform.host,
      schemaVersion: LATEST_VERSION,
      documentExtension: DOCUMENT_EXTENSION,
      nativeDialogs: platform.dialogs !== null,
    }),
    'document.current': () => {
      try {
        return session.current().info();
      } catch {
        return null;
      }
    },
    'document.open': async ({ path: given }) => session.open(await pick(platform.dialogs ? () => platform.dialogs!.chooseOpen('document') : undefined, given)),
    'document.create': async ({ path: given, title, municipality }) => {
      const suggested = `${title ?? 'Nieuwe netwerkkaart'}${DOCUMENT_EXTENSION}`;
      const file = withExtension(await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested) : undefined, given));
      return session.open(file, true, { title, municipality });
    },
    'document.openDemo': () => session.openDemo(),
    'document.saveCopy': async ({ path: given }) => {
      const doc = session.current();
      const suggested = `${path.basename(doc.path, DOCUMENT_EXTENSION)} (kopie)${DOCUMENT_EXTENSION}`;
      const file = withExtension(await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested) : undefined, given));
      return { path: await doc.saveCopy(file) };
    },
    'document.recent': () => session.recent.list(),
    'network.snapshot': ({ since }) => session.snapshot(since ?? null),
    'vocab.list': () => session.current().vocab(),
    'changes.list': ({ limit, entity, entityId }) => session.current().changes(limit, entity && entityId ? { entity, entityId } : undefined),
    'edit.apply': (batch) => applyBatch(session.current(), batch),
    'edit.previewDelete': ({ kind, ids }) => previewDelete(session.current(), kind, ids),
    'drafts.list': () => session.current().drafts(),
    'drafts.put': (draft) => ({ savedAt: session.current().putDraft(draft) }),
    'drafts.drop': ({ key }) => {
      session.current().dropDraft(key);
      return {};
    },
    'history.state': () => historyState(session.current().db),
    'history.undo': () => undo(session.current()),
    'history.redo': () => redo(session.current()),
    'views.list': () => session.current().views(),
    'positions.list': ({ viewId }) => session.current().positions(viewId),
    'report.export': async ({ path: given, options }) => {
      const doc = session.current();
      const suggested = `${path.basename(doc.path, DOCUMENT_EXTENSION)} – rapport.pdf`;
      const chosen = await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested, 'pdf') : undefined, given);
      const file = path.resolve(withExtension(chosen, '.pdf'));
      const { html, options: used } = buildReport(doc, options);
      const { bytes } = platform.printPdf ? await platform.printPdf(html, file, used.orientation) : await printPdf(html, file, { orientation: used.orientation });
      rememberReport(doc, options, file);
      return { path: file, bytes };
    },
    'map.export': async ({ path: given, format, data }) => {
      const doc = session.current();
      const suggested = `${path.basename(doc.path, DOCUMENT_EXTENSION)} – kaart.${format}`;
      const chosen = await pick(platform.dialogs ? () => platform.dialogs!.chooseSave(suggested, format) : undefined, given);
      const file = path.resolve(withExtension(chosen, `.${format}`));
      const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
      // Only what it says it is: an SVG document, or a PNG by its signature.
      const ok = format === 'svg' ? /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data) : bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      if (!ok) throw new CoreError('INVALID_INPUT', `De kaart is geen geldige ${format.toUpperCase()}-afbeelding.`);
      writeFileAtomic(file, bytes);
      return { path: file, bytes: bytes.length };
    },
    ...exchangeHandlers(session, pick),
  };
}
