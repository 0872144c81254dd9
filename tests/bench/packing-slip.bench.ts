/*
 * packing_slip_verify_p95_ms (issue 16): a tablet checks a scanned packing slip's QR offline, Ed25519 over the
 * signed order summary with WebCrypto (src/domain/packing-slip.ts), here in Node's WebCrypto. The slips are
 * signed by the server's own code (sync-server/src/auth/order-signing.ts) for orders of 3 to 40 lines.
 *   packing_slip_verify_p95_ms          p95 of one check, the key imported once (as a tablet keeps it)
 *   packing_slip_verify_cold_p95_ms     p95 of one check that also imports the key from its config text
 */
import { generateKeyPairSync } from 'node:crypto';
import type { OrderDocument } from '../../src/data/schemas/types.ts';
import { importSlipKey, verifyPackingSlip } from '../../src/domain/packing-slip.ts';
import { signPackingSlip } from '../../sync-server/src/auth/order-signing.ts';
import { percentile, report } from './report.ts';

const SLIPS = 200;
const CHECKS = 3_000;

function order(n: number): OrderDocument {
  const lines = Array.from({ length: 3 + (n % 38) }, (_, i) => ({
    productId: `p-${n}-${i}`,
    sku: `SKU-${n}-${i}`,
    name: `Sản phẩm số ${i} của đơn ${n}`,
    qty: 1000 * (1 + (i % 3)),
    unitPrice: 25_000 + i * 1_000,
    taxRate: 800,
    total: (25_000 + i * 1_000) * (1 + (i % 3)),
  }));
  const at = new Date().toISOString();
  return {
    id: `0192f3a4-5b6c-7d8e-9f00-${String(n).padStart(12, '0')}`,
    storeId: 'store-q1',
    number: `#${1000 + n}`,
    status: 'ready',
    customerName: 'Phạm Thu Hà',
    currency: 'VND',
    lines,
    total: lines.reduce((sum, line) => sum + line.total, 0),
    paid: true,
    events: [],
    placedAt: at,
    updatedAt: at,
  };
}

export async function benchPackingSlip(): Promise<void> {
  const pair = generateKeyPairSync('ed25519');
  const publicKey = String(pair.publicKey.export({ format: 'jwk' }).x);
  const slips = Array.from({ length: SLIPS }, (_, n) => signPackingSlip({ publicKey, privateKey: pair.privateKey }, order(n)).qr);
  const key = await importSlipKey(publicKey);
  // Warm-up: the first calls pay for WebCrypto's set-up.
  for (const qr of slips.slice(0, 50)) await verifyPackingSlip(qr, key);

  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const qr = slips[i % SLIPS]!;
    let started = performance.now();
    const check = await verifyPackingSlip(qr, key);
    warm.push(performance.now() - started);
    if (!check.ok) throw new Error(`a slip the server signed was refused: ${check.detail}`);
    started = performance.now();
    await verifyPackingSlip(qr, publicKey);
    cold.push(performance.now() - started);
  }
  const bytes = slips.map((qr) => qr.length);
  report('packing_slip_verify_p95_ms', percentile(warm, 95), 'ms', { checks: CHECKS, p50: percentile(warm, 50), p99: percentile(warm, 99), qrChars: { min: Math.min(...bytes), max: Math.max(...bytes) }, target: 20 });
  report('packing_slip_verify_cold_p95_ms', percentile(cold, 95), 'ms', { checks: CHECKS, p50: percentile(cold, 50) });
}
