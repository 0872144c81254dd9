import { describe, expect, it } from 'vitest';
import { ReportOverflowError, TillTotals } from './day-report-figures.ts';
import type { ReportSale } from './day-report-figures.ts';

function sale(id: string, total: number, extra: Partial<ReportSale> = {}): ReportSale {
  return {
    id, kind: 'sale', storeId: 'store-q1', deviceId: 'device-t01', createdAt: '2025-11-24T03:00:00.000Z', currency: 'VND',
    lines: [{ productId: 'p', sku: 'P', name: 'Hàng', qty: 1000, unitPrice: total, discount: 0, taxRate: 1000, total }],
    tenders: [{ method: 'card', amount: total }], totals: { subtotal: total, discount: 0, tax: 0, total }, change: 0, ...extra,
  };
}

describe('adding a till’s documents up', () => {
  it('a till’s figures merged into the store’s add up, count by count and rate by rate', () => {
    const t01 = new TillTotals();
    t01.addSale(sale('a', 110_000));
    const t02 = new TillTotals();
    t02.addSale(sale('b', 55_000, { tenders: [{ method: 'cash', amount: 100_000 }], change: 45_000 }));
    const store = new TillTotals();
    store.merge(t01);
    store.merge(t02);
    expect(store.figures()).toMatchObject({
      salesCount: 2,
      gross: 165_000,
      net: 165_000,
      taxes: [{ rate: 1000, base: 150_000, tax: 15_000 }],
      tenders: [{ method: 'cash', amount: 55_000, count: 1 }, { method: 'card', amount: 110_000, count: 1 }],
    });
  });

  it('refuses to add amounts beyond what integers count exactly, rather than print a wrong figure', () => {
    const till = new TillTotals();
    const huge = 900_000_000_000_000;
    for (let index = 0; index < 10; index++) till.addSale({ ...sale(`s${index}`, huge), lines: [{ productId: 'p', sku: 'P', name: 'x', qty: 1000, unitPrice: huge, discount: 0, taxRate: 0, total: huge }] });
    expect(() => till.addSale({ ...sale('last', huge), lines: [{ productId: 'p', sku: 'P', name: 'x', qty: 1000, unitPrice: huge, discount: 0, taxRate: 0, total: huge }] })).toThrow(ReportOverflowError);
  });
});
