import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTaxes, taxFromGross, taxFromNet, taxIncludedInGross, taxOnNet } from './tax.ts';
import type { TaxAmounts, TaxLineInput } from './tax.ts';
import { VIETNAM_TAX_CLASSES } from './tax-presets.ts';
import type { TaxClass } from './tax-presets.ts';

const negate = (value: number): number => (value === 0 ? 0 : -value);
const abs = (value: bigint): bigint => (value < 0n ? -value : value);
const R = 10_000n;

function taxClass(id: string): TaxClass {
  const found = VIETNAM_TAX_CLASSES.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`No preset tax class ${id}`);
  return found;
}
function ringUp(amount: number, classId: string): TaxLineInput {
  const { rateBasisPoints, pricesIncludeTax } = taxClass(classId);
  return { amount, rateBasisPoints, pricesIncludeTax };
}
function sumOf(rows: readonly TaxAmounts[]): TaxAmounts {
  return rows.reduce((sum, row) => ({ net: sum.net + row.net, tax: sum.tax + row.tax, gross: sum.gross + row.gross }), {
    net: 0,
    tax: 0,
    gross: 0,
  });
}
function amountsOf(row: TaxAmounts): TaxAmounts {
  return { net: row.net, tax: row.tax, gross: row.gross };
}

const vietnameseRate = fc.constantFrom(0, 500, 800, 1000);
const anyRate = fc.oneof(vietnameseRate, fc.integer({ min: 0, max: 10_000 }));
const lineArb = (amount: fc.Arbitrary<number>, include: fc.Arbitrary<boolean>): fc.Arbitrary<TaxLineInput> =>
  fc.record({ amount, rateBasisPoints: anyRate, pricesIncludeTax: include });
const signedLines = fc.array(lineArb(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.boolean()), { maxLength: 40 });

describe('VAT on a Vietnamese receipt (prices include tax)', () => {
  it('a cashier sells three 8 % items: the 8 % row is computed on the total and spread back to the lines', () => {
    const sale = computeTaxes([ringUp(25_000, 'vat8'), ringUp(18_500, 'vat8'), ringUp(42_000, 'vat8')]);
    // 85,500 x 8/108 = 6,333.33 -> 6,333. Shares 1,851.85 / 1,370.37 / 3,111.11: the odd dong goes to the first.
    expect(sale.byRate).toEqual([{ rateBasisPoints: 800, net: 79_167, tax: 6_333, gross: 85_500 }]);
    expect(sale.lines.map((line) => line.tax)).toEqual([1_852, 1_370, 3_111]);
    expect(sale.lines.map((line) => line.net)).toEqual([23_148, 17_130, 38_889]);
    expect(sale.totals).toEqual({ net: 79_167, tax: 6_333, gross: 85_500 });
  });

  it('ten 1,000 VND candies at 10 % show 909 VND tax on the invoice, not ten times 91', () => {
    const sale = computeTaxes(Array.from({ length: 10 }, () => ringUp(1_000, 'vat10')));
    expect(sale.totals).toEqual({ net: 9_091, tax: 909, gross: 10_000 });
    expect(sale.lines.map((line) => line.tax)).toEqual([91, 91, 91, 91, 91, 91, 91, 91, 91, 90]);
    expect(sale.lines.every((line) => line.net + line.tax === line.gross)).toBe(true);
  });

  it('a mixed basket gets one summary row per rate, lowest rate first, in input-line order per line', () => {
    const sale = computeTaxes([
      ringUp(32_000, 'vat10'), // detergent
      ringUp(15_500, 'vat8'), // biscuits
      ringUp(27_000, 'vat5'), // fresh vegetables
      ringUp(60_000, 'vat0'),
      ringUp(12_000, 'vat8'), // instant noodles
    ]);
    expect(sale.byRate).toEqual([
      { rateBasisPoints: 0, net: 60_000, tax: 0, gross: 60_000 },
      { rateBasisPoints: 500, net: 25_714, tax: 1_286, gross: 27_000 },
      { rateBasisPoints: 800, net: 25_463, tax: 2_037, gross: 27_500 },
      { rateBasisPoints: 1000, net: 29_091, tax: 2_909, gross: 32_000 },
    ]);
    expect(sale.lines.map((line) => line.tax)).toEqual([2_909, 1_148, 1_286, 0, 889]);
    expect(sale.totals).toEqual({ net: 140_268, tax: 6_232, gross: 146_500 });
  });

  it('a customer returns the whole basket and every line, row and total comes back negated', () => {
    const basket = [ringUp(25_000, 'vat8'), ringUp(18_500, 'vat8'), ringUp(32_000, 'vat10')];
    const sale = computeTaxes(basket);
    const refund = computeTaxes(basket.map((line) => ({ ...line, amount: -line.amount })));
    expect(refund.lines.map(amountsOf)).toEqual(sale.lines.map((line) => ({ net: -line.net, tax: -line.tax, gross: -line.gross })));
    expect(refund.totals).toEqual({ net: -sale.totals.net, tax: -sale.totals.tax, gross: -sale.totals.gross });
  });

  it('an empty cart has no rows and zero totals', () => {
    expect(computeTaxes([])).toEqual({ lines: [], byRate: [], totals: { net: 0, tax: 0, gross: 0 } });
  });
});

