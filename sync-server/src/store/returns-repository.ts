/*
 * The server's bookkeeping of returns and of what customers spend (migration 0011), read and written inside
 * a push's transaction (policies/sale-returns.ts, policies/sale-money.ts):
 *   sale_returns    one row per returned line of a return (or a cancellation), by the purchase it names, so a
 *                   return is checked against what every earlier return of the same purchase took back, in
 *                   any store, with one indexed read;
 *   customer_spend  one row per sale or return of a customer (returns negative), so the loyalty tier a
 *                   customer reached over a period is a sum over that customer's rows.
 * Both are written only for documents the push stores as new (facts are inserted once), so a re-push
 * writes nothing twice.
 */
import type { Transaction } from 'kysely';
import type { Database, SaleReturnsTable } from './database-types.ts';

export type ReturnedLineRow = SaleReturnsTable;

export interface CustomerSpendRow {
  saleId: string;
  customerId: string;
  storeId: string;
  amount: number;
  /** ISO 8601 UTC. */
  createdAt: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}

/** The returned lines recorded against these purchases (sale or order ids), whichever store returned them. */
export async function returnedLinesOf(trx: Transaction<Database>, originalIds: readonly string[]): Promise<ReturnedLineRow[]> {
  const rows: ReturnedLineRow[] = [];
  for (const ids of chunks([...new Set(originalIds)])) {
    if (ids.length === 0) continue;
    const found = await trx.selectFrom('sale_returns').selectAll().where('original_id', 'in', ids).execute();
    rows.push(...found.map((row) => ({ ...row, qty: Number(row.qty), within_qty: Number(row.within_qty), value: Number(row.value), line: Number(row.line), original_line: Number(row.original_line) })));
  }
  return rows;
}

export async function insertReturnedLines(trx: Transaction<Database>, rows: readonly ReturnedLineRow[]): Promise<void> {
  for (const part of chunks(rows)) if (part.length > 0) await trx.insertInto('sale_returns').values(part).execute();
}

/** The spend rows of these customers from `from` (inclusive) to `to` (exclusive), ISO 8601 UTC. */
export async function customerSpendOf(trx: Transaction<Database>, customerIds: readonly string[], from: string, to: string): Promise<CustomerSpendRow[]> {
  const rows: CustomerSpendRow[] = [];
  for (const ids of chunks([...new Set(customerIds)])) {
    if (ids.length === 0) continue;
    const found = await trx.selectFrom('customer_spend').selectAll().where('customer_id', 'in', ids).where('created_at', '>=', from).where('created_at', '<', to).execute();
    rows.push(...found.map((row) => ({ saleId: row.sale_id, customerId: row.customer_id, storeId: row.store_id, amount: Number(row.amount), createdAt: row.created_at })));
  }
  return rows;
}

export async function insertCustomerSpend(trx: Transaction<Database>, rows: readonly CustomerSpendRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    if (part.length === 0) continue;
    await trx
      .insertInto('customer_spend')
      .values(part.map((row) => ({ sale_id: row.saleId, customer_id: row.customerId, store_id: row.storeId, amount: row.amount, created_at: row.createdAt })))
      .onConflict((oc) => oc.column('sale_id').doNothing())
      .execute();
  }
}

/** Every id merged into these customers (customer_aliases), so a customer's spend under an old id counts. */
export async function aliasesOf(trx: Transaction<Database>, customerIds: readonly string[]): Promise<Map<string, string[]>> {
  const aliases = new Map<string, string[]>();
  for (const ids of chunks([...new Set(customerIds)])) {
    if (ids.length === 0) continue;
    for (const row of await trx.selectFrom('customer_aliases').select(['alias_id', 'customer_id']).where('customer_id', 'in', ids).execute()) {
      aliases.set(row.customer_id, [...(aliases.get(row.customer_id) ?? []), row.alias_id]);
    }
  }
  return aliases;
}
