/*
 * Applying a platform order (platform-order.ts, kept in the order inbox) to the `orders` collection, inside
 * the inbox worker's transaction (after the sequence counter's lock, so deliveries of one order are decided
 * one after the other, on every server instance):
 *   - its id is a UUIDv5 of (source, source order id): the same platform order is always the same document,
 *     so a redelivery or a reordered update can only meet the stored one;
 *   - a delivery older than the stored one (the platform's updated_at) changes nothing ('stale');
 *   - a new order goes to the store whose config lists one of its location keys (`store.onlineLocations`,
 *     per platform), or to the only store; with several stores and none listing it, it waits 'unrouted';
 *     a stored order keeps its store;
 *   - a new order gets its customer: matched by phone or e-mail to one of the chain's, or made for its store
 *     (order-customers.ts); a stored order keeps the customer it has;
 *   - lines are matched to the catalog by SKU, then barcode; a line matching nothing is kept with its name,
 *     marked unknownProduct, and the order is reported ('order-unknown-product');
 *   - the rest is the online-orders decision (online-orders.ts): created, unchanged (a redelivery, also after a
 *     handover), or updated with the store's events replayed, a handover that meets a cancellation flagged
 *     and reported ('order-flag').
 */
import type { Transaction } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { insertIncidents } from '../store/incidents-repository.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import type { StoreKind } from '../store/open-store.ts';
import { findProductsByCodes } from '../store/product-codes.ts';
import type { PlatformSource } from '../integrations-config.ts';
import { decideDelivery, writeOrdersInTransaction } from './online-orders.ts';
import { customerForOrder } from './order-customers.ts';
import type { NewCustomers } from './order-customers.ts';
import type { IncomingOrder } from './online-orders.ts';
import type { PlatformOrder, StoreRouting } from './platform-order.ts';
import { routeOrder } from './platform-order.ts';

/** The namespace of platform order ids (UUIDv5 of "<source>:<source order id>"). */
const PLATFORM_ORDER_IDS = '3f6b2a0e-8c1d-4e5f-9a7b-2c4d6e8f0a1b';

export function platformOrderId(source: PlatformSource, sourceOrderId: string): string {
  return uuidv5(`${source}:${sourceOrderId}`, PLATFORM_ORDER_IDS);
}

export type ApplyOutcome =
  | { state: 'done'; result: 'created' | 'updated' | 'unchanged' | 'stale'; orderId: string; storeId: string }
  | { state: 'unrouted'; orderId: string; locationKeys: string[] };

const PLATFORMS: readonly PlatformSource[] = ['shopify', 'woocommerce', 'haravan'];

/** Each store's platform locations, from `store.onlineLocations` in its config document. */
export async function readStoreRouting(trx: Transaction<Database>, documents: DocumentsRepository): Promise<StoreRouting[]> {
  const ids = (await trx.selectFrom('stores').select('id').orderBy('id').execute()).map((row) => row.id);
  const configs = await documents.getMany(trx, 'config', ids);
  return ids.map((storeId) => {
    const locations: StoreRouting['locations'] = {};
    const listed = configs.get(storeId)?.body.store['onlineLocations'];
    if (typeof listed === 'object' && listed !== null) {
      for (const platform of PLATFORMS) {
        const keys = (listed as Record<string, unknown>)[platform];
        if (Array.isArray(keys)) locations[platform] = keys.filter((k): k is string => typeof k === 'string');
      }
    }
    return { storeId, locations };
  });
}

/** What a batch of deliveries writes, once, at the end of the inbox worker's transaction. */
export class PlatformOrderBatch {
  /** The orders to write, by id (a later delivery of the same order in the batch sees the earlier one). */
  readonly orders = new Map<string, OrderDocument>();
  readonly incidents: NewIncident[] = [];
  /** Customers made for the batch's new orders, written before them. */
  readonly customers: NewCustomers = new Map();

  async write(trx: Transaction<Database>, documents: DocumentsRepository, bus: ChangeBus | undefined, now: Date): Promise<void> {
    if (this.customers.size > 0) {
      const customers = [...this.customers.values()];
      const written = await documents.putInTransaction(trx, customers.map((body) => ({ collection: 'customers', id: body.id, storeId: body.storeId, body })), now);
      if (bus !== undefined && written.count > 0) await bus.announce(trx, [{ collection: 'customers', storeIds: [...new Set(customers.map((c) => c.storeId))], fromSeq: written.firstSeq, toSeq: written.lastSeq }]);
    }
    await writeOrdersInTransaction(trx, documents, [...this.orders.values()], bus, now);
    await insertIncidents(trx, this.incidents, now.toISOString());
  }
}

