/*
 * Transfers of stock between the chain's stores (issue 14), for holders of 'stock.manage':
 *   POST /api/v1/stock/transfers            {id, toStoreId, lines: [{sku, quantity}], note?}
 *        store A sends: the goods leave A's stock ('transfer-out' entries) and are in transit;
 *        -> 201 {id, kind, fromStoreId, toStoreId, status: 'in-transit', lines, sentAt}
 *   POST /api/v1/stock/transfers/:id/receive  store B (the transfer's toStoreId) takes them in: they arrive
 *        in B's stock ('transfer-in' entries, as sent) -> 201 {..., status: 'received', receivedAt}
 *   GET  /api/v1/stock/transfers            the latest 100 transfers the store sent or is to receive, and
 *        what is in transit: {transfers, inTransit: {outgoing, incoming}} (thousandths, all products)
 * Sending the same id again, or receiving a received transfer again, answers 200 with the stored answer and
 * writes nothing. Both halves carry the transfer's id as their ledger sourceId, so what was sent minus what
 * was received is what is on the road, and zero once received (src/domain/stock-transfer.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { PERMISSIONS } from '../../../src/domain/permissions.ts';
import { checkStockLines, LINE_RULES, MAX_STOCK_LINES } from '../../../src/domain/stock-operations.ts';
import type { TransferRequest } from '../../../src/domain/stock-operations.ts';
import { inTransitTotal, receivedMovements, sentMovements } from '../../../src/domain/stock-transfer.ts';
import type { Transfer } from '../../../src/domain/stock-transfer.ts';
import { HttpError } from '../http-error.ts';
import { requirePermission } from '../plugins/authenticate.ts';
import { applyStockOperation, findLineProducts, writeMovements } from '../stock/apply-stock-operation.ts';
import { findStockOperation, listTransfers, markTransferReceived } from '../stock/stock-operations-repository.ts';
import type { StockOperationRow } from '../stock/stock-operations-repository.ts';
import { findStoreRecord, listStoreRecords } from '../store/stores-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { contextOf, operationIdSchema, refuseLines } from './stock-operations.ts';

interface TransferLineAnswer {
  sku: string;
  productId: string;
  name: string;
  quantity: number;
  /** Stock after, at the store that last moved it (the sender when sent, the receiver when received). */
  stock: number;
}

export interface TransferAnswer {
  id: string;
  kind: 'transfer';
  fromStoreId: string;
  toStoreId: string;
  status: 'in-transit' | 'received';
  lines: TransferLineAnswer[];
  note?: string;
  sentAt: string;
  receivedAt?: string;
}

const transferSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'toStoreId', 'lines'],
  properties: {
    id: operationIdSchema,
    toStoreId: { type: 'string', minLength: 1, maxLength: 64 },
    lines: {
      type: 'array',
      maxItems: MAX_STOCK_LINES,
      items: { type: 'object', additionalProperties: false, required: ['sku', 'quantity'], properties: { sku: { type: 'string', minLength: 1, maxLength: 64 }, quantity: { type: 'integer' } } },
    },
    note: { type: 'string', maxLength: 500 },
  },
} as const;
const idParams = { type: 'object', required: ['id'], properties: { id: operationIdSchema } } as const;

function transferOf(answer: TransferAnswer): Transfer {
  return { fromStoreId: answer.fromStoreId, toStoreId: answer.toStoreId, lines: answer.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) };
}

function answerOf(row: StockOperationRow): TransferAnswer {
  return JSON.parse(row.result) as TransferAnswer;
}

