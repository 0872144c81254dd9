/*
 * VAT on a sale: per-line net / tax / gross, a summary per rate (as on a Vietnamese VAT e-invoice,
 * "tổng hợp theo từng thuế suất") and totals. Rates are basis points (1000 = 10 %), amounts minor units.
 *
 * Rounding method: tax per rate group, allocated back to lines.
 *   1. Lines are grouped by (rate, prices include tax, sign). Sales lines and returned lines (negative)
 *      are separate groups so a return mirrors its sale exactly; the summary still has one row per rate.
 *   2. The group's tax is computed once on the group's total and rounded half away from zero:
 *        tax-exclusive: tax = round(net x r / 10000)
 *        tax-inclusive: tax = round(gross x r / (10000 + r))
 *      so the tax of each rate is within half a unit of the exact tax on that rate's total, which is
 *      the check an e-invoice makes (tax = net x rate per rate). A rate row that mixes sold and
 *      returned lines, or inclusive and exclusive lines, is within half a unit per such part.
 *   3. The group's tax is spread over its lines by largest remainder (allocateByWeights, weights = line
 *      amounts). Then net + tax = gross on every line, and lines sum exactly to the group.
 * Exact identities, to the unit: each line net + tax = gross; each summary row is the sum of its lines;
 * totals are the sums of the summary rows (and so of the lines).
 *
 * What "inclusive and exclusive agree" means here (proved below, property-tested in tax.test.ts):
 *   A. Exclusive then inclusive is exact. Price lines tax-exclusive from nets, take the resulting gross
 *      amounts as tax-inclusive prices: every rate row and the totals come back identical (same net,
 *      tax, gross), and every line's tax is within 1 unit of its exclusive tax.
 *      Proof for one amount: let x = N r / R (R = 10000) and t = round(x), so |x - t| <= 1/2. The gross
 *      G = N + t gives G r / (R + r) = t + (x - t) R / (R + r), and |(x - t) R / (R + r)| < 1/2 for
 *      r > 0, so the inclusive tax rounds to t again (r = 0 is trivial). Per line: the largest remainder
 *      part t_i is the exact share b_i rounded down or up, and the inclusive exact share is
 *      a_i = b_i + (T / G)(t_i - b_i), between b_i and t_i, so |a_i - t_i| < 1 and the inclusive part,
 *      a_i rounded down or up, is within 1 of t_i.
 *   B. Inclusive then exclusive is not exact, because some gross amounts are unreachable from any net
 *      (at 10 %, net 4 -> gross 4 and net 5 -> gross 6, so nothing gives 5). Bound: taking an inclusive
 *      result's net as a tax-exclusive price gives a tax within 1 unit of the inclusive tax (for rates
 *      up to 100 %): N r / R - t = (y - t)(R + r) / R with |y - t| <= 1/2, which is at most 1 in size.
 */
import { allocateByWeights, assertMinorUnits, sumMinorUnits } from './money.ts';
import { assertSafeInteger, divideAndRound, toSafeInteger } from './rounding.ts';

const BASIS = 10_000n;
/** Rates above 100 % are refused: the agreement bounds above assume r <= 10000. */
export const MAX_RATE_BASIS_POINTS = 10_000;

export interface TaxLineInput {
  /** Line total after discounts, minor units; negative for returned goods. */
  readonly amount: number;
  readonly rateBasisPoints: number;
  /** True when `amount` is gross (tax included), false when it is net. */
  readonly pricesIncludeTax: boolean;
}

export interface TaxAmounts {
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
}

export interface TaxedLine extends TaxAmounts {
  readonly rateBasisPoints: number;
}

export interface TaxRateSummary extends TaxAmounts {
  readonly rateBasisPoints: number;
}

export interface TaxBreakdown {
  /** Same order as the input lines. */
  readonly lines: readonly TaxedLine[];
  /** One row per rate present, ascending by rate. */
  readonly byRate: readonly TaxRateSummary[];
  readonly totals: TaxAmounts;
}

