import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { pushTo } from '../../../shared/util/multimap';
import { ENTITIES, fromColumn, fromValues, toRow, type EntityDef, type EntityName } from './tables';

type Obj = Record<string, unknown>;

/** Who made a change and in which batch (one user action = one batch, the unit of undo later on). */
export interface ChangeContext {
  author: string;
  batch: string;
  now: () => string;
}

const stmtCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements are cached per connection: the same SQL is prepared once. */
function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = stmtCache.get(db);
  if (!cache) stmtCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

type ChildTable = NonNullable<EntityDef['child']>;
/** Whether a child table holds a list of plain values (an area's parent ids) rather than objects. */
const plainList = (child: ChildTable) => child.cols.length === 1 && child.cols[0][0] === 'value';

/** An entity's child rows as stored: its id, the ordinal, then the child's columns. */
function childRowsOf(child: ChildTable, obj: Obj): unknown[][] {
  const single = plainList(child);
  return ((obj[child.field] as unknown[]) ?? []).map((item, i) => [obj.id, i, ...(single ? [item] : toRow(child.cols, item as Obj))]);
}

/** One item of a child list, from its child row's values (the parent id and ordinal left off). */
const childValue = (child: ChildTable, values: readonly unknown[]): unknown => (plainList(child) ? values[0] : fromValues(child.cols, values));

/** An object in exactly the shape getOne would read it back (column order, child rows), for comparing. */
function asStored(def: EntityDef, obj: Obj): Obj {
  const out = fromValues(def.cols, toRow(def.cols, obj));
  if (def.child) {
    const child = def.child;
    const items = (obj[child.field] as unknown[]) ?? [];
    out[child.field] = plainList(child) ? items : items.map((item) => fromValues(child.cols, toRow(child.cols, item as Obj)));
  }
  return out;
}

/** All rows of one entity kind, with child lists filled in, ordered by id. */
export function listAll(db: Database.Database, name: EntityName): Obj[] {
  const def = ENTITIES[name];
  return storedRows(db, name).map((r) => entityOf(def, r));
}

/** One entity's row as stored (the model's columns, in order) and its child rows (without the parent id), in order. */
export interface StoredRows {
  row: unknown[];
  children: unknown[][];
}

/** The stored rows of every entity of one kind, ordered by id: what `listAll` makes its objects of. */
export function storedRows(db: Database.Database, name: EntityName): StoredRows[] {
  const def = ENTITIES[name];
  // Rows as arrays, in the columns' own order (named in the query): a large document reads 100,000 rows, and
  // better-sqlite3 makes an array of them at a fraction of the cost of an object with a key per column.
  const rows = rawRows(db, def.table, def.cols, 'ORDER BY id');
  const child = def.child;
  if (!child) return rows.map((row) => ({ row, children: [] }));
  const byParent = new Map<unknown, unknown[][]>();
  for (const r of rawRows(db, child.table, child.cols, `ORDER BY ${child.parentColumn}, ordinal`, [child.parentColumn])) pushTo(byParent, r[0], r.slice(1));
  return rows.map((row) => ({ row, children: byParent.get(row[0]) ?? [] }));
}

/** An entity as the model has it, from its stored rows. */
export function entityOf(def: EntityDef, { row, children }: StoredRows): Obj {
  const obj = fromValues(def.cols, row);
  if (def.child) obj[def.child.field] = children.map((r) => childValue(def.child!, r));
  return obj;
}

/**
 * A table's rows as arrays: the given columns first (e.g. the parent id), then those of `cols`, in order; `tail`
 * is the query's WHERE and ORDER BY, with its parameters.
 */
function rawRows(db: Database.Database, table: string, cols: EntityDef['cols'], tail: string, first: string[] = [], ...params: unknown[]): unknown[][] {
  return stmt(db, `SELECT ${[...first, ...cols.map((c) => c[1])].join(', ')} FROM ${table} ${tail}`).raw(true).all(...params) as unknown[][];
}

