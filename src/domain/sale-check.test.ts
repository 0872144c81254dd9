import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSale, lineAmounts } from './sale-check.ts';
import type { CheckedSale, CheckedSaleLine } from './sale-check.ts';
import { computeTaxes } from './tax.ts';

type LineInput = Omit<CheckedSaleLine, 'total'>;

/** A sale as a correct till would write it: every total computed from the lines. */
function ringUp(lines: LineInput[], tenders: CheckedSale['tenders'] = [], currency = 'VND'): CheckedSale {
  const priced = lines.map((line) => ({ ...line, total: lineAmounts({ ...line, total: 0 }).total }));
  const taxes = computeTaxes(priced.map((l) => ({ amount: l.total, rateBasisPoints: l.taxRate, pricesIncludeTax: l.priceIncludesTax ?? true })));
  const subtotal = priced.reduce((sum, l) => sum + lineAmounts(l).gross, 0);
  const discount = priced.reduce((sum, l) => sum + lineAmounts(l).discount, 0);
  const total = taxes.totals.gross;
  return {
    currency,
    lines: priced,
    tenders: tenders.length > 0 ? tenders : [{ method: 'cash', amount: total }],
    totals: { subtotal, discount, tax: taxes.totals.tax, total },
  };
}

describe('the server checks the arithmetic of a pushed sale', () => {
  it('a cashier sells 2 coffees and 0.375 kg of pork with a discount, paid in cash with change: all adds up', () => {
    const sale = ringUp(
      [
        { qty: 2000, unitPrice: 29_000, discount: 0, taxRate: 1000 },
        { qty: 375, unitPrice: 160_000, discount: 5_000, taxRate: 500 },
      ],
      [{ method: 'cash', amount: 200_000 }],
    );
    expect(sale.totals).toEqual({ subtotal: 118_000, discount: 5_000, tax: 7_892, total: 113_000 });
    expect(checkSale(sale)).toEqual({ ok: true });
  });

  it('a line total that does not match price x quantity - discount is named with what it should be', () => {
    const sale = ringUp([{ qty: 3000, unitPrice: 10_000, discount: 0, taxRate: 800 }]);
    const tampered = { ...sale, lines: [{ ...sale.lines[0]!, total: 20_000 }] };
    const result = checkSale(tampered);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.mismatches).toContainEqual({ field: 'lines/0/total', expected: 30_000, actual: 20_000 });
  });

  it('totals that do not add up are each reported', () => {
    const sale = ringUp([{ qty: 1000, unitPrice: 50_000, discount: 0, taxRate: 1000 }]);
    const result = checkSale({ ...sale, totals: { subtotal: 1, discount: 2, tax: 3, total: 50_000 } });
    expect(result.ok === false && result.mismatches.map((m) => m.field)).toEqual(['totals/subtotal', 'totals/discount', 'totals/tax']);
  });

  it('tax-exclusive lines add their VAT to what the customer pays', () => {
    const sale = ringUp([{ qty: 1000, unitPrice: 100_000, discount: 0, taxRate: 1000, priceIncludesTax: false }]);
    expect(sale.totals).toMatchObject({ tax: 10_000, total: 110_000 });
    expect(checkSale(sale)).toEqual({ ok: true });
  });

  it('a card paying more than the total is a mismatch (only cash gives change), and so is paying too little', () => {
    const sale = ringUp([{ qty: 1000, unitPrice: 50_000, discount: 0, taxRate: 1000 }]);
    const overCard = checkSale({ ...sale, tenders: [{ method: 'card', amount: 60_000 }] });
    expect(overCard.ok === false && overCard.mismatches.map((m) => m.field)).toEqual(['tenders']);
    const short = checkSale({ ...sale, tenders: [{ method: 'cash', amount: 40_000 }] });
    expect(short.ok === false && short.mismatches[0]).toMatchObject({ field: 'tenders', actual: 40_000 });
    const split = checkSale({ ...sale, tenders: [{ method: 'card', amount: 30_000 }, { method: 'cash', amount: 50_000 }] });
    expect(split).toEqual({ ok: true });
  });

  it('a store rounding cash down to 1.000 dong takes 137.000 for a 137.200 sale, but cannot round by more', () => {
    const sale = ringUp([{ qty: 1000, unitPrice: 137_200, discount: 0, taxRate: 800 }]);
    const rounded = { ...sale, totals: { ...sale.totals, cashRounding: -200 }, tenders: [{ method: 'cash' as const, amount: 137_000 }] };
    expect(checkSale(rounded)).toEqual({ ok: true });
    const byCard = checkSale({ ...rounded, tenders: [{ method: 'card', amount: 137_000 }] });
    expect(byCard.ok === false && byCard.mismatches.map((m) => m.field)).toContain('totals/cashRounding');
    const tooMuch = checkSale({ ...rounded, totals: { ...rounded.totals, cashRounding: -37_200 }, tenders: [{ method: 'cash', amount: 100_000 }] });
    expect(tooMuch.ok === false && tooMuch.mismatches.map((m) => m.field)).toContain('totals/cashRounding');
  });

  it('a return refunds the line minus its discount, and the refund may not exceed it', () => {
    const refund = ringUp([{ qty: -1000, unitPrice: 40_000, discount: 4_000, taxRate: 1000 }], [{ method: 'cash', amount: -36_000 }]);
    expect(refund.lines[0]!.total).toBe(-36_000);
    expect(checkSale(refund)).toEqual({ ok: true });
    expect(checkSale({ ...refund, tenders: [{ method: 'card', amount: -40_000 }] }).ok).toBe(false);
  });

  it('an unknown currency and amounts beyond exact arithmetic are flagged, never thrown', () => {
    const sale = ringUp([{ qty: 1000, unitPrice: 1_000, discount: 0, taxRate: 0 }]);
    expect(checkSale({ ...sale, currency: 'XXX' })).toEqual({ ok: false, mismatches: [{ field: 'currency', expected: 'a known ISO 4217 code', actual: 'XXX' }] });
    const huge = { ...sale, lines: [{ ...sale.lines[0]!, qty: 100_000_000, unitPrice: 1_000_000_000_000 }] };
    const result = checkSale(huge);
    expect(result.ok === false && result.mismatches[0]?.field).toBe('amounts');
  });
});

