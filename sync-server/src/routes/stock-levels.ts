/*
 * Stock per product per store for the back office (issue 14), for holders of 'stock.manage':
 *   GET /api/v1/stock/levels?storeId=&q=&after=&limit=
 *     -> 200 {storeId, levels: [{productId, sku, name, unit, weighed, stock, updatedAt}], next}
 *     the store's stock balances page by page (by product id, `after` the last one read), or with `q` the
 *     products whose SKU or barcode is exactly q, with their stock (0 where the store never had any).
 *     storeId defaults to the manager's own store; any store of the chain may be read (to plan a transfer).
 *   GET /api/v1/stock/stores -> 200 {stores: [{id, name}]}: the chain's stores, where a transfer can go.
 * Stock is in thousandths of the unit, as the balances the server derives from the ledger.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ProductDocument } from '../../../src/data/schemas/types.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { balanceId } from '../policies/balances.ts';
import { findProductsByCodes } from '../store/product-codes.ts';
import { findStoreRecord, listStoreRecords } from '../store/stores-repository.ts';

const levelsQuery = {
  type: 'object',
  properties: {
    storeId: { type: 'string', minLength: 1, maxLength: 64 },
    q: { type: 'string', maxLength: 64 },
    after: { type: 'string', maxLength: 64 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

interface LevelsQuery {
  storeId?: string;
  q?: string;
  after?: string;
  limit: number;
}

const stockLevelRoutes: FastifyPluginAsync = async (app) => {
  const mayManageStock = requirePermission(PERMISSIONS.manageStock, 'Reading stock levels');

  app.get<{ Querystring: LevelsQuery }>('/stock/levels', { preHandler: mayManageStock, schema: { querystring: levelsQuery } }, async (request) => {
    const { q, after, limit } = request.query;
    const storeId = request.query.storeId ?? request.device.storeId;
    if (storeId !== request.device.storeId && (await findStoreRecord(app.store.db, storeId)) === undefined) {
      throw new HttpError(404, 'not_found', `The chain has no store ${storeId}`);
    }
    const level = (product: ProductDocument, stock: { value: number; updatedAt: string } | undefined) => ({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      weighed: product.weighed,
      stock: stock?.value ?? 0,
      updatedAt: stock?.updatedAt ?? null,
    });
    const search = q?.trim() ?? '';
    if (search !== '') {
      const found = await findProductsByCodes(app.store.db, app.store.kind, [search], [search]);
      const products = [...new Map([...found.bySku.values(), ...found.byBarcode.values()].map((p) => [p.id, p])).values()];
      const balances = await app.documents.getMany(app.store.db, 'balances', products.map((p) => balanceId('stock', storeId, p.id)));
      return { storeId, levels: products.map((p) => level(p, balances.get(balanceId('stock', storeId, p.id))?.body)), next: null };
    }
    let rows = app.store.db
      .selectFrom('balances')
      .select(['ref_id', 'value', 'updated_at'])
      .where('store_id', '=', storeId)
      .where('kind', '=', 'stock')
      .orderBy('ref_id')
      .limit(limit);
    if (after !== undefined && after !== '') rows = rows.where('ref_id', '>', after);
    const balances = await rows.execute();
    const products = await app.documents.getMany(app.store.db, 'products', balances.map((b) => b.ref_id));
    const levels = balances.flatMap((b) => {
      const product = products.get(b.ref_id);
      return product === undefined || product.deleted ? [] : [level(product.body, { value: Number(b.value), updatedAt: b.updated_at })];
    });
    return { storeId, levels, next: balances.length === limit ? balances[balances.length - 1]!.ref_id : null };
  });

  app.get('/stock/stores', { preHandler: mayManageStock }, async () => ({
    stores: (await listStoreRecords(app.store.db)).map((s) => ({ id: s.id, name: s.name })),
  }));
};

export default stockLevelRoutes;
