/*
 * Money arithmetic for the counter and the server: integers in minor units, never floats.
 *
 * Amounts are plain safe integers in the minor unit of the sale's currency (VND: dong; EUR: cents),
 * which is how sale documents store them; `Money` pairs an amount with its currency where both travel
 * together. Anything that is not a safe integer is refused with an Error rather than silently rounded.
 *
 * Rounding rules (all computed exactly over BigInt, then rounded once, see rounding.ts):
 *   - price x quantity (thousandths) and percentages (basis points) round half away from zero by
 *     default, so a return (negative amount or quantity) mirrors the sale exactly: -x rounds to -(x).
 *   - allocation (spreading a cart discount over lines) uses the largest remainder method: each part
 *     is its exact share rounded down or up, and the parts always sum to the whole to the unit.
 *   - cash rounding to a step (e.g. 500 VND) takes its mode from the caller; default half away from zero.
 */
import { assertSafeInteger, divideAndRound, toSafeInteger } from './rounding.ts';
import type { RoundingMode } from './rounding.ts';
import { getCurrency } from './currency.ts';

export type { RoundingMode } from './rounding.ts';

/** An amount in minor units together with its ISO 4217 currency code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Throws a clear Error unless `amount` is a safe integer number of minor units. */
export function assertMinorUnits(amount: number, what = 'Amount'): void {
  assertSafeInteger(amount, `${what} (integer minor units)`);
}

/** A validated Money: the amount must be a safe integer and the currency known. */
export function money(amount: number, currency: string): Money {
  assertMinorUnits(amount);
  getCurrency(currency);
  return { amount, currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`Cannot combine ${a.currency} and ${b.currency} amounts; convert first`);
  }
}

/** a + b in the same currency. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(sumMinorUnits([a.amount, b.amount]), a.currency);
}

/** a - b in the same currency. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  assertMinorUnits(b.amount);
  return money(sumMinorUnits([a.amount, -b.amount]), a.currency);
}

/** Sum of amounts that must all be in `currency`; an empty list sums to zero. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  const zero = money(0, currency);
  for (const item of items) assertSameCurrency(zero, item);
  return money(sumMinorUnits(items.map((item) => item.amount)), currency);
}

/**
 * Exact sum of minor-unit amounts. Accumulates in BigInt so that a large intermediate sum cannot lose
 * precision; only the final result has to be a safe integer.
 */
export function sumMinorUnits(amounts: readonly number[]): number {
  // Adding safe integers is exact as long as every partial sum stays a safe integer (a sum that leaves the
  // range rounds to at least 2^53, which is not safe), so plain numbers do, and BigInt takes over otherwise.
  let total = 0;
  for (const amount of amounts) {
    assertMinorUnits(amount);
    total += amount;
    if (!Number.isSafeInteger(total)) return sumExactly(amounts);
  }
  return total + 0; // never -0
}

function sumExactly(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return toSafeInteger(total, 'Sum of amounts');
}

/**
 * Unit price x quantity in thousandths of the unit (1000 = one piece or 1 kg; 375 = 0.375 kg),
 * rounded to the minor unit (default half away from zero: 0.5 dong -> 1, -0.5 -> -1).
 */
export function multiplyByQuantity(
  unitPrice: number,
  quantityThousandths: number,
  mode: RoundingMode = 'halfAwayFromZero',
): number {
  assertMinorUnits(unitPrice, 'Unit price');
  assertSafeInteger(quantityThousandths, 'Quantity (thousandths of the unit)');
  // Whole units (the usual line) need no rounding: the product is exact while it is a safe integer.
  const product = unitPrice * quantityThousandths;
  if (Number.isSafeInteger(product) && product % 1000 === 0) return product / 1000 + 0;
  const exact = BigInt(unitPrice) * BigInt(quantityThousandths);
  return toSafeInteger(divideAndRound(exact, 1000n, mode), 'Price x quantity');
}

/**
 * `basisPoints` / 10000 of `amount` (1500 = 15 %), rounded to the minor unit (default half away from
 * zero). Used for percentage discounts and surcharges; VAT has its own rules in tax.ts.
 */
