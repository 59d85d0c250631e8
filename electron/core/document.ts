import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  DocumentMetaSchema,
  NetworkDataSchema,
  type Counts,
  type DocumentInfo,
  type DocumentMeta,
  type NetworkData,
  type NetworkDataInput,
  type ChangeEntry,
  type Position,
  type View,
  DEFAULT_VIEW_ID,
  ViewSchema,
} from '../../shared/model';
import type { DocumentState } from '../../shared/edit/cascade';
import { DRAFT_MAX_COUNT, DRAFT_PREFIX, DraftSchema, type Draft, type DraftKey } from '../../shared/edit/drafts';
import type { ChangeRecord } from '../../shared/exchange/format';
import { recordHistory } from './edit/history';
import { normaliseKbo } from '../../shared/util/kbo';
import { newId } from '../../shared/util/ids';
import { DEFAULT_VOCAB, VOCAB_KINDS, type VocabEntry, type VocabKind } from '../../shared/vocab';
import { CoreError, fileError, toCoreError } from './errors';
import { syncFolder } from './report/atomic';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate, type Migration } from './db/migrations';
import { unknownCode } from './store/codes';
import { CHANGE_LOG_INSERT, countOf, deleteEntity, entrySummary, getOne, insertEntity, insertMany, listAll, logChange, removeMany, rowsDigest, SET_ID, setNeedle, setValues, updateEntity, verbOf, type ChangeContext } from './store/repo';
import { ENTITIES, INSERT_ORDER, type EntityName } from './store/tables';

/** The extension of a Regiekaart document. */
export const DOCUMENT_EXTENSION = '.regiekaart';

