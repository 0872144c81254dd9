/*
 * Issue 16: the tablet checks a packing slip the real server signed, with the key it pulled in its store's
 * config, using the domain's WebCrypto check (src/domain/packing-slip.ts) it runs at the counter; a slip
 * altered after signing, or signed with any other key, is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDocument } from '../../src/data/schemas/types.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import { slipKeyOfConfig, verifyPackingSlip } from '../../src/domain/packing-slip.ts';
import { writeOnlineOrders } from '../../sync-server/src/integrations/online-orders.ts';
import { publishOrderSigningKey } from '../../sync-server/src/plugins/order-signing.ts';
import { shirtAndMilkOrder } from './helpers/online-order.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, pull, startOneTillShop } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

describe.each(DATABASE_KINDS)('a tablet checks a packing slip the server signed (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;

  beforeAll(async () => {
    ({ t, till } = await startOneTillShop(kind, 'packing-slip-verify'));
    // What start-up (and the admin command, for a store it creates) does: the key into the store's config.
    await publishOrderSigningKey(t.app);
  });
  afterAll(async () => t?.close());

  async function slipOfNewOrder(): Promise<{ order: OrderDocument; qr: string; key: string }> {
    const order = shirtAndMilkOrder(till.storeId, 'ready');
    await writeOnlineOrders(t.store, t.app.documents, [order]);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/packing-slip`, headers: bearer(till.token) });
    expect(response.statusCode).toBe(200);
    const [config] = (await pull(t.app, till.token, 'config')).documents;
    const key = slipKeyOfConfig(config as { store?: Record<string, unknown> });
    if (key === undefined) throw new Error('the config the tablet pulled carries no orderSigningPublicKey');
    return { order, qr: response.json<{ qr: string }>().qr, key };
  }

  it("the slip's QR checks out with the key from the pulled config and gives the order's lines and total", async () => {
    const { order, qr, key } = await slipOfNewOrder();
    const check = await verifyPackingSlip(qr, key);
    expect(check).toMatchObject({ ok: true, summary: { orderId: order.id, number: '#1042', storeId: till.storeId, total: 189_000, paid: true } });
    expect(check.ok && check.summary.lines.map((l) => [l.productId, l.qty, l.total])).toEqual([
      ['p-shirt-m', 1000, 125_000],
      ['p-milk', 2000, 64_000],
    ]);
  });

  it('the same slip with a lower total, one more shirt, or re-signed with a key of its own is refused', async () => {
    const { qr, key } = await slipOfNewOrder();
    const [prefix, payload, signature] = qr.split('.') as [string, string, string];
    const signed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown> & { lines: Array<Record<string, unknown>> };
    for (const altered of [{ ...signed, total: 18_900 }, { ...signed, lines: [{ ...signed.lines[0], qty: 2000 }, signed.lines[1]] }]) {
      const text = `${prefix}.${Buffer.from(canonicalJson(altered), 'utf8').toString('base64url')}.${signature}`;
      expect(await verifyPackingSlip(text, key)).toMatchObject({ ok: false, reason: 'bad-signature' });
    }
    const forger = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const forgedPayload = Buffer.from(canonicalJson({ ...signed, total: 1 }), 'utf8');
    const forgedSignature = Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, forger.privateKey, forgedPayload)).toString('base64url');
    expect(await verifyPackingSlip(`${prefix}.${forgedPayload.toString('base64url')}.${forgedSignature}`, key)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});
