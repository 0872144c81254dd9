/*
 * GET /api/v1/incidents?kind=&limit= (holders of 'report.view', managers by default)
 *   -> 200 {incidents: [...]}, newest first: what the server flagged while accepting this store's documents
 *   (see store/incidents-repository.ts for the kinds).
 */
import type { FastifyPluginAsync } from 'fastify';
import { requirePermission } from '../plugins/authenticate.ts';
import { listIncidents } from '../store/incidents-repository.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';

const incidentsQuerySchema = {
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      enum: ['append-only-conflict', 'sale-mismatch', 'balance-overdraft', 'order-flag', 'card-number-masked', 'implausible-date', 'unproven-approval', 'customer-duplicate', 'customer-lookup', 'order-unknown-product', 'outbox-failing', 'bank-notice-unmatched', 'return-excess', 'return-rules', 'pickup-payment'],
    },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
  additionalProperties: false,
} as const;

const incidentsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { kind?: string; limit: number } }>(
    '/incidents',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Reading the incidents'), schema: { querystring: incidentsQuerySchema } },
    async (request) => ({
      incidents: await listIncidents(app.store.db, { storeId: request.device.storeId, kind: request.query.kind, limit: request.query.limit }),
    }),
  );
};

export default incidentsRoutes;
