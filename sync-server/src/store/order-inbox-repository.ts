/*
 * The order inbox (order_inbox, migration 0009): every accepted platform delivery, written in one small
 * statement before the webhook answers, so a delivery the platform saw acknowledged is never lost, and
 * applied to the `orders` collection right after by the inbox worker (integrations/order-inbox.ts), or on the
 * next start if the server stopped in between. A platform's delivery id is unique per source, so a
 * redelivery (Shopify's X-Shopify-Webhook-Id) is recognised at once and stored nothing twice.
 * Applied deliveries are deleted once they are older than any platform's redelivery (pruneAppliedDeliveries,
 * run by integrations/retention-pruning.ts): the order they made lives in `orders`; deliveries still pending,
 * unrouted (the only copy of that order until a store lists its location) or failed (kept for whoever looks
 * into them) stay.
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

/**
 * Deletes up to `limit` deliveries applied ('done') that arrived before `before`, oldest first; how many.
 * Ids are UUIDv7, so "arrived before" is an id range of the state index, read without scanning newer rows.
 */
export async function pruneAppliedDeliveries(db: Kysely<Database>, before: Date, limit: number): Promise<number> {
  const bound = uuidV7Floor(before);
  const old = db.selectFrom('order_inbox').select('id').where('state', '=', 'done').where('id', '<', bound).orderBy('id').limit(limit);
  const result = await db.deleteFrom('order_inbox').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The smallest UUIDv7 of that millisecond: every id made earlier sorts below it. */
export function uuidV7Floor(at: Date): string {
  const hex = Math.max(0, Math.floor(at.getTime())).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
