/*
 * Customers across the chain: finding one by phone (a customer created offline is merged into the known
 * customer with the same phone), chain-wide search for the counter, the aliases left by such merges
 * (customer_aliases: the offline id -> the known customer, so sales and points referencing either id
 * resolve) and which other stores may see a customer (customer_stores: orders there, merged there).
 * Phone lookups use the expression index on the phone inside customer documents (migration 0004).
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { CustomerDocument } from '../../../src/data/schemas/types.ts';
import type { Database } from './database-types.ts';
import { isDeleted } from './database-types.ts';
import type { StoreKind } from './open-store.ts';

export interface CustomerRow {
  id: string;
  storeId: string | null;
  body: CustomerDocument;
}

function phoneExpression(kind: StoreKind): RawBuilder<string> {
  // Must be the exact expression of documents_customer_phone_idx for the index to be used.
  return kind === 'postgres' ? sql<string>`((body::jsonb)->>'phone')` : sql<string>`json_extract(body, '$.phone')`;
}

function searchNameExpression(kind: StoreKind): RawBuilder<string> {
  return kind === 'postgres' ? sql<string>`((body::jsonb)->>'searchName')` : sql<string>`json_extract(body, '$.searchName')`;
}

/** Live (not deleted) customers with exactly this phone, oldest first. */
export async function findCustomersByPhone(db: Kysely<Database>, kind: StoreKind, phone: string): Promise<CustomerRow[]> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'store_id', 'body', 'deleted', 'seq'])
    .where('collection', '=', 'customers')
    .where(phoneExpression(kind), '=', phone)
    .orderBy('seq')
    .execute();
  return rows.filter((row) => !isDeleted(row.deleted)).map((row) => ({ id: row.id, storeId: row.store_id, body: JSON.parse(row.body) as CustomerDocument }));
}

/** Chain-wide search: a phone prefix when the query is digits, otherwise a part of the folded name. */
export async function searchCustomers(
  db: Kysely<Database>,
  kind: StoreKind,
  query: { phonePrefix?: string; foldedName?: string; limit: number },
): Promise<Array<{ json: string }>> {
  let q = db
    .selectFrom('documents')
    .select(['body'])
    .where('collection', '=', 'customers')
    .where('deleted', '=', kind === 'postgres' ? false : 0);
  if (query.phonePrefix !== undefined) {
    // A range instead of LIKE: both databases use the phone index for it.
    const prefix = query.phonePrefix;
    const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    q = q.where(phoneExpression(kind), '>=', prefix).where(phoneExpression(kind), '<', upper);
    q = q.orderBy(phoneExpression(kind));
  } else if (query.foldedName !== undefined) {
    const pattern = `%${query.foldedName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`${searchNameExpression(kind)} like ${pattern} escape '\\'`);
    q = q.orderBy(searchNameExpression(kind));
  }
  const rows = await q.limit(query.limit).execute();
  return rows.map((row) => ({ json: row.body }));
}

/** Where each of these ids leads: the customer it was merged into, for the ids that are aliases. */
export async function resolveCustomerAliases(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 1000) {
    const rows = await db
      .selectFrom('customer_aliases')
      .select(['alias_id', 'customer_id'])
      .where('alias_id', 'in', unique.slice(start, start + 1000))
      .execute();
    for (const row of rows) found.set(row.alias_id, row.customer_id);
  }
  return found;
}

export async function insertCustomerAlias(db: Kysely<Database>, aliasId: string, customerId: string, now: string): Promise<void> {
  await db
    .insertInto('customer_aliases')
    .values({ alias_id: aliasId, customer_id: customerId, created_at: now })
    .onConflict((oc) => oc.column('alias_id').doNothing())
    .execute();
}

/** Lets a store see a customer of another store; true when that is new. */
export async function grantCustomerToStore(db: Kysely<Database>, customerId: string, storeId: string): Promise<boolean> {
  const existing = await db
    .selectFrom('customer_stores')
    .select('customer_id')
    .where('customer_id', '=', customerId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  if (existing !== undefined) return false;
  await db.insertInto('customer_stores').values({ customer_id: customerId, store_id: storeId }).execute();
  return true;
}
