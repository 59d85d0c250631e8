import type Database from 'better-sqlite3';
import type { HistoryState } from '../../../shared/edit/commands';
import type { EntityName } from '../store/tables';
import { CoreError } from '../errors';
import { SET_ID, setValues } from '../store/repo';
import { VOCAB_ENTITY, type EditTx, type NetworkDocument } from '../document';
import type { VocabEntry, VocabKind } from '../../../shared/vocab';

interface HistoryRow {
  seq: number;
  batch: string;
  label: string;
  at: string;
}
interface LogRow {
  entity: EntityName | typeof VOCAB_ENTITY;
  entity_id: string;
  op: 'create' | 'update' | 'delete';
  before: string | null;
  after: string | null;
}

/** The label of a batch when the UI gave none: its first change, and how many more there are. */
function labelOf(db: Database.Database, batch: string): string | null {
  const rows = db.prepare('SELECT summary FROM change_log WHERE batch = ? ORDER BY seq LIMIT 2').all(batch) as { summary: string }[];
  if (!rows.length) return null;
  const n = (db.prepare('SELECT count(*) AS n FROM change_log WHERE batch = ?').get(batch) as { n: number }).n;
  return n > 1 ? `${rows[0].summary} (en ${n - 1} andere wijziging${n > 2 ? 'en' : ''})` : rows[0].summary;
}

/**
 * Records a finished edit as the newest undoable step. A new edit after some undos makes those undone steps
 * unreachable for redo, as in every editor; they stay in the change log.
 */
export function recordHistory(db: Database.Database, batch: string, author: string, at: string, label?: string): void {
  const derived = labelOf(db, batch);
  if (!derived) return;
  db.prepare("UPDATE history SET state = 'dropped' WHERE state = 'undone'").run();
  db.prepare("INSERT INTO history (batch, label, at, author, state) VALUES (?, ?, ?, ?, 'done')").run(batch, label ?? derived, at, author);
}

const lastDone = (db: Database.Database) =>
  db.prepare("SELECT seq, batch, label, at FROM history WHERE state = 'done' ORDER BY seq DESC LIMIT 1").get() as HistoryRow | undefined;
const firstUndone = (db: Database.Database) =>
  db.prepare("SELECT seq, batch, label, at FROM history WHERE state = 'undone' ORDER BY seq ASC LIMIT 1").get() as HistoryRow | undefined;

/** What undo and redo would do now. */
export function historyState(db: Database.Database): HistoryState {
  const u = lastDone(db);
  const r = firstUndone(db);
  return { undo: u ? { label: u.label, at: u.at } : null, redo: r ? { label: r.label, at: r.at } : null };
}

function entries(db: Database.Database, batch: string, order: 'ASC' | 'DESC'): LogRow[] {
  return db.prepare(`SELECT entity, entity_id, op, before, after FROM change_log WHERE batch = ? ORDER BY seq ${order}`).all(batch) as LogRow[];
}

/** A logged vocabulary entry (a merge's), from its JSON: put (back) or taken out. */
function vocab(tx: EditTx, json: string, put: boolean): void {
  const { kind, ...entry } = JSON.parse(json) as VocabEntry & { kind: VocabKind };
  if (put) tx.putVocab(kind, entry, true);
  else tx.removeVocab(kind, entry.code);
}

function revert(tx: EditTx, e: LogRow): void {
  if (e.entity === VOCAB_ENTITY) vocab(tx, (e.op === 'create' ? e.after : e.before)!, e.op !== 'create');
  else if (e.entity_id === SET_ID) {
    // A set is taken back as a set: the entities it created are deleted last one first, and the other way round.
    const values = setValues(e).reverse();
    if (e.op === 'create') tx.removeMany(e.entity, values.map((v) => String(v.id)));
    else tx.insertMany(e.entity, values);
  } else if (e.op === 'create') tx.remove(e.entity, e.entity_id);
  else if (e.op === 'update') tx.update(e.entity, JSON.parse(e.before!));
  else tx.insert(e.entity, JSON.parse(e.before!));
}

function reapply(tx: EditTx, e: LogRow): void {
  if (e.entity === VOCAB_ENTITY) vocab(tx, (e.op === 'delete' ? e.before : e.after)!, e.op !== 'delete');
  else if (e.entity_id === SET_ID) {
    const values = setValues(e);
    if (e.op === 'create') tx.insertMany(e.entity, values);
    else tx.removeMany(e.entity, values.map((v) => String(v.id)));
  } else if (e.op === 'create') tx.insert(e.entity, JSON.parse(e.after!));
  else if (e.op === 'update') tx.update(e.entity, JSON.parse(e.after!));
  else tx.remove(e.entity, e.entity_id);
}

/** Undoes the newest edit by saving its inverse as a new edit: nothing already saved is lost. */
export function undo(doc: NetworkDocument): HistoryState {
  const row = lastDone(doc.db);
  if (!row) throw new CoreError('INVALID_INPUT', 'Er is niets om ongedaan te maken.');
  doc.edit(
    (tx) => {
      for (const e of entries(doc.db, row.batch, 'DESC')) revert(tx, e);
      doc.db.prepare("UPDATE history SET state = 'undone' WHERE seq = ?").run(row.seq);
    },
    { history: false },
  );
  return historyState(doc.db);
}

/** Redoes the most recently undone edit, again as a new saved edit. */
export function redo(doc: NetworkDocument): HistoryState {
  const row = firstUndone(doc.db);
  if (!row) throw new CoreError('INVALID_INPUT', 'Er is niets om opnieuw te doen.');
  doc.edit(
    (tx) => {
      for (const e of entries(doc.db, row.batch, 'ASC')) reapply(tx, e);
      doc.db.prepare("UPDATE history SET state = 'done' WHERE seq = ?").run(row.seq);
    },
    { history: false },
  );
  return historyState(doc.db);
}