describe('VAT on tax-exclusive prices', () => {
  it('a store abroad sells a $19.99 item and a 1-cent bag at 10 %: tax on the 20.00 total is 2.00', () => {
    const sale = computeTaxes([
      { amount: 1_999, rateBasisPoints: 1000, pricesIncludeTax: false },
      { amount: 1, rateBasisPoints: 1000, pricesIncludeTax: false },
    ]);
    expect(sale.lines.map(amountsOf)).toEqual([
      { net: 1_999, tax: 200, gross: 2_199 },
      { net: 1, tax: 0, gross: 1 },
    ]);
    expect(sale.totals).toEqual({ net: 2_000, tax: 200, gross: 2_200 });
  });

  it('rounds half a unit of tax away from zero on sales and returns alike', () => {
    expect(taxOnNet(5, 1000)).toBe(1); // 0.5
    expect(taxOnNet(-5, 1000)).toBe(-1);
    expect(taxOnNet(4, 1000)).toBe(0);
    expect(taxIncludedInGross(11, 1000)).toBe(1);
    expect(taxFromNet(100_000, 800)).toEqual({ net: 100_000, tax: 8_000, gross: 108_000 });
    expect(taxFromGross(108_000, 800)).toEqual({ net: 100_000, tax: 8_000, gross: 108_000 });
  });

  it('refuses rates and amounts it cannot compute exactly', () => {
    expect(() => taxOnNet(1_000, 10_001)).toThrow(/Tax rate must be 0..10000 basis points, got 10001/);
    expect(() => taxOnNet(1_000, -1)).toThrow(/Tax rate must be 0..10000/);
    expect(() => taxOnNet(1_000, 7.5)).toThrow(/Tax rate \(basis points\) must be a safe integer/);
    expect(() => computeTaxes([{ amount: 10.5, rateBasisPoints: 800, pricesIncludeTax: true }])).toThrow(/Line 1 amount/);
  });
});

