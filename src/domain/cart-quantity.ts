/*
 * Quantities as the cashier types them, to the integer the sale stores: thousandths of the unit
 * (1000 = one piece or one kg; 0.375 kg = 375). Weighed goods may have up to three decimals (grams);
 * pieces are whole numbers.
 *
 * Either separator is a decimal separator: a Vietnamese keyboard types "0,375", a numeric keypad or an
 * English one "0.375", and both mean 375 g. There are no thousands separators in a quantity: nobody
 * weighs a tonne at a till, so "1.500" on a weighed item is 1.5 kg, and on a piece item it is refused
 * (a cashier who meant 1,500 pieces types 1500) rather than guessed. Nothing is rounded: a fourth
 * decimal is an error the cashier can fix, never a silent change of what the customer pays.
 * Never throws on what was typed: every refusal is a stable reason the screen translates.
 */

/** Largest quantity on a line, in thousandths (the sales schema's bound: 100,000 units). */
export const MAX_QUANTITY_THOUSANDTHS = 100_000_000;

/** Why a typed quantity was refused. Stable machine codes: add new ones, never rename. */
export type QuantityFailureReason =
  /** Nothing was typed. */
  | 'empty'
  /** Not a plain number ("abc", "1,2,3", "1e3", "-2"). */
  | 'not-a-number'
  /** A decimal for goods sold by the piece. */
  | 'pieces-are-whole'
  /** More than three decimals (finer than a gram). */
  | 'too-many-decimals'
  /** Zero: remove the line instead. */
  | 'zero'
  /** More than MAX_QUANTITY_THOUSANDTHS. */
  | 'too-large';

export type ParsedQuantity =
  | { readonly ok: true; readonly qty: number }
  | { readonly ok: false; readonly reason: QuantityFailureReason; readonly detail: string };

const PLAIN_DECIMAL = /^(\d*)(?:[.,](\d*))?$/;

function refuse(reason: QuantityFailureReason, detail: string): ParsedQuantity {
  return { ok: false, reason, detail };
}

/**
 * "0,375" or "0.375" (weighed) -> 375; "2" -> 2000. Leading and trailing spaces are ignored; a sign,
 * an exponent or a grouping separator is refused. `weighed` decides whether decimals are allowed.
 */
export function parseQuantity(text: string, weighed: boolean): ParsedQuantity {
  const typed = typeof text === 'string' ? text.trim() : '';
  if (typed === '') return refuse('empty', 'no quantity was typed');
  const match = PLAIN_DECIMAL.exec(typed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (match === null || (whole === '' && fraction === '')) {
    return refuse('not-a-number', `${JSON.stringify(typed.slice(0, 20))} is not a quantity such as 2 or 0,375`);
  }
  if (!weighed && fraction !== '') return refuse('pieces-are-whole', `${typed}: this item is sold by the piece`);
  if (fraction.length > 3) return refuse('too-many-decimals', `${typed}: at most three decimals (grams)`);
  const digits = `${whole}${fraction.padEnd(3, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_QUANTITY_THOUSANDTHS).length) return refuse('too-large', `${typed} is more than any line may hold`);
  const qty = Number(digits);
  if (qty === 0) return refuse('zero', 'a quantity of zero: remove the line instead');
  if (qty > MAX_QUANTITY_THOUSANDTHS) return refuse('too-large', `${typed} is more than any line may hold`);
  return { ok: true, qty };
}

/**
 * A quantity for a screen or a receipt: 375 -> "0,375" (weighed, with decimalSeparator ","), 2000 ->
 * "2". Weighed quantities always show three decimals (a scale's reading), pieces none.
 * parseQuantity(formatQuantity(q, w, s), w) gives q back for every valid q.
 */
export function formatQuantity(qty: number, weighed: boolean, decimalSeparator: '.' | ',' = ','): string {
  if (!Number.isSafeInteger(qty)) throw new Error(`Quantity (thousandths) must be a safe integer, got ${String(qty)}`);
  const sign = qty < 0 ? '-' : '';
  const magnitude = Math.abs(qty);
  const whole = Math.trunc(magnitude / 1000);
  const fraction = magnitude % 1000;
  if (!weighed) {
    if (fraction !== 0) throw new Error(`A piece quantity must be whole thousandths, got ${qty}`);
    return `${sign}${whole}`;
  }
  return `${sign}${whole}${decimalSeparator}${String(fraction).padStart(3, '0')}`;
}
