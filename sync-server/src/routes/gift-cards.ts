/*
 * GET /api/v1/gift-cards/:number/balance (device token) -> 200 {number, balance, updatedAt}: the money on a
 * gift card of the device's store as the server holds it now (the `balances` row giftcard:<store>:<number>,
 * derived only from paid sales and spends the server checked: policies/sale-money.ts). The tablet's
 * gift-card screen shows it beside what the tablet itself counts (last sync + its own sales since).
 * 400 for a number that is not one of ours (gift-card-number.ts: a bank card's digits are never looked up);
 * 404 when the card holds nothing the server knows of at this store. A number is the card (whoever knows
 * it spends it), so lookups are counted per device like the purchase lookups (429 with Retry-After).
 */
import type { FastifyPluginAsync } from 'fastify';
import { isGiftCardNumber } from '../../../src/domain/gift-card-number.ts';
import { HttpError } from '../http-error.ts';
import { balanceId } from '../policies/balances.ts';
import { countTry } from '../plugins/rate-limit.ts';
import type { TryLimit } from '../plugins/rate-limit.ts';

/** Per device: a counter checks a few cards an hour, not a crawl through the number space. */
export const GIFT_CARD_LOOKUP_LIMIT: TryLimit = { scope: 'gift-card-lookup', maxTries: 60, windowMinutes: 10 };

const paramsSchema = {
  type: 'object',
  properties: { number: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['number'],
} as const;

const giftCardRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { number: string } }>('/gift-cards/:number/balance', { schema: { params: paramsSchema } }, async (request, reply) => {
    const { number } = request.params;
    if (!isGiftCardNumber(number)) throw new HttpError(400, 'bad_request', 'params/number is not a gift-card number of this system (19 digits starting with 7, with its own check digit)');
    await countTry(app, GIFT_CARD_LOOKUP_LIMIT, request.device.id, reply, 'gift-card lookups from this device', 'minutes');
    const stored = await app.documents.get('balances', balanceId('giftcard', request.device.storeId, number));
    if (stored === undefined || stored.deleted) throw new HttpError(404, 'not_found', `No money on gift card ${number} at this store`);
    return reply.header('cache-control', 'no-store').send({ number, balance: stored.body.value, updatedAt: stored.body.updatedAt });
  });
};

export default giftCardRoutes;