describe('VAT sums hold to the unit', () => {
  it('every line has net + tax = gross, rows are sums of their lines, totals are sums of rows', () => {
    fc.assert(
      fc.property(signedLines, (lines) => {
        const result = computeTaxes(lines);
        expect(result.lines).toHaveLength(lines.length);
        result.lines.forEach((line, index) => {
          const input = lines[index];
          if (input === undefined) throw new Error('line missing');
          expect(line.net + line.tax).toBe(line.gross);
          expect(line.rateBasisPoints).toBe(input.rateBasisPoints);
          expect(input.pricesIncludeTax ? line.gross : line.net).toBe(input.amount);
          // Tax and net never flip sign against the amount: a sale never carries negative tax.
          expect(Math.sign(line.tax) * Math.sign(input.amount)).toBeGreaterThanOrEqual(0);
          expect(Math.sign(line.net) * Math.sign(input.amount)).toBeGreaterThanOrEqual(0);
        });
        const rates = [...new Set(lines.map((line) => line.rateBasisPoints))].sort((a, b) => a - b);
        expect(result.byRate.map((row) => row.rateBasisPoints)).toEqual(rates);
        for (const row of result.byRate) {
          expect(amountsOf(row)).toEqual(sumOf(result.lines.filter((line) => line.rateBasisPoints === row.rateBasisPoints)));
        }
        expect(result.totals).toEqual(sumOf(result.byRate));
      }),
    );
  });

  it('each rate row passes the e-invoice check: its tax is within half a unit of rate x its total', () => {
    const positive = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(fc.array(lineArb(positive, fc.constant(true)), { maxLength: 40 }), fc.array(lineArb(positive, fc.constant(false)), { maxLength: 40 }), (inclusive, exclusive) => {
        for (const row of computeTaxes(inclusive).byRate) {
          const r = BigInt(row.rateBasisPoints);
          expect(2n * abs(BigInt(row.tax) * (R + r) - BigInt(row.gross) * r) <= R + r).toBe(true);
        }
        for (const row of computeTaxes(exclusive).byRate) {
          const r = BigInt(row.rateBasisPoints);
          expect(2n * abs(BigInt(row.tax) * R - BigInt(row.net) * r) <= R).toBe(true);
        }
      }),
    );
  });

  it('no line tax is 1.5 units or more away from the exact tax of that line alone', () => {
    fc.assert(
      fc.property(signedLines, (lines) => {
        computeTaxes(lines).lines.forEach((line, index) => {
          const r = BigInt(line.rateBasisPoints);
          const inclusive = lines[index]?.pricesIncludeTax === true;
          const denominator = inclusive ? R + r : R;
          const base = BigInt(inclusive ? line.gross : line.net);
          expect(2n * abs(BigInt(line.tax) * denominator - base * r) < 3n * denominator).toBe(true);
        });
      }),
    );
  });

  it('returns mirror sales and the order of the lines does not change any row or total', () => {
    fc.assert(
      fc.property(signedLines, (lines) => {
        const sale = computeTaxes(lines);
        const refund = computeTaxes(lines.map((line) => ({ ...line, amount: negate(line.amount) })));
        expect(refund.lines.map(amountsOf)).toEqual(
          sale.lines.map((line) => ({ net: negate(line.net), tax: negate(line.tax), gross: negate(line.gross) })),
        );
        const reversed = computeTaxes([...lines].reverse());
        expect(reversed.byRate).toEqual(sale.byRate);
        expect(reversed.totals).toEqual(sale.totals);
      }),
    );
  });
});

describe('tax-inclusive and tax-exclusive prices agree', () => {
  it('one amount: pricing a net exclusive, then reading its gross as inclusive gives back the same net and tax', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 11), max: 10 ** 11 }), fc.integer({ min: 0, max: 10_000 }), (net, rate) => {
        const exclusive = taxFromNet(net, rate);
        expect(taxFromGross(exclusive.gross, rate)).toEqual(exclusive);
      }),
    );
  });

  it('a whole cart: same rows and totals to the unit, every line within 1 unit of tax', () => {
    fc.assert(
      fc.property(fc.array(lineArb(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.constant(false)), { maxLength: 40 }), (netLines) => {
        const exclusive = computeTaxes(netLines);
        const inclusive = computeTaxes(exclusive.lines.map((line) => ({ amount: line.gross, rateBasisPoints: line.rateBasisPoints, pricesIncludeTax: true })));
        expect(inclusive.byRate).toEqual(exclusive.byRate);
        expect(inclusive.totals).toEqual(exclusive.totals);
        inclusive.lines.forEach((line, index) => {
          expect(Math.abs(line.tax - (exclusive.lines[index]?.tax ?? Number.NaN))).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('the other way round is exact only for reachable gross amounts: 5 dong at 10 % is the smallest counterexample', () => {
    // No net gives a gross of 5 at 10 %: net 4 -> 4, net 5 -> 6. Read inclusive, 5 holds 0 tax; its net 5 taxed exclusive gets 1.
    expect(taxFromGross(5, 1000)).toEqual({ net: 5, tax: 0, gross: 5 });
    expect(taxFromNet(5, 1000)).toEqual({ net: 5, tax: 1, gross: 6 });
  });

  it('the other way round never differs by more than 1 unit of tax, for any rate up to 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 11), max: 10 ** 11 }), fc.integer({ min: 0, max: 10_000 }), (gross, rate) => {
        const inclusive = taxFromGross(gross, rate);
        expect(Math.abs(taxOnNet(inclusive.net, rate) - inclusive.tax)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