/** Decides one delivery into the batch (see the top of this file); `products` holds the batch's SKU matches. */
export async function applyPlatformOrder(
  trx: Transaction<Database>,
  kind: StoreKind,
  documents: DocumentsRepository,
  order: PlatformOrder,
  routing: readonly StoreRouting[],
  batch: PlatformOrderBatch,
  now: Date,
): Promise<ApplyOutcome> {
  const id = platformOrderId(order.source, order.sourceOrderId);
  const stored = batch.orders.get(id) ?? (await documents.getMany(trx, 'orders', [id])).get(id)?.body;
  if (stored?.sourceUpdatedAt !== undefined && Date.parse(stored.sourceUpdatedAt) > Date.parse(order.sourceUpdatedAt)) {
    return { state: 'done', result: 'stale', orderId: id, storeId: stored.storeId };
  }
  const route = stored === undefined ? routeOrder(order, routing) : { storeId: stored.storeId, pickupPoint: pickupPointOf(order, routing, stored.storeId) };
  if (route === undefined) return { state: 'unrouted', orderId: id, locationKeys: order.locationKeys.map((k) => k.key) };

  const lines = await matchLines(trx, kind, order);
  const customerId = stored !== undefined ? stored.customerId : await customerForOrder(trx, kind, documents, { ...order, storeId: route.storeId }, batch.customers, now);
  const incoming: IncomingOrder = {
    id,
    storeId: route.storeId,
    source: order.source,
    sourceOrderId: order.sourceOrderId,
    sourceUpdatedAt: order.sourceUpdatedAt,
    fulfilment: route.pickupPoint || order.fulfilmentHint === 'pickup' ? 'pickup' : 'delivery',
    number: order.number,
    status: order.cancelled ? 'cancelled' : 'pending',
    customerName: order.customerName,
    ...(order.customerPhone !== undefined ? { customerPhone: order.customerPhone } : {}),
    ...(customerId !== undefined ? { customerId } : {}),
    currency: order.currency,
    lines,
    total: order.total,
    paid: order.paid,
    placedAt: order.placedAt,
    updatedAt: '',
  };
  const decided = decideDelivery(stored, incoming, now);
  if (decided.kind === 'other-store') throw new Error(`platform order ${id} changed store`);
  if (decided.kind === 'unchanged') return { state: 'done', result: 'unchanged', orderId: id, storeId: route.storeId };
  batch.orders.set(id, decided.order);
  batch.incidents.push(...incidentsOf(stored, decided.order));
  return { state: 'done', result: decided.kind, orderId: id, storeId: route.storeId };
}

/** Whether the stored order's store names one of the order's pickup points. */
function pickupPointOf(order: PlatformOrder, routing: readonly StoreRouting[], storeId: string): boolean {
  const listed = routing.find((s) => s.storeId === storeId)?.locations[order.source] ?? [];
  return order.locationKeys.some((k) => k.pickup && listed.includes(k.key));
}

async function matchLines(trx: Transaction<Database>, kind: StoreKind, order: PlatformOrder): Promise<OrderDocument['lines']> {
  const skus = order.lines.map((l) => l.sku);
  const bySku = (await findProductsByCodes(trx, kind, skus, [])).bySku;
  const codes = order.lines.filter((l) => !bySku.has(l.sku)).flatMap((l) => [l.sku, l.barcode ?? '']);
  const byBarcode = codes.some((c) => c !== '') ? (await findProductsByCodes(trx, kind, [], codes)).byBarcode : new Map();
  return order.lines.map((line) => {
    const product = bySku.get(line.sku) ?? byBarcode.get(line.sku) ?? (line.barcode !== undefined ? byBarcode.get(line.barcode) : undefined);
    return {
      productId: product?.id ?? '',
      sku: line.sku !== '' ? line.sku : (product?.sku ?? ''),
      name: line.name,
      qty: line.qty,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      total: line.total,
      sourceLineId: line.sourceLineId,
      ...(product === undefined ? { unknownProduct: true } : {}),
    };
  });
}

function incidentsOf(stored: OrderDocument | undefined, written: OrderDocument): NewIncident[] {
  const incidents: NewIncident[] = [];
  const unknown = written.lines.filter((l) => l.unknownProduct === true).map((l) => ({ sku: l.sku, name: l.name }));
  const knownBefore = (stored?.lines ?? []).filter((l) => l.unknownProduct === true).map((l) => l.sku);
  if (unknown.length > 0 && (stored === undefined || unknown.map((l) => l.sku).join('\u0000') !== knownBefore.join('\u0000'))) {
    incidents.push({ storeId: written.storeId, kind: 'order-unknown-product', collection: 'orders', documentId: written.id, detail: { number: written.number, source: written.source, lines: unknown } });
  }
  const seen = new Set((stored?.flags ?? []).map((f) => `${f.code}|${f.eventId}`));
  for (const flag of written.flags ?? []) {
    if (seen.has(`${flag.code}|${flag.eventId}`)) continue;
    incidents.push({
      storeId: written.storeId,
      kind: 'order-flag',
      collection: 'orders',
      documentId: written.id,
      detail: { number: written.number, code: flag.code, eventId: flag.eventId, at: flag.at, statusBefore: stored?.status },
    });
  }
  return incidents;
}
