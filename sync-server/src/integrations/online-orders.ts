/*
 * How online orders enter the server (the e-commerce side's webhook, routes/orders-webhook.ts; tests and
 * the seed too): orders are written for their pickup store, and the order's customer becomes visible to
 * that store (customer_stores). A customer newly visible to a store is written again so it gets a new seq:
 * a device whose customers checkpoint is already past the customer's old seq would otherwise never
 * pull it.
 *
 * receiveOnlineOrder is the webhook's way in: the server owns an order's lines, totals, customer and
 * status, while the store's devices append pickup events. A delivery is decided inside the write
 * transaction (after the seq counter's lock, so two deliveries of one order are decided one after the other):
 * new -> created; the same server-owned content as stored -> unchanged (a redelivery writes nothing);
 * otherwise -> updated, with the device's events replayed on the new state (merge-order.ts), so a
 * cancellation that meets a handover keeps the order handed over and flags it for a manager.
 */
import type { Transaction } from 'kysely';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import { canonicalJson } from '../../../src/domain/canonical-json.ts';
import { mergeOrder } from '../../../src/domain/merge-order.ts';
import { grantCustomerToStore } from '../store/customers-repository.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import type { ChangeBus, ChangeEvent } from '../live/change-bus.ts';

export async function writeOnlineOrders(
  store: Store,
  documents: DocumentsRepository,
  orders: readonly OrderDocument[],
  bus?: ChangeBus,
  now: Date = new Date(),
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    await writeOrdersInTransaction(trx, documents, orders, bus, now);
  });
}

/** An order as the e-commerce side sends it: no device events or flags; `updatedAt` is stamped by the server. */
export type IncomingOrder = Omit<OrderDocument, 'events' | 'flags'>;

export type ReceiveOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; order: OrderDocument }
  | { kind: 'other-store'; storedStoreId: string };

export async function receiveOnlineOrder(
  store: Store,
  documents: DocumentsRepository,
  incoming: IncomingOrder,
  bus?: ChangeBus,
  now: Date = new Date(),
): Promise<ReceiveOutcome> {
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const stored = (await documents.getMany(trx, 'orders', [incoming.id])).get(incoming.id);
    const outcome = decideDelivery(stored?.body, incoming, now);
    if (outcome.kind === 'created' || outcome.kind === 'updated') await writeOrdersInTransaction(trx, documents, [outcome.order], bus, now);
    return outcome;
  });
}

/** What a delivery does to the stored order (pure). */
export function decideDelivery(stored: OrderDocument | undefined, incoming: IncomingOrder, now: Date): ReceiveOutcome {
  const updatedAt = now.toISOString();
  if (stored === undefined) return { kind: 'created', order: { ...incoming, events: [], updatedAt } };
  if (stored.storeId !== incoming.storeId) return { kind: 'other-store', storedStoreId: stored.storeId };
  const next: IncomingOrder = {
    ...incoming,
    ...(incoming.pickupCodeHash === undefined && stored.pickupCodeHash !== undefined ? { pickupCodeHash: stored.pickupCodeHash } : {}),
  };
  if (canonicalJson(serverOwned(next)) === canonicalJson(serverOwned(stored))) return { kind: 'unchanged', order: stored };
  // Replaying every stored event on the new server state keeps the device's handovers (and flags them).
  const master: OrderDocument = { ...next, events: [], updatedAt };
  const merged = mergeOrder(master, stored);
  // The same order as stored once the events are replayed (a redelivery after a handover): nothing to write.
  if (canonicalJson({ ...merged, updatedAt: '' }) === canonicalJson({ ...stored, updatedAt: '' })) return { kind: 'unchanged', order: stored };
  return { kind: 'updated', order: { ...merged, updatedAt } };
}

function serverOwned(order: IncomingOrder | OrderDocument): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...rest } = order as OrderDocument;
  const { events: _events, flags: _flags, ...owned } = rest;
  return owned;
}

export async function writeOrdersInTransaction(
  trx: Transaction<Database>,
  documents: DocumentsRepository,
  orders: readonly OrderDocument[],
  bus: ChangeBus | undefined,
  now: Date,
): Promise<void> {
  const writes: DocumentWrite[] = orders.map((order) => ({ collection: 'orders', id: order.id, storeId: order.storeId, body: order }));
  const granted: string[] = [];
  // One read for the customers of all the orders (a flash sale's batch names one each).
  const customerIds = [...new Set(orders.flatMap((order) => (order.customerId === undefined ? [] : [order.customerId])))];
  const customers = customerIds.length === 0 ? new Map<string, never>() : await documents.getMany(trx, 'customers', customerIds);
  for (const order of orders) {
    if (order.customerId === undefined) continue;
    const customer = customers.get(order.customerId);
    if (customer === undefined || customer.storeId === order.storeId) continue;
    if (await grantCustomerToStore(trx, order.customerId, order.storeId)) {
      granted.push(order.customerId);
      writes.push({ collection: 'customers', id: customer.id, storeId: customer.storeId, body: customer.body, deleted: customer.deleted });
    }
  }
  const written = await documents.putInTransaction(trx, writes, now);
  if (bus !== undefined && written.count > 0) {
    const events: ChangeEvent[] = [
      { collection: 'orders', storeIds: [...new Set(orders.map((o) => o.storeId))], fromSeq: written.firstSeq, toSeq: written.lastSeq },
    ];
    if (granted.length > 0) events.push({ collection: 'customers', storeIds: null, fromSeq: written.firstSeq, toSeq: written.lastSeq });
    await bus.announce(trx, events);
  }
}
