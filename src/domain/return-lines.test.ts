import { describe, expect, it } from 'vitest';
import { loyaltyRules, tierById } from './loyalty.ts';
import { exchangeEarning, returnStockEntries, returnTotals } from './return-lines.ts';
import type { ReturnDocumentLine } from './return-lines.ts';
import { checkSale } from './sale-check.ts';

const back = (qty: number, total: number, condition: 'resellable' | 'damaged', taxRate = 800, priceIncludesTax = true): ReturnDocumentLine => ({
  productId: `p-${condition}`,
  sku: 'S',
  name: 'Hàng',
  qty: -qty,
  unitPrice: -total / (qty / 1000),
  discount: 0,
  taxRate,
  total,
  priceIncludesTax,
  unit: 'pcs',
  condition,
});

describe('the lines of a return', () => {
  it('stock: resellable back, damaged back and written off, new items out', () => {
    const lines = [{ productId: 'p-shirt', qty: -1000, condition: 'resellable' }, { productId: 'p-milk', qty: -2000, condition: 'damaged' }, { productId: 'p-shirt-l', qty: 1000 }];
    expect(returnStockEntries('r1', lines)).toEqual([
      { id: 'r1-stock-0', kind: 'stock', refId: 'p-shirt', delta: 1000, reason: 'return' },
      { id: 'r1-stock-1', kind: 'stock', refId: 'p-milk', delta: 2000, reason: 'return' },
      { id: 'r1-writeoff-1', kind: 'stock', refId: 'p-milk', delta: -2000, reason: 'damaged' },
      { id: 'r1-stock-2', kind: 'stock', refId: 'p-shirt-l', delta: -1000, reason: 'sale' },
    ]);
  });

  it('totals as the server checks them: a returned line with VAT added gives back its VAT too', () => {
    const lines = [back(1000, -100_000, 'resellable', 1000, false), back(2000, -64_000, 'damaged')];
    const totals = returnTotals(lines);
    expect(totals).toEqual({ subtotal: -164_000, discount: 0, tax: -14_741, total: -174_000 });
    expect(checkSale({ currency: 'VND', lines, tenders: [{ method: 'cash', amount: -174_000 }], totals })).toEqual({ ok: true });
  });

  it("an exchange's new items earn like a sale, at the tier, less what was paid for them in points", () => {
    const rules = loyaltyRules({ loyalty: { enabled: true, earnAmountPerPoint: 10_000, tiers: [{ id: 'silver', minSpend: 1, multiplierBasisPoints: 12_500 }] } });
    const newLine = { productId: 'p-l', qty: 1000, total: 135_000 };
    expect(exchangeEarning([newLine], [], '2025-11-24T03:00:00.000Z', { ...(rules === undefined ? {} : { loyalty: rules }) })).toBe(13);
    expect(exchangeEarning([newLine], [{ method: 'points', amount: 35_000 }], '2025-11-24T03:00:00.000Z', { ...(rules === undefined ? {} : { loyalty: rules }), ...(rules === undefined ? {} : { tier: tierById('silver', rules) }) })).toBe(12);
    expect(exchangeEarning([newLine], [], '2025-11-24T03:00:00.000Z', {})).toBe(0);
  });
});
