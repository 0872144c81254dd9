/*
 * The store's cash rounding, as its config document sets it (`store.cashRoundingStep`, minor units, and
 * optionally `store.cashRoundingMode`, one of the rounding modes; half away from zero by default):
 *   { "store": { "cashRoundingStep": 1000, "cashRoundingMode": "halfAwayFromZero" } }
 * No step (or 0) means the store does not round cash.
 *
 * A step is only taken when every sale it rounds passes the server's check (sale-check.ts: a cash rounding
 * below two of the currency's cash steps, 1,000 dong for VND). Half modes round by at most step / 2, the
 * others by up to step - 1, so VND allows steps up to 1,999 (half) or 1,000 (up or down). A step beyond
 * that is refused with the reason, and the counter sells without rounding rather than flag every sale.
 */
import type { CashRounding } from './cart-totals.ts';
import { getCurrency, isKnownCurrency } from './currency.ts';
import { ROUNDING_MODES } from './rounding.ts';
import type { RoundingMode } from './rounding.ts';

export type CashRoundingConfig = { readonly ok: true; readonly cashRounding?: CashRounding } | { readonly ok: false; readonly detail: string };

/** The largest rounding a step and mode can make to one amount. */
export function largestCashRounding(step: number, mode: RoundingMode): number {
  return mode === 'towardZero' || mode === 'awayFromZero' ? step - 1 : Math.floor(step / 2);
}

/** Reads the cash rounding of a store config's `store` object for `currencyCode`. */
export function cashRoundingFromConfig(store: Readonly<Record<string, unknown>>, currencyCode: string): CashRoundingConfig {
  const step = store['cashRoundingStep'];
  if (step === undefined || step === null || step === 0) return { ok: true };
  if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
    return { ok: false, detail: `store.cashRoundingStep must be a whole number of minor units, got ${JSON.stringify(step)}` };
  }
  const rawMode = store['cashRoundingMode'] ?? 'halfAwayFromZero';
  if (typeof rawMode !== 'string' || !(ROUNDING_MODES as readonly string[]).includes(rawMode)) {
    return { ok: false, detail: `store.cashRoundingMode must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rawMode)}` };
  }
  const mode = rawMode as RoundingMode;
  if (!isKnownCurrency(currencyCode)) return { ok: false, detail: `cash rounding needs a known currency, got ${currencyCode}` };
  const limit = 2 * getCurrency(currencyCode).cashStep;
  if (largestCashRounding(step, mode) >= limit) {
    return { ok: false, detail: `a cash rounding step of ${step} (${mode}) can round by ${largestCashRounding(step, mode)}, but the server accepts less than ${limit} in ${currencyCode}` };
  }
  return { ok: true, cashRounding: { step, mode } };
}
