/*
 * The price/weight check digit some scales print inside a variable-measure EAN-13, just before a 4- or
 * 5-digit price or weight (GS1 General Specifications, "check digit calculation for price/weight
 * fields"). The EAN-13 check digit alone catches a misread anywhere; this one also catches a label
 * whose price digits were altered and the outer check digit recomputed, which is why scales print it.
 *
 * Each digit is weighted by one of four "weighting factors". A factor k+ or k- multiplies by k and then
 * adds (+) or subtracts (-) the tens digit of the product from its units digit, modulo 10:
 *   2-: 0 2 4 6 8 9 1 3 5 7    3: 0 3 6 9 2 5 8 1 4 7
 *   5+: 0 5 1 6 2 7 3 8 4 9    5-: 0 5 9 4 8 3 7 2 6 1
 */

type Weight = (digit: number) => number;

const twoMinus: Weight = (d) => (((2 * d) % 10) - Math.floor((2 * d) / 10) + 10) % 10;
const three: Weight = (d) => (3 * d) % 10;
const fivePlus: Weight = (d) => (((5 * d) % 10) + Math.floor((5 * d) / 10)) % 10;
const fiveMinus: Weight = (d) => (((5 * d) % 10) - Math.floor((5 * d) / 10) + 10) % 10;

const FOUR_DIGIT_WEIGHTS: readonly Weight[] = [twoMinus, twoMinus, three, fiveMinus];
const FIVE_DIGIT_WEIGHTS: readonly Weight[] = [fivePlus, twoMinus, fiveMinus, fivePlus, twoMinus];

/** The 4- or 5-digit weighting tables, exposed so tests can compare them with the printed standard. */
export const PRICE_CHECK_WEIGHTS = { twoMinus, three, fivePlus, fiveMinus } as const;

/**
 * Check digit for a 4- or 5-digit price or weight field. Throws on anything else: callers check the
 * layout first (barcodeRuleProblem), so reaching here with other input is a programming error.
 */
export function priceCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) throw new Error(`A price/weight check digit needs 4 or 5 digits, got "${value}"`);
  const weights = value.length === 4 ? FOUR_DIGIT_WEIGHTS : FIVE_DIGIT_WEIGHTS;
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += (weights[i] as Weight)(value.charCodeAt(i) - 48);
  if (value.length === 4) return (sum * 3) % 10;
  // Five digits: the check digit is the one whose 5- weighted product brings the sum to a multiple of 10.
  const wanted = (10 - (sum % 10)) % 10;
  for (let d = 0; d < 10; d++) if (fiveMinus(d) === wanted) return d;
  throw new Error('unreachable: the 5- weighting is a permutation of 0-9');
}
