/*
 * The signature the shop platforms put on a webhook (Shopify's X-Shopify-Hmac-Sha256, WooCommerce's
 * X-WC-Webhook-Signature, Haravan's X-Haravan-Hmacsha256): base64 of HMAC-SHA256 over the raw body bytes,
 * keyed with the webhook's secret. Checked against every configured secret (old and new while rotating), in
 * constant time, over the bytes as received: never over a re-serialised copy.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

export function signBody(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Whether `signature` (base64) is the HMAC-SHA256 of `body` under one of `secrets`. */
export function matchesBase64Hmac(secrets: readonly string[], body: Buffer, signature: string): boolean {
  if (!BASE64.test(signature)) return false;
  const given = Buffer.from(signature, 'base64');
  let matched = false;
  for (const secret of secrets) {
    // Every secret is tried, so the time taken does not tell which one matched.
    if (timingSafeEqual(createHmac('sha256', secret).update(body).digest(), given)) matched = true;
  }
  return matched;
}