const lineArb: fc.Arbitrary<LineInput> = fc
  .record({
    qty: fc.integer({ min: 1, max: 50_000 }),
    unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
    discountShare: fc.integer({ min: 0, max: 100 }),
    taxRate: fc.constantFrom(0, 500, 800, 1000),
    priceIncludesTax: fc.option(fc.boolean(), { nil: undefined }),
    returned: fc.boolean(),
  })
  .map(({ qty, unitPrice, discountShare, taxRate, priceIncludesTax, returned }) => {
    const gross = Math.round((unitPrice * qty) / 1000);
    const line: LineInput = { qty: returned ? -qty : qty, unitPrice, discount: Math.floor((gross * discountShare) / 100), taxRate };
    return priceIncludesTax === undefined ? line : { ...line, priceIncludesTax };
  });

describe('sale check properties', () => {
  it('any sale a correct till rings up passes', () => {
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => checkSale(ringUp(lines)).ok));
  });

  it('changing any line total by any amount is caught and names that line', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (lines, pick, delta) => {
        const sale = ringUp(lines);
        const index = pick % sale.lines.length;
        const tampered = { ...sale, lines: sale.lines.map((l, i) => (i === index ? { ...l, total: l.total + delta } : l)) };
        const result = checkSale(tampered);
        return result.ok === false && result.mismatches.some((m) => m.field === `lines/${index}/total`);
      }),
    );
  });

  it('changing a total by any amount is caught', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('subtotal', 'discount', 'tax', 'total') as fc.Arbitrary<'subtotal' | 'discount' | 'tax' | 'total'>,
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0),
        (lines, field, delta) => {
          const sale = ringUp(lines);
          const result = checkSale({ ...sale, totals: { ...sale.totals, [field]: sale.totals[field] + delta } });
          return result.ok === false && result.mismatches.some((m) => m.field === `totals/${field}`);
        },
      ),
    );
  });

  it('a full return of a sale mirrors it and passes too', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), (lines) => {
        const sale = ringUp(lines);
        const mirrored = ringUp(lines.map((l) => ({ ...l, qty: -l.qty })));
        return checkSale(mirrored).ok && mirrored.totals.total === -sale.totals.total;
      }),
    );
  });
});
