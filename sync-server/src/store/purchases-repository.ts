/*
 * Finding a purchase for a return (routes/purchases.ts): a sale by its receipt number or an online order by
 * its number, in any store, through the expression indexes of migration 0012 (the number expression here is
 * the one the indexes were made with); and the returns and cancellations recorded against a purchase
 * (sale_returns, returns-repository.ts).
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { CollectionDocuments } from '../../../src/data/schemas/types.ts';
import type { Database } from './database-types.ts';
import type { StoreKind } from './open-store.ts';

function numberOf(kind: StoreKind): RawBuilder<string> {
  return kind === 'postgres' ? sql<string>`((body::json)->>'number')` : sql<string>`json_extract(body, '$.number')`;
}

/** The live sales or orders carrying this number (a few at most: numbers are unique per store and device). */
export async function findByNumber<C extends 'sales' | 'orders'>(db: Kysely<Database>, kind: StoreKind, collection: C, number: string, limit: number): Promise<Array<CollectionDocuments[C]>> {
  const rows = await db
    .selectFrom('documents')
    .select(['body', 'deleted'])
    .where('collection', '=', collection)
    .where(numberOf(kind), '=', number)
    .limit(limit)
    .execute();
  return rows.filter((row) => row.deleted === false || row.deleted === 0).map((row) => JSON.parse(row.body) as CollectionDocuments[C]);
}

/** The ids of the returns and cancellations recorded against these purchases. */
export async function returnIdsOf(db: Kysely<Database>, purchaseIds: readonly string[]): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  if (purchaseIds.length === 0) return ids;
  const rows = await db.selectFrom('sale_returns').select(['original_id', 'return_id']).distinct().where('original_id', 'in', [...new Set(purchaseIds)]).execute();
  for (const row of rows) ids.set(row.original_id, [...(ids.get(row.original_id) ?? []), row.return_id]);
  return ids;
}
