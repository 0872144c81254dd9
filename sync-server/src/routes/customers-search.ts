/*
 * GET /api/v1/customers/search?q=<a whole phone number> -> 200 {customers: [{id, storeId, ownStore, name,
 * phoneLast3}]} (at most 20): the chain-wide lookup at the counter, for a customer of another store (or of
 * the online shop) who is not on this tablet. A store's customers are its own; what another store may learn
 * of them is kept small, because any enrolled tablet can ask:
 *  - only by a WHOLE Vietnamese number (+84, 84, 0084 and 0 are one number; spaces, dots and dashes are
 *    ignored): a part of a number or a name answers 400, since that is a search through other stores'
 *    customers, not a lookup of the one standing at the counter (this store's own are on its tablets);
 *  - only an id, the initials and given name ("P. T. Hà") and the number's last three digits, enough for the
 *    cashier to confirm with the customer and name her on the sale; never the number, e-mail or member card;
 *  - at most CHAIN_LOOKUP_LIMIT lookups per device (429 with Retry-After), counted in the database before
 *    the lookup so every server instance shares the count;
 *  - every lookup is audited as a 'customer-lookup' incident of the store that looked (in the same
 *    transaction as the read, so nothing is answered that is not recorded): which device, which person if a
 *    staff session made the call, the number, and whose records were shown. The incidents table is the
 *    server's one record a manager reads (GET /api/v1/incidents), kept per store, in the database every
 *    instance shares; the lookup is the store's to answer for, so it is listed there.
 * A customer found here becomes visible to this store once a sale here names her (policies/append-only-
 * policy.ts), read-only: only her home store's devices change her (policies/customers-policy.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { fullVietnamPhone, lastThreeDigits, phoneForms } from '../../../src/domain/phone-number.ts';
import { HttpError } from '../http-error.ts';
import { countTry } from '../plugins/rate-limit.ts';
import type { TryLimit } from '../plugins/rate-limit.ts';
import { findCustomersByPhone } from '../store/customers-repository.ts';
import { insertIncidents } from '../store/incidents-repository.ts';

/** Per device: a busy counter looks up a handful of visiting customers an hour, never hundreds. */
export const CHAIN_LOOKUP_LIMIT: TryLimit = { scope: 'customer-lookup', maxTries: 20, windowMinutes: 10 };

const MAX_ANSWERED = 20;

const searchQuerySchema = {
  type: 'object',
  properties: { q: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['q'],
  additionalProperties: false,
} as const;

/** What another store is shown of a customer. */
interface ChainCustomer {
  id: string;
  /** The home store; null for the online shop's customers. */
  storeId: string | null;
  /** Whether the customer is the asking store's own (its tablets hold her whole record). */
  ownStore: boolean;
  /** Initials and given name: "Phạm Thu Hà" -> "P. T. Hà" (a Vietnamese name ends with the given name). */
  name: string;
  phoneLast3: string;
}

function initialsAndGivenName(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length <= 1) return words[0] ?? '';
  const initials = words.slice(0, -1).map((word) => `${Array.from(word)[0]!.toLocaleUpperCase('vi')}.`);
  return [...initials, words[words.length - 1]].join(' ');
}

const customersSearchRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q: string } }>('/customers/search', { schema: { querystring: searchQuerySchema } }, async (request, reply) => {
    const phone = fullVietnamPhone(request.query.q);
    if (phone === undefined) {
      throw new HttpError(
        400,
        'bad_request',
        'querystring/q must be a whole phone number (0 and 9 digits, +84 and 9 digits, or a landline 02 and 9 digits): ' +
          'customers of other stores are looked up by their whole number only, never by a part of it or by name; ' +
          "this store's own customers are found on the tablet",
      );
    }
    const { device } = request;
    await countTry(app, CHAIN_LOOKUP_LIMIT, device.id, reply, 'chain-wide customer lookups from this device', 'minutes');
    const customers = await app.store.db.transaction().execute(async (trx) => {
      const found = await findCustomersByPhone(trx, app.store.kind, phoneForms(phone), MAX_ANSWERED);
      const detail = {
        deviceId: device.id,
        deviceName: device.name,
        staffId: request.staff?.staffId ?? null,
        phone,
        shown: found.map((customer) => ({ customerId: customer.id, storeId: customer.storeId })),
      };
      await insertIncidents(trx, [{ storeId: device.storeId, kind: 'customer-lookup', collection: 'customers', documentId: device.id, detail }], new Date().toISOString());
      return found.map(
        (customer): ChainCustomer => ({
          id: customer.id,
          storeId: customer.storeId,
          ownStore: customer.storeId === device.storeId,
          name: initialsAndGivenName(customer.body.name),
          phoneLast3: lastThreeDigits(customer.body.phone),
        }),
      );
    });
    return { customers };
  });
};

export default customersSearchRoutes;
