/*
 * What the pickup counter writes, on this device's RxDB, offline: an event appended to the order (the
 * server owns the order; the device's events are merged into it by merge-order.ts on both sides, so the
 * order is stored here as that merge already gives it), and for a handover the stock movements of the goods
 * that left, as ledger entries (pushed; the server moves the store's stock by each stock entry it stores,
 * and derives no stock from an order event). The event goes first: the ledger entries' ids are made from the
 * event's, and any handover of this device whose entries are missing (the tab closed between the two
 * writes) gets them written by writeMissingPickupStock when the pickup screen opens, so the stock follows
 * every handover exactly once.
 */
import type { PosDatabase } from '../../data/database.ts';
import type { OrderDocument } from '../../data/schemas/types.ts';
import { HANDOVER_EVENT } from '../../domain/merge-order.ts';
import type { OrderEvent } from '../../domain/merge-order.ts';
import { pickupStockMovements, withEvent } from '../../domain/pickup-order.ts';
import type { HandedLine } from '../../domain/merge-order.ts';

/** Appends a counter event to the stored order; the order's status and flags become the merge's. */
export async function appendOrderEvent(database: PosDatabase, orderId: string, event: OrderEvent): Promise<OrderDocument> {
  const document = await database.orders.findOne(orderId).exec();
  if (document === null) throw new Error(`Order ${orderId} is not on this device`);
  const written = await document.incrementalModify((order) => {
    if (order.events.some((each) => each.id === event.id)) return order;
    const merged = withEvent(order, event);
    // Until the server answers with its own stamp, the change is dated by the event, so today's lists keep it.
    return merged.updatedAt < event.at ? { ...merged, updatedAt: event.at } : merged;
  });
  return written.toMutableJSON() as OrderDocument;
}

/** A handover: the event on the order, then the stock of the goods taken out of the store. */
export async function handOverOrder(database: PosDatabase, orderId: string, event: OrderEvent, deviceId: string): Promise<OrderDocument> {
  const order = await appendOrderEvent(database, orderId, event);
  await writeStockOf(database, order, event, deviceId);
  return order;
}

async function writeStockOf(database: PosDatabase, order: OrderDocument, event: OrderEvent, deviceId: string): Promise<void> {
  const lines = Array.isArray(event['lines']) ? (event['lines'] as HandedLine[]) : [];
  const movements = pickupStockMovements(order, event, lines, deviceId);
  if (movements.length === 0) return;
  const known = await database.ledger.findByIds(movements.map((each) => each.id)).exec();
  const missing = movements.filter((each) => !known.has(each.id));
  if (missing.length > 0) await database.ledger.bulkInsert(missing.map((each) => ({ ...each })));
}

/** Writes the stock movements of this device's handovers that lack them (a write cut short). */
export async function writeMissingPickupStock(database: PosDatabase, orders: readonly OrderDocument[], deviceId: string): Promise<void> {
  for (const order of orders) {
    for (const event of order.events) {
      if (event.type === HANDOVER_EVENT && event.deviceId === deviceId) await writeStockOf(database, order, event, deviceId);
    }
  }
}
