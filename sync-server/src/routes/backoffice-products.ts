/*
 * The back office's products (holders of 'catalog.manage', managers by default; a staff token):
 *   GET  /api/v1/backoffice/products?q=&offset=&limit=  -> 200 {products, total, offset, limit}: the catalog
 *        in creation order, or the products whose SKU or a barcode contains q, or whose name contains it
 *        (diacritics ignored);
 *   POST /api/v1/backoffice/products {sku, name, price, taxClassId, barcodes?, unit?, weighed?, category?,
 *        active?} -> 201 {product};
 *   PUT  /api/v1/backoffice/products/:id {the same, sku unchanged, expectedUpdatedAt?} -> 200 {product, changed};
 *   422 {errors: [{field, message}]} says every field that is wrong (the catalog import's rules and messages,
 *   in Vietnamese when Accept-Language ranks vi first), a barcode another product has among them; 404 an
 *   unknown id; 409 an edit of a copy older than the stored product.
 * Writes reach every tablet through sync like an import's (backoffice/product-edits.ts), and each leaves an
 * audit entry in the manager's store: who, when, and each field from what to what.
 */
import type { FastifyPluginAsync } from 'fastify';
import { importLanguage } from '../../../src/domain/catalog-import-messages.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { findProducts, saveProduct } from '../backoffice/product-edits.ts';
import type { ProductForm } from '../backoffice/product-edits.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';

const MAX_PAGE = 100;

const formProperties = {
  sku: { type: 'string', maxLength: 200 },
  name: { type: 'string', maxLength: 1000 },
  price: { anyOf: [{ type: 'integer' }, { type: 'number' }, { type: 'string', maxLength: 40 }] },
  taxClassId: { type: 'string', maxLength: 100 },
  barcodes: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 } },
  unit: { type: 'string', enum: ['pcs', 'kg'] },
  weighed: { type: 'boolean' },
  category: { anyOf: [{ type: 'string', maxLength: 1000 }, { type: 'null' }] },
  image: { anyOf: [{ type: 'string', maxLength: 4000 }, { type: 'null' }] },
  active: { type: 'boolean' },
} as const;

const createSchema = {
  type: 'object',
  properties: formProperties,
  required: ['sku', 'name', 'price', 'taxClassId'],
  additionalProperties: false,
} as const;

const editSchema = {
  type: 'object',
  properties: { ...formProperties, expectedUpdatedAt: { type: 'string', maxLength: 40 } },
  required: ['sku', 'name', 'price', 'taxClassId'],
  additionalProperties: false,
} as const;

const findSchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
  },
  additionalProperties: false,
} as const;

const backOfficeProductRoutes: FastifyPluginAsync = async (app) => {
  const mayManage = requirePermission(PERMISSIONS.manageCatalog, 'Managing products');

  const taxClassesOf = async (storeId: string) => {
    const config = await app.documents.get('config', storeId);
    if (config === undefined) throw new HttpError(409, 'conflict', `The store ${storeId} has no configuration yet, so its tax classes are unknown: create it with the admin command`);
    return config.body.taxClasses;
  };
  const editorOf = (request: { device: { id: string; storeId: string }; staff: { staffId: string } | null }) => ({
    storeId: request.device.storeId,
    deviceId: request.device.id,
    // requirePermission refused any request without a staff session.
    staffId: request.staff?.staffId ?? '',
  });

  app.get<{ Querystring: { q?: string; offset?: number; limit?: number } }>(
    '/backoffice/products',
    { schema: { querystring: findSchema }, preHandler: mayManage },
    async (request) => findProducts(app.store, request.query.q ?? '', request.query.offset ?? 0, request.query.limit ?? 25),
  );

  app.post<{ Body: ProductForm }>('/backoffice/products', { schema: { body: createSchema }, preHandler: mayManage }, async (request, reply) => {
    const result = await saveProduct(app.store, app.documents, app.changeBus, {
      form: request.body,
      taxClasses: await taxClassesOf(request.device.storeId),
      language: importLanguage(request.headers['accept-language']),
      editor: editorOf(request),
    });
    if (!result.ok) return reply.code(result.status).send({ error: 'invalid_product', message: result.errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors: result.errors });
    request.log.info({ productId: result.product.id, by: request.staff?.staffId }, 'product created');
    return reply.code(201).send({ product: result.product });
  });

  app.put<{ Params: { id: string }; Body: ProductForm & { expectedUpdatedAt?: string } }>(
    '/backoffice/products/:id',
    { schema: { body: editSchema }, preHandler: mayManage },
    async (request, reply) => {
      const { expectedUpdatedAt, ...form } = request.body;
      const result = await saveProduct(app.store, app.documents, app.changeBus, {
        id: request.params.id,
        form,
        taxClasses: await taxClassesOf(request.device.storeId),
        language: importLanguage(request.headers['accept-language']),
        editor: editorOf(request),
        ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }),
      });
      if (!result.ok) {
        const code = result.status === 404 ? 'not_found' : result.status === 409 ? 'conflict' : 'invalid_product';
        return reply.code(result.status).send({ error: code, message: result.errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors: result.errors });
      }
      if (result.changed) request.log.info({ productId: result.product.id, by: request.staff?.staffId }, 'product edited');
      return { product: result.product, changed: result.changed };
    },
  );
};

export default backOfficeProductRoutes;
