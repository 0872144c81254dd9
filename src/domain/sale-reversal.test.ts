import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from './cart.ts';
import { cartOf, coffee, pork, saleOf, paidSaleArb, testTaxClasses, saleContext } from './paid-sale.test-helper.ts';
import { checkSale } from './sale-check.ts';
import { buildSaleDocument } from './sale-document.ts';
import type { CompletedSale } from './sale-document.ts';
import { buildSaleReversal, cancelledSaleIds } from './sale-reversal.ts';
import type { ReversalContext, SaleReversal } from './sale-reversal.ts';

const voidContext: ReversalContext = {
  id: '0192f3a4-9999-7d8e-9f00-aabbccddeeff',
  deviceId: 'device-t03',
  number: 'Q1-T03-000124',
  createdAt: '2025-11-24T03:20:00.000Z',
  staffId: 'staff-lan',
  approverId: 'staff-manager-hoa',
};

function reversalOf(result: ReturnType<typeof buildSaleReversal>): SaleReversal {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.reversal;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Money per tender method as it stayed with the store: cash net of the change handed back. */
function keptByMethod(document: Pick<CompletedSale, 'tenders' | 'change'>): Map<string, number> {
  const kept = new Map<string, number>();
  for (const tender of document.tenders) kept.set(tender.method, (kept.get(tender.method) ?? 0) + tender.amount);
  if (document.change !== 0) kept.set('cash', (kept.get('cash') ?? 0) - document.change);
  return kept;
}

function ledgerDeltas(document: Pick<CompletedSale, 'ledger'>): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const entry of document.ledger) deltas.set(`${entry.kind}:${entry.refId}`, (deltas.get(`${entry.kind}:${entry.refId}`) ?? 0) + entry.delta);
  return deltas;
}

function expectNetsToZero(sale: CompletedSale, reversal: SaleReversal): void {
  expect(reversal.lines).toHaveLength(sale.lines.length);
  sale.lines.forEach((line, index) => {
    const back = reversal.lines[index];
    expect(back?.productId).toBe(line.productId);
    expect((back?.qty ?? 0) + line.qty).toBe(0);
    expect((back?.total ?? 0) + line.total).toBe(0);
  });
  for (const field of ['subtotal', 'discount', 'tax', 'total'] as const) expect(reversal.totals[field] + sale.totals[field]).toBe(0);
  expect((reversal.totals.cashRounding ?? 0) + (sale.totals.cashRounding ?? 0)).toBe(0);
  const kept = keptByMethod(sale);
  const refunded = keptByMethod(reversal);
  for (const method of new Set([...kept.keys(), ...refunded.keys()])) expect((kept.get(method) ?? 0) + (refunded.get(method) ?? 0)).toBe(0);
  const points = (document: Pick<CompletedSale, 'tenders'>) => sum(document.tenders.map((tender) => tender.points ?? 0));
  expect(points(reversal)).toBe(points(sale));
  const moved = ledgerDeltas(sale);
  const undone = ledgerDeltas(reversal);
  expect([...undone.keys()].sort()).toEqual([...moved.keys()].sort());
  for (const [key, delta] of moved) expect((undone.get(key) ?? 0) + delta).toBe(0);
}