export function applyBasisPoints(amount: number, basisPoints: number, mode: RoundingMode = 'halfAwayFromZero'): number {
  assertMinorUnits(amount);
  assertSafeInteger(basisPoints, 'Basis points');
  const exact = BigInt(amount) * BigInt(basisPoints);
  return toSafeInteger(divideAndRound(exact, 10_000n, mode), 'Percentage of amount');
}

/**
 * Spreads `total` over parts proportional to `weights` (largest remainder method), e.g. a 10,000 VND
 * cart discount over lines weighted by their amounts. Guarantees:
 *   - the parts sum exactly to `total`;
 *   - each part is its exact share total x weight / sum(weights) rounded down or up, so it differs
 *     from the exact share by less than one unit (and equals it when the share is whole);
 *   - a zero weight gets zero; allocate(-t) = -allocate(t), so a returned discount mirrors the sale.
 * Leftover units go to the largest remainders; equal remainders go to the earlier part, which keeps
 * the result deterministic on every device and on the server.
 * Weights must be non-negative safe integers (pass magnitudes for return lines). When all weights are
 * zero there is nothing to be proportional to: a zero total gives zeros, anything else throws.
 */
export function allocateByWeights(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'Amount to allocate');
  if (weights.length === 0) throw new Error('Cannot allocate an amount over an empty list of weights');
  let weightSum = 0n;
  for (const weight of weights) {
    assertSafeInteger(weight, 'Allocation weight');
    if (weight < 0) throw new Error(`Allocation weights must not be negative, got ${weight}`);
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new Error(`Cannot allocate ${total} over weights that are all zero`);
  }
  const magnitude = Math.abs(total);
  if (magnitude * Number(weightSum) <= Number.MAX_SAFE_INTEGER) return allocateInSafeRange(total, weights, Number(weightSum));
  const sign = total < 0 ? -1n : 1n;
  const bigMagnitude = BigInt(magnitude);
  const parts = weights.map((weight) => (bigMagnitude * BigInt(weight)) / weightSum);
  const remainders = weights.map((weight) => (bigMagnitude * BigInt(weight)) % weightSum);
  let leftover = bigMagnitude - parts.reduce((sum, part) => sum + part, 0n);
  // leftover < number of parts with a non-zero remainder, so every extra unit lands on a part whose
  // exact share was not whole.
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((part) => Number(sign * part));
}

/**
 * The same allocation when |total| x sum(weights) is a safe integer: every product and remainder is then
 * exact in plain numbers (the part is (product - remainder) / sum, an exact division).
 */
function allocateInSafeRange(total: number, weights: readonly number[], weightSum: number): number[] {
  const magnitude = Math.abs(total);
  const parts = new Array<number>(weights.length);
  const remainders = new Array<number>(weights.length);
  let leftover = magnitude;
  for (let i = 0; i < weights.length; i++) {
    const product = magnitude * weights[i]!;
    remainders[i] = product % weightSum;
    parts[i] = (product - remainders[i]!) / weightSum;
    leftover -= parts[i]!;
  }
  if (leftover > 0) {
    const order = weights.map((_, index) => index);
    order.sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[b]! - remainders[a]!));
    for (const index of order) {
      if (leftover === 0) break;
      parts[index] = parts[index]! + 1;
      leftover -= 1;
    }
  }
  return total < 0 ? parts.map((part) => -part + 0) : parts;
}

/**
 * `amount` rounded to a multiple of `step` minor units, for cash: roundToStep(12_300, 500) = 12_500.
 * Default half away from zero; 'towardZero' favours the customer on a sale (and the store on a refund),
 * 'awayFromZero' the other way round. Symmetric for refunds: roundToStep(-x, s, m) = -roundToStep(x, s, m).
 */
export function roundToStep(amount: number, step: number, mode: RoundingMode = 'halfAwayFromZero'): number {
  assertMinorUnits(amount);
  assertSafeInteger(step, 'Rounding step');
  if (step <= 0) throw new Error(`Rounding step must be positive, got ${step}`);
  const steps = divideAndRound(BigInt(amount), BigInt(step), mode);
  return toSafeInteger(steps * BigInt(step), 'Rounded amount');
}
