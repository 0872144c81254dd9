import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { importSlipKey, PACKING_SLIP_PREFIX, slipKeyOfConfig, verifyPackingSlip } from './packing-slip.ts';
import type { PackingSlipSummary } from './packing-slip.ts';

const summary: PackingSlipSummary = {
  v: 1,
  orderId: '0192f3a4-5b6c-7d8e-9f00-0000000a1042',
  number: '#1042',
  storeId: 'store-q1',
  customerName: 'Phạm Thu Hà',
  currency: 'VND',
  total: 157_000,
  paid: true,
  placedAt: '2025-11-20T02:00:00.000Z',
  lines: [
    { productId: 'p-shirt-m', sku: 'AT-M', name: 'Áo thun size M', qty: 1000, unitPrice: 125_000, taxRate: 800, total: 125_000 },
    { productId: 'p-milk', sku: 'SUA1L', name: 'Sữa tươi 1L', qty: 1000, unitPrice: 32_000, taxRate: 800, total: 32_000 },
  ],
  signedAt: '2025-11-20T05:00:00.000Z',
};

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A key pair made in the test, standing in for the server's, and its public key as the config carries it. */
async function serverKeys(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: base64Url(raw) };
}

/** The QR the server prints: the canonical JSON's bytes and their Ed25519 signature. */
async function signedQr(privateKey: CryptoKey, signed: unknown): Promise<string> {
  const payload = new TextEncoder().encode(typeof signed === 'string' ? signed : canonicalJson(signed));
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, payload));
  return `${PACKING_SLIP_PREFIX}.${base64Url(payload)}.${base64Url(signature)}`;
}

describe('a packing slip scanned at the counter, checked offline with the server key', () => {
  it('a slip signed by the server reads back as its order summary, with the key as text or imported once', async () => {
    const { privateKey, publicKey } = await serverKeys();
    const qr = await signedQr(privateKey, summary);
    expect(await verifyPackingSlip(qr, publicKey)).toEqual({ ok: true, summary });
    const key = await importSlipKey(publicKey);
    expect(await verifyPackingSlip(`  ${qr}\n`, key)).toEqual({ ok: true, summary });
  });

  it('an altered slip is refused: a lower total, another quantity or another order number in the same signature', async () => {
    const { privateKey, publicKey } = await serverKeys();
    const qr = await signedQr(privateKey, summary);
    const [, , signature] = qr.split('.');
    for (const altered of [
      { ...summary, total: 1_157_000 },
      { ...summary, lines: [{ ...summary.lines[0]!, qty: 3000 }, summary.lines[1]!] },
      { ...summary, number: '#1043' },
    ]) {
      const forgedPayload = base64Url(new TextEncoder().encode(canonicalJson(altered)));
      const check = await verifyPackingSlip(`${PACKING_SLIP_PREFIX}.${forgedPayload}.${signature}`, publicKey);
      expect(check).toEqual({ ok: false, reason: 'bad-signature', detail: expect.stringMatching(/not signed by the server or was changed/) });
    }
  });

  it('a slip forged with another key is refused, however well formed', async () => {
    const server = await serverKeys();
    const forger = await serverKeys();
    const forged = await signedQr(forger.privateKey, summary);
    expect(await verifyPackingSlip(forged, server.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyPackingSlip(forged, forger.publicKey)).toMatchObject({ ok: true });
  });

  it('a flipped bit anywhere in the signature is refused', async () => {
    const { privateKey, publicKey } = await serverKeys();
    const qr = await signedQr(privateKey, summary);
    const [prefix, payload, signature] = qr.split('.') as [string, string, string];
    const last = signature.at(-2) === 'A' ? 'B' : 'A';
    expect(await verifyPackingSlip(`${prefix}.${payload}.${signature.slice(0, -2)}${last}${signature.at(-1)}`, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyPackingSlip(`${prefix}.${payload}.${signature.slice(0, 40)}`, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('what is not a slip says so: a receipt barcode, a cut-short QR, another prefix, a non-base64 part', async () => {
    const { privateKey, publicKey } = await serverKeys();
    const qr = await signedQr(privateKey, summary);
    for (const scanned of ['Q1-T03-000123', qr.split('.').slice(0, 2).join('.'), qr.replace(PACKING_SLIP_PREFIX, 'POSSLIP2'), `${qr}.extra`, `${PACKING_SLIP_PREFIX}.abc$.def`]) {
      expect(await verifyPackingSlip(scanned, publicKey), scanned).toMatchObject({ ok: false, reason: 'not-a-slip' });
    }
  });

  it('a tablet that has not synced the key yet says so instead of trusting the slip', async () => {
    const { privateKey } = await serverKeys();
    const qr = await signedQr(privateKey, summary);
    expect(await verifyPackingSlip(qr, undefined)).toMatchObject({ ok: false, reason: 'no-key', detail: expect.stringMatching(/sync/) });
    expect(await verifyPackingSlip(qr, 'too-short')).toMatchObject({ ok: false, reason: 'no-key' });
  });

  it('a signed text that is not a version-1 summary is refused as unreadable, never half-read', async () => {
    const { privateKey, publicKey } = await serverKeys();
    expect(await verifyPackingSlip(await signedQr(privateKey, '{not json'), publicKey)).toMatchObject({ ok: false, reason: 'unreadable-summary' });
    expect(await verifyPackingSlip(await signedQr(privateKey, { ...summary, v: 2 }), publicKey)).toMatchObject({ ok: false, reason: 'unreadable-summary' });
    expect(await verifyPackingSlip(await signedQr(privateKey, { ...summary, total: 1.5 }), publicKey)).toMatchObject({ ok: false, reason: 'unreadable-summary' });
  });

  it("the key comes from the store's config document (store.orderSigningPublicKey)", () => {
    expect(slipKeyOfConfig({ store: { name: 'Quận 1', orderSigningPublicKey: 'abc' } })).toBe('abc');
    expect(slipKeyOfConfig({ store: { name: 'Quận 1' } })).toBeUndefined();
    expect(slipKeyOfConfig(undefined)).toBeUndefined();
  });
});
