/*
 * Every synced document, one row per (collection, id), with the server-assigned sequence number that
 * devices use as their pull checkpoint.
 *
 * Why a counter row instead of a database SEQUENCE or AUTOINCREMENT: a checkpoint is only safe if no
 * document with a smaller seq can become visible after a reader has moved past it. A PostgreSQL SEQUENCE
 * hands out numbers outside the transaction, so with two server instances transaction A can take 41,
 * transaction B take 42 and commit first; a device pulls "after 42" and never sees 41. Here each write
 * transaction first runs `UPDATE sequence_counter SET value = value + n ... RETURNING value`. That row
 * lock is held until commit, so the next writer waits and then reads the committed value: numbers are
 * handed out in commit order, and a rolled-back transaction gives its numbers back. On SQLite the single
 * writer gives the same order; the UPDATE comes first so the transaction takes the write lock at once
 * and waits under busy_timeout instead of failing mid-way.
 * The price is that writers are serialised at the counter, which the ingest target (5,000 sales/s)
 * allows because one transaction carries a whole batch.
 *
 * Batch writes and reads by id skip Kysely's query builder: compiling a 1,000-row insert costs more than
 * running it. On PostgreSQL inserts are multi-row statements of 2,000 rows whose SQL text is built once per
 * size; on SQLite each row runs one cached prepared statement on the transaction's connection (cheaper there
 * than preparing a long VALUES list). Lists of ids go as one array (PostgreSQL) or one JSON text (SQLite
 * json_each). Bodies are text on both databases (migration 0005): PostgreSQL would otherwise parse every
 * body into jsonb on the way in and print it back on every pull, the two costs that dominated ingest and
 * the catalog pull.
 * Ledger entries and balances are kept in narrow tables of their own (narrow-tables.ts) behind the same
 * methods, so callers read and write those collections like any other. A 2,000-sale push writes the sales
 * here and about 11,000 ledger entries and up to as many balances there: on PostgreSQL the next statement is
 * prepared (its bodies serialised) while the database runs the one before.
 * The day report reads one store's sales and shift events of a day by the createdAt their device wrote, and
 * its orders by last change, through the indexes of migration 0010 (readByCreatedAt, readOrdersChangedSince);
 * its bank-QR payments by the createdAt the server wrote, through the index of migration 0021.
 * A body read back is typed as its collection's document (storedBody): what goes in is that document, a
 * device's push having passed the collection's schema (policies/push-rows.ts) and the server writing its own
 * documents (orders, balances, config, the seed) from the generated types.
 */
import { CompiledQuery, sql } from 'kysely';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import type { CollectionDocuments } from '../../../src/data/schemas/types.ts';
import { selectByIds } from './by-ids.ts';
import type { Database } from './database-types.ts';
import { isDeleted } from './database-types.ts';
import { countNarrow, NARROW_TABLES, narrowBody, narrowRowInsert, narrowWriteStatement, readNarrowAfter, readNarrowByIds, toNarrowRow } from './narrow-tables.ts';
import type { NarrowRow, NarrowTable } from './narrow-tables.ts';
import type { Store, StoreKind } from './open-store.ts';

export interface DocumentWrite {
  collection: CollectionName;
  id: string;
  /** The store the document belongs to; null for chain-wide documents (products). */
  storeId: string | null;
  body: object;
  deleted?: boolean;
  /**
   * The caller knows no row with this (collection, id) exists (a fact decided under the push lock): a
   * plain insert, cheaper than an upsert, and a duplicate fails loudly instead of overwriting.
   */
  isNew?: boolean;
}

export interface StoredDocument<C extends CollectionName = CollectionName> {
  collection: string;
  id: string;
  storeId: string | null;
  seq: number;
  deleted: boolean;
  body: CollectionDocuments[C];
  updatedAt: string;
}

export interface DocumentQuery<C extends CollectionName = CollectionName> {
  collection: C;
  /** A store's documents, null for chain-wide ones, undefined for all. */
  storeId?: string | null;
}

export interface WrittenRange {
  firstSeq: number;
  lastSeq: number;
  count: number;
}

// 7 parameters per row: 2,000 rows stay under PostgreSQL's 65,535 bound parameters.
const ROWS_PER_INSERT = 2000;
const UPSERT = `on conflict (collection, id) do update set store_id = excluded.store_id, seq = excluded.seq,
  deleted = excluded.deleted, body = excluded.body, updated_at = excluded.updated_at`;
const valueListCache = new Map<number, string>();

