/*
 * Realistic sales as a device writes them (README "Sync protocol (v1)"), for tests and benchmarks:
 * 3-8 lines of catalog products, tax-inclusive VND prices, the occasional line discount, totals and VAT
 * from the domain code, cash or card tenders, and the embedded stock movements (`ledger`). Deterministic
 * for a given seed, so a failing run can be replayed.
 */
import { v7 as uuidv7 } from 'uuid';
import { multiplyByQuantity, sumMinorUnits } from '../../src/domain/money.ts';
import { computeTaxes } from '../../src/domain/tax.ts';

export interface SaleProduct {
  id: string;
  sku: string;
  name: string;
  price: number;
  taxRate: number;
  weighed?: boolean;
}

export interface SaleContext {
  storeId: string;
  deviceId: string;
  staffId: string;
  /** Short codes used in receipt numbers. */
  storeCode?: string;
  deviceCode?: string;
  products: readonly SaleProduct[];
  seed?: number;
}

/** A small seeded PRNG (mulberry32): the same seed replays the same run. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSales(context: SaleContext, count: number, firstSequence = 1): Array<Record<string, unknown>> {
  const random = makeRandom(context.seed ?? 7);
  const sales: Array<Record<string, unknown>> = [];
  for (let index = 0; index < count; index++) sales.push(makeSale(context, firstSequence + index, random));
  return sales;
}

export function makeSale(context: SaleContext, sequence: number, random: () => number): Record<string, unknown> {
  const lineCount = 3 + Math.floor(random() * 6);
  const lines = [];
  for (let index = 0; index < lineCount; index++) {
    const product = context.products[Math.floor(random() * context.products.length)]!;
    const qty = product.weighed ? 200 + Math.floor(random() * 1800) : 1000 * (1 + Math.floor(random() * 3));
    const gross = multiplyByQuantity(product.price, qty);
    const discount = random() < 0.15 ? Math.floor(gross / 10) : 0;
    lines.push({
      productId: product.id,
      sku: product.sku,
      name: product.name,
      qty,
      unitPrice: product.price,
      discount,
      taxRate: product.taxRate,
      priceIncludesTax: true,
      total: gross - discount,
    });
  }
  const subtotal = sumMinorUnits(lines.map((line) => line.total + line.discount));
  const discount = sumMinorUnits(lines.map((line) => line.discount));
  const total = sumMinorUnits(lines.map((line) => line.total));
  const tax = computeTaxes(lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: true }))).totals.tax;
  const id = uuidv7();
  const number = `${context.storeCode ?? 'S1'}-${context.deviceCode ?? 'D1'}-${String(sequence).padStart(6, '0')}`;
  return {
    id,
    kind: 'sale',
    storeId: context.storeId,
    deviceId: context.deviceId,
    number,
    createdAt: new Date(Date.UTC(2026, 10, 24, 1, 0, 0) + sequence * 1000).toISOString(),
    staffId: context.staffId,
    currency: 'VND',
    lines,
    tenders: random() < 0.6 ? [{ method: 'cash', amount: total }] : [{ method: 'card', amount: total, reference: `TID${sequence}` }],
    totals: { subtotal, discount, tax, total },
    ledger: lines.map((line, index) => ({
      id: `${id}-stock-${index}`,
      kind: 'stock',
      refId: line.productId,
      delta: -line.qty,
      reason: 'sale',
    })),
  };
}
