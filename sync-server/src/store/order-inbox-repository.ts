/*
 * The order inbox (order_inbox, migration 0009): every accepted platform delivery, written in one small
 * statement before the webhook answers, so a delivery the platform saw acknowledged is never lost, and
 * applied to the `orders` collection right after by the inbox worker (integrations/order-inbox.ts), or on the
 * next start if the server stopped in between. A platform's delivery id is unique per source, so a
 * redelivery (Shopify's X-Shopify-Webhook-Id) is recognised at once and stored nothing twice.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-types.ts';

export interface InboxDelivery {
  id: string;
  source: string;
  deliveryId: string | undefined;
  topic: string;
  sourceOrderId: string;
  /** The mapped platform order, JSON text. */
  body: string;
  receivedAt: string;
}

export interface PendingDelivery {
  id: string;
  source: string;
  topic: string;
  body: string;
}

/** Keeps a delivery; 'duplicate' when this source's delivery id was kept before. */
export async function keepDelivery(db: Kysely<Database>, delivery: InboxDelivery): Promise<'kept' | 'duplicate'> {
  const result = await db
    .insertInto('order_inbox')
    .values({
      id: delivery.id,
      source: delivery.source,
      delivery_id: delivery.deliveryId ?? null,
      topic: delivery.topic,
      source_order_id: delivery.sourceOrderId,
      body: delivery.body,
      state: 'pending',
      outcome: null,
      received_at: delivery.receivedAt,
      processed_at: null,
    })
    .onConflict((oc) => oc.columns(['source', 'delivery_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? 'kept' : 'duplicate';
}

/** The oldest deliveries still to apply (ids are UUIDv7: arrival order). */
export async function pendingDeliveries(db: Kysely<Database>, limit: number): Promise<PendingDelivery[]> {
  return db.selectFrom('order_inbox').select(['id', 'source', 'topic', 'body']).where('state', '=', 'pending').orderBy('id').limit(limit).execute();
}

/** Whether the delivery is still pending, read inside the applying transaction (another instance may have applied it). */
export async function isStillPending(trx: Transaction<Database>, id: string): Promise<boolean> {
  const row = await trx.selectFrom('order_inbox').select('state').where('id', '=', id).executeTakeFirst();
  return row?.state === 'pending';
}

export async function markDelivery(trx: Transaction<Database>, id: string, state: 'done' | 'unrouted', outcome: Record<string, unknown>, at: string): Promise<void> {
  await trx.updateTable('order_inbox').set({ state, outcome: JSON.stringify(outcome), processed_at: at }).where('id', '=', id).execute();
}

/** A delivery that cannot be applied (its error kept), so it does not block those behind it. */
export async function setDeliveryAside(db: Kysely<Database>, id: string, error: string, at: string): Promise<void> {
  await db.updateTable('order_inbox').set({ state: 'failed', outcome: JSON.stringify({ error }), processed_at: at }).where('id', '=', id).execute();
}

/** How many deliveries wait (tests and the bench wait for none). */
export async function countPendingDeliveries(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('order_inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}
