/*
 * RxDB's replication protocol over HTTP (README "Sync protocol (v1)"), for the device's own store:
 *   GET  /api/v1/sync/:collection/pull?id=&seq=&limit=  -> 200 {documents, checkpoint}
 *   POST /api/v1/sync/:collection/push  [{assumedMasterState, newDocumentState}] -> 200 [conflicting masters]
 * Pull answers are built from the stored JSON text (visible-documents.ts): no parse and re-serialise on
 * the hot path of a new tablet's 100,000-product catalog. A push is checked whole (push-rows.ts: shape,
 * schema and owner of every row, card numbers masked), then decided and written in one transaction
 * (push-batch.ts); its change events go out with the commit.
 * Unknown collection 404; server-owned collections (products, balances, config) refuse pushes with 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import { collectionNames } from '../../../src/data/schemas/index.ts';
import type { CollectionName } from '../../../src/data/schemas/index.ts';
import { HttpError } from '../http-error.ts';
import { decodeRequestBody } from '../plugins/request-encoding.ts';
import { readVisibleRows } from '../store/visible-documents.ts';
import { pushBatch } from '../policies/push-batch.ts';
import { isPushedCollection, readPushRows } from '../policies/push-rows.ts';
import type { PushRowInput } from '../policies/push-rows.ts';

export const MAX_PULL_LIMIT = 20_000;
export const MAX_PUSH_ROWS = 5000;
export const PUSH_BODY_LIMIT = 20 * 1024 * 1024;

const collectionParamsSchema = {
  type: 'object',
  properties: { collection: { type: 'string', maxLength: 64 } },
  required: ['collection'],
} as const;

const pullQuerySchema = {
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200, default: '' },
    seq: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PULL_LIMIT, default: 1000 },
  },
  additionalProperties: false,
} as const;

const pushBodySchema = {
  type: 'array',
  maxItems: MAX_PUSH_ROWS,
  items: {
    type: 'object',
    properties: {
      assumedMasterState: { anyOf: [{ type: 'object' }, { type: 'null' }] },
      newDocumentState: { type: 'object' },
    },
    required: ['newDocumentState'],
    additionalProperties: false,
  },
} as const;

function knownCollection(name: string): CollectionName {
  if (!(collectionNames as readonly string[]).includes(name)) {
    throw new HttpError(404, 'not_found', `No collection "${name}": the collections are ${collectionNames.join(', ')}`);
  }
  return name as CollectionName;
}

const replicationRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { collection: string }; Querystring: { id: string; seq: number; limit: number } }>(
    '/sync/:collection/pull',
    { schema: { params: collectionParamsSchema, querystring: pullQuerySchema } },
    async (request, reply) => {
      const collection = knownCollection(request.params.collection);
      const { id, seq, limit } = request.query;
      const rows = await readVisibleRows(app.store.db, { collection, storeId: request.device.storeId, afterSeq: seq, limit });
      const last = rows[rows.length - 1];
      const checkpoint = last !== undefined ? { id: last.id, seq: last.seq } : seq > 0 || id !== '' ? { id, seq } : null;
      let body = '{"documents":[';
      for (let i = 0; i < rows.length; i++) body += (i === 0 ? '' : ',') + rows[i]!.json;
      body += `],"checkpoint":${JSON.stringify(checkpoint)}}`;
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(body);
    },
  );

  app.post<{ Params: { collection: string }; Body: PushRowInput[] }>(
    '/sync/:collection/push',
    { bodyLimit: PUSH_BODY_LIMIT, preParsing: decodeRequestBody, schema: { params: collectionParamsSchema, body: pushBodySchema } },
    async (request, reply) => {
      const collection = knownCollection(request.params.collection);
      if (!isPushedCollection(collection)) {
        throw new HttpError(403, 'forbidden', `${collection} are written by the server only: devices pull them but cannot push them`);
      }
      // Server-Timing tells a device (and the bench) where a slow push went: receiving and parsing the body,
      // checking its rows, deciding and writing them.
      const received = reply.elapsedTime;
      const cpuAtStart = process.cpuUsage();
      const checked = readPushRows(collection, request.body, app.documentValidators[collection], request.device, request.bodyMayContainNul ?? true);
      const checkedAt = reply.elapsedTime;
      const result = await pushBatch(
        app.store,
        app.documents,
        checked,
        { storeId: request.device.storeId, deviceId: request.device.id, now: new Date(), noticeTargets: app.noticeTargets },
        { beforeCommit: (trx, events) => app.changeBus.announce(trx, events) },
      );
      if (result.conflicts.length > 0 || Object.keys(result.incidents).length > 0) {
        request.log.info(
          { collection, rows: checked.batch.rows.length, conflicts: result.conflicts.length, incidents: result.incidents },
          'push answered with conflicts or recorded incidents for a manager',
        );
      }
      // cpu: the process's CPU time while checking and writing (far below check + write: it waited for the
      // database or the machine); commit: the part of write spent committing (the log's sync to disk).
      const cpu = process.cpuUsage(cpuAtStart);
      const timing =
        `receive;dur=${received.toFixed(1)}, check;dur=${(checkedAt - received).toFixed(1)}, write;dur=${(reply.elapsedTime - checkedAt).toFixed(1)}, ` +
        `cpu;dur=${((cpu.user + cpu.system) / 1000).toFixed(1)}, commit;dur=${result.commitMs.toFixed(1)}`;
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('server-timing', timing)
        .send(`[${result.conflicts.join(',')}]`);
    },
  );
};

export default replicationRoutes;
