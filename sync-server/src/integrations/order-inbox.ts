/*
 * The order inbox worker: applies the platform deliveries the webhooks kept (store/order-inbox-repository.ts)
 * to the `orders` collection, after the webhook has answered. A webhook wakes it; otherwise it looks every
 * second, so deliveries kept by another server instance, or before a restart, are applied too.
 * The loop, its wake-up and its stop are the integrations' one worker loop (leased-worker.ts).
 * Deliveries are applied oldest first, up to 25 in one transaction (one commit for a burst of a flash sale),
 * each re-checked as still pending inside it (two instances never apply one twice). When a batch fails,
 * its deliveries are tried one by one, and one that fails alone is set aside as 'failed' with the error in
 * its outcome, logged, so it cannot block those behind it. Between batches it lets the server answer
 * waiting requests first: the webhooks' answers must not wait for the inbox.
 * Deliveries applied more than RETENTION_DAYS ago are deleted by the hourly pruning (retention-pruning.ts): the
 * platforms redeliver for hours, Shopify up to 48, so a redelivery after that is long over.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { ChangeBus } from '../live/change-bus.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { isStillPending, markDelivery, pendingDeliveries, setDeliveryAside } from '../store/order-inbox-repository.ts';
import type { PendingDelivery } from '../store/order-inbox-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { DeliveryKeeper } from './delivery-keeper.ts';
import { drainClaims, leasedWorker } from './leased-worker.ts';
import type { LeasedWorker } from './leased-worker.ts';
import type { InboxDelivery } from '../store/order-inbox-repository.ts';
import type { PlatformOrder } from './platform-order.ts';
import { applyPlatformOrder, PlatformOrderBatch, readStoreRouting } from './platform-orders.ts';

const BATCH = 25;
const POLL_MS = 1000;

export class OrderInbox {
  private readonly keeper: DeliveryKeeper;
  private readonly worker: LeasedWorker;

  constructor(
    private readonly store: Store,
    private readonly documents: DocumentsRepository,
    private readonly bus: ChangeBus | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    this.keeper = new DeliveryKeeper(store.db);
    this.worker = leasedWorker({
      name: 'order inbox',
      log,
      round: (stopped) => drainClaims(() => pendingDeliveries(this.store.db, BATCH), (batch) => this.applyBatch(batch), stopped),
      sleepMs: () => POLL_MS,
    });
  }

  /** Keeps a delivery durably (with others arriving meanwhile, delivery-keeper.ts), then wakes the worker. */
  async keep(delivery: InboxDelivery): Promise<'kept' | 'duplicate'> {
    const kept = await this.keeper.keep(delivery);
    if (kept === 'kept') this.wake();
    return kept;
  }

  start(): void {
    this.worker.start();
  }

  /** A delivery was kept: apply it now rather than at the next look. */
  wake(): void {
    this.worker.wake();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Applies what is pending now (tests and the bench call it to wait for the inbox to be empty). */
  applyPending(): Promise<number> {
    return this.worker.runRound();
  }

  private async applyBatch(batch: readonly PendingDelivery[]): Promise<number> {
    try {
      return await this.applyInOneTransaction(batch);
    } catch (error) {
      if (batch.length === 1) {
        await this.setAside(batch[0]!, error);
        return 1;
      }
      this.log.warn({ err: error, deliveries: batch.length }, 'order inbox: a batch failed; applying its deliveries one by one');
      let applied = 0;
      for (const delivery of batch) applied += await this.applyBatch([delivery]);
      return applied;
    }
  }

  private async applyInOneTransaction(batch: readonly PendingDelivery[]): Promise<number> {
    const now = new Date();
    return this.store.db.transaction().execute(async (trx) => {
      await lockSequenceCounter(trx);
      const routing = await readStoreRouting(trx, this.documents);
      const writes = new PlatformOrderBatch();
      let applied = 0;
      for (const delivery of batch) {
        if (!(await isStillPending(trx, delivery.id))) continue;
        const order = JSON.parse(delivery.body) as PlatformOrder;
        const outcome = await applyPlatformOrder(trx, this.store.kind, this.documents, order, routing, writes, now);
        if (outcome.state === 'unrouted') {
          this.log.warn({ source: order.source, sourceOrderId: order.sourceOrderId, locationKeys: outcome.locationKeys }, 'platform order kept unrouted: no store lists its location (store.onlineLocations)');
        }
        const { state, ...detail } = outcome;
        await markDelivery(trx, delivery.id, state, detail, now.toISOString());
        applied += 1;
      }
      // One write of the batch's orders: one seq range, one change event for the tablets.
      await writes.write(trx, this.documents, this.bus, now);
      return applied;
    });
  }

  private async setAside(delivery: PendingDelivery, error: unknown): Promise<void> {
    this.log.error({ err: error, deliveryId: delivery.id, source: delivery.source, topic: delivery.topic }, 'order inbox: a delivery cannot be applied; set aside as failed');
    await setDeliveryAside(this.store.db, delivery.id, (error as Error).message, new Date().toISOString());
  }
}
