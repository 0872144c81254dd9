/*
 * buildApp(config) -> the Fastify instance: the API and the PWA from one origin.
 * Start-up order is explicit, as in fastify/demo: first how the server answers in general (errors and
 * body parsing, security headers), then the app's own plugins (the database, the sync machinery), then
 * the routes, and the static app last so that every API route is known before the catch-all file route.
 * Routes come in two subtrees under /api/v1: public ones (health, enrolment, the orders webhooks and bank
 * notices, each with its own signature check) and everything else, behind
 * one authentication hook (plugins/authenticate.ts); routes for some staff only add requirePermission.
 * Tests call buildApp and use inject() or listen on port 0; main adds listening and shutdown.
 */
import { readFileSync } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import errors, { formatSchemaErrors } from './plugins/errors.ts';
import integrations from './plugins/integrations.ts';
import orderSigning from './plugins/order-signing.ts';
import rateLimit from './plugins/rate-limit.ts';
import securityHeaders from './plugins/security-headers.ts';
import staticApp from './plugins/static-app.ts';
import storePlugin from './plugins/store.ts';
import validation from './plugins/validation.ts';
import authenticate from './plugins/authenticate.ts';
import bankNoticeRoutes from './routes/bank-notices.ts';
import paymentsRoutes from './routes/payments.ts';
import syncPlugin from './plugins/sync.ts';
import catalogImportRoutes from './routes/catalog-import.ts';
import backOfficeProductRoutes from './routes/backoffice-products.ts';
import backOfficeStaffRoutes from './routes/backoffice-staff.ts';
import backOfficeSettingsRoutes from './routes/backoffice-settings.ts';
import backOfficeQuickKeysRoutes from './routes/backoffice-quick-keys.ts';
import customersSearchRoutes from './routes/customers-search.ts';
import devicesRoutes from './routes/devices.ts';
import enrollRoutes from './routes/enroll.ts';
import enrollmentCodeRoutes from './routes/enrollment-code.ts';
import exportRoutes from './routes/export-sales.ts';
import healthRoutes from './routes/health.ts';
import incidentsRoutes from './routes/incidents.ts';
import ordersCatchUpRoutes from './routes/orders-catch-up.ts';
import ordersWebhookRoutes from './routes/orders-webhook.ts';
import outboxRoutes from './routes/outbox.ts';
import onlineRefundRoutes from './routes/online-refunds.ts';
import platformWebhookRoutes from './routes/orders-platform-webhooks.ts';
import packingSlipRoutes from './routes/packing-slips.ts';
import purchasesRoutes from './routes/purchases.ts';
import giftCardRoutes from './routes/gift-cards.ts';
import staffSessionRoutes from './routes/staff-sessions.ts';
import stockRoutes from './routes/stock-routes.ts';
import reportsDayRoutes from './routes/reports-day.ts';
import reportsDashboardRoutes from './routes/reports-dashboard.ts';
import replicationRoutes from './routes/sync-replication.ts';
import streamRoutes from './routes/sync-stream.ts';
import { migrateToLatest } from './store/migrations.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/open-store.ts';
import { serverVersion } from './version.ts';

/** Largest request body by default; a route that needs more (a sync push) sets its own bodyLimit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface AppDependencies {
  /** An open, migrated store. Without one, buildApp opens and migrates it and closes it with the app. */
  store?: Store;
  /** A pino logger to use instead of one built from config.logLevel (tests read the log through it). */
  logger?: FastifyBaseLogger;
}

export async function buildApp(config: ServerConfig, deps: AppDependencies = {}): Promise<FastifyInstance> {
  const options = {
    ...(deps.logger
      ? { loggerInstance: deps.logger }
      : { logger: { level: config.logLevel, redact: ['req.headers.authorization'] } }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    schemaErrorFormatter: formatSchemaErrors,
    trustProxy: config.trustProxy,
  } satisfies FastifyServerOptions;
  // An HTTPS server is an HTTP server to everything registered below (node's https.Server extends http.Server).
  const app: FastifyInstance = config.tls
    ? Fastify<HttpsServer>({ ...options, https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } })
    : Fastify(options);

  let store = deps.store;
  const ownsStore = store === undefined;
  if (store === undefined) {
    store = await openStore(config, { onBackgroundError: (err) => app.log.error({ err }, 'database connection error') });
    try {
      await migrateToLatest(store);
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  // 1. How the server answers: errors, body parsing, validation, headers.
  await app.register(errors);
  await app.register(validation);
  await app.register(securityHeaders, { tls: config.tls !== undefined });
  // 2. The app's own plugins.
  await app.register(storePlugin, { store, closeWithApp: ownsStore });
  await app.register(rateLimit);
  await app.register(syncPlugin, {
    databaseUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
    heartbeatMs: config.sseHeartbeatMs,
  });
  await app.register(orderSigning);
  await app.register(integrations, { config: config.integrations });
  // 3. Routes: public, then everything behind the bearer token.
  await app.register(healthRoutes, { prefix: '/api/v1', version: serverVersion });
  await app.register(enrollRoutes, { prefix: '/api/v1' });
  await app.register(ordersWebhookRoutes, { prefix: '/api/v1', secret: config.webhookSecret });
  await app.register(platformWebhookRoutes, { prefix: '/api/v1', secrets: config.integrations.webhookSecrets, haravanVerifyTokens: config.integrations.haravanVerifyTokens });
  await app.register(bankNoticeRoutes, { prefix: '/api/v1', ...config.integrations.bank });
  await app.register(
    async (api) => {
      await api.register(authenticate);
      await api.register(staffSessionRoutes, { pinLockoutMs: config.pinLockoutMs, staffSessionMs: config.staffSessionMs });
      await api.register(replicationRoutes);
      await api.register(streamRoutes);
      await api.register(customersSearchRoutes);
      await api.register(packingSlipRoutes);
      await api.register(purchasesRoutes);
      await api.register(onlineRefundRoutes);
      await api.register(giftCardRoutes);
      await api.register(paymentsRoutes);
      // For holders of a permission in the store's config (requirePermission on each route).
      await api.register(devicesRoutes);
      await api.register(enrollmentCodeRoutes);
      await api.register(incidentsRoutes);
      await api.register(outboxRoutes);
      await api.register(ordersCatchUpRoutes, { notices: config.integrations.notices });
      await api.register(exportRoutes);
      await api.register(reportsDayRoutes);
      await api.register(reportsDashboardRoutes);
      await api.register(catalogImportRoutes);
      await api.register(stockRoutes);
      await api.register(backOfficeProductRoutes);
      await api.register(backOfficeStaffRoutes);
      await api.register(backOfficeSettingsRoutes);
      await api.register(backOfficeQuickKeysRoutes);
    },
    { prefix: '/api/v1' },
  );
  // 4. The PWA, last: its catch-all GET route must not shadow an API route.
  await app.register(staticApp, { root: config.staticDir });
  return app;
}
