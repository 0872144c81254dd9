/*
 * The outbox (outbox table, migration 0009): notices back to the shops, written in the same transaction as
 * the order change that causes them (policies/push-batch.ts), so a notice exists exactly when its cause was
 * stored, and sent by the outbox worker (integrations/outbox-worker.ts) until the receiver answers 2xx.
 * A notice's id is made when it is enqueued and sent as the Idempotency-Key on every attempt: a server killed
 * mid-delivery sends the same notice with the same id after its restart, never a second one.
 * A worker takes a notice by setting its lease (an UPDATE that only one worker wins, on any number of
 * server instances); a lease left by a dead worker expires. An order's notices go out one after the other,
 * in the order they were made: a notice waits while an older one of the same order is undelivered.
 * After FAILING_AFTER failed attempts a notice is 'failing': still retried, listed for the manager
 * (GET /api/v1/outbox?state=failing) and reported once as an 'outbox-failing' incident.
 * Delivered notices are deleted once delivered longer ago than the retention (pruneDeliveredNotices, called by
 * integrations/retention-pruning.ts, which says which kinds stay); a notice is never enqueued again after
 * that, as only a newly stored event or return enqueues one.
 */
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-types.ts';
import { insertIncidents } from './incidents-repository.ts';

export const FAILING_AFTER = 5;

/** A notice to enqueue: its payload is what the sender needs (integrations/outbox-notices.ts), stored as JSON. */
export interface NewNotice {
  id: string;
  eventKey: string;
  storeId: string;
  orderId: string;
  target: string;
  payload: { kind: string; number: string };
}

export interface OutboxNotice {
  id: string;
  storeId: string;
  orderId: string;
  target: string;
  kind: string;
  /** The enqueued payload as its JSON text (the sender reads it as what it enqueued). */
  payloadJson: string;
  state: 'pending' | 'failing' | 'delivered';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

type Row = Database['outbox'];

function toNotice(row: Row): OutboxNotice {
  return {
    id: row.id,
    storeId: row.store_id,
    orderId: row.order_id,
    target: row.target,
    kind: row.kind,
    payloadJson: row.payload,
    state: row.state as OutboxNotice['state'],
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Enqueues notices inside the caller's transaction; a notice whose key is already there is not enqueued again. */
export async function enqueueNotices(trx: Transaction<Database>, notices: readonly NewNotice[], now: string): Promise<void> {
  for (const notice of notices) {
    await trx
      .insertInto('outbox')
      .values({
        id: notice.id,
        event_key: notice.eventKey,
        store_id: notice.storeId,
        order_id: notice.orderId,
        target: notice.target,
        kind: notice.payload.kind,
        payload: JSON.stringify(notice.payload),
        state: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_until: null,
        last_error: null,
        last_status: null,
        created_at: now,
        delivered_at: null,
      })
      .onConflict((oc) => oc.column('event_key').doNothing())
      .execute();
  }
}

/**
 * Takes up to `limit` notices that are due, not leased, and first undelivered of their order, leasing each
 * until `leaseUntil` and counting the attempt. Only notices this call won are returned.
 */
export async function claimDueNotices(db: Kysely<Database>, now: string, leaseUntil: string, limit: number): Promise<OutboxNotice[]> {
  const { rows } = await sql<{ id: string }>`
    select o.id from outbox o
     where o.state <> 'delivered' and o.next_attempt_at <= ${now} and (o.lease_until is null or o.lease_until <= ${now})
       and not exists (select 1 from outbox e where e.order_id = o.order_id and e.state <> 'delivered' and e.id < o.id)
     order by o.next_attempt_at, o.id limit ${limit}`.execute(db);
  const claimed: OutboxNotice[] = [];
  for (const { id } of rows) {
    const won = await db
      .updateTable('outbox')
      .set((eb) => ({ lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('state', '<>', 'delivered')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .returningAll()
      .executeTakeFirst();
    if (won !== undefined) claimed.push(toNotice(won));
  }
  return claimed;
}

export async function markDelivered(db: Kysely<Database>, id: string, status: number, now: string): Promise<void> {
  await db.updateTable('outbox').set({ state: 'delivered', delivered_at: now, lease_until: null, last_status: status, last_error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt and when to try again; the attempt that makes it failing also reports it. */
export async function markFailed(db: Kysely<Database>, notice: OutboxNotice, failure: { status: number | null; error: string }, nextAttemptAt: string, now: string): Promise<void> {
  const failing = notice.attempts >= FAILING_AFTER;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox')
      .set({ state: failing ? 'failing' : 'pending', next_attempt_at: nextAttemptAt, lease_until: null, last_status: failure.status, last_error: failure.error.slice(0, 1000) })
      .where('id', '=', notice.id)
      .execute();
    if (failing && notice.state !== 'failing') {
      await insertIncidents(
        trx,
        [
          {
            storeId: notice.storeId,
            kind: 'outbox-failing',
            collection: 'orders',
            documentId: notice.orderId,
            detail: { noticeId: notice.id, kind: notice.kind, target: notice.target, number: (JSON.parse(notice.payloadJson) as { number?: string }).number, attempts: notice.attempts, lastStatus: failure.status, lastError: failure.error.slice(0, 300) },
          },
        ],
        now,
      );
    }
  });
}

export async function listNotices(db: Kysely<Database>, query: { storeId: string; state?: string | undefined; limit: number }): Promise<OutboxNotice[]> {
  let q = db.selectFrom('outbox').selectAll().where('store_id', '=', query.storeId);
  if (query.state !== undefined) q = q.where('state', '=', query.state);
  return (await q.orderBy('id', 'desc').limit(query.limit).execute()).map(toNotice);
}

/** The earliest time a notice is due (undefined when none waits), for the worker's sleep. */
export async function nextDueAt(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('state', '<>', 'delivered').executeTakeFirst();
  return row?.at ?? undefined;
}

/**
 * Deletes up to `limit` notices delivered before `before`, of any kind but `keptKind`, oldest first; how many.
 * Pending and failing notices are never touched. The kind is a literal, as the partial index of migration
 * 0020 says it (outbox_delivered_idx: state, delivered_at where kind <> 'online-refund'): SQLite uses a
 * partial index only when the query says its condition in the same words.
 */
export async function pruneDeliveredNotices(db: Kysely<Database>, before: Date, limit: number, keptKind: string): Promise<number> {
  const result = await db.deleteFrom('outbox').where('id', 'in', deliveredNoticesBefore(db, before, limit, keptKind)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The ids pruneDeliveredNotices deletes (a test reads its plan). */
export function deliveredNoticesBefore(db: Kysely<Database>, before: Date, limit: number, keptKind: string) {
  return db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'delivered')
    .where('kind', '<>', sql.lit(keptKind))
    .where('delivered_at', '<', before.toISOString())
    .orderBy('delivered_at')
    .limit(limit);
}
