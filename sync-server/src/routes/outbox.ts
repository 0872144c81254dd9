/*
 * GET /api/v1/outbox?state=pending|failing|delivered&limit= (holders of 'report.view', managers by default)
 *   -> 200 {notices: [{id, orderId, number, target, kind, state, attempts, nextAttemptAt, lastStatus, lastError,
 *      createdAt, deliveredAt}]}, newest first: the notices back to the shops about this store's orders
 *   (integrations/outbox-worker.ts). `failing` lists those that failed 5 times or more and are still retried.
 */
import type { FastifyPluginAsync } from 'fastify';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { listNotices } from '../store/outbox-repository.ts';

const outboxQuerySchema = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['pending', 'failing', 'delivered'] },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
  additionalProperties: false,
} as const;

const outboxRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { state?: string; limit: number } }>(
    '/outbox',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Reading the notices to the online shops'), schema: { querystring: outboxQuerySchema } },
    async (request) => {
      const notices = await listNotices(app.store.db, { storeId: request.device.storeId, state: request.query.state, limit: request.query.limit });
      return {
        notices: notices.map((n) => ({
          id: n.id,
          orderId: n.orderId,
          number: (JSON.parse(n.payloadJson) as { number?: string }).number,
          target: n.target,
          kind: n.kind,
          state: n.state,
          attempts: n.attempts,
          nextAttemptAt: n.nextAttemptAt,
          lastStatus: n.lastStatus,
          lastError: n.lastError,
          createdAt: n.createdAt,
          deliveredAt: n.deliveredAt,
        })),
      };
    },
  );
};

export default outboxRoutes;
