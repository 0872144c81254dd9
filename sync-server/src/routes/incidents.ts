/*
 * The store's incidents, for holders of 'report.view' (managers by default; a staff token):
 *   GET /api/v1/incidents?kind=&handled=&limit=
 *     -> 200 {incidents: [...]}, newest first: what the server flagged while accepting this store's documents
 *     (see store/incidents-repository.ts for the kinds); `handled=false` only those still to look at,
 *     `handled=true` only those a manager marked handled; each handled one carries {at, by, byName, note?}.
 *   POST /api/v1/incidents/:id/handled {note?} -> 200 {incident}: the manager marks it handled, with an audit
 *     entry ('incident.handled') in the same transaction; 404 an id that names no incident of this store,
 *     409 {handled} one already marked (by whom, when).
 */
import type { FastifyPluginAsync } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntryDocument } from '../../../src/data/schemas/types.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { listIncidents, markIncidentHandled } from '../store/incidents-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';

const incidentsQuerySchema = {
  type: 'object',
  properties: {
    kind: {
      type: 'string',
      enum: ['append-only-conflict', 'sale-mismatch', 'balance-overdraft', 'order-flag', 'card-number-masked', 'implausible-date', 'unproven-approval', 'customer-duplicate', 'customer-lookup', 'order-unknown-product', 'outbox-failing', 'bank-notice-unmatched', 'return-excess', 'return-rules', 'pickup-payment'],
    },
    handled: { type: 'boolean' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
  additionalProperties: false,
} as const;

const handledParamsSchema = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['id'],
} as const;

const handledBodySchema = {
  type: 'object',
  properties: { note: { type: 'string', maxLength: 500 } },
  additionalProperties: false,
} as const;

const incidentsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { kind?: string; handled?: boolean; limit: number } }>(
    '/incidents',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Reading the incidents'), schema: { querystring: incidentsQuerySchema } },
    async (request) => ({
      incidents: await listIncidents(app.store.db, { storeId: request.device.storeId, kind: request.query.kind, handled: request.query.handled, limit: request.query.limit }),
    }),
  );

  app.post<{ Params: { id: string }; Body: { note?: string } }>(
    '/incidents/:id/handled',
    { preHandler: requirePermission(PERMISSIONS.viewReports, 'Marking an incident handled'), schema: { params: handledParamsSchema, body: handledBodySchema } },
    async (request, reply) => {
      const { storeId } = request.device;
      const { id } = request.params;
      const staffId = request.staff?.staffId ?? '';
      const note = request.body.note?.trim() || undefined;
      const config = await app.documents.get('config', storeId);
      const staffName = config?.body.staff.find((member) => member.id === staffId)?.name ?? staffId;
      const now = new Date();
      const outcome = await app.store.db.transaction().execute(async (trx) => {
        // The documents' order of locks: the sequence counter first, as every write of documents takes it.
        await lockSequenceCounter(trx);
        const marked = await markIncidentHandled(trx, { id, storeId, staffId, staffName, note, now: now.toISOString() });
        if (marked.kind !== 'marked') return marked;
        const audit: AuditEntryDocument = {
          id: uuidv7(),
          storeId,
          deviceId: request.device.id,
          action: 'incident.handled',
          staffId,
          subjectId: id,
          details: { kind: marked.incident.kind, collection: marked.incident.collection, documentId: marked.incident.documentId, ...(note === undefined ? {} : { note }) },
          createdAt: now.toISOString(),
        };
        const written = await app.documents.putInTransaction(trx, [{ collection: 'audit', id: audit.id, storeId, body: audit, isNew: true }], now);
        await app.changeBus.announce(trx, [{ collection: 'audit', storeIds: [storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq }]);
        return marked;
      });
      switch (outcome.kind) {
        case 'unknown':
          throw new HttpError(404, 'not_found', `No incident has the id ${id}: open the list of incidents again`);
        case 'other-store':
          throw new HttpError(404, 'not_found', `The incident ${id} is not one of store ${storeId}'s incidents: a manager marks only their own store's incidents`);
        case 'already-handled':
          return reply.code(409).send({
            error: 'conflict',
            message: `The incident ${id} was already marked handled by ${outcome.handled.byName || outcome.handled.by} at ${outcome.handled.at}`,
            handled: outcome.handled,
          });
        case 'marked':
          request.log.info({ storeId, incident: id, by: staffId }, 'incident marked handled');
          return { incident: outcome.incident };
      }
    },
  );
};

export default incidentsRoutes;
