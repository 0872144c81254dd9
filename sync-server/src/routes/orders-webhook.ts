/*
 * POST /api/v1/orders/webhook: the e-commerce side creates and updates online orders for pickup at a
 * store; each accepted order streams to that store's tablets like any server write (online-orders.ts).
 *
 * Authentication is a shared secret (POS_WEBHOOK_SECRET), never a device token:
 *   X-POS-Timestamp: <unix seconds>        when the delivery was signed
 *   X-POS-Signature: sha256=<hex>          HMAC-SHA256 over "<timestamp>.<raw body>" with the secret
 * The timestamp is inside the signed text so a captured delivery cannot be replayed with a fresh one; a
 * timestamp more than 5 minutes from the server's clock is refused (401), as is a wrong or missing
 * signature (compared in constant time). The body is parsed only after its signature checked out.
 * More than 10 refused deliveries a minute from one address -> 429 with Retry-After. Without a secret
 * configured the route answers 503 and writes nothing (the webhook is off, not open).
 *
 * The body is one order: the orders collection's fields without `events`, `flags` and `pickupCodeHash`,
 * plus an optional `pickupCode` the server keeps only as its salted, slow hash (auth/pickup-codes.ts; the
 * tablet checks codes offline).
 * Answers: 201 {orderId, result: 'created'}, 200 {orderId, result: 'updated' | 'unchanged'} (a
 * redelivery of the same content changes nothing), 400 naming the field, 409 for an order id that already
 * belongs to another store.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Ajv } from 'ajv';
import type { SchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { collectionSchemas } from '../../../src/data/schemas/index.ts';
import { pickupCodeHashKeeping } from '../auth/pickup-codes.ts';
import { HttpError } from '../http-error.ts';
import { refuseWhenLimited } from '../plugins/rate-limit.ts';
import { describeValidationErrors, toAjvSchema } from '../schemas.ts';
import { findStoreRecord } from '../store/stores-repository.ts';
import { receiveOnlineOrder } from '../integrations/online-orders.ts';
import type { IncomingOrder } from '../integrations/online-orders.ts';

export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;
export const MAX_WEBHOOK_FAILURES_PER_MINUTE = 10;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP = /^\d{1,12}$/;

/** The signature the e-commerce side sends (and tests compute): hex HMAC-SHA256 of "<timestamp>.<body>". */
export function signDelivery(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

function webhookOrderSchema(): SchemaObject {
  const schema = toAjvSchema(collectionSchemas.orders);
  const properties = { ...(schema['properties'] as Record<string, unknown>) };
  delete properties['events'];
  delete properties['flags'];
  delete properties['pickupCodeHash'];
  // Where an order came from is the server's to say: the platform routes stamp it, the generic shop cannot.
  delete properties['source'];
  delete properties['sourceOrderId'];
  delete properties['sourceUpdatedAt'];
  properties['pickupCode'] = { type: 'string', pattern: '^[0-9A-Za-z]{4,16}$' };
  const required = (schema['required'] as string[]).filter((name) => !['events', 'updatedAt'].includes(name));
  return { ...schema, properties, required };
}

type WebhookOrder = Omit<IncomingOrder, 'pickupCodeHash' | 'updatedAt'> & { pickupCode?: string; updatedAt?: string };

const ordersWebhookRoutes: FastifyPluginAsync<{ secret: string | undefined }> = async (app, options) => {
  const ajv = new Ajv({ strict: true, allErrors: false });
  addFormats(ajv);
  const validate = ajv.compile<WebhookOrder>(webhookOrderSchema());
  const failures = app.failureLimit('webhook', MAX_WEBHOOK_FAILURES_PER_MINUTE);

  // The signature covers the raw bytes, so this route keeps the body as text and parses it itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const refuse = async (request: FastifyRequest, message: string): Promise<HttpError> => {
    await failures.recordFailure(request.ip);
    return new HttpError(401, 'bad_signature', message);
  };

  app.post<{ Body: string }>('/orders/webhook', async (request, reply) => {
    if (options.secret === undefined) {
      throw new HttpError(503, 'webhook_disabled', 'The orders webhook is off: the server has no POS_WEBHOOK_SECRET set');
    }
    await refuseWhenLimited(failures, request.ip, reply, 'refused webhook deliveries from this address');
    const timestamp = header(request, 'x-pos-timestamp');
    const signature = SIGNATURE.exec(header(request, 'x-pos-signature') ?? '')?.[1];
    if (timestamp === undefined || !TIMESTAMP.test(timestamp)) {
      throw await refuse(request, 'X-POS-Timestamp must be the signing time in Unix seconds');
    }
    if (signature === undefined) throw await refuse(request, 'X-POS-Signature must be "sha256=<64 hex digits>"');
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const expected = Buffer.from(signDelivery(options.secret, timestamp, rawBody), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
      throw await refuse(request, 'X-POS-Signature does not match: sign "<X-POS-Timestamp>.<raw body>" with HMAC-SHA256 and the shared secret');
    }
    const skew = Math.abs(Date.now() - Number(timestamp) * 1000);
    if (skew > WEBHOOK_MAX_SKEW_MS) {
      throw await refuse(request, `X-POS-Timestamp is ${Math.round(skew / 1000)} seconds away from the server's clock (at most ${WEBHOOK_MAX_SKEW_MS / 1000}): a delivery is signed when it is sent`);
    }

    const order = parseOrder(rawBody, validate);
    if ((await findStoreRecord(app.store.db, order.storeId)) === undefined) {
      throw new HttpError(400, 'unknown_store', `body/storeId "${order.storeId}" is no store of this server`);
    }
    const { pickupCode, updatedAt: _updatedAt, ...fields } = order;
    // The stored hash when it is already this code's: a redelivery changes nothing (each new hash has its own salt).
    const storedHash = pickupCode === undefined ? undefined : (await app.documents.get('orders', order.id))?.body.pickupCodeHash;
    const pickupCodeHash = pickupCode === undefined ? undefined : await pickupCodeHashKeeping(storedHash, pickupCode);
    const incoming: IncomingOrder = { ...fields, ...(pickupCodeHash === undefined ? {} : { pickupCodeHash }), updatedAt: '' };
    const outcome = await receiveOnlineOrder(app.store, app.documents, incoming, app.changeBus);
    if (outcome.kind === 'other-store') {
      throw new HttpError(409, 'conflict', `Order "${order.id}" belongs to store "${outcome.storedStoreId}": an order's pickup store cannot change (cancel it and create a new one)`);
    }
    request.log.info({ orderId: order.id, storeId: order.storeId, result: outcome.kind }, 'online order received');
    return reply.code(outcome.kind === 'created' ? 201 : 200).send({ orderId: order.id, result: outcome.kind });
  });
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

function parseOrder(rawBody: string, validate: ReturnType<Ajv['compile']>): WebhookOrder {
  let parsed: unknown;
  try {
    parsed = secureJsonParse.parse(rawBody, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw new HttpError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!validate(parsed)) throw new HttpError(400, 'invalid_request', describeValidationErrors(validate.errors, 'body'));
  return parsed as WebhookOrder;
}

export default ordersWebhookRoutes;
