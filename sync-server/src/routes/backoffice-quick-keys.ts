/*
 * The store's quick keys (the counter's favourites: product ids, in order, first on its product grid), set in
 * the back office by holders of 'catalog.manage' (managers by default; a staff token), for the store the
 * session was opened at:
 *   GET /api/v1/backoffice/quick-keys -> 200 {productIds, updatedAt}
 *   PUT /api/v1/backoffice/quick-keys {productIds, expectedUpdatedAt?} -> 200 {productIds, updatedAt, changed}
 *   400 a body of the wrong shape (more than MAX_QUICK_KEYS ids, an id twice), 422 {error, message, unknown}
 *   ids that name no product of the catalog, 409 a list read before the config last changed.
 * A change is the config document with a new seq (its `quickKeys`), announced to the store's tablets, whose
 * counters show the store's new list at once (it wins over a list a manager kept on one tablet,
 * src/domain/quick-keys.ts), and an audit entry with the list before and after.
 */
import type { FastifyPluginAsync } from 'fastify';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { MAX_QUICK_KEYS, quickKeysOf } from '../../../src/domain/quick-keys.ts';
import { writeStoreConfig } from '../backoffice/store-config-write.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';

const putSchema = {
  type: 'object',
  properties: {
    productIds: { type: 'array', maxItems: MAX_QUICK_KEYS, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } },
    expectedUpdatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['productIds'],
  additionalProperties: false,
} as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

const backOfficeQuickKeysRoutes: FastifyPluginAsync = async (app) => {
  const mayManage = requirePermission(PERMISSIONS.manageCatalog, "Setting the store's quick keys");
  const noConfig = (storeId: string) => new HttpError(409, 'conflict', `The store ${storeId} has no configuration yet: create it with the admin command`);

  app.get('/backoffice/quick-keys', { preHandler: mayManage }, async (request) => {
    const config = await app.documents.get('config', request.device.storeId);
    if (config === undefined) throw noConfig(request.device.storeId);
    return { productIds: quickKeysOf(config.body.quickKeys), updatedAt: config.body.updatedAt };
  });

  app.put<{ Body: { productIds: string[]; expectedUpdatedAt?: string } }>('/backoffice/quick-keys', { schema: { body: putSchema }, preHandler: mayManage }, async (request, reply) => {
    const { storeId } = request.device;
    const { productIds, expectedUpdatedAt } = request.body;
    const found = await app.documents.getMany(app.store.db, 'products', productIds);
    const unknown = productIds.filter((id) => found.get(id)?.body === undefined);
    if (unknown.length > 0) {
      return reply.code(422).send({ error: 'unknown_products', message: `No product of the catalog has the id ${unknown.join(', ')}: a quick key names a product id`, unknown });
    }
    const now = new Date();
    const outcome = await app.store.db.transaction().execute(async (trx) => {
      await lockSequenceCounter(trx);
      const current = (await app.documents.getMany(trx, 'config', [storeId])).get(storeId)?.body;
      if (current === undefined) throw noConfig(storeId);
      if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) {
        throw new HttpError(409, 'conflict', `The store's config was changed at ${current.updatedAt} since these quick keys were read (${expectedUpdatedAt}): open them again`);
      }
      const before = quickKeysOf(current.quickKeys);
      if (sameList(before, productIds)) return { config: current, changed: false };
      const next = { ...current, quickKeys: [...productIds], updatedAt: now.toISOString() };
      await writeStoreConfig(
        trx,
        app,
        storeId,
        next,
        { deviceId: request.device.id, staffId: request.staff?.staffId ?? '', action: 'quick_keys.edit', details: { before, after: [...productIds] } },
        now,
      );
      request.log.info({ storeId, by: request.staff?.staffId, count: productIds.length }, 'quick keys changed');
      return { config: next, changed: true };
    });
    return { productIds: quickKeysOf(outcome.config.quickKeys), updatedAt: outcome.config.updatedAt, changed: outcome.changed };
  });
};

export default backOfficeQuickKeysRoutes;