describe('a manager cancels a completed sale', () => {
  it('2 coffees and 0.375 kg of pork for a member, paid 200,000 in cash: 113,000 goes back in cash, stock comes back, earned points are taken back', () => {
    let cart = cartOf(ringUpLine(emptyCart(), coffee, { qty: 2000 }));
    cart = cartOf(ringUpLine(cart, pork, { qty: 375 }));
    cart = attachCustomer(cart, 'cust-7');
    const sale = saleOf(buildSaleDocument(cart, [{ method: 'cash', amount: 200_000 }], saleContext, { taxClasses: testTaxClasses, loyalty: { amountPerPoint: 10_000 } }));
    const reversal = reversalOf(buildSaleReversal(sale, voidContext));
    expect(reversal).toEqual({
      id: voidContext.id,
      kind: 'return',
      reason: 'void',
      originalSaleId: sale.id,
      originalNumber: 'Q1-T03-000123',
      storeId: 'store-q1',
      deviceId: 'device-t03',
      number: 'Q1-T03-000124',
      createdAt: voidContext.createdAt,
      staffId: 'staff-lan',
      approverId: 'staff-manager-hoa',
      customerId: 'cust-7',
      currency: 'VND',
      lines: [
        { productId: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', qty: -2000, unitPrice: 29_000, discount: 0, taxRate: 1000, total: -58_000, priceIncludesTax: true, unit: 'pcs' },
        { productId: 'p-pork', sku: 'TH01', name: 'Thịt heo', qty: -375, unitPrice: 160_000, discount: 0, taxRate: 500, total: -60_000, priceIncludesTax: true, unit: 'kg' },
      ],
      tenders: [{ method: 'cash', amount: -118_000 }],
      totals: { subtotal: -118_000, discount: 0, tax: -8_130, total: -118_000 },
      change: 0,
      ledger: [
        { id: `${voidContext.id}-stock-0`, kind: 'stock', refId: 'p-coffee', delta: 2000, reason: 'void' },
        { id: `${voidContext.id}-stock-1`, kind: 'stock', refId: 'p-pork', delta: 375, reason: 'void' },
        { id: `${voidContext.id}-points-earn`, kind: 'points', refId: 'cust-7', delta: -11, reason: 'void' },
      ],
    });
    expect(checkSale(reversal)).toEqual({ ok: true });
  });

  it('points, a gift card and store credit are given back, the card is refunded on the terminal', () => {
    const cart = attachCustomer(cartOf(ringUpLine(emptyCart(), { ...coffee, price: 300_000 })), 'cust-7');
    const sale = saleOf(
      buildSaleDocument(
        cart,
        [
          { method: 'points', amount: 50_000, points: 500 },
          { method: 'gift_card', amount: 100_000, giftCardId: 'gc-9' },
          { method: 'store_credit', amount: 20_000 },
          { method: 'card', amount: 130_000, reference: 'APPR 7781', terminal: 'vcb-1' },
        ],
        saleContext,
        { taxClasses: testTaxClasses },
      ),
    );
    const reversal = reversalOf(buildSaleReversal(sale, voidContext));
    expect(reversal.tenders).toEqual([
      { method: 'points', amount: -50_000, points: 500 },
      { method: 'gift_card', amount: -100_000, reference: 'gc-9' },
      { method: 'store_credit', amount: -20_000 },
      { method: 'card', amount: -130_000, reference: 'APPR 7781', terminal: 'vcb-1' },
    ]);
    expect(reversal.ledger.slice(1)).toEqual([
      { id: `${voidContext.id}-points-0`, kind: 'points', refId: 'cust-7', delta: 500, reason: 'void' },
      { id: `${voidContext.id}-giftcard-1`, kind: 'giftcard', refId: 'gc-9', delta: 100_000, reason: 'void' },
      { id: `${voidContext.id}-credit-2`, kind: 'credit', refId: 'cust-7', delta: 20_000, reason: 'void' },
    ]);
    expect(checkSale(reversal)).toEqual({ ok: true });
  });

  it('a cash part rounded down to nothing keeps its cash (handed over and back) so the rounding stays with cash', () => {
    const cart = cartOf(ringUpLine(emptyCart(), { ...coffee, price: 137_200 }));
    const tenders = [
      { method: 'card' as const, amount: 137_000, reference: 'APPR 1' },
      { method: 'cash' as const, amount: 500 },
    ];
    const sale = saleOf(buildSaleDocument(cart, tenders, saleContext, { taxClasses: testTaxClasses, cashRounding: { step: 500 } }));
    expect(sale.totals.cashRounding).toBe(-200);
    expect(sale.change).toBe(500);
    const reversal = reversalOf(buildSaleReversal(sale, voidContext));
    expect(reversal.tenders).toEqual([
      { method: 'card', amount: -137_000, reference: 'APPR 1' },
      { method: 'cash', amount: -500 },
    ]);
    expect(reversal.change).toBe(-500);
    expect(reversal.totals.cashRounding).toBe(200);
    expect(checkSale(reversal)).toEqual({ ok: true });
    expectNetsToZero(sale, reversal);

    // All of it in cash: a 200 dong sale rounds to nothing, so the reversal's due is 0 with a negative total.
    const tiny = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), { ...coffee, price: 200 })), [{ method: 'cash', amount: 500 }], saleContext, { taxClasses: testTaxClasses, cashRounding: { step: 500 } }));
    const tinyReversal = reversalOf(buildSaleReversal(tiny, voidContext));
    expect(tinyReversal.totals).toMatchObject({ total: -200, cashRounding: 200 });
    expect(checkSale(tinyReversal)).toEqual({ ok: true });
  });

  it('refuses a second cancellation, a cancellation of a return, and a context the document cannot carry', () => {
    const sale = saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'cash', amount: 50_000 }], saleContext, { taxClasses: testTaxClasses }));
    const reversal = reversalOf(buildSaleReversal(sale, voidContext));
    const cancelled = cancelledSaleIds([sale, reversal]);
    expect([...cancelled]).toEqual([sale.id]);
    expect(buildSaleReversal(sale, { ...voidContext, id: 'another' }, cancelled)).toMatchObject({ ok: false, reason: 'already-cancelled', detail: 'Q1-T03-000123 is already cancelled' });
    expect(buildSaleReversal(reversal, { ...voidContext, id: 'another' })).toMatchObject({ ok: false, reason: 'not-a-sale' });
    expect(buildSaleReversal(sale, { ...voidContext, approverId: '' })).toMatchObject({ ok: false, reason: 'bad-context', detail: 'approverId must be 1-64 characters' });
    expect(buildSaleReversal(sale, { ...voidContext, createdAt: 'now' })).toMatchObject({ ok: false, reason: 'bad-context' });
    expect(buildSaleReversal(sale, { ...voidContext, id: 'x'.repeat(41) })).toMatchObject({ ok: false, reason: 'bad-context' });
  });
});

