// The tablet's day report reads its own sales of the day out of IndexedDB (real Chromium) by their createdAt as
// text, with a margin of 14 hours on each side: a sale whose time was written with any offset (+14:00 to
// -12:00) is read when its instant belongs to the day, and the report, not the text, decides.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { SaleDocument } from '../../domain/documents.ts';
import { cartOf, coffee, saleOf, testTaxClasses } from '../../domain/paid-sale.test-helper.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import { DEVICE_ID, STORE_ID, tearDownTill } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { tabletDayReport } from './day-report-data.ts';
import { dayEndConfig, openDayEndTill } from './dayend.test-helper.tsx';

let till: Till | undefined;
afterEach(async () => {
  await tearDownTill(till);
  till = undefined;
});

function cashSale(id: string, createdAt: string): SaleDocument {
  const context = { id, storeId: STORE_ID, deviceId: DEVICE_ID, number: `Q1-${id}`, createdAt, staffId: 'staff-lan', currency: 'VND' };
  return saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'cash', amount: 29_000 }], context, { taxClasses: testTaxClasses }));
}

describe("the tablet's day report reads the day's sales", () => {
  it('counts sales written with the farthest offsets inside the day and none of the neighbouring days', async () => {
    till = await openDayEndTill(dayEndConfig());
    // 24 November 2025 in Hồ Chí Minh City (UTC+7, cut-off midnight) is [23 Nov 17:00Z, 24 Nov 17:00Z).
    const inside = [
      cashSale('first', '2025-11-23T17:00:00.000Z'),
      // 24 Nov 16:30Z written at +14:00 sorts as 25 Nov 06:30, past the day's end as text.
      cashSale('kiribati', '2025-11-25T06:30:00.000+14:00'),
      // 23 Nov 17:30Z written at -12:00 sorts as 23 Nov 05:30, before the day's start as text.
      cashSale('baker', '2025-11-23T05:30:00.000-12:00'),
      cashSale('noon', '2025-11-24T05:00:00.000Z'),
    ];
    const outside = [cashSale('day-before', '2025-11-23T16:59:59.999Z'), cashSale('day-after', '2025-11-25T07:00:00.000+14:00'), cashSale('week-after', '2025-12-01T05:00:00.000Z')];
    await till.database.sales.bulkInsert([...inside, ...outside]);

    const report = await tabletDayReport(till.database, { storeId: STORE_ID, day: { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND' } }, { date: '2025-11-24' });

    expect(report.salesCount).toBe(inside.length);
    expect(report.net).toBe(inside.length * 29_000);
    expect(report.tenders).toEqual([{ method: 'cash', amount: inside.length * 29_000, count: inside.length }]);
  });
});
