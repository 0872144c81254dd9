// A sale the server keeps but flags for its date (year 9999, before 1970) is left out of the dashboard's
// buckets instead of failing the push that carries it; the rest of the batch is counted as ever.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardFigures } from './dashboard-figures.ts';
import { paidSaleArb, saleOf } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';

const settings = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' };

function saleAt(createdAt: string, seed: number) {
  const [each] = fc.sample(paidSaleArb, { numRuns: 1, seed });
  if (each === undefined) throw new Error('no sale generated');
  return saleOf(buildSaleDocument(each.cart, each.tenders, { id: `s-${seed}`, storeId: 'q1', deviceId: 'd1', number: `N-${seed}`, createdAt, staffId: 'lan', currency: 'VND' }, each.saleRules));
}

describe('the dashboard and sales dated where no calendar day is written', () => {
  it('leaves out a sale of year 9999 (year 10000 in Hà Nội) or of 1969, and counts the others', () => {
    const ordinary = saleAt('2026-12-07T03:00:00.000Z', 1);
    const figures = dashboardFigures({ settings, sales: [saleAt('9999-12-31T23:00:00.000Z', 2), ordinary, saleAt('1969-12-31T10:00:00.000Z', 3)] });
    expect(figures.days).toHaveLength(1);
    expect(figures.days[0]).toMatchObject({ storeId: 'q1', day: '2026-12-07', net: ordinary.totals.total });
    expect(figures.hours.map((h) => h.hour)).toEqual([10]);
  });
});
