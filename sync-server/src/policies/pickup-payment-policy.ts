/*
 * An online order not paid online, paid at the pickup counter by an ordinary sale (issue 15): a newly stored
 * sale that names the order (`pickupOrderId`) marks the order paid, in the same transaction as the push that
 * stores the sale, when the server's own look at it agrees: the order is this store's and open, the sale's
 * amounts add up (checkSale), and its lines cover the order's lines at the order's prices
 * (src/domain/pickup-payment.ts). The order gets a 'paid_at_counter' event naming the sale and `paid: true`,
 * and the store's devices pull it like any order change.
 * Otherwise the sale is kept (it happened at the counter) and the order is left as it was, with a
 * 'pickup-payment' incident for the manager saying why: an order already paid (online, or by an earlier
 * sale) is never paid twice; a sale that does not cover it names its gaps; an order of another store, one
 * unknown or cancelled, or a sale that does not add up is named as such.
 */
import type { Transaction } from 'kysely';
import type { SaleDocument } from '../../../src/data/schemas/types.ts';
import { mergeOrder } from '../../../src/domain/merge-order.ts';
import { paidAtCounterEvent, saleCoversOrder } from '../../../src/domain/pickup-payment.ts';
import { checkSale } from '../../../src/domain/sale-check.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { PushContext, WritePlan } from './write-plan.ts';

export async function planPickupPayments(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  inserted: readonly SaleDocument[],
  context: PushContext,
  plan: WritePlan,
): Promise<void> {
  const paying = inserted.filter((sale): sale is SaleDocument & { pickupOrderId: string } => typeof sale.pickupOrderId === 'string');
  if (paying.length === 0) return;
  const orders = await documents.getMany(trx, 'orders', [...new Set(paying.map((sale) => sale.pickupOrderId))]);
  for (const sale of paying) {
    const flag = (why: string, more: Record<string, unknown> = {}): void => {
      plan.incidents.push({
        storeId: context.storeId,
        kind: 'pickup-payment',
        collection: 'sales',
        documentId: sale.id,
        detail: { number: sale.number, orderId: sale.pickupOrderId, why, ...more },
      });
    };
    const stored = orders.get(sale.pickupOrderId);
    if (stored === undefined || stored.deleted || stored.storeId !== context.storeId) {
      flag('unknown-order');
      continue;
    }
    const order = stored.body;
    if (order.paid) {
      const paidBy = order.events.find((event) => event.type === 'paid_at_counter')?.['saleId'];
      flag('already-paid', { orderNumber: order.number, ...(typeof paidBy === 'string' ? { paidBySale: paidBy } : {}) });
      continue;
    }
    if (order.status === 'cancelled' || order.status === 'returned') {
      flag('order-closed', { orderNumber: order.number, status: order.status });
      continue;
    }
    if (!checkSale(sale).ok) {
      // The sale's own mismatches are in its 'sale-mismatch' incident.
      flag('sale-mismatch', { orderNumber: order.number });
      continue;
    }
    const coverage = saleCoversOrder(order, sale);
    if (!coverage.ok) {
      flag('not-covered', { orderNumber: order.number, gaps: coverage.gaps });
      continue;
    }
    const event = paidAtCounterEvent(sale);
    const merged = mergeOrder(order, { ...order, events: [...order.events, event] });
    const paid = { ...merged, paid: true, updatedAt: context.now.toISOString() };
    plan.write({ collection: 'orders', id: order.id, storeId: context.storeId, body: paid, deleted: false });
    // A second sale for the same order in this push meets it paid.
    orders.set(order.id, { ...stored, body: paid });
  }
}
