/*
 * POST /api/v1/orders/catch-up/woocommerce (holders of 'report.view', managers by default): pull the
 * WooCommerce orders changed since the last pull now (integrations/woocommerce-catch-up.ts), e.g. after the
 * server was unreachable: WooCommerce never retries a delivery.
 *   -> 200 {orders, kept, refused: [{orderId, problem}], after}; 503 when the WooCommerce REST API is not
 *      configured; 502 when WooCommerce did not answer as it should (its answer in the message).
 */
import type { FastifyPluginAsync } from 'fastify';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { HttpError } from '../http-error.ts';
import type { IntegrationsConfig } from '../integrations-config.ts';
import { catchUpWooCommerce } from '../integrations/woocommerce-catch-up.ts';
import { requirePermission } from '../plugins/authenticate.ts';

const ordersCatchUpRoutes: FastifyPluginAsync<{ notices: IntegrationsConfig['notices'] }> = async (app, options) => {
  app.post('/orders/catch-up/woocommerce', { preHandler: requirePermission(PERMISSIONS.viewReports, 'Pulling the online shop\'s orders') }, async () => {
    const woo = options.notices.woocommerce;
    if (woo === undefined) {
      throw new HttpError(503, 'not_configured', 'The WooCommerce REST API is not configured: set POS_WOOCOMMERCE_URL, POS_WOOCOMMERCE_CONSUMER_KEY and POS_WOOCOMMERCE_CONSUMER_SECRET');
    }
    try {
      return await catchUpWooCommerce(app.store.db, app.orderInbox, woo, options.notices.timeoutMs);
    } catch (error) {
      throw new HttpError(502, 'bad_gateway', `The catch-up pull failed: ${(error as Error).message}`);
    }
  });
};

export default ordersCatchUpRoutes;