function assertRate(rateBasisPoints: number): void {
  assertSafeInteger(rateBasisPoints, 'Tax rate (basis points)');
  if (rateBasisPoints < 0 || rateBasisPoints > MAX_RATE_BASIS_POINTS) {
    throw new Error(`Tax rate must be 0..${MAX_RATE_BASIS_POINTS} basis points, got ${rateBasisPoints}`);
  }
}

/** Tax on a tax-exclusive amount: round(net x rate / 10000), half away from zero. */
export function taxOnNet(net: number, rateBasisPoints: number): number {
  assertMinorUnits(net, 'Net amount');
  assertRate(rateBasisPoints);
  const exact = BigInt(net) * BigInt(rateBasisPoints);
  return toSafeInteger(divideAndRound(exact, BASIS, 'halfAwayFromZero'), 'Tax');
}

/** Tax contained in a tax-inclusive amount: round(gross x rate / (10000 + rate)), half away from zero. */
export function taxIncludedInGross(gross: number, rateBasisPoints: number): number {
  assertMinorUnits(gross, 'Gross amount');
  assertRate(rateBasisPoints);
  const exact = BigInt(gross) * BigInt(rateBasisPoints);
  return toSafeInteger(divideAndRound(exact, BASIS + BigInt(rateBasisPoints), 'halfAwayFromZero'), 'Tax');
}

/** Net, tax and gross of one tax-exclusive amount. */
export function taxFromNet(net: number, rateBasisPoints: number): TaxAmounts {
  const tax = taxOnNet(net, rateBasisPoints);
  return { net, tax, gross: sumMinorUnits([net, tax]) };
}

/** Net, tax and gross of one tax-inclusive amount. */
export function taxFromGross(gross: number, rateBasisPoints: number): TaxAmounts {
  const tax = taxIncludedInGross(gross, rateBasisPoints);
  return { net: sumMinorUnits([gross, -tax]), tax, gross };
}

function sumAmounts(rows: readonly TaxAmounts[]): TaxAmounts {
  return {
    net: sumMinorUnits(rows.map((row) => row.net)),
    tax: sumMinorUnits(rows.map((row) => row.tax)),
    gross: sumMinorUnits(rows.map((row) => row.gross)),
  };
}

/** Taxes of a sale's lines, per line, per rate and in total (rounding method in the file header). */
export function computeTaxes(lines: readonly TaxLineInput[]): TaxBreakdown {
  const groups = new Map<string, number[]>();
  lines.forEach((line, index) => {
    assertMinorUnits(line.amount, `Line ${index + 1} amount`);
    assertRate(line.rateBasisPoints);
    const key = `${line.rateBasisPoints}|${line.pricesIncludeTax}|${line.amount < 0 ? '-' : '+'}`;
    const members = groups.get(key) ?? [];
    members.push(index);
    groups.set(key, members);
  });

  const taxed: TaxedLine[] = new Array<TaxedLine>(lines.length);
  for (const members of groups.values()) {
    const first = lines[members[0] ?? 0];
    if (first === undefined) continue;
    const { rateBasisPoints, pricesIncludeTax } = first;
    const amounts = members.map((index) => lines[index]?.amount ?? 0);
    const base = sumMinorUnits(amounts);
    const groupTax = pricesIncludeTax ? taxIncludedInGross(base, rateBasisPoints) : taxOnNet(base, rateBasisPoints);
    const lineTaxes = allocateByWeights(groupTax, amounts.map(Math.abs));
    members.forEach((lineIndex, position) => {
      const amount = amounts[position] ?? 0;
      const tax = lineTaxes[position] ?? 0;
      taxed[lineIndex] = pricesIncludeTax
        ? { rateBasisPoints, net: sumMinorUnits([amount, -tax]), tax, gross: amount }
        : { rateBasisPoints, net: amount, tax, gross: sumMinorUnits([amount, tax]) };
    });
  }

  const rates = [...new Set(lines.map((line) => line.rateBasisPoints))].sort((a, b) => a - b);
  const byRate = rates.map((rateBasisPoints) => ({
    rateBasisPoints,
    ...sumAmounts(taxed.filter((line) => line.rateBasisPoints === rateBasisPoints)),
  }));
  return { lines: taxed, byRate, totals: sumAmounts(byRate) };
}

