/*
 * The background workers of the online-orders integrations, one each per app: the order inbox worker
 * (platform deliveries applied after their webhook answered), the pickup-code worker (the slow hash of each
 * platform pickup order's code, after the inbox wrote it) and the outbox worker (notices back to the
 * shop platforms). They start when the server is ready and stop, in-flight work finished, before the
 * database closes. The inbox runs only when some platform webhook is configured; the outbox only when some
 * notice target is (config: integrations-config.ts); the hourly pruning of their tables and of the bank
 * notices always (retention-pruning.ts: bank notices need no platform, a refund is enqueued without one).
 * Routes reach them as `app.orderInbox` and `app.outbox` (tests the pruning as `app.pruning`); the push of
 * order events learns where notices can go from `app.noticeTargets`.
 */
import fp from 'fastify-plugin';
import type { IntegrationsConfig, NoticeTarget } from '../integrations-config.ts';
import { noticeTargets } from '../integrations-config.ts';
import { OrderInbox } from '../integrations/order-inbox.ts';
import { OutboxWorker } from '../integrations/outbox-worker.ts';
import { RefundsWithoutConnection } from '../integrations/refunds/refunds-without-connection.ts';
import { PickupCodeKeeper } from '../integrations/pickup-code-keeper.ts';
import { RetentionPruning } from '../integrations/retention-pruning.ts';
import { catchUpWooCommerce } from '../integrations/woocommerce-catch-up.ts';

declare module 'fastify' {
  interface FastifyInstance {
    orderInbox: OrderInbox;
    pickupCodes: PickupCodeKeeper;
    outbox: OutboxWorker;
    pruning: RetentionPruning;
    noticeTargets: ReadonlySet<NoticeTarget>;
  }
}

export default fp<{ config: IntegrationsConfig }>(
  async function integrations(app, options) {
    const inbox = new OrderInbox(app.store, app.documents, app.changeBus, app.log);
    const targets = noticeTargets(options.config);
    const outbox = new OutboxWorker(app.store, options.config.notices, app.log);
    // No target at all: no worker; an online refund is shown failing at once rather than pending forever.
    const refundsNowhere = targets.size === 0 ? new RefundsWithoutConnection(app.store.db, app.log) : undefined;
    const pickupCodes = new PickupCodeKeeper(app.store, app.documents, app.changeBus, app.log);
    app.decorate('orderInbox', inbox);
    app.decorate('pickupCodes', pickupCodes);
    app.decorate('outbox', outbox);
    const pruning = new RetentionPruning(app.store.db, app.log);
    app.decorate('pruning', pruning);
    app.decorate('noticeTargets', targets);
    const inboxNeeded = Object.values(options.config.webhookSecrets).some((secrets) => secrets.length > 0);
    const inboxRuns = inboxNeeded || options.config.wooCommerceCatchUpMinutes !== undefined;
    // A push that changed orders may have enqueued notices, one of returns online refunds: the bus tells every instance.
    const unsubscribe = app.changeBus.subscribe((message) => {
      if (message.type === 'change' && message.event.collection === 'sales') {
        outbox.wake();
        refundsNowhere?.look();
      }
      if (message.type === 'change' && message.event.collection === 'orders') {
        outbox.wake();
        if (inboxRuns) pickupCodes.wake();
      }
    });
    // WooCommerce never retries a delivery: pull what changed, every few minutes when configured.
    let catchUp: NodeJS.Timeout | undefined;
    const woo = options.config.notices.woocommerce;
    const minutes = options.config.wooCommerceCatchUpMinutes;
    app.addHook('onReady', async () => {
      if (inboxRuns) {
        inbox.start();
        pickupCodes.start();
      }
      if (targets.size > 0) outbox.start();
      pruning.start();
      refundsNowhere?.look();
      if (woo !== undefined && minutes !== undefined) {
        catchUp = setInterval(() => {
          catchUpWooCommerce(app.store.db, inbox, woo, options.config.notices.timeoutMs).then(
            (result) => app.log.info(result, 'WooCommerce catch-up pull done'),
            (error: unknown) => app.log.warn({ err: error }, 'WooCommerce catch-up pull failed; trying again at the next one'),
          );
        }, minutes * 60_000);
        catchUp.unref();
      }
    });
    app.addHook('preClose', async () => {
      clearInterval(catchUp);
      unsubscribe();
      await Promise.all([inbox.stop(), pickupCodes.stop(), outbox.stop(), pruning.stop(), refundsNowhere?.idle()]);
    });
  },
  { name: 'integrations', fastify: '5.x', dependencies: ['store', 'sync'] },
);