/** "($1, $2, ...), ..." for n rows of 7 (PostgreSQL), built once per size. */
function valueLists(n: number): string {
  let text = valueListCache.get(n);
  if (text === undefined) {
    text = Array.from({ length: n }, (_, row) => `(${Array.from({ length: 7 }, (_, col) => `$${row * 7 + col + 1}`).join(', ')})`).join(', ');
    valueListCache.set(n, text);
  }
  return text;
}

interface InsertRow {
  collection: string;
  id: string;
  storeId: string | null;
  seq: number;
  deleted: boolean;
  body: object;
}

/** PostgreSQL: one multi-row insert (or upsert) of up to ROWS_PER_INSERT rows. */
function insertStatement(rows: readonly InsertRow[], updatedAt: string, upsert: boolean): CompiledQuery {
  const params: unknown[] = new Array(rows.length * 7);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const at = i * 7;
    params[at] = row.collection;
    params[at + 1] = row.id;
    params[at + 2] = row.storeId;
    params[at + 3] = row.seq;
    params[at + 4] = row.deleted;
    params[at + 5] = JSON.stringify(row.body);
    params[at + 6] = updatedAt;
  }
  const sqlText = `insert into documents (collection, id, store_id, seq, deleted, body, updated_at) values ${valueLists(rows.length)}${upsert ? ` ${UPSERT}` : ''}`;
  return CompiledQuery.raw(sqlText, params);
}

interface DocumentRow {
  collection: string;
  id: string;
  store_id: string | null;
  seq: number;
  deleted: boolean | number;
  body: string;
  updated_at: string;
}

export class DocumentsRepository {
  constructor(private readonly store: Store) {}

  /** Writes a batch in one transaction; all its documents get consecutive new seq values. */
  async put(writes: readonly DocumentWrite[], now: Date = new Date()): Promise<WrittenRange> {
    return this.store.db.transaction().execute((trx) => this.putInTransaction(trx, writes, now));
  }

  /**
   * Writes inside a transaction the caller holds (a sync push checks conflicts and writes in one
   * transaction). A later write of the same (collection, id) in the batch wins.
   */
  async putInTransaction(
    trx: Transaction<Database>,
    writes: readonly DocumentWrite[],
    now: Date = new Date(),
  ): Promise<WrittenRange> {
    const unique = lastWritePerId(writes);
    if (unique.length === 0) return { firstSeq: 0, lastSeq: 0, count: 0 };
    const lastSeq = await takeSequenceNumbers(trx, unique.length);
    const firstSeq = lastSeq - unique.length + 1;
    const updatedAt = now.toISOString();
    // Known-new rows (facts decided under the push lock) take a plain insert, the others an upsert.
    const fresh: InsertRow[] = [];
    const upserts: InsertRow[] = [];
    const narrow = new Map<NarrowTable, NarrowRow[]>();
    unique.forEach((w, i) => {
      const table = NARROW_TABLES.get(w.collection);
      if (table !== undefined) {
        if (w.deleted === true || w.storeId === null) throw new Error(`${w.collection} ${w.id}: rows of ${table.table} belong to a store and are never deleted`);
        let rows = narrow.get(table);
        if (rows === undefined) narrow.set(table, (rows = []));
        rows.push(toNarrowRow(table, w.body as Record<string, unknown>, w.storeId, firstSeq + i));
        return;
      }
      const row = { collection: w.collection, id: w.id, storeId: w.storeId, seq: firstSeq + i, deleted: w.deleted ?? false, body: w.body };
      (w.isNew === true ? fresh : upserts).push(row);
    });
    if (this.store.sqlite !== undefined) {
      writeSqliteRows(this.store.sqlite, fresh, upserts, narrow, updatedAt);
      return { firstSeq, lastSeq, count: unique.length };
    }
    const statements: Array<() => CompiledQuery> = [];
    for (const [table, rows] of narrow) statements.push(() => narrowWriteStatement(table, rows));
    for (const [group, upsert] of [[fresh, false], [upserts, true]] as const) {
      for (let start = 0; start < group.length; start += ROWS_PER_INSERT) {
        const chunk = group.slice(start, start + ROWS_PER_INSERT);
        statements.push(() => insertStatement(chunk, updatedAt, upsert));
      }
    }
    await runOverlapped(trx, statements);
    return { firstSeq, lastSeq, count: unique.length };
  }

