/*
 * The pickup-code worker: gives every platform pickup order (Shopify, WooCommerce, Haravan) its pickup
 * code's hash, after the order inbox wrote the order. The hash is slow on purpose (tens of ms, so that a
 * tablet's copy is costly to brute-force: src/domain/pickup-code.ts), so it is made here, one order at a
 * time, never in the webhook's answer nor inside the inbox's transaction (a flash sale's orders reach the
 * tablets first; their codes follow).
 *
 * It walks the orders by their server seq from a cursor kept in the meta table (key "pickup-codes-cursor"),
 * so a restart resumes where it stopped and an order is never missed: an order written after the cursor
 * is seen at the next look. An order needs a code when it comes from a platform, is picked up at the store,
 * is still open (to prepare or ready) and has no hash yet. The code itself is derived from the order's id
 * (auth/pickup-codes.ts), so it needs no storing; the hash is written in a transaction of its own, after
 * the sequence counter's lock, onto the order as it is then (a device's events in between are kept), and
 * only if it still has none (two instances may both hash it; the first write wins). While deliveries wait in
 * the order inbox it waits too (a flash sale: the orders first, their codes after), hashing again at the
 * next look once the inbox is empty. Its loop is the integrations' one worker loop (leased-worker.ts): the
 * page after the cursor is its claim.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import { hashPickupCode, loadPickupCodeKey, platformPickupCode } from '../auth/pickup-codes.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { readMeta, writeMeta } from '../store/meta-repository.ts';
import type { Store } from '../store/open-store.ts';
import { pendingDeliveries } from '../store/order-inbox-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { leasedWorker } from './leased-worker.ts';
import type { LeasedWorker } from './leased-worker.ts';
import { writeOrdersInTransaction } from './online-orders.ts';

export const PICKUP_CODES_CURSOR_KEY = 'pickup-codes-cursor';
const PAGE = 200;
const WRITE_EVERY = 25;
const POLL_MS = 1000;

/** Whether the server owes this order a pickup code. */
export function needsPickupCode(order: OrderDocument): boolean {
  return order.source !== undefined && order.fulfilment === 'pickup' && order.pickupCodeHash === undefined && (order.status === 'pending' || order.status === 'ready');
}

export class PickupCodeKeeper {
  private readonly worker: LeasedWorker;
  private key: Buffer | undefined;

  constructor(
    private readonly store: Store,
    private readonly documents: DocumentsRepository,
    private readonly bus: ChangeBus | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    this.worker = leasedWorker({
      name: 'pickup codes',
      log,
      round: async (stopped) => {
        const written = await this.hashRound(stopped);
        if (written > 0) this.log.info({ orders: written }, 'pickup codes hashed for platform orders');
        return written;
      },
      sleepMs: () => POLL_MS,
    });
  }

  start(): void {
    this.worker.start();
  }

  wake(): void {
    this.worker.wake();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Hashes the codes of every order written so far that needs one; how many it wrote (tests wait on it). */
  hashPending(): Promise<number> {
    return this.worker.runRound();
  }

  private async hashRound(stopped: () => boolean): Promise<number> {
    this.key ??= await loadPickupCodeKey(this.store.db);
    let written = 0;
    for (;;) {
      const cursor = (await readMeta<number>(this.store.db, PICKUP_CODES_CURSOR_KEY)) ?? 0;
      const page = await this.documents.readAfter({ collection: 'orders', afterSeq: cursor, limit: PAGE });
      if (page.length === 0) return written;
      const owed = page.filter((row) => !row.deleted && needsPickupCode(row.body));
      for (let start = 0; start < owed.length && !stopped(); start += WRITE_EVERY) {
        if (await this.inboxBusy()) return written;
        const hashes = new Map<string, string>();
        // One at a time: the hashing shares the machine's cores with the webhooks and the inbox.
        for (const row of owed.slice(start, start + WRITE_EVERY)) hashes.set(row.id, await hashPickupCode(platformPickupCode(this.key, row.id)));
        written += await this.write(hashes);
      }
      // The cursor moves past a page only once all its orders are hashed.
      if (stopped()) return written;
      await writeMeta(this.store.db, PICKUP_CODES_CURSOR_KEY, page.at(-1)!.seq);
    }
  }

  /** Deliveries wait in the inbox: they go first. */
  private async inboxBusy(): Promise<boolean> {
    return (await pendingDeliveries(this.store.db, 1)).length > 0;
  }

  private async write(hashes: ReadonlyMap<string, string>): Promise<number> {
    if (hashes.size === 0) return 0;
    const now = new Date();
    return this.store.db.transaction().execute(async (trx) => {
      await lockSequenceCounter(trx);
      const stored = await this.documents.getMany(trx, 'orders', [...hashes.keys()]);
      const orders: OrderDocument[] = [];
      for (const [id, pickupCodeHash] of hashes) {
        const order = stored.get(id);
        if (order === undefined || order.deleted || order.body.pickupCodeHash !== undefined) continue;
        orders.push({ ...order.body, pickupCodeHash, updatedAt: now.toISOString() });
      }
      if (orders.length > 0) await writeOrdersInTransaction(trx, this.documents, orders, this.bus, now);
      return orders.length;
    });
  }
}
