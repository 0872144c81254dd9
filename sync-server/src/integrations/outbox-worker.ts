/*
 * The outbox worker: sends the notices of the outbox (store/outbox-repository.ts) to their targets
 * (notice-senders.ts) until each receiver answers 2xx, with exponential backoff between attempts (the
 * configured first wait, doubled each time, at most an hour). Woken when orders change (the change bus: a
 * push that enqueued notices), otherwise it looks again when the next notice is due, at least every 5 s, so
 * notices of another instance or from before a restart go out too.
 * A notice is leased while it is sent (three request timeouts and a second: Shopify's notices are two
 * requests, the read and the change), so a worker killed mid-request leaves it to
 * be sent again, with the same id, once the lease has run out. A notice whose target is no longer configured
 * is retried the same way and shows up as failing: the manager sees that it cannot go. The loop itself is
 * the integrations' one worker loop (leased-worker.ts).
 * A platform order's ready-for-pickup notice goes out with its pickup code, derived again here from the
 * order's id (auth/pickup-codes.ts), never stored in the outbox: only the code's hash is kept anywhere.
 */
import type { FastifyBaseLogger } from 'fastify';
import { loadPickupCodeKey, platformPickupCode } from '../auth/pickup-codes.ts';
import type { IntegrationsConfig } from '../integrations-config.ts';
import type { Store } from '../store/open-store.ts';
import { claimDueNotices, markDelivered, markFailed, nextDueAt } from '../store/outbox-repository.ts';
import type { OutboxNotice } from '../store/outbox-repository.ts';
import { drainClaims, leasedWorker } from './leased-worker.ts';
import type { LeasedWorker } from './leased-worker.ts';
import { senderFor } from './notice-senders.ts';
import type { NoticeExtras } from './notice-senders.ts';
import type { NoticePayload } from './outbox-notices.ts';

const BATCH = 10;
const MAX_SLEEP_MS = 5_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** How long a notice is leased to the worker sending it. */
export function leaseMs(timeoutMs: number): number {
  return 3 * timeoutMs + 1000;
}

/** The wait after the n-th failed attempt (n >= 1): base x 2^(n-1), at most an hour. */
export function backoffMs(baseMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}

/** Targets whose orders' pickup codes this server makes (a generic shop made its own and knows it). */
const CODES_MADE_HERE = new Set(['shopify', 'woocommerce', 'haravan']);

export class OutboxWorker {
  private readonly worker: LeasedWorker;
  private pickupCodeKey: Buffer | undefined;

  constructor(
    private readonly store: Store,
    private readonly config: IntegrationsConfig['notices'],
    private readonly log: FastifyBaseLogger,
  ) {
    this.worker = leasedWorker({
      name: 'outbox',
      log,
      round: (stopped) => drainClaims(() => this.claim(), (claimed) => this.sendAll(claimed), stopped),
      sleepMs: () => this.untilNextDue(),
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

  /** Sends every notice due now; returns how many were attempted. */
  sendDue(): Promise<number> {
    return this.worker.runRound();
  }

  /** Leases the notices due now to this worker. */
  private claim(): Promise<OutboxNotice[]> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + leaseMs(this.config.timeoutMs)).toISOString();
    return claimDueNotices(this.store.db, now.toISOString(), leaseUntil, BATCH);
  }

  private async sendAll(claimed: readonly OutboxNotice[]): Promise<number> {
    await Promise.all(claimed.map((notice) => this.send(notice)));
    return claimed.length;
  }

  /** Until the next notice is due, at most MAX_SLEEP_MS. */
  private async untilNextDue(): Promise<number> {
    const due = await nextDueAt(this.store.db);
    return due === undefined ? MAX_SLEEP_MS : Math.max(10, Math.min(MAX_SLEEP_MS, Date.parse(due) - Date.now()));
  }

  /** The pickup code of a platform pickup order's ready notice, made again from the order's id. */
  private async extrasFor(notice: OutboxNotice): Promise<NoticeExtras> {
    if (notice.kind !== 'ready-for-pickup' || !CODES_MADE_HERE.has(notice.target)) return {};
    // The payload is what outbox-notices.ts enqueued; a delivery order has no code to show.
    if ((JSON.parse(notice.payloadJson) as Pick<NoticePayload, 'fulfilment'>).fulfilment !== 'pickup') return {};
    this.pickupCodeKey ??= await loadPickupCodeKey(this.store.db);
    return { pickupCode: platformPickupCode(this.pickupCodeKey, notice.orderId) };
  }

  private async send(notice: OutboxNotice): Promise<void> {
    const sender = senderFor(notice.target, this.config);
    const result = sender === undefined ? { ok: false, status: null, error: `no ${notice.target} notice target is configured on this server` } : await sender(notice, await this.extrasFor(notice));
    const now = new Date();
    if (result.ok) {
      await markDelivered(this.store.db, notice.id, result.status ?? 200, now.toISOString());
      this.log.info({ noticeId: notice.id, target: notice.target, kind: notice.kind, orderId: notice.orderId, attempts: notice.attempts }, 'notice delivered');
      return;
    }
    const next = new Date(now.getTime() + backoffMs(this.config.retryBaseMs, notice.attempts)).toISOString();
    await markFailed(this.store.db, notice, { status: result.status, error: result.error ?? 'failed' }, next, now.toISOString());
    this.log.warn({ noticeId: notice.id, target: notice.target, kind: notice.kind, attempts: notice.attempts, status: result.status, error: result.error, nextAttemptAt: next }, 'notice not delivered; will retry');
  }
}
