/*
 * GET /api/v1/customers/search?q= -> 200 {customers: [...]} (at most 20): the chain-wide customer lookup
 * at the counter, for a customer of another store who is not on this tablet. Digits search by phone
 * prefix ("0903" finds 0903 123 456), anything else by part of the name folded like searchName
 * ("lan" finds "Nguyễn Thị Lan"). Any device of the chain may search; results are read-only until the
 * customer is used at this store.
 */
import type { FastifyPluginAsync } from 'fastify';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import { HttpError } from '../http-error.ts';
import { searchCustomers } from '../store/customers-repository.ts';

const searchQuerySchema = {
  type: 'object',
  properties: { q: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['q'],
  additionalProperties: false,
} as const;

const customersSearchRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q: string } }>('/customers/search', { schema: { querystring: searchQuerySchema } }, async (request, reply) => {
    const raw = request.query.q.trim();
    const digits = raw.replace(/[\s.\-()]/g, '');
    const byPhone = /^\+?\d+$/.test(digits);
    const folded = foldForSearch(raw);
    if (byPhone ? digits.length < 3 : folded.length < 2) {
      throw new HttpError(400, 'bad_request', 'querystring/q must have at least 3 digits of a phone number or 2 letters of a name');
    }
    const rows = await searchCustomers(app.store.db, app.store.kind, byPhone ? { phonePrefix: digits, limit: 20 } : { foldedName: folded, limit: 20 });
    return reply.type('application/json; charset=utf-8').send(`{"customers":[${rows.map((r) => r.json).join(',')}]}`);
  });
};

export default customersSearchRoutes;
