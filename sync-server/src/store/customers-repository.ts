/*
 * Customers across the chain: finding them by phone (a customer created offline is merged into its store's
 * customer with the same number; the chain-wide lookup at the counter takes a whole number), the aliases
 * left by such merges (customer_aliases: the offline id -> the known customer, so sales and points
 * referencing either id resolve) and which other stores may see a customer (customer_stores: orders or
 * sales there). Phone lookups use the expression index on the phone inside customer documents (migration
 * 0004), one equality per way the number may be written (src/domain/phone-number.ts, phoneForms).
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

/**
 * Live (not deleted) customers whose phone is exactly one of `phones`, oldest first, at most `limit`.
 * On SQLite the phone index is named: without table statistics (a fresh database) SQLite walks the seq
 * order for `order by seq limit` and reads every customer for each lookup, quadratic in a flash sale.
 */
export async function findCustomersByPhone(db: Kysely<Database>, kind: StoreKind, phones: readonly string[], limit = 1000): Promise<CustomerRow[]> {
  if (phones.length === 0) return [];
  const list = sql.join(phones.map((phone) => sql`${phone}`));
  const query =
    kind === 'postgres'
      ? sql<PhoneRow>`select id, store_id, body, deleted from documents where collection = 'customers' and ${phoneExpression(kind)} in (${list}) and deleted = false order by seq limit ${limit}`
      : sql<PhoneRow>`select id, store_id, body, deleted from documents indexed by documents_customer_phone_idx where collection = 'customers' and ${phoneExpression(kind)} in (${list}) and deleted = 0 order by seq limit ${limit}`;
  const rows = (await query.execute(db)).rows;
  return rows.filter((row) => !isDeleted(row.deleted)).map((row) => ({ id: row.id, storeId: row.store_id, body: JSON.parse(row.body) as CustomerDocument }));
}

interface PhoneRow {
  id: string;
  store_id: string | null;
  body: string;
  deleted: boolean | number;
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
