/*
 * The back office's stock operations on the signed-in manager's store (issue 14), for holders of
 * 'stock.manage' (managers by default), each with a client-given `id` (UUIDv7 or any 8 to 64 letters,
 * digits, - and _): sending it again is answered with the first answer and writes nothing more.
 *   POST /api/v1/stock/receivings   {id, supplier, lines: [{sku, quantity, unitCost}], note?}
 *        goods in from a supplier: 'receiving' entries; -> 201 {id, kind, supplier, lines: [{..., productId,
 *        name, cost, stock}], totalCost}
 *   POST /api/v1/stock/adjustments  {id, reason: damage|loss|count, lines: [{sku, delta}], note?}
 *        -> 201 {id, kind, reason, lines: [{..., productId, name, stock}]}
 *   POST /api/v1/stock/counts/preview {lines: [{sku, counted}]}
 *        -> 200 {lines: [{sku, productId, name, expected, counted, variance}], summary}: nothing written
 *   POST /api/v1/stock/counts       {id, lines: [{sku, counted}], note?}
 *        -> 201 the same, the variances decided against the stock at that moment and written as 'count'
 *        adjustments (a product counted as the books say writes nothing)
 * A repeat of an id answers 200 with the stored answer; the id used for another request answers 409.
 * Quantities, deltas and counts are integer thousandths of the unit; unitCost is minor units per unit.
 * A bad line is 422 {errors: [{line, field, message}]} (line counts the request's lines from 1) and
 * nothing is written.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ProductDocument } from '../../../src/data/schemas/types.ts';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { countAdjustments, countSummary, countVariances } from '../../../src/domain/stock-count.ts';
import type { CountVariance } from '../../../src/domain/stock-count.ts';
import { checkStockLines, LINE_RULES, MAX_STOCK_LINES, receivedLineCost, STOCK_REASONS } from '../../../src/domain/stock-operations.ts';
import type { AdjustmentRequest, CountLine, CountRequest, ReceivingRequest, StockLineProblem } from '../../../src/domain/stock-operations.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { applyStockOperation, findLineProducts, readOnHand } from '../stock/apply-stock-operation.ts';
import type { StockContext } from '../stock/apply-stock-operation.ts';

export const operationIdSchema = { type: 'string', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;
const skuSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
const quantitySchema = { type: 'integer' } as const;
const noteSchema = { type: 'string', maxLength: 500 } as const;
const linesOf = (properties: Record<string, object>) =>
  ({
    type: 'array',
    maxItems: MAX_STOCK_LINES,
    items: { type: 'object', additionalProperties: false, required: Object.keys(properties), properties },
  }) as const;

const receivingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'supplier', 'lines'],
  properties: {
    id: operationIdSchema,
    supplier: { type: 'string', minLength: 1, maxLength: 200 },
    lines: linesOf({ sku: skuSchema, quantity: quantitySchema, unitCost: { type: 'integer' } }),
    note: noteSchema,
  },
} as const;
const adjustmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'reason', 'lines'],
  properties: {
    id: operationIdSchema,
    reason: { type: 'string', enum: ['damage', 'loss', 'count'] },
    lines: linesOf({ sku: skuSchema, delta: quantitySchema }),
    note: noteSchema,
  },
} as const;
const countLines = linesOf({ sku: skuSchema, counted: quantitySchema });
const countSchema = { type: 'object', additionalProperties: false, required: ['id', 'lines'], properties: { id: operationIdSchema, lines: countLines, note: noteSchema } } as const;
const previewSchema = { type: 'object', additionalProperties: false, required: ['lines'], properties: { lines: countLines } } as const;

/** The 422 of bad lines: each problem at its line and field, nothing written. */
export function refuseLines(reply: FastifyReply, problems: readonly StockLineProblem[]) {
  return reply.code(422).send({ error: 'invalid_lines', message: `${problems.length} problem(s) in the lines: nothing was written`, errors: problems });
}

const productOf = (bySku: Map<string, ProductDocument>, sku: string): ProductDocument => {
  const product = bySku.get(sku.trim());
  if (product === undefined) throw new Error(`SKU ${sku} was found before the transaction and is missing now`);
  return product;
};

export function contextOf(app: { store: StockContext['store']; documents: StockContext['documents']; changeBus: StockContext['bus'] }): StockContext {
  return { store: app.store, documents: app.documents, bus: app.changeBus };
}

