/*
 * The one pruning job of the integrations' tables: once an hour (the first when the server is ready) it deletes
 * what is finished and older than RETENTION_DAYS, so none of them grows with every order or transfer ever seen:
 *   order_inbox   deliveries applied ('done'); pending, unrouted (the only copy of that order until a store lists
 *                 its location) and failed ones stay (store/order-inbox-repository.ts)
 *   outbox        notices delivered (the shop answered 2xx), by when they were delivered; pending and failing
 *                 notices are still retried and stay. Online refunds stay too, delivered or not: the returns
 *                 desk reads a refund's amount and state from its notice (routes/online-refunds.ts), and
 *                 nothing else on the server holds the amount the server allowed or the notice id the shop's
 *                 refund carries as its marker; so a refunded return reads as refunded for ever, and the
 *                 refunds are few next to the pickup notices (store/outbox-repository.ts)
 *   bank_notices  transfers matched to a payment, by when they arrived: the confirmed `payments` document keeps
 *                 the transfer (its `bank` field) and documents are never pruned; unmatched transfers only once
 *                 reconciled, their 'bank-notice-unmatched' incidents all handled by a manager (the incident
 *                 keeps what the manager saw); those still to reconcile stay (store/payments-repository.ts).
 *                 Deleting a notice forgets its transaction id, so a very old redelivery of it is refused by
 *                 its transaction time instead (BANK_NOTICE_MAX_AGE_MS, integrations/bank-notices.ts).
 * Each table is deleted a thousand rows at a time through an index of its finished rows (migrations 0009, 0020),
 * letting the server answer waiting requests between chunks, so a big table is never locked for long. Every
 * server instance runs it; two instances pruning at once only delete fewer rows each.
 * The loop is the integrations' one worker loop (leased-worker.ts).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database-types.ts';
import { pruneAppliedDeliveries } from '../store/order-inbox-repository.ts';
import { pruneDeliveredNotices } from '../store/outbox-repository.ts';
import { pruneFinishedBankNotices } from '../store/payments-repository.ts';
import { leasedWorker } from './leased-worker.ts';
import type { LeasedWorker } from './leased-worker.ts';
import { ONLINE_REFUND } from './refunds/refund-notices.ts';

export const RETENTION_DAYS = 30;
export const RETENTION_MS = RETENTION_DAYS * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
const PRUNE_CHUNK = 1000;

/** How many rows one pruning deleted, per table. */
export interface Pruned {
  inbox: number;
  outbox: number;
  bankNotices: number;
}

type PruneChunk = (db: Kysely<Database>, before: Date, limit: number) => Promise<number>;

const TABLES: ReadonlyArray<{ table: keyof Pruned; chunk: PruneChunk }> = [
  { table: 'inbox', chunk: pruneAppliedDeliveries },
  { table: 'outbox', chunk: (db, before, limit) => pruneDeliveredNotices(db, before, limit, ONLINE_REFUND) },
  { table: 'bankNotices', chunk: pruneFinishedBankNotices },
];

export class RetentionPruning {
  private readonly worker: LeasedWorker;
  private dueAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {
    this.worker = leasedWorker({
      name: 'pruning',
      log,
      round: async (stopped) => {
        if (Date.now() < this.dueAt) return 0;
        this.dueAt = Date.now() + PRUNE_EVERY_MS;
        const pruned = await this.pruneOnce(new Date(), stopped);
        return pruned.inbox + pruned.outbox + pruned.bankNotices;
      },
      sleepMs: () => Math.max(10, this.dueAt - Date.now()),
    });
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Deletes every table's finished rows older than RETENTION_DAYS before `now`, a chunk at a time (tests call it). */
  async pruneOnce(now: Date, stopped: () => boolean = () => false): Promise<Pruned> {
    const before = new Date(now.getTime() - RETENTION_MS);
    const pruned: Pruned = { inbox: 0, outbox: 0, bankNotices: 0 };
    for (const { table, chunk } of TABLES) {
      for (;;) {
        const deleted = await chunk(this.db, before, PRUNE_CHUNK);
        pruned[table] += deleted;
        if (deleted < PRUNE_CHUNK || stopped()) break;
        // Between chunks the webhooks and pushes (on SQLite, the same connection) go first.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (stopped()) break;
    }
    if (pruned.inbox + pruned.outbox + pruned.bankNotices > 0) this.log.info({ ...pruned, before: before.toISOString() }, 'pruning: finished rows older than the retention deleted');
    return pruned;
  }
}
