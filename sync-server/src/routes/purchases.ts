/*
 * GET /api/v1/purchases?number=<receipt or order number> | ?id=<sale or order id> (device token) -> 200
 * {purchases: [{source: 'sale', sale, returns} | {source: 'order', order, returns}]}: what a return at the
 * counter starts from when the purchase is not on the tablet (a sale of another store, an online order, or
 * an order scanned from its packing slip while online), with the returns and cancellations recorded
 * against it in every store (`returns`, as stored), so the tablet enforces what it can before the server
 * counts again on sync (policies/sale-returns.ts). 404 when nothing carries that number or id.
 *
 * Any store's purchase, because a customer returns where it suits them; but a receipt number is easy to
 * guess, so what another store's purchase shows is what a return needs and no more:
 *  - a sale of another store comes without its gift cards' numbers (a card number is the card: whoever
 *    knows it spends it), so a return there refunds that part as the store allows instead;
 *  - an order comes without its pickup code's hash and its customer's phone;
 *  - at most PURCHASE_LOOKUP_LIMIT lookups per device (429 with Retry-After), counted in the database.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OrderDocument, SaleDocument } from '../../../src/data/schemas/types.ts';
import { HttpError } from '../http-error.ts';
import { countTry } from '../plugins/rate-limit.ts';
import type { TryLimit } from '../plugins/rate-limit.ts';
import { findByNumber, returnIdsOf } from '../store/purchases-repository.ts';

/** Per device: a counter handles a few returns an hour, not a crawl through the chain's receipts. */
export const PURCHASE_LOOKUP_LIMIT: TryLimit = { scope: 'purchase-lookup', maxTries: 60, windowMinutes: 10 };

const MAX_MATCHES = 5;

const querySchema = {
  type: 'object',
  properties: { number: { type: 'string', minLength: 1, maxLength: 64 }, id: { type: 'string', minLength: 1, maxLength: 64 } },
  additionalProperties: false,
} as const;

type Purchase = { source: 'sale'; sale: SaleDocument; returns: SaleDocument[] } | { source: 'order'; order: Omit<OrderDocument, 'pickupCodeHash' | 'customerPhone'>; returns: SaleDocument[] };

/** A sale as another store sees it: without gift-card numbers. */
function saleFor(sale: SaleDocument, storeId: string): SaleDocument {
  if (sale.storeId === storeId) return sale;
  return {
    ...sale,
    tenders: sale.tenders.map((tender) => {
      if (tender.method !== 'gift_card') return tender;
      const { reference: _card, ...rest } = tender;
      return rest;
    }),
    ledger: (sale.ledger ?? []).filter((entry) => entry.kind !== 'giftcard'),
  };
}

function orderFor(order: OrderDocument): Omit<OrderDocument, 'pickupCodeHash' | 'customerPhone'> {
  const { pickupCodeHash: _hash, customerPhone: _phone, ...rest } = order;
  return rest;
}

const purchasesRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { number?: string; id?: string } }>('/purchases', { schema: { querystring: querySchema } }, async (request, reply) => {
    const { number, id } = request.query;
    if ((number === undefined) === (id === undefined)) throw new HttpError(400, 'bad_request', 'querystring must name exactly one of number (the receipt or order number) and id (the sale or order id)');
    const { device } = request;
    await countTry(app, PURCHASE_LOOKUP_LIMIT, device.id, reply, 'purchase lookups from this device', 'minutes');
    const kind = app.store.kind;
    const sales = id !== undefined ? [...(await app.documents.getMany(app.store.db, 'sales', [id])).values()].filter((s) => !s.deleted).map((s) => s.body) : await findByNumber(app.store.db, kind, 'sales', number ?? '', MAX_MATCHES);
    const orders = id !== undefined ? [...(await app.documents.getMany(app.store.db, 'orders', [id])).values()].filter((o) => !o.deleted).map((o) => o.body) : await findByNumber(app.store.db, kind, 'orders', number ?? '', MAX_MATCHES);
    const found = [...sales.filter((sale) => sale.reason !== 'void'), ...orders];
    if (found.length === 0) throw new HttpError(404, 'not_found', id !== undefined ? `No sale or order "${id}"` : `No sale or order numbered "${number ?? ''}"`);
    const returnIds = await returnIdsOf(app.store.db, found.map((p) => p.id));
    const returnDocs = await app.documents.getMany(app.store.db, 'sales', [...returnIds.values()].flat());
    const returnsOf = (purchaseId: string): SaleDocument[] =>
      (returnIds.get(purchaseId) ?? []).flatMap((returnId) => {
        const stored = returnDocs.get(returnId);
        return stored === undefined || stored.deleted ? [] : [saleFor(stored.body, device.storeId)];
      });
    const purchases: Purchase[] = [
      ...sales.filter((sale) => sale.reason !== 'void').map((sale): Purchase => ({ source: 'sale', sale: saleFor(sale, device.storeId), returns: returnsOf(sale.id) })),
      ...orders.map((order): Purchase => ({ source: 'order', order: orderFor(order), returns: returnsOf(order.id) })),
    ];
    return reply.header('cache-control', 'no-store').send({ purchases });
  });
};

export default purchasesRoutes;
