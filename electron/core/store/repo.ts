import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { ENTITIES, fromRow, toRow, type EntityDef, type EntityName } from './tables';

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

function childRowsToValue(def: EntityDef, rows: Obj[]): unknown[] {
  const child = def.child!;
  const single = child.cols.length === 1 && child.cols[0][0] === 'value';
  return rows.map((r) => (single ? r[child.cols[0][1]] : fromRow(child.cols, r)));
}

/** An object in exactly the shape getOne would read it back (column order, child rows), for comparing. */
function asStored(def: EntityDef, obj: Obj): Obj {
  const row = toRow(def.cols, obj);
  const out = fromRow(def.cols, Object.fromEntries(def.cols.map((c, i) => [c[1], row[i]])));
  if (def.child) {
    const child = def.child;
    const single = child.cols.length === 1 && child.cols[0][0] === 'value';
    const items = (obj[child.field] as unknown[]) ?? [];
    out[child.field] = single
      ? items
      : items.map((item) => {
          const r = toRow(child.cols, item as Obj);
          return fromRow(child.cols, Object.fromEntries(child.cols.map((c, i) => [c[1], r[i]])));
        });
  }
  return out;
}

/** All rows of one entity kind, with child lists filled in, ordered by id. */
export function listAll(db: Database.Database, name: EntityName): Obj[] {
  const def = ENTITIES[name];
  const rows = stmt(db, `SELECT * FROM ${def.table} ORDER BY id`).all() as Obj[];
  const objs = rows.map((r) => fromRow(def.cols, r));
  if (def.child) {
    const child = def.child;
    const byParent = new Map<string, Obj[]>();
    for (const r of stmt(db, `SELECT * FROM ${child.table} ORDER BY ${child.parentColumn}, ordinal`).all() as Obj[]) {
      const key = String(r[child.parentColumn]);
      let list = byParent.get(key);
      if (!list) byParent.set(key, (list = []));
      list.push(r);
    }
    for (const o of objs) o[child.field] = childRowsToValue(def, byParent.get(String(o.id)) ?? []);
  }
  return objs;
}

/** One entity by id, or null. */
export function getOne(db: Database.Database, name: EntityName, id: string): Obj | null {
  const def = ENTITIES[name];
  const row = stmt(db, `SELECT * FROM ${def.table} WHERE id = ?`).get(id) as Obj | undefined;
  if (!row) return null;
  const obj = fromRow(def.cols, row);
  if (def.child) {
    const rows = stmt(db, `SELECT * FROM ${def.child.table} WHERE ${def.child.parentColumn} = ? ORDER BY ordinal`).all(id) as Obj[];
    obj[def.child.field] = childRowsToValue(def, rows);
  }
  return obj;
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
  const single = child.cols.length === 1 && child.cols[0][0] === 'value';
  const ins = stmt(db, insertSql(def).child!);
  const items = (obj[child.field] as unknown[]) ?? [];
  items.forEach((item, i) => {
    const values = single ? [item] : toRow(child.cols, item as Obj);
    ins.run(obj.id, i, ...values);
  });
}

function log(db: Database.Database, ctx: ChangeContext, def: EntityDef, op: 'create' | 'update' | 'delete', before: Obj | null, after: Obj | null): void {
  const subject = (after ?? before)!;
  const verb = op === 'create' ? 'toegevoegd' : op === 'update' ? 'gewijzigd' : 'verwijderd';
  stmt(
    db,
    'INSERT INTO change_log (at, author, batch, entity, entity_id, op, before, after, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    ctx.now(),
    ctx.author,
    ctx.batch,
    def.entity,
    String(subject.id),
    op,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
    `${def.noun} "${def.label(subject)}" ${verb}`,
  );
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

/**
 * Inserts one entity that is already valid (parsed by its schema, codes checked against the document's vocabulary):
 * the bulk path of an import. The table's keys and constraints still hold; the change is logged as usual.
 */
export function insertValidated(db: Database.Database, ctx: ChangeContext, name: EntityName, obj: Obj): void {
  const def = ENTITIES[name];
  const sql = insertSql(def);
  try {
    stmt(db, sql.row).run(...toRow(def.cols, obj));
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new CoreError('EXISTS', `Er bestaat al een ${def.noun} met id ${String(obj.id)}.`);
    throw err;
  }
  if (def.child) {
    const child = def.child;
    const single = child.cols.length === 1 && child.cols[0][0] === 'value';
    const ins = stmt(db, sql.child!);
    ((obj[child.field] as unknown[]) ?? []).forEach((item, i) => ins.run(obj.id, i, ...(single ? [item] : toRow(child.cols, item as Obj))));
  }
  log(db, ctx, def, 'create', null, obj);
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

/** Number of rows in an entity's table. */
export function countOf(db: Database.Database, name: EntityName): number {
  return (stmt(db, `SELECT count(*) AS n FROM ${ENTITIES[name].table}`).get() as { n: number }).n;
}
