/*
 * POST /api/v1/orders/webhooks/shopify | woocommerce | haravan: orders from the shop platforms, each signed
 * its own way (base64 HMAC-SHA256 of the raw body, auth/webhook-signatures.ts):
 *   shopify      X-Shopify-Hmac-Sha256, X-Shopify-Topic, X-Shopify-Webhook-Id (the same on a redelivery)
 *   woocommerce  X-WC-Webhook-Signature, X-WC-Webhook-Topic, X-WC-Webhook-Delivery-ID; the activation ping
 *                (form body `webhook_id=N`, unsigned) gets a 200 and stores nothing
 *   haravan      X-Haravan-Hmacsha256, X-Haravan-Topic
 * The body is kept as the raw bytes (this subtree's own content-type parser) and verified before it is
 * read; a bad or missing signature answers 401 and stores nothing. Then the order is mapped (a field the POS
 * cannot take exactly, such as half a dong, answers 400 naming it), kept in the order inbox in one small
 * write, and answered 202 {result: 'accepted', orderId}; the inbox worker applies it right after
 * (integrations/order-inbox.ts), well within Shopify's 5 s. A delivery id seen before answers 200
 * {result: 'duplicate'}; a topic that is no order change, 200 {result: 'ignored'} (a 4xx would make the
 * platform retry and finally drop the subscription). No secret configured: 503, the route is off.
 * GET /api/v1/orders/webhooks/haravan is Haravan's check of the callback URL when a webhook is registered
 * (docs.haravan.com, "Connect webhook": a Callback URL and a Verify Token): `hub.mode=subscribe`,
 * `hub.verify_token` and `hub.challenge` in the query; the token must be one in POS_HARAVAN_VERIFY_TOKEN,
 * and the challenge comes back as plain text. It stores nothing; a wrong token is 401 (and counts towards
 * the address's refused deliveries), a missing parameter 400, no token configured 503.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { matchesBase64Hmac } from '../auth/webhook-signatures.ts';
import { HttpError } from '../http-error.ts';
import type { PlatformSource } from '../integrations-config.ts';
import { mapHaravanOrder } from '../integrations/haravan.ts';
import { parsePlatformJson, PayloadProblem } from '../integrations/platform-json.ts';
import type { MappedDelivery } from '../integrations/platform-order.ts';
import { platformOrderId } from '../integrations/platform-orders.ts';
import { mapShopifyOrder } from '../integrations/shopify.ts';
import { mapWooCommerceOrder } from '../integrations/woocommerce.ts';
import { refuseWhenLimited } from '../plugins/rate-limit.ts';

export const PLATFORM_WEBHOOK_BODY_LIMIT = 4 * 1024 * 1024;
const MAX_REFUSED_PER_MINUTE = 60;

interface PlatformRoute {
  secretVariable: string;
  signatureHeader: string;
  topicHeader: string;
  deliveryHeader: string | undefined;
  map: (payload: unknown, topic: string) => MappedDelivery;
}

const PLATFORMS: Record<PlatformSource, PlatformRoute> = {
  shopify: { secretVariable: 'POS_SHOPIFY_WEBHOOK_SECRET', signatureHeader: 'X-Shopify-Hmac-Sha256', topicHeader: 'X-Shopify-Topic', deliveryHeader: 'X-Shopify-Webhook-Id', map: mapShopifyOrder },
  woocommerce: { secretVariable: 'POS_WOOCOMMERCE_WEBHOOK_SECRET', signatureHeader: 'X-WC-Webhook-Signature', topicHeader: 'X-WC-Webhook-Topic', deliveryHeader: 'X-WC-Webhook-Delivery-ID', map: mapWooCommerceOrder },
  haravan: { secretVariable: 'POS_HARAVAN_WEBHOOK_SECRET', signatureHeader: 'X-Haravan-Hmacsha256', topicHeader: 'X-Haravan-Topic', deliveryHeader: undefined, map: mapHaravanOrder },
};

const WOO_PING = /^webhook_id=\d{1,20}$/;
const MAX_CHALLENGE_LENGTH = 500;

interface HaravanHandshake {
  'hub.mode'?: string;
  'hub.verify_token'?: string;
  'hub.challenge'?: string;
}

const platformWebhookRoutes: FastifyPluginAsync<{ secrets: Record<PlatformSource, readonly string[]>; haravanVerifyTokens: readonly string[] }> = async (app, options) => {
  const failures = app.failureLimit('platform-webhook', MAX_REFUSED_PER_MINUTE);
  // The signature covers the raw bytes: every body of this subtree stays a Buffer until it is verified.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PLATFORM_WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get<{ Querystring: HaravanHandshake }>('/orders/webhooks/haravan', async (request, reply) => {
    if (options.haravanVerifyTokens.length === 0) {
      throw new HttpError(503, 'webhook_disabled', "Haravan's webhook check is off: the server has no POS_HARAVAN_VERIFY_TOKEN set (the Verify Token typed when registering the webhook)");
    }
    await refuseWhenLimited(failures, request.ip, reply, 'refused webhook deliveries from this address');
    const query = request.query;
    const mode = queryText(query['hub.mode']);
    const token = queryText(query['hub.verify_token']);
    const challenge = queryText(query['hub.challenge']);
    if (mode !== undefined && mode !== 'subscribe') throw new HttpError(400, 'invalid_request', `hub.mode is "${mode.slice(0, 40)}": the webhook check asks for "subscribe"`);
    if (token === undefined) throw new HttpError(400, 'invalid_request', 'hub.verify_token is missing: Haravan sends the Verify Token typed when registering the webhook');
    if (challenge === undefined || challenge.length > MAX_CHALLENGE_LENGTH) {
      throw new HttpError(400, 'invalid_request', `hub.challenge is ${challenge === undefined ? 'missing' : `longer than ${MAX_CHALLENGE_LENGTH} characters`}: it is the text to send back`);
    }
    if (!options.haravanVerifyTokens.some((known) => sameText(known, token))) {
      await failures.recordFailure(request.ip);
      throw new HttpError(401, 'bad_verify_token', "hub.verify_token does not match: check POS_HARAVAN_VERIFY_TOKEN against the webhook's Verify Token on Haravan");
    }
    request.log.info({ source: 'haravan' }, 'Haravan webhook check answered');
    return reply.code(200).type('text/plain; charset=utf-8').send(challenge);
  });

  for (const [source, platform] of Object.entries(PLATFORMS) as Array<[PlatformSource, PlatformRoute]>) {
    app.post<{ Body: Buffer }>(`/orders/webhooks/${source}`, { bodyLimit: PLATFORM_WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const secrets = options.secrets[source];
      if (secrets.length === 0) throw new HttpError(503, 'webhook_disabled', `The ${source} webhook is off: the server has no ${platform.secretVariable} set`);
      await refuseWhenLimited(failures, request.ip, reply, 'refused webhook deliveries from this address');
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = header(request, platform.signatureHeader);
      if (source === 'woocommerce' && signature === undefined && WOO_PING.test(raw.toString('latin1').trim())) {
        request.log.info({ source }, 'WooCommerce webhook activation ping answered');
        return reply.code(200).send({ result: 'ping' });
      }
      if (signature === undefined) {
        await failures.recordFailure(request.ip);
        throw new HttpError(401, 'bad_signature', `${platform.signatureHeader} is missing: ${source} signs each delivery with base64 HMAC-SHA256 of the raw body`);
      }
      if (!matchesBase64Hmac(secrets, raw, signature)) {
        await failures.recordFailure(request.ip);
        throw new HttpError(401, 'bad_signature', `${platform.signatureHeader} does not match the body: check ${platform.secretVariable} against the webhook's secret on ${source}`);
      }
      const topic = header(request, platform.topicHeader);
      if (topic === undefined) throw new HttpError(400, 'invalid_request', `${platform.topicHeader} is missing: it names what the delivery is (e.g. the order was created)`);
      let mapped: MappedDelivery;
      try {
        mapped = platform.map(parsePlatformJson(raw), topic);
      } catch (error) {
        if (error instanceof PayloadProblem) throw new HttpError(400, 'invalid_order', error.message);
        throw error;
      }
      if (mapped.kind === 'ignored') return reply.code(200).send({ result: 'ignored', reason: mapped.reason });
      const { order } = mapped;
      const orderId = platformOrderId(source, order.sourceOrderId);
      const deliveryId = platform.deliveryHeader === undefined ? undefined : header(request, platform.deliveryHeader)?.slice(0, 200);
      const kept = await app.orderInbox.keep({
        id: uuidv7(),
        source,
        deliveryId,
        topic,
        sourceOrderId: order.sourceOrderId,
        body: JSON.stringify(order),
        receivedAt: new Date().toISOString(),
      });
      if (kept === 'duplicate') return reply.code(200).send({ result: 'duplicate', orderId });
      return reply.code(202).send({ result: 'accepted', orderId });
    });
  }
};

function queryText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Compares in constant time for texts of one length (a verify token is a shared secret). */
function sameText(known: string, given: string): boolean {
  const a = Buffer.from(known);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export default platformWebhookRoutes;
