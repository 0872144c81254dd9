/*
 * Writing a stock operation of the back office (routes/stock-*.ts): its ledger entries (kind 'stock', the
 * operation's id as their sourceId) and the store balances derived from them, the same way a push derives
 * balances from a sale's entries (policies/balances.ts), in one transaction with the operation's row
 * (stock_operations, by the client-given id). All or nothing: the lines were checked and their SKUs found
 * before, and every entry, balance and the row are written together or not at all.
 * Idempotent by id: under the sequence counter's lock (which pushes and imports take too), an id already
 * stored is answered with the stored answer and writes nothing; the same id with another request, another
 * kind or from another store is a 409. The stream tells the stores' tablets their balances changed, and they
 * pull them like any balance (the counter shows the new stock).
 */
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { LedgerEntryDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import type { StockLineProblem } from '../../../src/domain/stock-operations.ts';
import type { StockMovement } from '../../../src/domain/stock-transfer.ts';
import { HttpError } from '../http-error.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import { balanceId, planBalances } from '../policies/balances.ts';
import { WritePlan } from '../policies/write-plan.ts';
import type { Database, StockOperationsTable } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { findProductsByCodes } from '../store/product-codes.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { findStockOperation, insertStockOperation } from './stock-operations-repository.ts';
import type { StockOperationRow } from './stock-operations-repository.ts';

export interface StockContext {
  store: Store;
  documents: DocumentsRepository;
  bus: ChangeBus | undefined;
}

export interface StockOperation {
  id: string;
  storeId: string;
  kind: StockOperationsTable['kind'];
  toStoreId: string | null;
  staffId: string;
  /** The request as checked: a repeat of the id must carry the same. */
  request: object;
}

/** Stock after the operation, per store and product (thousandths). */
export type StockAfter = (storeId: string, productId: string) => number;

export interface StockDecision<R> {
  movements: StockMovement[];
  result: (stockAfter: StockAfter) => R;
}

export type Applied<R> = { replayed: false; result: R } | { replayed: true; result: unknown };

/** The products of the lines' SKUs (live catalog products), or a problem per line whose SKU is unknown. */
export async function findLineProducts(store: Store, lines: readonly { sku: string }[]): Promise<{ ok: true; bySku: Map<string, ProductDocument> } | { ok: false; problems: StockLineProblem[] }> {
  const skus = lines.map((line) => line.sku.trim());
  const found = await findProductsByCodes(store.db, store.kind, skus, []);
  const problems: StockLineProblem[] = [];
  skus.forEach((sku, index) => {
    if (!found.bySku.has(sku)) problems.push({ line: index + 1, field: 'sku', message: `no product of the catalog has the SKU ${sku}` });
  });
  return problems.length === 0 ? { ok: true, bySku: found.bySku } : { ok: false, problems };
}

/** Stock on hand of some products in one store, inside the transaction (a product never stocked there: absent). */
export async function readOnHand(trx: Kysely<Database>, documents: DocumentsRepository, storeId: string, productIds: readonly string[]): Promise<Map<string, number>> {
  const stored = await documents.getMany(trx, 'balances', productIds.map((id) => balanceId('stock', storeId, id)));
  const onHand = new Map<string, number>();
  for (const balance of stored.values()) onHand.set(balance.body.refId, Number(balance.body.value));
  return onHand;
}

function canonical(value: object): string {
  return JSON.stringify(value);
}

/** The 409 of an id already used for something else. */
function clash(id: string, stored: StockOperationRow, operation: StockOperation): HttpError {
  const what = stored.store_id !== operation.storeId ? 'by another store' : stored.kind !== operation.kind ? `for a ${stored.kind}` : 'with other lines';
  return new HttpError(409, 'conflict', `The id ${id} was already used ${what}: a repeat must be the same request; give a new operation a new id`);
}

export async function applyStockOperation<R extends object>(
  context: StockContext,
  operation: StockOperation,
  decide: (trx: Transaction<Database>) => Promise<StockDecision<R>>,
  now: Date = new Date(),
): Promise<Applied<R>> {
  const request = canonical(operation.request);
  return context.store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const stored = await findStockOperation(trx, operation.id);
    if (stored !== undefined) {
      if (stored.store_id !== operation.storeId || stored.kind !== operation.kind || stored.request !== request) throw clash(operation.id, stored, operation);
      return { replayed: true, result: JSON.parse(stored.result) as unknown };
    }
    const decision = await decide(trx);
    const after = await writeMovements(context, trx, operation.id, decision.movements, now);
    const result = decision.result(after);
    await insertStockOperation(trx, {
      id: operation.id,
      store_id: operation.storeId,
      kind: operation.kind,
      to_store_id: operation.toStoreId,
      staff_id: operation.staffId,
      request,
      result: canonical(result),
      created_at: now.toISOString(),
      received_at: null,
      received_by: null,
    });
    return { replayed: false, result };
  });
}

/**
 * The ledger entries of the movements and the balances derived from them, written with new seqs and
 * announced to the stores concerned; answers the stock after, per store and product.
 */
export async function writeMovements(context: StockContext, trx: Transaction<Database>, sourceId: string, movements: readonly StockMovement[], now: Date): Promise<StockAfter> {
  const createdAt = now.toISOString();
  const entries: DocumentWrite[] = movements.map((movement) => {
    const entry: LedgerEntryDocument = { id: uuidv7(), kind: 'stock', storeId: movement.storeId, refId: movement.productId, delta: movement.delta, reason: movement.reason, sourceId, createdAt };
    return { collection: 'ledger', id: entry.id, storeId: movement.storeId, body: entry, isNew: true };
  });
  const plan = new WritePlan();
  await planBalances(
    trx,
    context.documents,
    entries.map((write, index) => ({ id: write.id, kind: 'stock', storeId: movements[index]!.storeId, refId: movements[index]!.productId, delta: movements[index]!.delta })),
    plan,
    now,
  );
  const values = new Map<string, number>();
  for (const write of plan.writes) values.set(write.id, Number((write.body as { value: number }).value));
  // Stock of a product the operation did not move is not asked for; a moved one is always in the plan.
  const stockAfter: StockAfter = (storeId, productId) => values.get(balanceId('stock', storeId, productId)) ?? 0;
  if (entries.length === 0) return stockAfter;
  const written = await context.documents.putInTransaction(trx, [...entries, ...plan.writes], now);
  const storeIds = [...new Set(movements.map((m) => m.storeId))];
  await context.bus?.announce(trx, [
    { collection: 'ledger', storeIds, fromSeq: written.firstSeq, toSeq: written.lastSeq },
    { collection: 'balances', storeIds, fromSeq: written.firstSeq, toSeq: written.lastSeq },
  ]);
  return stockAfter;
}
