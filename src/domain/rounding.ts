/*
 * Integer division with an explicit rounding mode: the one place where money math rounds.
 *
 * Every proportional money computation (price x quantity, percentages, VAT, cash steps) is written as
 * an exact fraction numerator / denominator over BigInt and rounded here exactly once. BigInt keeps
 * products such as amount x basis points x thousandths exact far beyond 2^53; the result is brought
 * back to a JavaScript number only after checking it is a safe integer.
 *
 * All modes are symmetric around zero: rounding -x gives exactly -(rounding x). A return (negative
 * amounts) therefore mirrors the sale it reverses to the unit.
 *   - halfAwayFromZero: nearest, ties away from zero (2.5 -> 3, -2.5 -> -3). The default for money.
 *   - halfEven:         nearest, ties to the even neighbour (2.5 -> 2, 3.5 -> 4), "banker's rounding".
 *   - towardZero:       drop the fraction (2.9 -> 2, -2.9 -> -2).
 *   - awayFromZero:     any fraction rounds up in magnitude (2.1 -> 3, -2.1 -> -3).
 */

export type RoundingMode = 'halfAwayFromZero' | 'halfEven' | 'towardZero' | 'awayFromZero';

export const ROUNDING_MODES: readonly RoundingMode[] = ['halfAwayFromZero', 'halfEven', 'towardZero', 'awayFromZero'];

/** numerator / denominator rounded to an integer by `mode`. The denominator must be positive. */
export function divideAndRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new Error(`Rounding needs a positive denominator, got ${denominator}`);
  // BigInt division truncates toward zero and the remainder takes the numerator's sign.
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'towardZero':
      return quotient;
    case 'awayFromZero':
      return quotient + sign;
    case 'halfAwayFromZero':
      return twiceRemainder >= denominator ? quotient + sign : quotient;
    case 'halfEven': {
      if (twiceRemainder > denominator) return quotient + sign;
      if (twiceRemainder < denominator) return quotient;
      return quotient % 2n === 0n ? quotient : quotient + sign;
    }
    default: {
      const unknown: never = mode;
      throw new Error(`Unknown rounding mode "${String(unknown)}"`);
    }
  }
}

/** A BigInt result back to a number, refusing anything outside the safe integer range. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

export function toSafeInteger(value: bigint, what: string): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new Error(`${what} is out of the safe integer range: ${value}`);
  }
  return Number(value);
}

/** Throws unless `value` is a safe integer; `what` names the value in the error message. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${what} must be a safe integer, got ${String(value)}`);
  }
}
