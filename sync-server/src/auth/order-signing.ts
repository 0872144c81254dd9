/*
 * The packing-slip signing key: an Ed25519 key pair made once per installation and kept in the meta table
 * (key "order-signing-key"), on the server only. Its public half is published in every store's config
 * document as `store.orderSigningPublicKey` (the raw 32-byte key, base64url: import it with WebCrypto as the
 * JWK {kty: "OKP", crv: "Ed25519", x: <key>}), so a tablet can check a packing slip's QR offline.
 *
 * A packing slip carries a signed order summary: the canonical JSON (keys sorted) of
 *   {v: 1, orderId, number, storeId, customerName, currency, total, paid, placedAt, lines[], signedAt}
 * and its Ed25519 signature. The QR text is "POSSLIP1.<base64url summary>.<base64url signature>".
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrderDocument } from '../../../src/data/schemas/types.ts';
import { canonicalJson } from '../../../src/domain/canonical-json.ts';
import type { Database } from '../store/database-types.ts';
import { insertMetaIfAbsent, readMeta } from '../store/meta-repository.ts';

export const ORDER_SIGNING_META_KEY = 'order-signing-key';
export const PACKING_SLIP_PREFIX = 'POSSLIP1';

interface StoredKeyPair {
  /** PKCS#8 DER, base64. */
  privateKey: string;
  /** Raw public key, base64url (the JWK "x"). */
  publicKey: string;
}

export interface OrderSigningKey {
  publicKey: string;
  privateKey: KeyObject;
}

export interface PackingSlipSummary {
  v: 1;
  orderId: string;
  number: string;
  storeId: string;
  customerName: string;
  currency: string;
  total: number;
  paid: boolean;
  placedAt: string;
  lines: Array<{ productId: string; sku: string; name: string; qty: number; unitPrice: number; taxRate: number; total: number }>;
  signedAt: string;
}

export interface PackingSlip {
  summary: PackingSlipSummary;
  signature: string;
  qr: string;
}

/** The installation's key pair, made and stored on first use. */
export async function loadOrderSigningKey(db: Kysely<Database>): Promise<OrderSigningKey> {
  let stored = await readMeta<StoredKeyPair>(db, ORDER_SIGNING_META_KEY);
  if (stored === undefined) {
    const pair = generateKeyPairSync('ed25519');
    const jwk = pair.publicKey.export({ format: 'jwk' });
    await insertMetaIfAbsent(db, ORDER_SIGNING_META_KEY, {
      privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      publicKey: String(jwk.x),
    } satisfies StoredKeyPair);
    stored = await readMeta<StoredKeyPair>(db, ORDER_SIGNING_META_KEY);
    if (stored === undefined) throw new Error('The packing-slip signing key could not be stored');
  }
  return { publicKey: stored.publicKey, privateKey: createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' }) };
}

export function signPackingSlip(key: OrderSigningKey, order: OrderDocument, now: Date = new Date()): PackingSlip {
  const summary: PackingSlipSummary = {
    v: 1,
    orderId: order.id,
    number: order.number,
    storeId: order.storeId,
    customerName: order.customerName,
    currency: order.currency,
    total: order.total,
    paid: order.paid,
    placedAt: order.placedAt,
    lines: order.lines.map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, qty: l.qty, unitPrice: l.unitPrice, taxRate: l.taxRate, total: l.total })),
    signedAt: now.toISOString(),
  };
  const payload = Buffer.from(canonicalJson(summary), 'utf8');
  const signature = sign(null, payload, key.privateKey).toString('base64url');
  return { summary, signature, qr: `${PACKING_SLIP_PREFIX}.${payload.toString('base64url')}.${signature}` };
}

/** The summary of a packing-slip QR when its signature matches `publicKey`, else undefined. */
export function verifyPackingSlip(publicKey: string, qr: string): PackingSlipSummary | undefined {
  const [prefix, payload, signature, ...rest] = qr.split('.');
  if (prefix !== PACKING_SLIP_PREFIX || payload === undefined || signature === undefined || rest.length > 0) return undefined;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  const bytes = Buffer.from(payload, 'base64url');
  if (!verify(null, bytes, key, Buffer.from(signature, 'base64url'))) return undefined;
  return JSON.parse(bytes.toString('utf8')) as PackingSlipSummary;
}
