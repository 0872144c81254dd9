/*
 * What the server needs to talk to the shop platforms and the banks' notifiers, read from the environment
 * with the rest of the configuration (config.ts), each value checked so a typo stops the server naming it.
 *
 * Secrets rotate without downtime: every secret variable takes a comma-separated list, and a delivery signed
 * with any of them is accepted. To rotate, set "new,old", change the secret on the platform, and drop "old"
 * once the platform's retries signed with it are over (Shopify signs with the old secret for up to an hour).
 *
 *   POS_SHOPIFY_WEBHOOK_SECRET, POS_WOOCOMMERCE_WEBHOOK_SECRET, POS_HARAVAN_WEBHOOK_SECRET
 *       inbound order webhooks; unset, that platform's route answers 503
 *   POS_HARAVAN_VERIFY_TOKEN   the "Verify Token" typed when registering the Haravan webhook: Haravan checks
 *       the callback URL with a GET carrying it and hub.challenge, which is echoed; unset, that GET answers 503
 *   POS_SHOPIFY_ADMIN_URL + POS_SHOPIFY_ACCESS_TOKEN [+ POS_SHOPIFY_API_VERSION]   notices to Shopify
 *   POS_WOOCOMMERCE_URL + POS_WOOCOMMERCE_CONSUMER_KEY + POS_WOOCOMMERCE_CONSUMER_SECRET
 *       [+ POS_WOOCOMMERCE_READY_STATUS]                                           notices to WooCommerce
 *   POS_HARAVAN_NOTICE_URL [+ POS_HARAVAN_NOTICE_SECRET, default the first Haravan webhook secret]
 *   POS_GENERIC_NOTICE_URL [+ POS_GENERIC_NOTICE_SECRET, default POS_WEBHOOK_SECRET]  signed callbacks
 *   POS_OUTBOX_TIMEOUT_MS (10,000), POS_OUTBOX_RETRY_MS (5,000: the first retry's wait, doubled each time)
 *   POS_WOOCOMMERCE_CATCH_UP_MINUTES   pull WooCommerce's changed orders this often (it never retries a
 *       delivery); needs the WooCommerce REST settings above
 *   POS_SEPAY_API_KEY, POS_PAYOS_CHECKSUM_KEY   bank notices; unset, that route answers 503
 */
import { ConfigError } from './config-error.ts';

export type PlatformSource = 'shopify' | 'woocommerce' | 'haravan';
/** Where a notice about an order goes: its platform, or the generic shop's callback. */
export type NoticeTarget = PlatformSource | 'generic';

export interface ShopifyNotices {
  /** https://<shop>.myshopify.com (or a stand-in in tests). */
  adminUrl: string;
  accessToken: string;
  apiVersion: string;
}

export interface WooCommerceNotices {
  url: string;
  consumerKey: string;
  consumerSecret: string;
  /** The order status that says "ready for pickup" on this shop (a custom status), if it has one. */
  readyStatus: string | undefined;
}

export interface CallbackNotices {
  url: string;
  /** HMAC-SHA256 key of X-POS-Signature. */
  secret: string;
}

export interface IntegrationsConfig {
  webhookSecrets: Record<PlatformSource, readonly string[]>;
  /** Haravan's webhook verify token(s), for its GET handshake (several while one is rotated). */
  haravanVerifyTokens: readonly string[];
  notices: {
    shopify: ShopifyNotices | undefined;
    woocommerce: WooCommerceNotices | undefined;
    haravan: CallbackNotices | undefined;
    generic: CallbackNotices | undefined;
    timeoutMs: number;
    retryBaseMs: number;
  };
  /** Minutes between WooCommerce catch-up pulls (undefined: only on demand). */
  wooCommerceCatchUpMinutes: number | undefined;
  bank: { sepayApiKeys: readonly string[]; payosChecksumKeys: readonly string[] };
}

type Env = Record<string, string | undefined>;

const MIN_SECRET_LENGTH = 16;

export function readIntegrationsConfig(env: Env, genericWebhookSecret: string | undefined): IntegrationsConfig {
  const haravanSecrets = secretList(env, 'POS_HARAVAN_WEBHOOK_SECRET');
  return {
    webhookSecrets: {
      shopify: secretList(env, 'POS_SHOPIFY_WEBHOOK_SECRET'),
      woocommerce: secretList(env, 'POS_WOOCOMMERCE_WEBHOOK_SECRET'),
      haravan: haravanSecrets,
    },
    haravanVerifyTokens: secretList(env, 'POS_HARAVAN_VERIFY_TOKEN'),
    notices: {
      shopify: shopifyNotices(env),
      woocommerce: wooCommerceNotices(env),
      haravan: callbackNotices(env, 'HARAVAN', haravanSecrets[0]),
      generic: callbackNotices(env, 'GENERIC', genericWebhookSecret),
      timeoutMs: wholeNumber(env, 'POS_OUTBOX_TIMEOUT_MS', 10_000, 100, 120_000),
      retryBaseMs: wholeNumber(env, 'POS_OUTBOX_RETRY_MS', 5_000, 10, 3_600_000),
    },
    bank: { sepayApiKeys: secretList(env, 'POS_SEPAY_API_KEY'), payosChecksumKeys: secretList(env, 'POS_PAYOS_CHECKSUM_KEY') },
    wooCommerceCatchUpMinutes: catchUpMinutes(env),
  };
}

