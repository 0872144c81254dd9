import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterPaymentOf, orderLinesForCounter, paidAtCounterEvent, saleCoversOrder, withCounterPayment, type CounterSale, type PayableOrder } from './pickup-payment.ts';

const order: PayableOrder & { paid: boolean } = {
  id: 'order-1042',
  currency: 'VND',
  total: 244000,
  paid: false,
  lines: [
    { productId: 'p-milk', sku: 'MILK-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32000, taxRate: 800, total: 64000 },
    { productId: 'p-rice', sku: 'RICE-5', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180000, taxRate: 500, total: 180000 },
  ],
};

type Line = CounterSale['lines'][number];
const line = (productId: string, qty: number, unitPrice: number, discount = 0): Line => ({
  productId,
  sku: productId.toUpperCase(),
  name: productId,
  qty,
  unitPrice,
  discount,
  taxRate: 800,
  total: (unitPrice * qty) / 1000 - discount,
});

function sale(lines: Line[], overrides: Partial<CounterSale> = {}): CounterSale {
  const total = lines.reduce((sum, l) => sum + l.total, 0);
  const [first, ...rest] = lines;
  if (first === undefined) throw new Error('a sale has at least one line');
  return { id: 'sale-1', kind: 'sale', currency: 'VND', pickupOrderId: 'order-1042', lines: [first, ...rest], totals: { subtotal: total, discount: 0, tax: 0, total }, ...overrides };
}

const orderLines = (): Line[] => [line('p-milk', 2000, 32000), line('p-rice', 1000, 180000)];

describe('saleCoversOrder', () => {
  it('a sale of the order lines at the order prices pays it, with or without more items', () => {
    expect(saleCoversOrder(order, sale(orderLines()))).toEqual({ ok: true });
    expect(saleCoversOrder(order, sale([...orderLines(), line('p-candy', 3000, 5000)]))).toEqual({ ok: true });
    // The same goods split over several lines count together.
    expect(saleCoversOrder(order, sale([line('p-milk', 1000, 32000), line('p-rice', 1000, 180000), line('p-milk', 1000, 32000)]))).toEqual({ ok: true });
  });

  it('names every gap: a short line, another price, a discount, another order, a return, another currency', () => {
    const short = saleCoversOrder(order, sale([line('p-milk', 1000, 32000), line('p-rice', 1000, 180000)]));
    expect(short).toEqual({
      ok: false,
      gaps: [
        { kind: 'line-short', line: 0, sku: 'MILK-1L', unitPrice: 32000, expectedQty: 2000, coveredQty: 1000 },
        { kind: 'total-short', expected: 244000, actual: 212000 },
      ],
    });
    const cheaper = saleCoversOrder(order, sale([line('p-milk', 2000, 30000), line('p-rice', 1000, 180000), line('p-candy', 1000, 10000)]));
    expect(cheaper.ok).toBe(false);
    expect(cheaper.ok ? [] : cheaper.gaps.map((g) => g.kind)).toEqual(['line-short']);
    const discounted = saleCoversOrder(order, sale([line('p-milk', 2000, 32000, 1000), line('p-rice', 1000, 180000)]));
    expect(discounted.ok ? [] : discounted.gaps).toEqual([
      { kind: 'line-underpaid', line: 0, sku: 'MILK-1L', expected: 64000, actual: 63000 },
      { kind: 'total-short', expected: 244000, actual: 243000 },
    ]);
    const other = saleCoversOrder(order, sale(orderLines(), { pickupOrderId: 'order-9' }));
    expect(other.ok ? [] : other.gaps).toEqual([{ kind: 'other-order', pickupOrderId: 'order-9' }]);
    const returned = saleCoversOrder(order, sale(orderLines(), { kind: 'return', currency: 'USD' }));
    expect(returned.ok ? [] : returned.gaps.map((g) => g.kind)).toEqual(['not-a-sale', 'currency']);
  });

  it('property: a sale holding at least each order line at its price (and any extras) covers it; one unit less of any line does not', () => {
    const orderLine = fc.record({ qty: fc.integer({ min: 1, max: 50 }).map((n) => n * 1000), unitPrice: fc.integer({ min: 0, max: 2_000_000 }) });
    fc.assert(
      fc.property(fc.array(orderLine, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), fc.nat(5), (specs, extras, cut) => {
        const lines = specs.map((spec, i) => ({ productId: `p-${i}`, sku: `P-${i}`, name: `p${i}`, qty: spec.qty, unitPrice: spec.unitPrice, taxRate: 0, total: (spec.unitPrice * spec.qty) / 1000 }));
        const o: PayableOrder = { id: 'order-1042', currency: 'VND', lines, total: lines.reduce((s, l) => s + l.total, 0) };
        const paying = lines.map((l, i) => line(l.productId, l.qty + (extras[i] ?? 0) * 1000, l.unitPrice));
        expect(saleCoversOrder(o, sale(paying)).ok).toBe(true);
        const index = cut % lines.length;
        const shortOne = paying.map((l, i) => (i === index ? line(l.productId, (lines[i]?.qty ?? 0) - 1000, l.unitPrice) : l)).filter((l) => l.qty > 0);
        expect(saleCoversOrder(o, sale(shortOne.length > 0 ? shortOne : [line('p-x', 1000, 1)])).ok).toBe(false);
      }),
    );
  });
});

describe('an order line discounted online', () => {
  // Two litres of milk at 32,000 with 4,000 off online: the line's total is 60,000.
  const discountedOrder: PayableOrder = { ...order, total: 240000, lines: [{ ...order.lines[0]!, total: 60000 }, order.lines[1]!] };

  it('goes to the counter with its discount, and a sale carrying that discount (no more) covers it', () => {
    expect(orderLinesForCounter(discountedOrder).map((l) => l.discount)).toEqual([4000, 0]);
    expect(saleCoversOrder(discountedOrder, sale([line('p-milk', 2000, 32000, 4000), line('p-rice', 1000, 180000)]))).toEqual({ ok: true });
    const more = saleCoversOrder(discountedOrder, sale([line('p-milk', 2000, 32000, 5000), line('p-rice', 1000, 180000)]));
    expect(more.ok ? [] : more.gaps).toEqual([
      { kind: 'line-underpaid', line: 0, sku: 'MILK-1L', expected: 60000, actual: 59000 },
      { kind: 'total-short', expected: 240000, actual: 239000 },
    ]);
  });
});

describe('counterPaymentOf and withCounterPayment', () => {
  it('the order shows paid once a covering sale carries its id, and unpaid again when that sale is cancelled', () => {
    const paying = { ...sale(orderLines()), reason: undefined, originalSaleId: undefined };
    expect(withCounterPayment(order, []).paid).toBe(false);
    expect(withCounterPayment(order, [sale(orderLines(), { pickupOrderId: 'order-9' })]).paid).toBe(false);
    expect(counterPaymentOf(order, [paying])?.id).toBe('sale-1');
    expect(withCounterPayment(order, [paying]).paid).toBe(true);
    const voided: CounterSale = { ...sale(orderLines(), { id: 'void-1', kind: 'return' }), reason: 'void', originalSaleId: 'sale-1' };
    expect(withCounterPayment(order, [paying, voided]).paid).toBe(false);
  });
});

describe('orderLinesForCounter and paidAtCounterEvent', () => {
  it('hands the known lines at the order prices and names the sale in the event', () => {
    const withUnknown = { lines: [...order.lines, { productId: '', sku: 'X', name: 'Unknown', qty: 1000, unitPrice: 1, taxRate: 0, total: 1, unknownProduct: true }] };
    expect(orderLinesForCounter(withUnknown)).toEqual([
      { productId: 'p-milk', sku: 'MILK-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32000, taxRate: 800, discount: 0 },
      { productId: 'p-rice', sku: 'RICE-5', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180000, taxRate: 500, discount: 0 },
    ]);
    expect(paidAtCounterEvent({ id: 'sale-1', createdAt: '2026-11-24T03:00:00.000Z', staffId: 'staff-lan', deviceId: 'tablet-1' })).toEqual({
      id: 'sale-1',
      type: 'paid_at_counter',
      at: '2026-11-24T03:00:00.000Z',
      staffId: 'staff-lan',
      deviceId: 'tablet-1',
      saleId: 'sale-1',
    });
  });
});