describe('sale reversal properties', () => {
  const reversedArb = paidSaleArb.map(({ cart, tenders, saleRules }) => {
    const sale = saleOf(buildSaleDocument(cart, tenders, saleContext, saleRules));
    return { sale, reversal: reversalOf(buildSaleReversal(sale, voidContext)) };
  });

  it('any completed sale and its reversal net to zero on every line, total, tender method, points and ledger balance', () => {
    fc.assert(
      fc.property(reversedArb, ({ sale, reversal }) => expectNetsToZero(sale, reversal)),
      { numRuns: 400 },
    );
  });

  it('the server’s sale check accepts every reversal, cash rounding up or down included', () => {
    fc.assert(
      fc.property(reversedArb, ({ reversal }) => {
        expect(checkSale(reversal)).toEqual({ ok: true });
      }),
      { numRuns: 400 },
    );
  });

  it('refunds never more cash than the drawer kept, carry no negative zero, and have unique ledger ids of their own that fit the schema', () => {
    fc.assert(
      fc.property(reversedArb, ({ sale, reversal }) => {
        const cash = sum(reversal.tenders.filter((tender) => tender.method === 'cash').map((tender) => tender.amount));
        const keptCash = sum(sale.tenders.filter((tender) => tender.method === 'cash').map((tender) => tender.amount)) - sale.change;
        if (reversal.change === 0) expect(cash + keptCash).toBe(0);
        for (const tender of reversal.tenders) expect(tender.amount).toBeLessThanOrEqual(0);
        const amounts = [...reversal.lines.flatMap((line) => [line.qty, line.total]), ...Object.values(reversal.totals), reversal.change, ...reversal.ledger.map((entry) => entry.delta)];
        for (const amount of amounts) expect(Object.is(amount, -0)).toBe(false);
        const ids = reversal.ledger.map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(id.startsWith(`${voidContext.id}-`)).toBe(true);
          expect(id.length).toBeLessThanOrEqual(64);
        }
      }),
      { numRuns: 200 },
    );
  });
});
