/*
 * Keeping webhook deliveries durably, many per commit. On SQLite every commit waits for the disk (the log
 * is synced: synchronous=FULL), a few milliseconds each on this machine; one commit per delivery would cap a
 * flash sale at a couple of hundred deliveries a second with every answer queued behind the one before. So
 * the deliveries that arrive while a commit runs are kept together in the next one (group commit), and each
 * request is answered once the commit that holds its delivery is done: never before its delivery is durable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database-types.ts';
import { keepDelivery } from '../store/order-inbox-repository.ts';
import type { InboxDelivery } from '../store/order-inbox-repository.ts';

const MAX_PER_COMMIT = 500;

interface Waiting {
  delivery: InboxDelivery;
  resolve: (kept: 'kept' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

export class DeliveryKeeper {
  private readonly queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves once the delivery is committed: 'duplicate' when its delivery id was kept before. */
  keep(delivery: InboxDelivery): Promise<'kept' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After the I/O of this turn of the event loop: the deliveries read meanwhile share the commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_PER_COMMIT);
      try {
        const results = await this.db.transaction().execute(async (trx) => {
          const kept: Array<'kept' | 'duplicate'> = [];
          for (const waiting of batch) kept.push(await keepDelivery(trx, waiting.delivery));
          return kept;
        });
        batch.forEach((waiting, index) => waiting.resolve(results[index]!));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.flushing = false;
  }
}