  /** Documents changed after a checkpoint, oldest first. */
  async readAfter<C extends CollectionName>(query: DocumentQuery<C> & { afterSeq: number; limit: number }): Promise<StoredDocument<C>[]> {
    const table = NARROW_TABLES.get(query.collection);
    if (table !== undefined) {
      if (query.storeId === null) return [];
      const range = { ...(query.storeId !== undefined ? { storeId: query.storeId } : {}), afterSeq: query.afterSeq, limit: query.limit };
      return (await readNarrowAfter(this.store.db, table, range)).map((row) => narrowDocument<C>(table, row));
    }
    const rows = await this.scoped(this.store.db, query)
      .where('seq', '>', query.afterSeq)
      .orderBy('seq')
      .limit(query.limit)
      .selectAll()
      .execute();
    return rows.map((row) => toStoredDocument<C>(row));
  }

  /** The stored versions of some documents of one collection, by id (inside a push transaction). */
  async getMany<C extends CollectionName>(db: Kysely<Database>, collection: C, ids: readonly string[]): Promise<Map<string, StoredDocument<C>>> {
    const found = new Map<string, StoredDocument<C>>();
    if (ids.length === 0) return found;
    const table = NARROW_TABLES.get(collection);
    if (table !== undefined) {
      for (const row of await readNarrowByIds(db, this.store.kind, table, ids)) found.set(row.id, narrowDocument<C>(table, row));
      return found;
    }
    const { rows } = await db.executeQuery<DocumentRow>(selectByIds(this.store.kind, 'documents', ids, collection));
    for (const row of rows) found.set(row.id, toStoredDocument<C>(row));
    return found;
  }

  /**
   * A store's sales, shift events or payments whose createdAt sorts in [from, to) as text, through the time
   * indexes of migrations 0010 and 0021 (the day report). Text order is time order only for times written
   * the same way (one offset): callers widen the range and decide on the parsed instant.
   */
  async readByCreatedAt<C extends TimedCollection>(collection: C, storeId: string, range: { from: string; to: string }): Promise<StoredDocument<C>[]> {
    const rows = await byCreatedAtQuery(this.store, collection, storeId, range).execute();
    return rows.map((row) => toStoredDocument<C>(row));
  }

