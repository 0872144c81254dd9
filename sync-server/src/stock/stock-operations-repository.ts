/*
 * The back office's stock operations by their client-given id (migration 0013's stock_operations): what a
 * repeat of the same id is answered with, and where a transfer waits, in transit, for its receiving store.
 * Read and written inside the stock write transaction (apply-stock-operation.ts), under the sequence
 * counter's lock, so two tablets sending the same id decide one after the other.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, StockOperationsTable } from '../store/database-types.ts';

export type StockOperationRow = Selectable<StockOperationsTable>;

export async function findStockOperation(db: Kysely<Database>, id: string): Promise<StockOperationRow | undefined> {
  return db.selectFrom('stock_operations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStockOperation(db: Kysely<Database>, row: StockOperationRow): Promise<void> {
  await db.insertInto('stock_operations').values(row).execute();
}

export async function markTransferReceived(db: Kysely<Database>, id: string, receivedAt: string, receivedBy: string, result: string): Promise<void> {
  await db.updateTable('stock_operations').set({ received_at: receivedAt, received_by: receivedBy, result }).where('id', '=', id).execute();
}

/** The latest transfers a store sent or is to receive, newest first. */
export async function listTransfers(db: Kysely<Database>, storeId: string, limit: number): Promise<StockOperationRow[]> {
  return db
    .selectFrom('stock_operations')
    .selectAll()
    .where('kind', '=', 'transfer')
    .where((eb) => eb.or([eb('store_id', '=', storeId), eb('to_store_id', '=', storeId)]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** A store's latest operations of every kind (its own, and transfers it received), newest first. */
export async function listStockOperations(db: Kysely<Database>, storeId: string, limit: number): Promise<StockOperationRow[]> {
  return db
    .selectFrom('stock_operations')
    .selectAll()
    .where((eb) => eb.or([eb('store_id', '=', storeId), eb('to_store_id', '=', storeId)]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
