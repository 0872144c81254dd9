/*
 * What a device may read, as one query per collection: the chain-wide catalog (products, store_id null),
 * its own store's documents (ledger entries and balances from their own tables), and for customers also those of other
 * stores that have orders or sales at its store or were merged there (customer_stores), without the fields
 * that are their own store's (SHARED_CUSTOMER_HIDDEN_FIELDS). Pulls and the
 * event stream both read through here, so a device can never see another store's documents by either path.
 *
 * The hot path is a new tablet's first catalog sync (100,000 products in pages of 10,000), so rows come
 * back as stored JSON text and are turned into the wire format by string concatenation, never parsed
 * and re-serialised: `{...stored fields,"_deleted":false}`.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import type { Database } from './database-types.ts';
import { isDeleted } from './database-types.ts';
import { NARROW_TABLES, narrowBody, readNarrowAfter } from './narrow-tables.ts';

export interface VisibleRow {
  id: string;
  seq: number;
  /** The document as JSON text with `_deleted` added: ready to be put in an answer. */
  json: string;
}

export interface VisibleQuery {
  collection: CollectionName;
  storeId: string;
  afterSeq: number;
  /** Inclusive upper bound (the event stream reads the range one write produced). */
  toSeq?: number;
  limit: number;
  /** The newest rows instead of the oldest (the stream's "last document of a push"); not for customers. */
  newestFirst?: boolean;
}

export async function readVisibleRows(db: Kysely<Database>, query: VisibleQuery): Promise<VisibleRow[]> {
  if (query.collection === 'customers') {
    if (query.newestFirst) throw new Error('Customers are read oldest first only');
    return (await readVisibleCustomers(db, query)).map((row) => (row.shared ? sharedCustomerRow(row) : toVisibleRow(row)));
  }
  const narrow = NARROW_TABLES.get(query.collection);
  if (narrow !== undefined) {
    const rows = await readNarrowAfter(db, narrow, query);
    return rows.map((row) => ({ id: row.id, seq: Number(row.seq), json: withDeletedFlag(JSON.stringify(narrowBody(narrow, row)), false) }));
  }
  let q = db
    .selectFrom('documents')
    .select(['id', 'seq', 'deleted', 'body'])
    .where('collection', '=', query.collection)
    .where('seq', '>', query.afterSeq);
  if (query.toSeq !== undefined) q = q.where('seq', '<=', query.toSeq);
  if (query.collection === 'products') {
    q = q.where('store_id', 'is', null);
  } else {
    q = q.where('store_id', '=', query.storeId);
  }
  return toVisibleRows(await q.orderBy('seq', query.newestFirst ? 'desc' : 'asc').limit(query.limit).execute());
}

interface RawRow {
  id: string;
  seq: number;
  deleted: boolean | number;
  body: string;
}

/**
 * The store's own customers and those of other stores it may see, each part read through its own index
 * (documents_pull_idx; customer_stores then the primary key) and capped at the page size before the two
 * are merged, so a page costs the same however many customers the chain has.
 */
async function readVisibleCustomers(db: Kysely<Database>, query: VisibleQuery): Promise<Array<RawRow & { shared: number }>> {
  const upper = query.toSeq ?? Number.MAX_SAFE_INTEGER;
  const { rows } = await sql<RawRow & { shared: number }>`
    select id, seq, deleted, body, shared from (
      select id, seq, deleted, body, 0 as shared from documents
       where collection = 'customers' and store_id = ${query.storeId} and seq > ${query.afterSeq} and seq <= ${upper}
       order by seq limit ${query.limit}) own
    union all
    select id, seq, deleted, body, shared from (
      select d.id, d.seq, d.deleted, d.body, 1 as shared from customer_stores cs
        join documents d on d.collection = 'customers' and d.id = cs.customer_id
       where cs.store_id = ${query.storeId} and d.store_id <> ${query.storeId} and d.seq > ${query.afterSeq} and d.seq <= ${upper}
       order by d.seq limit ${query.limit}) shared
    order by seq limit ${query.limit}`.execute(db);
  return rows;
}

function toVisibleRows(rows: readonly RawRow[]): VisibleRow[] {
  const out = new Array<VisibleRow>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = toVisibleRow(rows[i]!);
  return out;
}

function toVisibleRow(row: RawRow): VisibleRow {
  return { id: row.id, seq: Number(row.seq), json: withDeletedFlag(row.body, isDeleted(row.deleted)) };
}

/**
 * Fields of another store's customer a store does not get: what it needs to serve her (her name, the phone
 * it found her by, her id for points) stays; her email and member card are her own store's (issue 12).
 */
export const SHARED_CUSTOMER_HIDDEN_FIELDS = ['email', 'memberCard'] as const;

/** Another store's customer as this store sees her: parsed and printed again, so only for the few shared rows. */
function sharedCustomerRow(row: RawRow): VisibleRow {
  const body = JSON.parse(row.body) as Record<string, unknown>;
  for (const field of SHARED_CUSTOMER_HIDDEN_FIELDS) delete body[field];
  return { id: row.id, seq: Number(row.seq), json: withDeletedFlag(JSON.stringify(body), isDeleted(row.deleted)) };
}

/** `{"a":1}` -> `{"a":1,"_deleted":false}` without parsing (stored bodies are JSON objects). */
export function withDeletedFlag(body: string, deleted: boolean): string {
  const end = body.lastIndexOf('}');
  const inner = body.slice(0, end).trimEnd();
  const empty = inner.trimStart() === '{';
  return `${inner}${empty ? '' : ','}"_deleted":${deleted ? 'true' : 'false'}}`;
}

/** Takes the write lock of the sequence counter at the start of a push (see push-batch.ts). */
export async function lockSequenceCounter(db: Kysely<Database>): Promise<void> {
  await sql`update sequence_counter set value = value where name = 'documents'`.execute(db);
}
