/*
 * GET /api/v1/orders/:orderId/refunds (device token) -> 200 {refunds: [{id, returnNumber, amount, currency,
 *   state, attempts, createdAt, deliveredAt, reason?}]}: the online refunds asked of an order's shop
 *   (integrations/refunds), oldest first, so the returns desk can say whether the money went back. Amounts and
 *   states only: no error text of the platform, no other store's secrets; `reason` is only ever this server's
 *   own 'no platform connection configured' (refunds-without-connection.ts). An order without any: an empty list.
 */
import type { FastifyPluginAsync } from 'fastify';
import { ONLINE_REFUND } from '../integrations/refunds/refund-notices.ts';
import { NO_CONNECTION } from '../integrations/refunds/refunds-without-connection.ts';

const paramsSchema = {
  type: 'object',
  properties: { orderId: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['orderId'],
  additionalProperties: false,
} as const;

interface RefundPayload {
  returnNumber?: string;
  amount?: number;
  currency?: string;
}

const onlineRefundRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { orderId: string } }>('/orders/:orderId/refunds', { schema: { params: paramsSchema } }, async (request) => {
    const rows = await app.store.db
      .selectFrom('outbox')
      .select(['id', 'payload', 'state', 'attempts', 'created_at', 'delivered_at', 'last_error'])
      .where('order_id', '=', request.params.orderId)
      .where('kind', '=', ONLINE_REFUND)
      .orderBy('id')
      .limit(100)
      .execute();
    return {
      refunds: rows.map((row) => {
        // The payload is what refunds/refund-notices.ts enqueued.
        const payload = JSON.parse(row.payload) as RefundPayload;
        return {
          id: row.id,
          returnNumber: payload.returnNumber,
          amount: payload.amount,
          currency: payload.currency,
          state: row.state,
          attempts: Number(row.attempts),
          createdAt: row.created_at,
          deliveredAt: row.delivered_at,
          ...(row.state === 'failing' && row.last_error?.startsWith(NO_CONNECTION) === true ? { reason: NO_CONNECTION } : {}),
        };
      }),
    };
  });
};

export default onlineRefundRoutes;
