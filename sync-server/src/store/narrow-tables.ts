/*
 * Ledger entries and balances live in tables of their own, one column per field, not as JSON rows of
 * `documents`. They are most of what a push writes: a 2,000-sale push derives about 11,000 ledger entries
 * (a stock movement per line, plus points, gift-card and credit movements) and moves a balance for every
 * product it sold (up to about 11,000 with a 100,000-product catalog). As `documents` rows each carried a
 * serialised body, four index entries and a foreign-key check, and they were most of the push's database
 * time; here a row is a few short columns under two indexes, written on PostgreSQL as one statement over
 * column arrays (`unnest`), which it parses far faster than tens of thousands of bound parameters.
 *
 * Both stay ordinary replicated collections on the wire: their rows take their seq from the same counter as
 * every document (so pulls page by the same checkpoints), and the body a device pushed or pulls is rebuilt
 * field for field (their schemas allow no other fields). The documents repository and the pull read and
 * write them through here, so callers treat `ledger` and `balances` like any other collection.
 *   - ledger entries are facts: only ever inserted (a duplicate id fails loudly), never updated or deleted;
 *   - balances are written by the server only and replaced whole (upsert by id), never deleted.
 * No foreign key to stores: every row carries the store of the device that pushed what caused it, checked
 * before the write (push-rows.ts), or the store the seed wrote it for.
 */
import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import { selectByIds } from './by-ids.ts';
import type { Database } from './database-types.ts';
import type { StoreKind } from './open-store.ts';

type Body = Record<string, unknown>;
type Row = Record<string, string | number | null>;
type NarrowTableName = 'ledger_entries' | 'balances';

interface Column {
  name: string;
  /** The document field it holds. */
  field: string;
  type: 'text' | 'int8';
  /** Absent from the document when null (an optional field). */
  optional?: boolean;
}

export interface NarrowTable {
  collection: CollectionName;
  table: NarrowTableName;
  /** The columns after id, store_id and seq, in the order the document's fields are written. */
  columns: readonly Column[];
  /** How a write meets a stored row with the same id: fail (facts) or replace it. */
  onConflict: 'fail' | 'replace';
}

const LEDGER: NarrowTable = {
  collection: 'ledger',
  table: 'ledger_entries',
  columns: [
    { name: 'kind', field: 'kind', type: 'text' },
    { name: 'device_id', field: 'deviceId', type: 'text', optional: true },
    { name: 'ref_id', field: 'refId', type: 'text' },
    { name: 'delta', field: 'delta', type: 'int8' },
    { name: 'reason', field: 'reason', type: 'text' },
    { name: 'source_id', field: 'sourceId', type: 'text', optional: true },
    // Exactly as the device wrote it (text on both databases).
    { name: 'created_at', field: 'createdAt', type: 'text' },
  ],
  onConflict: 'fail',
};

const BALANCES: NarrowTable = {
  collection: 'balances',
  table: 'balances',
  columns: [
    { name: 'kind', field: 'kind', type: 'text' },
    { name: 'ref_id', field: 'refId', type: 'text' },
    { name: 'value', field: 'value', type: 'int8' },
    { name: 'updated_at', field: 'updatedAt', type: 'text' },
  ],
  onConflict: 'replace',
};

/** The collections kept in narrow tables, by name. */
export const NARROW_TABLES: ReadonlyMap<CollectionName, NarrowTable> = new Map([
  [LEDGER.collection, LEDGER],
  [BALANCES.collection, BALANCES],
]);

export interface NarrowRow {
  id: string;
  store_id: string;
  seq: number;
  [column: string]: string | number | null;
}

/** A document as a row with its seq. */
export function toNarrowRow(table: NarrowTable, body: Body, storeId: string, seq: number): NarrowRow {
  const row: NarrowRow = { id: body['id'] as string, store_id: storeId, seq };
  for (const column of table.columns) row[column.name] = (body[column.field] as string | number | undefined) ?? null;
  return row;
}

/** The document a row holds, its fields in the order devices write them: id, kind, storeId, ... */
export function narrowBody(table: NarrowTable, row: Row): Body {
  const body: Body = { id: row['id'], [table.columns[0]!.field]: row[table.columns[0]!.name], storeId: row['store_id'] };
  for (const column of table.columns.slice(1)) {
    const value = row[column.name];
    if (value === null && column.optional === true) continue;
    body[column.field] = column.type === 'int8' ? Number(value) : value;
  }
  return body;
}

function columnNames(table: NarrowTable): string[] {
  return ['id', 'store_id', 'seq', ...table.columns.map((c) => c.name)];
}

function conflictClause(table: NarrowTable): string {
  if (table.onConflict === 'fail') return '';
  return ` on conflict (id) do update set ${columnNames(table).slice(1).map((name) => `${name} = excluded.${name}`).join(', ')}`;
}

/** PostgreSQL: one statement writing these rows (ids unique) from one array per column. */
export function narrowWriteStatement(table: NarrowTable, rows: readonly NarrowRow[]): CompiledQuery {
  const names = columnNames(table);
  const types = ['text', 'text', 'int8', ...table.columns.map((c) => c.type)];
  const arrays = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const columns = names.map((name) => rows.map((row) => row[name]));
  return CompiledQuery.raw(`insert into ${table.table} (${names.join(', ')}) select * from unnest(${arrays})${conflictClause(table)}`, columns);
}

/** SQLite: the one-row insert (or upsert) of a table, and how to lay a row out as its parameters. */
export function narrowRowInsert(table: NarrowTable): { sql: string; params: (row: NarrowRow) => unknown[] } {
  const names = columnNames(table);
  return {
    sql: `insert into ${table.table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})${conflictClause(table)}`,
    params: (row) => names.map((name) => row[name]),
  };
}

/** The stored rows with these ids. */
export async function readNarrowByIds(db: Kysely<Database>, kind: StoreKind, table: NarrowTable, ids: readonly string[]): Promise<NarrowRow[]> {
  if (ids.length === 0) return [];
  return (await db.executeQuery<NarrowRow>(selectByIds(kind, table.table, ids))).rows;
}

export interface NarrowRange {
  /** One store's rows; every store's when undefined. */
  storeId?: string;
  afterSeq: number;
  /** Inclusive upper bound. */
  toSeq?: number;
  limit: number;
  newestFirst?: boolean;
}

/** Rows after a checkpoint in seq order (a pull, or the range one push wrote for the event stream). */
export async function readNarrowAfter(db: Kysely<Database>, table: NarrowTable, range: NarrowRange): Promise<NarrowRow[]> {
  let q = db.selectFrom(table.table).selectAll().where('seq', '>', range.afterSeq);
  if (range.storeId !== undefined) q = q.where('store_id', '=', range.storeId);
  if (range.toSeq !== undefined) q = q.where('seq', '<=', range.toSeq);
  const rows = await q.orderBy('seq', range.newestFirst ? 'desc' : 'asc').limit(range.limit).execute();
  return rows;
}

/** How many rows a store has (all stores' when storeId is undefined). */
export async function countNarrow(db: Kysely<Database>, table: NarrowTable, storeId?: string): Promise<number> {
  let q = db.selectFrom(table.table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (storeId !== undefined) q = q.where('store_id', '=', storeId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Whether a write failed on a ledger entry id that is stored already (the key of ledger_entries): the sign
 * that a push which took its sales' ledger entries as new must be decided again with look-ups.
 */
export function isDuplicateLedgerEntry(kind: StoreKind, error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (kind === 'postgres') return code === '23505' && constraint === 'ledger_entries_pkey';
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && typeof message === 'string' && message.includes('ledger_entries.id');
}
