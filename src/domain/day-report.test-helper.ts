// A day of documents as tills write them, for the report's property tests: sales any till can complete
// (paid-sale.test-helper.ts) at random times around one business day, on three tills, some cancelled or
// returned later (the reversing document of sale-reversal.ts, as a customer return when it names a reason
// other than void, sometimes of an online order).
import fc from 'fast-check';
import { businessDayWindow } from './business-day.ts';
import type { BusinessDaySettings } from './business-day.ts';
import type { SaleDocument } from './documents.ts';
import { paidSaleArb, saleOf } from './paid-sale.test-helper.ts';
import { buildSaleDocument } from './sale-document.ts';
import { buildSaleReversal } from './sale-reversal.ts';

export const REPORT_DATE = '2025-11-24';
export const REPORT_STORE = 'store-q1';
export const TILLS = ['device-t01', 'device-t02', 'device-t03'] as const;

/** Zones and cut-offs the properties run in: Hà Nội at midnight and at 04:00, Berlin across no jump, New York at 03:00. */
export const settingsArb: fc.Arbitrary<BusinessDaySettings> = fc.constantFrom(
  { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 },
  { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 240 },
  { timeZone: 'Europe/Berlin', cutoffMinutes: 0 },
  { timeZone: 'America/New_York', cutoffMinutes: 180 },
);

const documentSpecArb = fc.record({
  paid: paidSaleArb,
  /** Minutes from the day's start: some before it, some after its end. */
  minute: fc.integer({ min: -8 * 60, max: 32 * 60 }),
  second: fc.integer({ min: 0, max: 59 }),
  till: fc.constantFrom(...TILLS),
  later: fc.option(
    fc.record({ minutes: fc.integer({ min: 1, max: 600 }), till: fc.constantFrom(...TILLS), as: fc.constantFrom('void', 'damaged', 'online-return') }),
    { nil: undefined, freq: 3 },
  ),
});

function pad(index: number): string {
  return String(index).padStart(6, '0');
}

/** A day's sales (and their reversals) around REPORT_DATE in `settings`. */
export function dayArb(settings: BusinessDaySettings, options: { maxSales?: number; minute?: fc.Arbitrary<number> } = {}): fc.Arbitrary<SaleDocument[]> {
  const spec = options.minute === undefined ? documentSpecArb : documentSpecArb.chain((each) => options.minute!.map((minute) => ({ ...each, minute })));
  return fc.array(spec, { maxLength: options.maxSales ?? 25 }).map((specs) => {
    const start = businessDayWindow(REPORT_DATE, settings).start;
    const documents: SaleDocument[] = [];
    specs.forEach(({ paid, minute, second, till, later }, index) => {
      const createdAt = new Date(start + minute * 60_000 + second * 1000).toISOString();
      const id = `0192f3a4-0000-7000-8000-${pad(index)}000000`;
      const sale = saleOf(buildSaleDocument(paid.cart, paid.tenders, { id, storeId: REPORT_STORE, deviceId: till, number: `Q1-${till}-${pad(index)}`, createdAt, staffId: 'staff-lan', currency: 'VND' }, paid.saleRules));
      documents.push(sale);
      if (later === undefined) return;
      const reversed = buildSaleReversal(sale, {
        id: `0192f3a4-0000-7000-9000-${pad(index)}000000`,
        deviceId: later.till,
        number: `Q1-${later.till}-R${pad(index)}`,
        createdAt: new Date(Date.parse(createdAt) + later.minutes * 60_000).toISOString(),
        staffId: 'staff-lan',
        approverId: 'staff-nam',
      });
      if (!reversed.ok) throw new Error(reversed.detail);
      const reversal: SaleDocument = reversed.reversal;
      if (later.as === 'void') documents.push(reversal);
      else documents.push({ ...reversal, reason: later.as === 'damaged' ? 'damaged' : 'changed_mind', ...(later.as === 'online-return' ? { orderId: `order-${index}` } : {}) });
    });
    return documents;
  });
}
