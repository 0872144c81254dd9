// The shop platforms' and banks' settings stop the server with a message naming the variable when wrong.
import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from '../../sync-server/src/config.ts';
import { noticeTargets } from '../../sync-server/src/integrations-config.ts';

describe('integrations configuration', () => {
  it('takes a list of webhook secrets while one is rotated, and refuses a short one', () => {
    const config = readServerConfig({ POS_SHOPIFY_WEBHOOK_SECRET: ' shpss_new_0123456789abcdef , shpss_old_0123456789abcdef ' }).integrations;
    expect(config.webhookSecrets).toEqual({ shopify: ['shpss_new_0123456789abcdef', 'shpss_old_0123456789abcdef'], woocommerce: [], haravan: [] });
    expect(() => readServerConfig({ POS_WOOCOMMERCE_WEBHOOK_SECRET: 'abc' })).toThrow(ConfigError);
    expect(() => readServerConfig({ POS_WOOCOMMERCE_WEBHOOK_SECRET: 'abc' })).toThrow(/POS_WOOCOMMERCE_WEBHOOK_SECRET must be one secret, or a comma-separated list/);
  });

  it('needs every setting of a notice target together, a real URL, and a secret to sign callbacks with', () => {
    expect(() => readServerConfig({ POS_SHOPIFY_ADMIN_URL: 'https://shop.myshopify.com' })).toThrow(/POS_SHOPIFY_ACCESS_TOKEN/);
    expect(() => readServerConfig({ POS_WOOCOMMERCE_URL: 'ftp://shop.vn', POS_WOOCOMMERCE_CONSUMER_KEY: 'ck', POS_WOOCOMMERCE_CONSUMER_SECRET: 'cs' })).toThrow(/POS_WOOCOMMERCE_URL must be an http\(s\) URL/);
    expect(() => readServerConfig({ POS_GENERIC_NOTICE_URL: 'https://shop.vn/pos' })).toThrow(/POS_GENERIC_NOTICE_SECRET \(or POS_WEBHOOK_SECRET\)/);
    const config = readServerConfig({
      POS_WEBHOOK_SECRET: 'a'.repeat(32),
      POS_GENERIC_NOTICE_URL: 'https://shop.vn/pos/',
      POS_SHOPIFY_ADMIN_URL: 'https://shop.myshopify.com',
      POS_SHOPIFY_ACCESS_TOKEN: 'shpat_x',
    }).integrations;
    expect(config.notices.generic).toEqual({ url: 'https://shop.vn/pos', secret: 'a'.repeat(32) });
    expect(config.notices.shopify).toEqual({ adminUrl: 'https://shop.myshopify.com', accessToken: 'shpat_x', apiVersion: '2025-01' });
    expect([...noticeTargets(config)].sort()).toEqual(['generic', 'shopify']);
    expect(readServerConfig({}).integrations.notices).toMatchObject({ timeoutMs: 10_000, retryBaseMs: 5_000 });
  });
});
