// The tablet's browser is Chromium: its WebCrypto must check Ed25519 slips as Node's does (packing-slip.test.ts).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { PACKING_SLIP_PREFIX, verifyPackingSlip } from './packing-slip.ts';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('packing slips in real Chromium', () => {
  it("Chromium's WebCrypto verifies an Ed25519-signed slip and refuses it once altered", async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKey = base64Url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
    const summary = {
      v: 1,
      orderId: 'o-1042',
      number: '#1042',
      storeId: 'store-q1',
      customerName: 'Phạm Thu Hà',
      currency: 'VND',
      total: 64_000,
      paid: true,
      placedAt: '2025-11-20T02:00:00.000Z',
      lines: [{ productId: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32_000, taxRate: 800, total: 64_000 }],
      signedAt: '2025-11-20T05:00:00.000Z',
    };
    const payload = new TextEncoder().encode(canonicalJson(summary));
    const signature = base64Url(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, payload)));
    expect(await verifyPackingSlip(`${PACKING_SLIP_PREFIX}.${base64Url(payload)}.${signature}`, publicKey)).toEqual({ ok: true, summary });
    const altered = base64Url(new TextEncoder().encode(canonicalJson({ ...summary, total: 640_000 })));
    expect(await verifyPackingSlip(`${PACKING_SLIP_PREFIX}.${altered}.${signature}`, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});