/** One entity by id, or null. */
export function getOne(db: Database.Database, name: EntityName, id: string): Obj | null {
  const def = ENTITIES[name];
  const [row] = rawRows(db, def.table, def.cols, 'WHERE id = ?', [], id);
  if (!row) return null;
  const child = def.child;
  return entityOf(def, { row, children: child ? rawRows(db, child.table, child.cols, `WHERE ${child.parentColumn} = ? ORDER BY ordinal`, [], id) : [] });
}

const insertSqls = new WeakMap<EntityDef, { row: string; child: string | null }>();
/** The INSERT statements of an entity's row and of its child rows, written once per kind (imports insert thousands). */
function insertSql(def: EntityDef): { row: string; child: string | null } {
  let sql = insertSqls.get(def);
  if (!sql) {
    const insert = (table: string, cols: string[]) => `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    const child = def.child;
    sql = { row: insert(def.table, def.cols.map((c) => c[1])), child: child ? insert(child.table, [child.parentColumn, 'ordinal', ...child.cols.map((c) => c[1])]) : null };
    insertSqls.set(def, sql);
  }
  return sql;
}

function writeChildren(db: Database.Database, def: EntityDef, obj: Obj): void {
  const child = def.child;
  if (!child) return;
  stmt(db, `DELETE FROM ${child.table} WHERE ${child.parentColumn} = ?`).run(obj.id);
  const ins = stmt(db, insertSql(def).child!);
  for (const r of childRowsOf(child, obj)) ins.run(r);
}

type Op = 'create' | 'update' | 'delete';
/** The Dutch verb of a change ("toegevoegd"). */
export const verbOf = (op: Op) => (op === 'create' ? 'toegevoegd' : op === 'update' ? 'gewijzigd' : 'verwijderd');

/** The statement that appends one entry to the change log (the only write the log allows). */
export const CHANGE_LOG_INSERT = 'INSERT INTO change_log (at, author, batch, entity, entity_id, op, before, after, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Appends one entry to the change log, its values already as JSON text. */
export function logChange(db: Database.Database, ctx: ChangeContext, entity: string, entityId: string, op: Op, before: string | null, after: string | null, summary: string): void {
  stmt(db, CHANGE_LOG_INSERT).run(ctx.now(), ctx.author, ctx.batch, entity, entityId, op, before, after, summary);
}

/** The summary of one entry of the change log, as it is stored ("actor \"CAW Oost\" toegevoegd"). */
export function entrySummary(name: EntityName, op: Op, value: Obj): string {
  const def = ENTITIES[name];
  return `${def.noun} "${def.label(value)}" ${verbOf(op)}`;
}

function log(db: Database.Database, ctx: ChangeContext, def: EntityDef, op: Op, before: Obj | null, after: Obj | null): void {
  const subject = (after ?? before)!;
  logChange(db, ctx, def.entity, String(subject.id), op, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null, entrySummary(def.entity, op, subject));
}

/**
 * The entity id of a change-log entry that holds a set: many entities of one kind created (its `after` holds them)
 * or deleted (its `before` does). No entity has an empty id. One entry instead of thousands of rows keeps a bulk
 * import's log cheap, and the change list shows it as the one action it was ("10000 actoren toegevoegd"). The
 * entities are kept as their table rows, as stored, with the column names (`SetRows`): that text is a quarter of
 * the size of the same values as objects and costs nothing to make, since the rows were made for the insert.
 * Readers that need single entities (undo, an entity's history, the JSON export) get them with `setValues`.
 */
export const SET_ID = '';

/** A set entry's value: rows as stored (the id first), and the child rows (parent id, ordinal, columns). */
interface SetRows {
  columns: string[];
  rows: unknown[][];
  childColumns?: string[];
  childRows?: unknown[][];
}

function logSet(db: Database.Database, ctx: ChangeContext, def: EntityDef, op: 'create' | 'delete', set: SetRows): void {
  if (!set.rows.length) return;
  if (set.rows.length === 1) {
    const [value] = valuesOf(def, set);
    return log(db, ctx, def, op, op === 'delete' ? value : null, op === 'create' ? value : null);
  }
  const text = JSON.stringify(set);
  // The summary starts with the number of entities: the document's change count reads it from there.
  logChange(db, ctx, def.entity, SET_ID, op, op === 'delete' ? text : null, op === 'create' ? text : null, `${set.rows.length} ${def.plural} ${verbOf(op)}`);
}

/**
 * The entities of a set as the model has them, as `getOne` would read them. A column the set does not have (one
 * added by a later schema) is left to the entity's schema, which fills in its default.
 */
function valuesOf(def: EntityDef, set: SetRows): Obj[] {
  const at = (columns: string[], cols: EntityDef['cols']) => cols.map((c) => columns.indexOf(c[1]));
  const rowAt = at(set.columns, def.cols);
  let complete = !rowAt.includes(-1);
  const children = new Map<unknown, Obj[]>();
  const child = def.child;
  if (child && set.childColumns && set.childRows) {
    const childAt = at(set.childColumns, child.cols);
    complete &&= !childAt.includes(-1);
    const single = plainList(child);
    for (const r of [...set.childRows].sort((a, b) => Number(a[1]) - Number(b[1]))) {
      const item: Obj = {};
      child.cols.forEach((c, i) => {
        if (childAt[i] >= 0) item[c[0]] = fromColumn(c, r[childAt[i]]);
      });
      pushTo(children, r[0], (single ? item.value : item) as Obj);
    }
  }
  return set.rows.map((r) => {
    const value: Obj = {};
    def.cols.forEach((c, i) => {
      if (rowAt[i] >= 0) value[c[0]] = fromColumn(c, r[rowAt[i]]);
    });
    if (child) value[child.field] = children.get(value.id) ?? [];
    return complete ? value : (def.schema.parse(value) as Obj);
  });
}

/** The entities a set entry holds, in the order they were created or deleted. */
export function setValues(entry: { entity: string; op: string; before: string | null; after: string | null }): Obj[] {
  const def = ENTITIES[entry.entity as EntityName];
  return valuesOf(def, JSON.parse((entry.op === 'delete' ? entry.before : entry.after) ?? '{"columns":[],"rows":[]}') as SetRows);
}

/** The text a set entry's JSON has where it holds the entity with this id (its row starts with the id). */
export const setNeedle = (id: string) => `[${JSON.stringify(id)},`;

/** Writes the row and child rows of an entity that is already valid; returns them as written. */
function writeValidated(db: Database.Database, def: EntityDef, obj: Obj, childRows: unknown[][] | null): unknown[] {
  const sql = insertSql(def);
  const row = toRow(def.cols, obj);
  try {
    stmt(db, sql.row).run(row);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new CoreError('EXISTS', `Er bestaat al een ${def.noun} met id ${String(obj.id)}.`);
    throw err;
  }
  if (def.child) {
    const ins = stmt(db, sql.child!);
    for (const r of childRowsOf(def.child, obj)) {
      ins.run(r);
      childRows?.push(r);
    }
  }
  return row;
}

const setOf = (def: EntityDef): SetRows => ({
  columns: def.cols.map((c) => c[1]),
  rows: [],
  ...(def.child ? { childColumns: [def.child.parentColumn, 'ordinal', ...def.child.cols.map((c) => c[1])], childRows: [] } : {}),
});

/**
 * Inserts entities of one kind that are already valid (parsed by their schema, codes checked against the document's
 * vocabulary), in order: the bulk path of an import and of redo. The tables' keys and constraints still hold; the
 * change log gets one set entry for all of them.
 */
export function insertMany(db: Database.Database, ctx: ChangeContext, name: EntityName, objs: readonly Obj[]): void {
  const def = ENTITIES[name];
  const set = setOf(def);
  for (const obj of objs) set.rows.push(writeValidated(db, def, obj, set.childRows ?? null));
  logSet(db, ctx, def, 'create', set);
}

/** Deletes entities of one kind by id, in order (as undo takes back a bulk insert), logging them as one set entry. */
export function removeMany(db: Database.Database, ctx: ChangeContext, name: EntityName, ids: readonly string[]): void {
  const def = ENTITIES[name];
  const set = setOf(def);
  const del = stmt(db, `DELETE FROM ${def.table} WHERE id = ?`);
  for (const id of ids) {
    const value = getOne(db, name, id);
    if (!value) throw new CoreError('NOT_FOUND', `Geen ${def.noun} met id ${id}.`);
    del.run(id);
    set.rows.push(toRow(def.cols, value));
    if (def.child) set.childRows!.push(...childRowsOf(def.child, value));
  }
  logSet(db, ctx, def, 'delete', set);
}

/** Validates and inserts one entity, logging the change; the caller owns the transaction. */
export function insertEntity(db: Database.Database, ctx: ChangeContext, name: EntityName, input: unknown): Obj {
  const def = ENTITIES[name];
  const obj = def.schema.parse(input) as Obj;
  if (getOne(db, name, String(obj.id))) throw new CoreError('EXISTS', `Er bestaat al een ${def.noun} met id ${String(obj.id)}.`);
  stmt(db, insertSql(def).row).run(...toRow(def.cols, obj));
  writeChildren(db, def, obj);
  log(db, ctx, def, 'create', null, obj);
  return obj;
}

/** Validates and replaces one entity, logging before and after; the caller owns the transaction. */
export function updateEntity(db: Database.Database, ctx: ChangeContext, name: EntityName, input: unknown): Obj {
  const def = ENTITIES[name];
  const obj = def.schema.parse(input) as Obj;
  const before = getOne(db, name, String(obj.id));
  if (!before) throw new CoreError('NOT_FOUND', `Geen ${def.noun} met id ${String(obj.id)}.`);
  // Saving an unchanged form is not a change: nothing is written, logged or put on the undo stack.
  if (JSON.stringify(before) === JSON.stringify(asStored(def, obj))) return obj;
  const sets = def.cols.slice(1).map((c) => `${c[1]} = ?`);
  const values = toRow(def.cols, obj);
  stmt(db, `UPDATE ${def.table} SET ${sets.join(', ')} WHERE id = ?`).run(...values.slice(1), values[0]);
  writeChildren(db, def, obj);
  log(db, ctx, def, 'update', before, obj);
  return obj;
}

/** Deletes one entity (foreign keys cascade as the schema says), logging what it was. */
export function deleteEntity(db: Database.Database, ctx: ChangeContext, name: EntityName, id: string): void {
  const def = ENTITIES[name];
  const before = getOne(db, name, id);
  if (!before) throw new CoreError('NOT_FOUND', `Geen ${def.noun} met id ${id}.`);
  stmt(db, `DELETE FROM ${def.table} WHERE id = ?`).run(id);
  log(db, ctx, def, 'delete', before, null);
}

/**
 * A digest (SHA-256) of the stored rows of some kinds, their child rows included, and of the vocabulary: read as
 * the columns hold them, in key order, so that two connections to an unchanged file give the same digest, and any
 * change to those rows gives another.
 */
export function rowsDigest(db: Database.Database, names: readonly EntityName[]): string {
  const hash = createHash('sha256');
  // The rows as listAll reads them: the model's columns, and each entity's child rows in their order.
  for (const name of names) hash.update(`${JSON.stringify(storedRows(db, name))}\n`);
  hash.update(JSON.stringify(stmt(db, 'SELECT * FROM vocab ORDER BY kind, code').raw(true).all()));
  return hash.digest('hex');
}

/** Number of rows in an entity's table. */
export function countOf(db: Database.Database, name: EntityName): number {
  return (stmt(db, `SELECT count(*) AS n FROM ${ENTITIES[name].table}`).get() as { n: number }).n;
}