function catchUpMinutes(env: Env): number | undefined {
  if (value(env, 'POS_WOOCOMMERCE_CATCH_UP_MINUTES') === undefined) return undefined;
  if (value(env, 'POS_WOOCOMMERCE_URL') === undefined) {
    throw new ConfigError('POS_WOOCOMMERCE_CATCH_UP_MINUTES needs POS_WOOCOMMERCE_URL, POS_WOOCOMMERCE_CONSUMER_KEY and POS_WOOCOMMERCE_CONSUMER_SECRET (the REST API it pulls from)');
  }
  return wholeNumber(env, 'POS_WOOCOMMERCE_CATCH_UP_MINUTES', 0, 1, 24 * 60);
}

/** The notice targets this server can deliver to. */
export function noticeTargets(config: IntegrationsConfig): ReadonlySet<NoticeTarget> {
  const targets = new Set<NoticeTarget>();
  for (const target of ['shopify', 'woocommerce', 'haravan', 'generic'] as const) if (config.notices[target] !== undefined) targets.add(target);
  return targets;
}

function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

function secretList(env: Env, name: string): string[] {
  const raw = value(env, name);
  if (raw === undefined) return [];
  const secrets = raw.split(',').map((s) => s.trim());
  if (secrets.some((s) => s.length < MIN_SECRET_LENGTH)) {
    throw new ConfigError(`${name} must be one secret, or a comma-separated list while rotating ("new,old"), each at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secrets;
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function together(env: Env, names: readonly string[]): boolean {
  const set = names.filter((name) => value(env, name) !== undefined);
  if (set.length === 0) return false;
  if (set.length < names.length) throw new ConfigError(`${names.join(', ')} must be set together (missing: ${names.filter((n) => !set.includes(n)).join(', ')})`);
  return true;
}

function shopifyNotices(env: Env): ShopifyNotices | undefined {
  if (!together(env, ['POS_SHOPIFY_ADMIN_URL', 'POS_SHOPIFY_ACCESS_TOKEN'])) return undefined;
  const apiVersion = value(env, 'POS_SHOPIFY_API_VERSION') ?? '2025-01';
  if (!/^\d{4}-\d{2}$/.test(apiVersion)) throw new ConfigError(`POS_SHOPIFY_API_VERSION must look like 2025-01, got "${apiVersion}"`);
  return { adminUrl: httpUrl(env, 'POS_SHOPIFY_ADMIN_URL')!, accessToken: value(env, 'POS_SHOPIFY_ACCESS_TOKEN')!, apiVersion };
}

function wooCommerceNotices(env: Env): WooCommerceNotices | undefined {
  if (!together(env, ['POS_WOOCOMMERCE_URL', 'POS_WOOCOMMERCE_CONSUMER_KEY', 'POS_WOOCOMMERCE_CONSUMER_SECRET'])) return undefined;
  return {
    url: httpUrl(env, 'POS_WOOCOMMERCE_URL')!,
    consumerKey: value(env, 'POS_WOOCOMMERCE_CONSUMER_KEY')!,
    consumerSecret: value(env, 'POS_WOOCOMMERCE_CONSUMER_SECRET')!,
    readyStatus: value(env, 'POS_WOOCOMMERCE_READY_STATUS'),
  };
}

function callbackNotices(env: Env, which: 'HARAVAN' | 'GENERIC', fallbackSecret: string | undefined): CallbackNotices | undefined {
  const url = httpUrl(env, `POS_${which}_NOTICE_URL`);
  if (url === undefined) return undefined;
  const secret = value(env, `POS_${which}_NOTICE_SECRET`) ?? fallbackSecret;
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    const fallback = which === 'HARAVAN' ? 'POS_HARAVAN_WEBHOOK_SECRET' : 'POS_WEBHOOK_SECRET';
    throw new ConfigError(`POS_${which}_NOTICE_URL needs a signing secret of at least ${MIN_SECRET_LENGTH} characters: set POS_${which}_NOTICE_SECRET (or ${fallback})`);
  }
  return { url, secret };
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}