const stockTransferRoutes: FastifyPluginAsync = async (app) => {
  const mayManageStock = requirePermission(PERMISSIONS.manageStock, 'Transferring stock');

  app.post<{ Body: TransferRequest }>('/stock/transfers', { preHandler: mayManageStock, schema: { body: transferSchema } }, async (request, reply) => {
    const body = request.body;
    const { storeId } = request.device;
    const problems = checkStockLines(body.lines, LINE_RULES.transfer);
    if (body.toStoreId === storeId) problems.unshift({ line: 0, field: 'toStoreId', message: 'a transfer goes to another store: this is the sending store' });
    else if ((await findStoreRecord(app.store.db, body.toStoreId)) === undefined) problems.unshift({ line: 0, field: 'toStoreId', message: `the chain has no store ${body.toStoreId}` });
    if (problems.length > 0) return refuseLines(reply, problems);
    const found = await findLineProducts(app.store, body.lines);
    if (!found.ok) return refuseLines(reply, found.problems);
    const products = body.lines.map((line) => ({ line, product: found.bySku.get(line.sku.trim())! }));
    const transfer: Transfer = { fromStoreId: storeId, toStoreId: body.toStoreId, lines: products.map(({ line, product }) => ({ productId: product.id, quantity: line.quantity })) };
    const sentAt = new Date();
    const applied = await applyStockOperation(
      contextOf(app),
      { id: body.id, storeId, kind: 'transfer', toStoreId: body.toStoreId, staffId: request.staff?.staffId ?? '', request: body },
      async () => ({
        movements: sentMovements(transfer),
        result: (stockAfter): TransferAnswer => ({
          id: body.id,
          kind: 'transfer',
          fromStoreId: storeId,
          toStoreId: body.toStoreId,
          status: 'in-transit',
          lines: products.map(({ line, product }) => ({ sku: product.sku, productId: product.id, name: product.name, quantity: line.quantity, stock: stockAfter(storeId, product.id) })),
          ...(body.note === undefined ? {} : { note: body.note }),
          sentAt: sentAt.toISOString(),
        }),
      }),
      sentAt,
    );
    request.log.info({ storeId, id: body.id, toStoreId: body.toStoreId, replayed: applied.replayed, by: request.staff?.staffId }, 'stock sent');
    return reply.code(applied.replayed ? 200 : 201).send(applied.result);
  });

  app.post<{ Params: { id: string } }>('/stock/transfers/:id/receive', { preHandler: mayManageStock, schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params;
    const { storeId } = request.device;
    const now = new Date();
    const outcome = await app.store.db.transaction().execute(async (trx) => {
      await lockSequenceCounter(trx);
      const row = await findStockOperation(trx, id);
      if (row === undefined || row.kind !== 'transfer' || row.to_store_id !== storeId) {
        throw new HttpError(404, 'not_found', `No transfer ${id} is on its way to this store (${storeId})`);
      }
      const sent = answerOf(row);
      if (row.received_at !== null) return { replayed: true, answer: sent };
      const stockAfter = await writeMovements(contextOf(app), trx, id, receivedMovements(transferOf(sent)), now);
      const answer: TransferAnswer = {
        ...sent,
        status: 'received',
        lines: sent.lines.map((line) => ({ ...line, stock: stockAfter(storeId, line.productId) })),
        receivedAt: now.toISOString(),
      };
      await markTransferReceived(trx, id, answer.receivedAt!, request.staff?.staffId ?? '', JSON.stringify(answer));
      return { replayed: false, answer };
    });
    request.log.info({ storeId, id, replayed: outcome.replayed, by: request.staff?.staffId }, 'stock transfer received');
    return reply.code(outcome.replayed ? 200 : 201).send(outcome.answer);
  });

  app.get('/stock/transfers', { preHandler: mayManageStock }, async (request) => {
    const { storeId } = request.device;
    const rows = await listTransfers(app.store.db, storeId, 100);
    const names = new Map((await listStoreRecords(app.store.db)).map((s) => [s.id, s.name]));
    const transfers = rows.map(answerOf);
    const onTheRoad = (list: readonly TransferAnswer[]) =>
      inTransitTotal(list.flatMap((t) => [...sentMovements(transferOf(t)), ...(t.status === 'received' ? receivedMovements(transferOf(t)) : [])]));
    return {
      transfers: transfers.map((t) => ({ ...t, fromStoreName: names.get(t.fromStoreId) ?? t.fromStoreId, toStoreName: names.get(t.toStoreId) ?? t.toStoreId })),
      inTransit: { outgoing: onTheRoad(transfers.filter((t) => t.fromStoreId === storeId)), incoming: onTheRoad(transfers.filter((t) => t.toStoreId === storeId)) },
    };
  });
};

export default stockTransferRoutes;
