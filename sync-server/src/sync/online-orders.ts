/*
 * How online orders enter the server (the e-commerce side's webhook will call this; tests and the seed
 * can too): orders are written for their pickup store, and the order's customer becomes visible to that
 * store (customer_stores). A customer newly visible to a store is written again so it gets a new seq:
 * a device whose customers checkpoint is already past the customer's old seq would otherwise never
 * pull it.
 */
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import { grantCustomerToStore } from '../store/customers-repository.ts';
import type { DocumentsRepository, DocumentWrite } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import type { ChangeBus, ChangeEvent } from './change-bus.ts';

export async function writeOnlineOrders(
  store: Store,
  documents: DocumentsRepository,
  orders: readonly OrderDocument[],
  bus?: ChangeBus,
  now: Date = new Date(),
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const writes: DocumentWrite[] = orders.map((order) => ({ collection: 'orders', id: order.id, storeId: order.storeId, body: order }));
    const granted: string[] = [];
    for (const order of orders) {
      if (order.customerId === undefined) continue;
      const customer = (await documents.getMany(trx, 'customers', [order.customerId])).get(order.customerId);
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
  });
}