  /** A store's orders written (by the server or a device's push) at or after `since` (migration 0010's index). */
  async readOrdersChangedSince(storeId: string, since: Date): Promise<StoredDocument<'orders'>[]> {
    const rows = await this.store.db
      .selectFrom('documents')
      .selectAll()
      .where('collection', '=', sql.lit('orders'))
      .where('store_id', '=', storeId)
      .where('updated_at', '>=', since.toISOString())
      .where('deleted', '=', booleanFor(this.store.kind, false))
      .execute();
    return rows.map((row) => toStoredDocument<'orders'>(row));
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<StoredDocument<C> | undefined> {
    if (NARROW_TABLES.has(collection)) return (await this.getMany(this.store.db, collection, [id])).get(id);
    const row = await this.store.db
      .selectFrom('documents')
      .selectAll()
      .where('collection', '=', collection)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStoredDocument<C>(row);
  }

  async count(query: DocumentQuery & { includeDeleted?: boolean }): Promise<number> {
    const table = NARROW_TABLES.get(query.collection);
    if (table !== undefined) return query.storeId === null ? 0 : countNarrow(this.store.db, table, query.storeId);
    let q = this.scoped(this.store.db, query);
    if (!query.includeDeleted) q = q.where('deleted', '=', booleanFor(this.store.kind, false));
    const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The highest seq handed out so far (0 on an empty database). */
  async lastSeq(): Promise<number> {
    const row = await this.store.db
      .selectFrom('sequence_counter')
      .select('value')
      .where('name', '=', 'documents')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  private scoped(db: Kysely<Database>, query: DocumentQuery) {
    let q = db.selectFrom('documents').where('collection', '=', query.collection);
    if (query.storeId === null) q = q.where('store_id', 'is', null);
    else if (query.storeId !== undefined) q = q.where('store_id', '=', query.storeId);
    return q;
  }
}

const INSERT_DOCUMENT = `insert into documents (collection, id, store_id, seq, deleted, body, updated_at) values (?, ?, ?, ?, ?, ?, ?)`;
const sqliteStatements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** A prepared statement of this connection, prepared once. */
function prepared(db: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  let cache = sqliteStatements.get(db);
  if (cache === undefined) sqliteStatements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (statement === undefined) cache.set(text, (statement = db.prepare(text)));
  return statement;
}

/**
 * SQLite: every row through one cached prepared statement per kind of write, run on the transaction's
 * connection (better-sqlite3 is synchronous: this runs inside the caller's transaction).
 */
function writeSqliteRows(
  db: SqliteDatabase.Database,
  fresh: readonly InsertRow[],
  upserts: readonly InsertRow[],
  narrow: ReadonlyMap<NarrowTable, NarrowRow[]>,
  updatedAt: string,
): void {
  for (const [table, rows] of narrow) {
    const insert = narrowRowInsert(table);
    const statement = prepared(db, insert.sql);
    for (const row of rows) statement.run(insert.params(row));
  }
  for (const [rows, text] of [[fresh, INSERT_DOCUMENT], [upserts, `${INSERT_DOCUMENT} ${UPSERT}`]] as const) {
    if (rows.length === 0) continue;
    const statement = prepared(db, text);
    for (const row of rows) statement.run(row.collection, row.id, row.storeId, row.seq, row.deleted ? 1 : 0, JSON.stringify(row.body), updatedAt);
  }
}

/**
 * Runs the statements one after the other on the transaction's connection, building each next one while
 * the database works on the one before (PostgreSQL; SQLite runs each statement before returning).
 */
async function runOverlapped(trx: Transaction<Database>, statements: ReadonlyArray<() => CompiledQuery>): Promise<void> {
  let running: Promise<unknown> | undefined;
  try {
    for (const build of statements) {
      const next = build();
      if (running) await running;
      running = trx.executeQuery(next);
    }
    await running;
  } catch (error) {
    // A statement still in flight when building the next one failed: wait for it, report the first failure.
    await running?.catch(() => undefined);
    throw error;
  }
}

async function takeSequenceNumbers(trx: Transaction<Database>, count: number): Promise<number> {
  const row = await trx
    .updateTable('sequence_counter')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'documents')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

function lastWritePerId(writes: readonly DocumentWrite[]): DocumentWrite[] {
  const byKey = new Map<string, DocumentWrite>();
  for (const w of writes) {
    const key = `${w.collection}\u0000${w.id}`;
    byKey.delete(key);
    byKey.set(key, w);
  }
  return [...byKey.values()];
}

/** A document's createdAt as migration 0010's time indexes compute it (the same expression, or no index is used). */
function createdAtOf(kind: StoreKind): RawBuilder<string> {
  return kind === 'postgres' ? sql<string>`((body::json)->>'createdAt')` : sql<string>`json_extract(body, '$.createdAt')`;
}

/** The collections read by their createdAt, each through a time index of its own (migrations 0010, 0021). */
export type TimedCollection = 'sales' | 'shifts' | 'payments';

/** The query of readByCreatedAt (exported so a test can ask the database how it runs it). */
export function byCreatedAtQuery(store: Store, collection: TimedCollection, storeId: string, range: { from: string; to: string }) {
  const createdAt = createdAtOf(store.kind);
  // The collection as a literal, not a parameter: SQLite uses a partial index only for a WHERE it can see matches it.
  return store.db
    .selectFrom('documents')
    .selectAll()
    .where('collection', '=', sql.lit(collection))
    .where('store_id', '=', storeId)
    .where(createdAt, '>=', range.from)
    .where(createdAt, '<', range.to)
    .where('deleted', '=', booleanFor(store.kind, false));
}

/** better-sqlite3 cannot bind booleans; SQLite keeps them as 0/1. */
function booleanFor(kind: StoreKind, value: boolean): boolean | number {
  if (kind === 'postgres') return value;
  return value ? 1 : 0;
}

/**
 * The one place a stored body is typed as the document of the collection it was read from: the store gives
 * back what was written as that document (see the top of this file).
 */
function storedBody<C extends CollectionName>(body: Record<string, unknown>): CollectionDocuments[C] {
  return body as CollectionDocuments[C];
}

function toStoredDocument<C extends CollectionName>(row: DocumentRow): StoredDocument<C> {
  return {
    collection: row.collection,
    id: row.id,
    storeId: row.store_id,
    seq: Number(row.seq),
    deleted: isDeleted(row.deleted),
    body: storedBody<C>(JSON.parse(row.body) as Record<string, unknown>),
    updatedAt: row.updated_at,
  };
}

function narrowDocument<C extends CollectionName>(table: NarrowTable, row: NarrowRow): StoredDocument<C> {
  const body = narrowBody(table, row);
  const updatedAt = (body['updatedAt'] ?? body['createdAt']) as string;
  return { collection: table.collection, id: row.id, storeId: row.store_id, seq: Number(row.seq), deleted: false, body: storedBody<C>(body), updatedAt };
}