export interface OpenOptions {
  /** Create the file when it does not exist (it must not exist yet). */
  create?: boolean;
  /** Initial meta for a new document. */
  meta?: Partial<DocumentMeta>;
  /** Name recorded in the change log; defaults to the OS user. */
  author?: string;
  /** Path of a better-sqlite3 native binding built for another runtime (Electron). */
  nativeBinding?: string;
  /** Only for tests: a different migration list. */
  migrations?: Migration[];
  /** How long to wait for a lock held by someone else before saying "in gebruik". */
  busyTimeoutMs?: number;
  /** Open only to read, even when the file is writable: the file is not touched (a check before an import). */
  readOnly?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Files this process has open. POSIX drops all of a process's locks on a file when any descriptor of it is
 * closed, so we must never open (even just to peek at) a file that one of our own connections holds.
 */
const openInProcess = new Set<string>();

function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return n === 0 || buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writable means: the OS lets us write and the user has not marked the file read-only (root ignores the bits). */
function canWrite(file: string): boolean {
  try {
    if ((fs.statSync(file).mode & 0o222) === 0) return false;
    fs.accessSync(file, fs.constants.W_OK);
    // SQLite makes its WAL beside the file.
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Refuses, in Dutch, a file to be made in a folder that is missing, not ours to write in, or on a read-only disk. */
function assertFolderWritable(file: string): void {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch (err) {
    throw fileError(err, file) ?? toCoreError(err);
  }
}

function defaultAuthor(): string {
  try {
    return os.userInfo().username || 'onbekend';
  } catch {
    return 'onbekend';
  }
}

/** Checks a backup (or copy) by opening it read-only: quick_check must pass and the version must match. */
export function verifyCopy(file: string, expectedVersion: number, nativeBinding?: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const check = db.pragma('quick_check', { simple: true });
    const version = db.pragma('user_version', { simple: true });
    if (check !== 'ok' || version !== expectedVersion) {
      throw new CoreError('IO', `De kopie ${path.basename(file)} is niet in orde (controle: ${String(check)}, versie ${String(version)}).`);
    }
  } finally {
    db.close();
  }
}

type ChangeRow = { seq: number; at: string; author: string; entity: string; entity_id: string; op: ChangeEntry['op']; summary: string };
/**
 * How many changes a set of change-log rows holds: a set entry counts each entity it holds, which its summary
 * starts with ("300 actoren toegevoegd"; CAST reads the leading number). Reading that beats parsing the set's JSON
 * on every look at the document's counts.
 */
const ENTRY_COUNT = `coalesce(sum(CASE WHEN entity_id = '${SET_ID}' THEN CAST(summary AS INTEGER) ELSE 1 END), 0)`;

/** The columns of a change-log row as an entry; a set entry brings the entities it holds. */
const ENTRY_COLUMNS = `seq, at, author, entity, entity_id, op, summary, before, after`;
type EntryRow = ChangeRow & { before: string | null; after: string | null };

/** Change-log rows (newest first) as entries, one per entity: a set gives one for each entity, the last made first. */
function entriesOf(rows: readonly EntryRow[]): ChangeEntry[] {
  return rows.flatMap((r) =>
    r.entity_id === SET_ID
      ? setValues(r)
          .reverse()
          .map((v) => changeEntry({ ...r, entity_id: String(v.id), summary: entrySummary(r.entity as EntityName, r.op, v) }))
      : [changeEntry(r)],
  );
}

const changeEntry = (r: ChangeRow): ChangeEntry => ({ seq: r.seq, at: r.at, author: r.author, entity: r.entity, entityId: r.entity_id, op: r.op, summary: r.summary });

/**
 * One open network map: a SQLite file held with an exclusive lock for as long as it is open, so a second
 * window or program gets a clear "in gebruik" instead of writing beside us. Every edit is one transaction.
 */
/** The meta rows that are drafts (see `NetworkDocument.drafts`). */
const DRAFT_ROWS = `key LIKE '${DRAFT_PREFIX}%'`;
const deleteDraft = (db: Database.Database, key: DraftKey) => db.prepare('DELETE FROM meta WHERE key = ?').run(DRAFT_PREFIX + key);

export class NetworkDocument {
  private vocabCache: Record<VocabKind, VocabEntry[]> | null = null;
  /** The newest undo step made with a coalesce key, for the edits of the same typing session that join it. */
  private lastStep: { key: string; batch: string; seq: number; at: number } | null = null;

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** The real path, as registered in the process-wide set of open files. */
    readonly key: string,
    readonly readOnly: boolean,
    readonly readOnlyReason: string | null,
    private readonly author: string,
    private readonly nativeBinding: string | undefined,
  ) {}

  /** Opens (or with `create`, makes) a document; refuses files that are not ours, too new, damaged or in use. */
  static async open(file: string, options: OpenOptions = {}): Promise<NetworkDocument> {
    const abs = path.resolve(file);
    const exists = fs.existsSync(abs);
    if (options.create && exists) throw new CoreError('EXISTS', `Het bestand ${abs} bestaat al.`);
    if (!options.create && !exists) throw new CoreError('NOT_FOUND', `Het bestand ${abs} bestaat niet.`);
    const key = exists ? fs.realpathSync(abs) : abs;
    if (openInProcess.has(key)) {
      throw new CoreError('IN_USE', `${path.basename(abs)} is al geopend in Regiekaart (in gebruik in een ander venster).`);
    }
    if (exists && !isSqliteFile(abs)) {
      throw new CoreError('NOT_A_DOCUMENT', `${path.basename(abs)} is geen Regiekaart-bestand (geen SQLite-databank).`);
    }
    if (options.create) assertFolderWritable(abs);
    const writable = options.create || (!options.readOnly && canWrite(abs));
    const binding = options.nativeBinding;
    let db: Database.Database;
    try {
      db = new Database(abs, {
        readonly: !writable,
        fileMustExist: !options.create,
        timeout: options.busyTimeoutMs ?? 250,
        nativeBinding: binding,
      });
    } catch (err) {
      throw (options.create && fileError(err, abs)) || toCoreError(err);
    }
    try {
      // Exclusive locking before the first access: the lock is then held until close, and SQLite keeps the
      // WAL index in process memory (no -shm file), which also makes WAL safe on network drives.
      if (writable) db.pragma('locking_mode = EXCLUSIVE');
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
      const latest = (options.migrations ?? MIGRATIONS).at(-1)!.version;
      if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0)) {
        throw new CoreError('NOT_A_DOCUMENT', `${path.basename(abs)} is een SQLite-bestand, maar geen Regiekaart-document.`);
      }
      if (version > latest) {
        throw new CoreError(
          'TOO_NEW',
          `${path.basename(abs)} is gemaakt met een nieuwere versie van Regiekaart (bestandsversie ${version}; deze versie kent tot ${latest}). ` +
            'Werk Regiekaart bij om het te openen. Het bestand is niet gewijzigd.',
        );
      }
      const quickCheck = () => {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') {
          throw new CoreError('CORRUPT', `${path.basename(abs)} is beschadigd (controle meldt: ${String(check)}). Open een reservekopie.`);
        }
      };
      if (!writable) {
        quickCheck();
        if (version < latest) {
          throw new CoreError('READ_ONLY', `${path.basename(abs)} heeft een ouder formaat en is alleen-lezen, dus het kan niet worden bijgewerkt. Maak er een kopie van.`);
        }
        db.pragma('query_only = ON');
        const reason = options.readOnly
          ? `${path.basename(abs)} is geopend om te lezen.`
          : `U hebt geen schrijfrechten op ${path.basename(abs)}: het is geopend als alleen-lezen.`;
        openInProcess.add(key);
        return new NetworkDocument(db, abs, key, true, reason, options.author ?? defaultAuthor(), binding);
      }
      // Take the write lock now, so a second writer is refused at open and not at its first edit.
      db.exec('BEGIN IMMEDIATE; COMMIT;');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Only now: a quick_check before the switch to WAL keeps SQLite, under exclusive locking, from leaving WAL
      // mode at close ("database table is locked"), which would leave the file with a changed header.
      quickCheck();
      if (version > 0 && version < latest) {
        const backup = `${abs}.v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        await db.backup(backup);
        verifyCopy(backup, version, binding);
      }
      migrate(db, version, options.migrations);
      const doc = new NetworkDocument(db, abs, fs.realpathSync(abs), false, null, options.author ?? defaultAuthor(), binding);
      if (version === 0) doc.initialise(options.meta ?? {});
      // Registered only once it is open whole: a file that failed to open is not left "in use".
      openInProcess.add(doc.key);
      return doc;
    } catch (err) {
      db.close();
      // A new file that could not be made whole (a full disk) is not left behind, half made.
      if (options.create) removeWithSideFiles(abs);
      if (!writable && (err as { code?: string }).code === 'SQLITE_CANTOPEN') {
        // SQLite reads a file in WAL mode only where it may make the WAL's index beside it.
        throw new CoreError(
          'READ_ONLY',
          `${path.basename(abs)} staat op een schijf die alleen-lezen is en werd niet netjes gesloten (of gekopieerd terwijl het open was), dus het kan hier niet worden gelezen. Kopieer het naar een map waarin u mag schrijven en open het daar.`,
        );
      }
      throw (options.create && fileError(err, abs)) || toCoreError(err);
    }
  }

  private initialise(meta: Partial<DocumentMeta>): void {
    const full = DocumentMetaSchema.parse({ title: path.basename(this.path, DOCUMENT_EXTENSION), ...meta });
    const ins = this.db.prepare('INSERT OR REPLACE INTO vocab (kind, code, nl, en, props, sort, builtin) VALUES (?, ?, ?, ?, ?, ?, 1)');
    const setMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const kind of VOCAB_KINDS) {
        DEFAULT_VOCAB[kind].forEach((v, i) => ins.run(kind, v.code, v.nl, v.en, JSON.stringify(v.props ?? {}), i));
      }
      for (const [k, v] of Object.entries(full)) setMeta.run(k, JSON.stringify(v));
      setMeta.run('createdAt', JSON.stringify(new Date().toISOString()));
    })();
  }

  /**
   * Closes the file, folding the WAL back in so the document is one self-contained file again. Returns false when
   * that failed (a full disk): the WAL stays beside the file, nothing is lost, and SQLite replays it at the next open.
   */
  close(): boolean {
    if (!this.db.open) return true;
    let whole = true;
    if (!this.readOnly) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        this.db.pragma('journal_mode = DELETE');
      } catch {
        whole = false;
      }
    }
    this.db.close();
    openInProcess.delete(this.key);
    return whole && !fs.existsSync(`${this.path}-wal`);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** The document's title, municipality and reference date. */
  meta(): DocumentMeta {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const raw = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
    return DocumentMetaSchema.parse({ title: path.basename(this.path, DOCUMENT_EXTENSION), ...raw });
  }

  /** The vocabularies stored in this document (defaults plus the municipality's own entries). */
  vocab(): Record<VocabKind, VocabEntry[]> {
    if (this.vocabCache) return this.vocabCache;
    const out = Object.fromEntries(VOCAB_KINDS.map((k) => [k, [] as VocabEntry[]])) as Record<VocabKind, VocabEntry[]>;
    const rows = this.db.prepare('SELECT kind, code, nl, en, props FROM vocab ORDER BY kind, sort, code').all() as {
      kind: VocabKind;
      code: string;
      nl: string;
      en: string;
      props: string;
    }[];
    for (const r of rows) {
      const props = JSON.parse(r.props) as Record<string, unknown>;
      out[r.kind]?.push(Object.keys(props).length ? { code: r.code, nl: r.nl, en: r.en, props } : { code: r.code, nl: r.nl, en: r.en });
    }
    this.vocabCache = out;
    return out;
  }

  private knownCode = (kind: VocabKind, code: string): boolean => this.vocab()[kind].some((v) => v.code === code);

  /**
   * A number that changes with every row this document writes (SQLite's count of the connection's changes; no other
   * connection writes, the file is locked): a plan made against the document still holds while it is the same.
   */
  revision(): number {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /** Counts of everything in the document. */
  counts(): Counts {
    const c = (n: EntityName) => countOf(this.db, n);
    return {
      actors: c('actor'),
      agreements: c('agreement'),
      services: c('service'),
      partnerships: c('partnership'),
      members: c('member'),
      orgUnits: c('orgUnit'),
      functions: c('function'),
      roles: c('role'),
      governanceModels: c('governanceModel'),
      gaps: c('gap'),
      meetings: c('meeting'),
      mitigations: c('mitigation'),
      areas: c('area'),
      changes: (this.db.prepare(`SELECT ${ENTRY_COUNT} AS n FROM change_log`).get() as { n: number }).n,
    };
  }

  /** What the UI shows about the open file. */
  info(): DocumentInfo {
    return {
      path: this.path,
      fileName: path.basename(this.path),
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      schemaVersion: this.schemaVersion,
      meta: this.meta(),
      counts: this.counts(),
    };
  }

  /**
   * The whole network as plain data (the document's vocabulary included); each kind's entities as `list` reads them
   * (by default afresh from the tables).
   */
  snapshot(list: (name: EntityName) => Record<string, unknown>[] = (n) => listAll(this.db, n)): NetworkData {
    const all = (n: EntityName) => list(n) as never[];
    return {
      format: 'regiekaart',
      formatVersion: 1,
      meta: this.meta(),
      vocab: this.vocab(),
      areas: all('area'),
      actors: all('actor'),
      orgUnits: all('orgUnit'),
      functions: all('function'),
      services: all('service'),
      partnerships: all('partnership'),
      members: all('member'),
      agreements: all('agreement'),
      roles: all('role'),
      governanceModels: all('governanceModel'),
      gaps: all('gap'),
      meetings: all('meeting'),
      mitigations: all('mitigation'),
      checkSettings: (all('checkSettings')[0] as NetworkData['checkSettings']) ?? null,
      reportSettings: (all('reportSettings')[0] as NetworkData['reportSettings']) ?? null,
    };
  }

  /** The saved views, the standard one first. */
  views(): View[] {
    const all = listAll(this.db, 'view').map((v) => ViewSchema.parse(v));
    return [...all.filter((v) => v.id === DEFAULT_VIEW_ID), ...all.filter((v) => v.id !== DEFAULT_VIEW_ID)];
  }

  /** Where nodes are drawn in one view. */
  positions(viewId: string): Position[] {
    return (this.db.prepare('SELECT id, view_id AS viewId, node_id AS nodeId, x, y FROM positions WHERE view_id = ? ORDER BY node_id').all(viewId) as Position[]);
  }

  /** The network with its views and all positions: what a delete plan looks at. */
  state(): DocumentState {
    return { ...this.snapshot(), views: this.views(), positions: listAll(this.db, 'position') as Position[] };
  }

  /**
   * The unfinished new things of this document: what was typed in a dialog or inline form that adds something (an
   * actor, an agreement, an agenda item…), kept as it is typed so that a crash, a kill or a closed window does not
   * lose it. Not data of the network: no undo step, no change log, not exported; the edit that adds the thing takes
   * its draft away in the same transaction. Kept as `draft:<key>` rows of the meta table (which `meta()` does not
   * read), so no new file format.
   */
  drafts(): Draft[] {
    const rows = this.db.prepare(`SELECT key, value FROM meta WHERE ${DRAFT_ROWS} ORDER BY key`).all() as { key: string; value: string }[];
    return rows.flatMap((r) => {
      const parsed = DraftSchema.safeParse({ key: r.key.slice(DRAFT_PREFIX.length), ...(JSON.parse(r.value) as object) });
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Keeps what is typed in a form that adds something (one draft per key, replaced); returns when it was saved. */
  putDraft(draft: Omit<Draft, 'savedAt'>): string {
    this.assertWritable();
    const savedAt = new Date().toISOString();
    const key = DRAFT_PREFIX + draft.key;
    const kept = this.db.prepare(`SELECT count(*) AS n, sum(key = ?) AS same FROM meta WHERE ${DRAFT_ROWS}`).get(key) as { n: number; same: number | null };
    if (!kept.same && kept.n >= DRAFT_MAX_COUNT) throw new CoreError('INVALID_INPUT', `Er staan al ${DRAFT_MAX_COUNT} onafgewerkte formulieren klaar: werk er een af of gooi er een weg.`);
    const { label, value, context, where } = draft;
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, JSON.stringify({ label, value, context, where, savedAt }));
    return savedAt;
  }

  /** Throws a draft away (the user started anew or cancelled the dialog). */
  dropDraft(key: DraftKey): void {
    this.assertWritable();
    deleteDraft(this.db, key);
  }

  private assertWritable(): void {
    if (this.readOnly) throw new CoreError('READ_ONLY', this.readOnlyReason ?? 'Dit document is alleen-lezen.');
  }

  /**
   * Runs one user action as one transaction: everything in it is saved together or not at all, and all its
   * change-log entries share one batch id.
   */
  edit<T>(fn: (tx: EditTx) => T, options: { label?: string; history?: boolean; coalesce?: string } = {}): T {
    this.assertWritable();
    const last = this.lastStep;
    this.lastStep = null;
    const newestDone = () => (this.db.prepare("SELECT max(seq) AS seq FROM history WHERE state = 'done'").get() as { seq: number | null }).seq;
    // Another edit of the same typing session, right after its step: its changes go into that step (its batch).
    const before = options.coalesce ? newestDone() : null;
    const joins = !!options.coalesce && options.history !== false && last?.key === options.coalesce && Date.now() - last.at < COALESCE_MS && before === last.seq;
    const ctx: ChangeContext = { author: this.author, batch: joins ? last!.batch : randomUUID(), now: () => new Date().toISOString() };
    const tx = new EditTx(this, ctx);
    try {
      const out = this.db
        .transaction(() => {
          const result = fn(tx);
          if (options.history !== false && !joins) recordHistory(this.db, ctx.batch, ctx.author, ctx.now(), options.label);
          // The joined step is named after what the session came to ("Actor Sociaal Huis Noord gewijzigd").
          if (joins && options.label) this.db.prepare('UPDATE history SET label = ? WHERE seq = ?').run(options.label, last!.seq);
          return result;
        })
        .immediate();
      if (options.coalesce && options.history !== false) {
        // The step it joined, or the one it made (none when it changed nothing).
        const seq = newestDone();
        if (seq !== null && (joins || seq !== before)) this.lastStep = { key: options.coalesce, batch: ctx.batch, seq, at: Date.now() };
      }
      return out;
    } catch (err) {
      this.vocabCache = null;
      if (last && joins) this.lastStep = last;
      throw toCoreError(err);
    }
  }

  /**
   * Adds a whole network (vocabulary, meta, entities, and optionally views with positions and an earlier change log)
   * in one transaction; used by the demo and imports. A failing entity is named by its list and place.
   */
  addNetwork(
    input: NetworkDataInput & { views?: View[]; positions?: Position[] },
    options: { label?: string; history?: boolean; changeLog?: readonly ChangeRecord[] } = { history: false },
  ): Counts {
    const data = NetworkDataSchema.parse(input);
    this.edit((tx) => {
      tx.deferForeignKeys();
      if (options.changeLog?.length) tx.restoreChangeLog(options.changeLog);
      tx.setMeta(data.meta);
      for (const kind of VOCAB_KINDS) for (const v of data.vocab[kind] ?? []) tx.putVocab(kind, v);
      const lists: Record<EntityName, unknown[]> = {
        area: data.areas,
        actor: data.actors,
        orgUnit: data.orgUnits,
        function: data.functions,
        service: data.services,
        partnership: data.partnerships,
        member: data.members,
        agreement: data.agreements,
        role: data.roles,
        governanceModel: data.governanceModels,
        gap: data.gaps,
        meeting: data.meetings,
        mitigation: data.mitigations,
        checkSettings: data.checkSettings ? [data.checkSettings] : [],
        reportSettings: data.reportSettings ? [data.reportSettings] : [],
        view: input.views ?? [],
        position: input.positions ?? [],
      };
      for (const name of INSERT_ORDER) {
        (lists[name] as Record<string, unknown>[]).forEach((item, i) => {
          try {
            // The settings rows and the standard view exist in every document: an import replaces them.
            if (tx.get(name, String(item.id ?? '')) && (name === 'view' || name === 'checkSettings' || name === 'reportSettings')) tx.update(name, item);
            else tx.insert(name, item);
          } catch (err) {
            const e = toCoreError(err);
            throw new CoreError(e.code, `${ENTITIES[name].noun} ${i + 1} (${String(item.id ?? '')}): ${e.message}`, e.fields);
          }
        });
      }
    }, options);
    return this.counts();
  }

  /** A digest of the stored rows of these kinds (and their child rows) and of the vocabulary (see `rowsDigest`). */
  digest(kinds: readonly EntityName[]): string {
    return rowsDigest(this.db, kinds);
  }

  /** Whether the document holds nothing yet (a new document: only its standard view and settings). */
  isEmpty(): boolean {
    const c = this.counts();
    return Object.entries(c).every(([k, n]) => k === 'changes' || n === 0);
  }

  /** Writes a consistent copy of the document elsewhere (SQLite online backup), verified, then renamed into place. */
  async saveCopy(dest: string): Promise<string> {
    const abs = path.resolve(dest);
    const destKey = fs.existsSync(abs) ? fs.realpathSync(abs) : abs;
    if (destKey === this.key) throw new CoreError('INVALID_INPUT', 'Kies een ander bestand dan het geopende document.');
    if (openInProcess.has(destKey)) throw new CoreError('IN_USE', `${path.basename(abs)} is geopend en kan niet worden overschreven.`);
    assertFolderWritable(abs);
    const tmp = `${abs}.tmp-${process.pid}-${Date.now()}`;
    try {
      await this.db.backup(tmp);
      // The copy must be one self-contained file: switch it out of WAL mode before it gets its name.
      const copy = new Database(tmp, { nativeBinding: this.nativeBinding });
      copy.pragma('journal_mode = DELETE');
      copy.close();
      verifyCopy(tmp, this.schemaVersion, this.nativeBinding);
      fs.renameSync(tmp, abs);
      syncFolder(path.dirname(abs));
      return abs;
    } catch (err) {
      removeWithSideFiles(tmp);
      throw fileError(err, abs) ?? toCoreError(err);
    }
  }

  /**
   * The newest change-log entries, newest first, one per entity: a set entry (a bulk import) gives one for each
   * entity it holds. With `only`, one entity's history, with the fields each update changed.
   */
  changes(limit = 100, only?: { entity: string; entityId: string }): ChangeEntry[] {
    if (!only) return entriesOf(this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM change_log ORDER BY seq DESC LIMIT ?`).all(limit) as EntryRow[]).slice(0, limit);
    const own = this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?`).all(only.entity, only.entityId, limit) as EntryRow[];
    // A text search finds the sets that hold this entity.
    const sets = this.db
      .prepare(`SELECT ${ENTRY_COLUMNS} FROM change_log WHERE entity = ? AND entity_id = ? AND instr(coalesce(after, before), ?) > 0 ORDER BY seq DESC LIMIT ?`)
      .all(only.entity, SET_ID, setNeedle(only.entityId), limit) as EntryRow[];
    const fromSets = entriesOf(sets).filter((e) => e.entityId === only.entityId);
    const entries = own.map((r) => {
      const entry = changeEntry(r);
      if (r.op === 'update' && r.before && r.after) {
        const [b, a] = [JSON.parse(r.before) as Record<string, unknown>, JSON.parse(r.after) as Record<string, unknown>];
        entry.changed = Object.keys(a)
          .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
          .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
      }
      return entry;
    });
    return [...entries, ...fromSets].sort((x, y) => y.seq - x.seq).slice(0, limit);
  }

  /** The whole change log, oldest first, with the values before and after (for a full export); sets one entry per entity. */
  changeLog(): ChangeRecord[] {
    type Row = ChangeRow & { batch: string; before: string | null; after: string | null };
    const rows = this.db.prepare('SELECT seq, at, author, batch, entity, entity_id, op, before, after, summary FROM change_log ORDER BY seq').all() as Row[];
    return rows.flatMap((r) => {
      const base = { at: r.at, author: r.author, batch: r.batch, entity: r.entity, op: r.op };
      if (r.entity_id === SET_ID) {
        return setValues(r).map((v) => ({
          ...base,
          entityId: String(v.id),
          summary: entrySummary(r.entity as EntityName, r.op, v),
          before: r.op === 'delete' ? v : null,
          after: r.op === 'create' ? v : null,
        }));
      }
      return [
        {
          ...base,
          entityId: r.entity_id,
          summary: r.summary,
          before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
          after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
        },
      ];
    });
  }

  /** The change-log entries from a day on (`since` as YYYY-MM-DD or a full timestamp), newest first, one per entity. */
  changesSince(since: string, limit = 1000): ChangeEntry[] {
    return entriesOf(this.db.prepare(`SELECT ${ENTRY_COLUMNS} FROM change_log WHERE at >= ? ORDER BY seq DESC LIMIT ?`).all(since, limit) as EntryRow[]).slice(0, limit);
  }

  /** @internal used by EditTx */
  checkCodes(name: EntityName, obj: Record<string, unknown>): void {
    const problem = unknownCode(name, obj, this.knownCode);
    if (problem) throw new CoreError('INVALID_INPUT', problem);
  }

  /** @internal used by EditTx */
  clearVocabCache(): void {
    this.vocabCache = null;
  }
}

/** How long after the newest edit of a typing session the next one still joins its undo step. */
const COALESCE_MS = 5 * 60_000;

/** Removes a database file with what SQLite may keep beside it: its WAL, its shared memory, its rollback journal. */
function removeWithSideFiles(file: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + side, { force: true });
}

/** The file name with the extension its kind needs (".regiekaart", ".pdf", ".svg"…), added when missing. */
export function withExtension(file: string, extension = DOCUMENT_EXTENSION): string {
  return file.toLowerCase().endsWith(extension) ? file : `${file}${extension}`;
}

/**
 * Makes a new document and fills it (the demo, a restore, an import) under a temporary name beside the target, then
 * renames it into place: a failed or killed fill never leaves half a document. The target must not exist.
 */
export async function createDocument<T>(file: string, options: OpenOptions, fill: (doc: NetworkDocument) => T): Promise<T> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new CoreError('EXISTS', `Het bestand ${target} bestaat al.`);
  const tmp = `${target}.tmp-${process.pid}`;
  removeWithSideFiles(tmp);
  try {
    const doc = await NetworkDocument.open(tmp, { ...options, create: true });
    let out: T;
    let whole: boolean;
    try {
      out = fill(doc);
    } finally {
      whole = doc.close();
    }
    // A new document is one file or none: one whose WAL could not be folded in (the disk filled up) is not renamed
    // without it.
    if (!whole) throw fileError({ code: 'ENOSPC' }, target);
    fs.renameSync(tmp, target);
    syncFolder(path.dirname(target));
    return out;
  } catch (err) {
    removeWithSideFiles(tmp);
    throw fileError(err, target) ?? err;
  }
}

/** The operations available inside one edit transaction. */
export class EditTx {
  constructor(
    private readonly doc: NetworkDocument,
    private readonly ctx: ChangeContext,
  ) {}

  private guard(name: EntityName, obj: Record<string, unknown>): void {
    this.doc.checkCodes(name, obj);
    const kbo = name === 'actor' && typeof obj.kbo === 'string' ? normaliseKbo(obj.kbo) : null;
    if (kbo) {
      const other = this.doc.db.prepare('SELECT id, name FROM actors WHERE kbo = ? AND id <> ?').get(kbo, obj.id) as
        | { id: string; name: string }
        | undefined;
      if (other) {
        const message = `Ondernemingsnummer ${kbo} is al gebruikt door ${other.name} (${other.id}).`;
        throw new CoreError('CONSTRAINT', message, { kbo: message });
      }
    }
  }

  /** Adds an entity; returns it as stored. */
  insert(name: EntityName, input: unknown): Record<string, unknown> {
    const withId = { id: newId(), ...(input as object) };
    this.guard(name, withId as Record<string, unknown>);
    return insertEntity(this.doc.db, this.ctx, name, withId);
  }

  /**
   * Adds entities of one kind that an import has already validated (schema and vocabulary), in order: the bulk
   * path, logged as one entry of the change log.
   */
  insertMany(name: EntityName, values: readonly Record<string, unknown>[]): void {
    insertMany(this.doc.db, this.ctx, name, values);
  }

  /** Deletes entities of one kind in order (undo of a bulk insert), logged as one entry. */
  removeMany(name: EntityName, ids: readonly string[]): void {
    removeMany(this.doc.db, this.ctx, name, ids);
  }

  /** Replaces an entity with a new version (all fields). */
  update(name: EntityName, input: unknown): Record<string, unknown> {
    this.guard(name, input as Record<string, unknown>);
    return updateEntity(this.doc.db, this.ctx, name, input);
  }

  /** Deletes an entity by id. */
  remove(name: EntityName, id: string): void {
    deleteEntity(this.doc.db, this.ctx, name, id);
  }

  /** Appends change-log entries from elsewhere (a restored backup) as they were: time, author, batch and values. */
  restoreChangeLog(records: readonly ChangeRecord[]): void {
    const ins = this.doc.db.prepare(CHANGE_LOG_INSERT);
    for (const r of records) {
      ins.run(r.at, r.author, r.batch, r.entity, r.entityId, r.op, r.before ? JSON.stringify(r.before) : null, r.after ? JSON.stringify(r.after) : null, r.summary);
    }
  }

  /** How many changes this transaction has logged so far. */
  changeCount(): number {
    return (this.doc.db.prepare(`SELECT ${ENTRY_COUNT} AS n FROM change_log WHERE batch = ?`).get(this.ctx.batch) as { n: number }).n;
  }

  /** References may point forward in what follows (an actor controlled by one added later): checked at commit. */
  deferForeignKeys(): void {
    this.doc.db.pragma('defer_foreign_keys = ON');
  }

  /** Takes a draft away with the edit that adds what it was the draft of (see `NetworkDocument.drafts`). */
  dropDraft(key: DraftKey): void {
    deleteDraft(this.doc.db, key);
  }

  /** Reads an entity inside the transaction. */
  get(name: EntityName, id: string): Record<string, unknown> | null {
    return getOne(this.doc.db, name, id);
  }

  /** Sets document meta fields. */
  setMeta(meta: Partial<DocumentMeta>): void {
    const set = this.doc.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(DocumentMetaSchema.partial().parse(meta))) if (v !== undefined) set.run(k, JSON.stringify(v));
  }

  /**
   * Adds or replaces a vocabulary entry for this document. `logged`: as a change of this edit, so that undo takes
   * it back (a merge brings the other map's own codes); the document's own vocabulary on creation is not a change.
   */
  putVocab(kind: VocabKind, entry: VocabEntry, logged = false): void {
    const before = logged ? this.vocabEntry(kind, entry.code) : null;
    const sort = (this.doc.db.prepare('SELECT coalesce(max(sort), -1) + 1 AS s FROM vocab WHERE kind = ?').get(kind) as { s: number }).s;
    this.doc.db
      .prepare(
        `INSERT INTO vocab (kind, code, nl, en, props, sort, builtin) VALUES (?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT(kind, code) DO UPDATE SET nl = excluded.nl, en = excluded.en, props = excluded.props`,
      )
      .run(kind, entry.code, entry.nl, entry.en, JSON.stringify(entry.props ?? {}), sort);
    this.doc.clearVocabCache();
    if (logged) this.logVocab(before ? 'update' : 'create', kind, before, entry);
  }

  /** Removes a vocabulary entry this document added (undo of a merge), as a logged change. */
  removeVocab(kind: VocabKind, code: string): void {
    const before = this.vocabEntry(kind, code);
    if (!before) throw new CoreError('NOT_FOUND', `Geen woordenlijstwaarde ${code} in ${kind}.`);
    this.doc.db.prepare('DELETE FROM vocab WHERE kind = ? AND code = ? AND builtin = 0').run(kind, code);
    this.doc.clearVocabCache();
    this.logVocab('delete', kind, before, null);
  }

  private vocabEntry(kind: VocabKind, code: string): VocabEntry | null {
    const row = this.doc.db.prepare('SELECT code, nl, en, props FROM vocab WHERE kind = ? AND code = ?').get(kind, code) as { code: string; nl: string; en: string; props: string } | undefined;
    return row ? { code: row.code, nl: row.nl, en: row.en, props: JSON.parse(row.props) as Record<string, unknown> } : null;
  }

  private logVocab(op: 'create' | 'update' | 'delete', kind: VocabKind, before: VocabEntry | null, after: VocabEntry | null): void {
    const subject = (after ?? before)!;
    const json = (v: VocabEntry | null) => (v ? JSON.stringify({ kind, ...v }) : null);
    logChange(this.doc.db, this.ctx, VOCAB_ENTITY, `${kind}:${subject.code}`, op, json(before), json(after), `woordenlijstwaarde "${subject.nl}" ${verbOf(op)}`);
  }
}

/** The change log's name for vocabulary entries, which are not entities of the model. */
export const VOCAB_ENTITY = 'vocab' as const;

export { LATEST_VERSION };