const stockOperationRoutes: FastifyPluginAsync = async (app) => {
  const mayManageStock = requirePermission(PERMISSIONS.manageStock, 'Managing stock');
  const staffOf = (staff: { staffId: string } | null) => staff?.staffId ?? '';

  app.post<{ Body: ReceivingRequest }>('/stock/receivings', { preHandler: mayManageStock, schema: { body: receivingSchema } }, async (request, reply) => {
    const body = request.body;
    const problems = checkStockLines(body.lines, LINE_RULES.receiving);
    if (problems.length > 0) return refuseLines(reply, problems);
    const found = await findLineProducts(app.store, body.lines);
    if (!found.ok) return refuseLines(reply, found.problems);
    const { storeId } = request.device;
    const applied = await applyStockOperation(contextOf(app), { id: body.id, storeId, kind: 'receiving', toStoreId: null, staffId: staffOf(request.staff), request: body }, async () => ({
      movements: body.lines.map((line) => ({ storeId, productId: productOf(found.bySku, line.sku).id, delta: line.quantity, reason: STOCK_REASONS.receiving })),
      result: (stockAfter) => {
        const lines = body.lines.map((line) => {
          const product = productOf(found.bySku, line.sku);
          return { sku: product.sku, productId: product.id, name: product.name, quantity: line.quantity, unitCost: line.unitCost, cost: receivedLineCost(line.quantity, line.unitCost), stock: stockAfter(storeId, product.id) };
        });
        return { id: body.id, kind: 'receiving', supplier: body.supplier, lines, totalCost: lines.reduce((sum, line) => sum + line.cost, 0) };
      },
    }));
    request.log.info({ storeId, id: body.id, lines: body.lines.length, replayed: applied.replayed, by: request.staff?.staffId }, 'stock received');
    return reply.code(applied.replayed ? 200 : 201).send(applied.result);
  });

  app.post<{ Body: AdjustmentRequest }>('/stock/adjustments', { preHandler: mayManageStock, schema: { body: adjustmentSchema } }, async (request, reply) => {
    const body = request.body;
    const problems = checkStockLines(body.lines, LINE_RULES.adjustment);
    if (problems.length > 0) return refuseLines(reply, problems);
    const found = await findLineProducts(app.store, body.lines);
    if (!found.ok) return refuseLines(reply, found.problems);
    const { storeId } = request.device;
    const applied = await applyStockOperation(contextOf(app), { id: body.id, storeId, kind: 'adjustment', toStoreId: null, staffId: staffOf(request.staff), request: body }, async () => ({
      movements: body.lines.map((line) => ({ storeId, productId: productOf(found.bySku, line.sku).id, delta: line.delta, reason: STOCK_REASONS[body.reason] })),
      result: (stockAfter) => ({
        id: body.id,
        kind: 'adjustment',
        reason: body.reason,
        lines: body.lines.map((line) => {
          const product = productOf(found.bySku, line.sku);
          return { sku: product.sku, productId: product.id, name: product.name, delta: line.delta, stock: stockAfter(storeId, product.id) };
        }),
      }),
    }));
    request.log.info({ storeId, id: body.id, reason: body.reason, replayed: applied.replayed, by: request.staff?.staffId }, 'stock adjusted');
    return reply.code(applied.replayed ? 200 : 201).send(applied.result);
  });

  /** The count's lines with their products, or the 422 already sent. */
  const countedProducts = async (lines: readonly CountLine[], reply: FastifyReply) => {
    const problems = checkStockLines(lines, LINE_RULES.count);
    if (problems.length > 0) return { refused: refuseLines(reply, problems) };
    const found = await findLineProducts(app.store, lines);
    if (!found.ok) return { refused: refuseLines(reply, found.problems) };
    return { products: lines.map((line) => ({ line, product: productOf(found.bySku, line.sku) })) };
  };
  const countLinesOf = (products: ReadonlyArray<{ product: ProductDocument }>, variances: readonly CountVariance[]) =>
    variances.map((v, index) => ({ sku: products[index]!.product.sku, name: products[index]!.product.name, ...v }));

  app.post<{ Body: { lines: CountLine[] } }>('/stock/counts/preview', { preHandler: mayManageStock, schema: { body: previewSchema } }, async (request, reply) => {
    const counted = await countedProducts(request.body.lines, reply);
    if ('refused' in counted) return counted.refused;
    const onHand = await readOnHand(app.store.db, app.documents, request.device.storeId, counted.products.map((p) => p.product.id));
    const variances = countVariances(counted.products.map(({ line, product }) => ({ productId: product.id, counted: line.counted })), (id) => onHand.get(id));
    return { lines: countLinesOf(counted.products, variances), summary: countSummary(variances) };
  });

  app.post<{ Body: CountRequest }>('/stock/counts', { preHandler: mayManageStock, schema: { body: countSchema } }, async (request, reply) => {
    const body = request.body;
    const counted = await countedProducts(body.lines, reply);
    if ('refused' in counted) return counted.refused;
    const { storeId } = request.device;
    const applied = await applyStockOperation(contextOf(app), { id: body.id, storeId, kind: 'count', toStoreId: null, staffId: staffOf(request.staff), request: body }, async (trx) => {
      // Against the stock at this moment, under the lock: sales since the preview are accounted for.
      const onHand = await readOnHand(trx, app.documents, storeId, counted.products.map((p) => p.product.id));
      const variances = countVariances(counted.products.map(({ line, product }) => ({ productId: product.id, counted: line.counted })), (id) => onHand.get(id));
      return {
        movements: countAdjustments(variances).map((a) => ({ storeId, productId: a.productId, delta: a.delta, reason: STOCK_REASONS.count })),
        result: () => ({ id: body.id, kind: 'count', lines: countLinesOf(counted.products, variances), summary: countSummary(variances) }),
      };
    });
    request.log.info({ storeId, id: body.id, lines: body.lines.length, replayed: applied.replayed, by: request.staff?.staffId }, 'stock counted');
    return reply.code(applied.replayed ? 200 : 201).send(applied.result);
  });
};

export default stockOperationRoutes;
