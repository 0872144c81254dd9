/*
 * What the cart comes to: per line, per VAT rate and in total, computed the same way the server checks
 * a pushed sale (sale-check.ts), so the device and the server agree to the unit.
 *
 *   gross          = unitPrice x qty / 1000, half away from zero (multiplyByQuantity)
 *   line discount  = its own discount (percent of gross, or an amount), capped at the gross
 *   cart discount  = percent of, or an amount up to, the sum of lines after their own discounts, spread
 *                    over those lines by largest remainder (allocateByWeights), so the parts sum exactly
 *   discount       = line discount + its share of the cart discount: every line carries its full discount
 *   total (line)   = gross - discount
 *   tax            = computeTaxes over line totals with each line's tax class (inclusive or exclusive)
 *   subtotal       = sum of grosses; discount = sum of discounts
 *   total          = what the customer pays: line totals plus the VAT of tax-exclusive lines (the
 *                    gross of computeTaxes; equal to the sum of line totals when prices include VAT)
 *
 * Caps rather than errors: a cart discount of 50,000 on a cart that later shrinks to 30,000 takes
 * 30,000 off, never more, so a total is never negative whatever order the cashier does things in.
 *
 * Cash rounding (optional): when the store rounds cash, `cashDue` is the total rounded to the step and
 * `cashRounding` = cashDue - total (positive: the customer pays a little more in cash). Card, QR and
 * other tenders always pay the exact total; see paymentState for split payments.
 */
import { allocateByWeights, roundToStep, sumMinorUnits } from './money.ts';
import type { RoundingMode } from './money.ts';
import { getCurrency } from './currency.ts';
import { computeTaxes } from './tax.ts';
import type { TaxRateSummary } from './tax.ts';
import type { TaxClass } from './tax-presets.ts';
import { discountAmount, lineAfterOwnDiscount, lineGross } from './cart.ts';
import type { CartState } from './cart.ts';

/** How cash is rounded: to a multiple of `step` minor units, by `mode` (default half away from zero). */
export interface CashRounding {
  readonly step: number;
  readonly mode?: RoundingMode;
}

/** The currency's usual cash step (VND: 500) as a rounding rule, for stores that round cash. */
export function cashRoundingFor(currencyCode: string, mode: RoundingMode = 'halfAwayFromZero'): CashRounding {
  return { step: getCurrency(currencyCode).cashStep, mode };
}

export interface CartLineTotals {
  readonly lineId: string;
  /** unitPrice x qty. */
  readonly gross: number;
  /** The line's own discount. */
  readonly lineDiscount: number;
  /** Its share of the cart discount. */
  readonly cartDiscount: number;
  /** lineDiscount + cartDiscount. */
  readonly discount: number;
  /** gross - discount: what the sale document stores as the line total. */
  readonly total: number;
  readonly rateBasisPoints: number;
  readonly pricesIncludeTax: boolean;
  readonly net: number;
  readonly tax: number;
}

export interface CartTotals {
  readonly lines: readonly CartLineTotals[];
  /** One row per VAT rate, ascending (the receipt's tax summary). */
  readonly byRate: readonly TaxRateSummary[];
  readonly subtotal: number;
  readonly discount: number;
  readonly net: number;
  readonly tax: number;
  /** What the customer pays by card, QR or any exact tender. */
  readonly total: number;
  /** What the customer pays when paying all in cash (total after cash rounding). */
  readonly cashDue: number;
  /** cashDue - total (0 without cash rounding). */
  readonly cashRounding: number;
}

/** Finds each tax class by id; a product pointing at a class the store does not have is a config error. */
export function taxClassOf(taxClasses: readonly TaxClass[], taxClassId: string, productName: string): TaxClass {
  const taxClass = taxClasses.find((each) => each.id === taxClassId);
  if (taxClass === undefined) {
    throw new Error(`Product "${productName}" has tax class "${taxClassId}", which the store's config does not define`);
  }
  return taxClass;
}

/** Totals of a cart (or a parked cart's state) with the store's tax classes; see the file header. */
export function cartTotals(cart: CartState, taxClasses: readonly TaxClass[], cashRounding?: CashRounding): CartTotals {
  const grosses = cart.lines.map(lineGross);
  const afterOwn = cart.lines.map(lineAfterOwnDiscount);
  const ownDiscounts = grosses.map((gross, index) => gross - (afterOwn[index] ?? 0));
  const base = sumMinorUnits(afterOwn);
  const cartDiscountTotal = discountAmount(cart.discount, base);
  const shares = cart.lines.length === 0 ? [] : allocateByWeights(cartDiscountTotal, afterOwn);
  const classes = cart.lines.map((line) => taxClassOf(taxClasses, line.taxClassId, line.name));
  const lineTotals = afterOwn.map((amount, index) => amount - (shares[index] ?? 0));
  const taxes = computeTaxes(
    lineTotals.map((amount, index) => ({
      amount,
      rateBasisPoints: classes[index]?.rateBasisPoints ?? 0,
      pricesIncludeTax: classes[index]?.pricesIncludeTax ?? true,
    })),
  );
  const lines = cart.lines.map((line, index): CartLineTotals => {
    const lineDiscount = ownDiscounts[index] ?? 0;
    const share = shares[index] ?? 0;
    const taxed = taxes.lines[index];
    return {
      lineId: line.lineId,
      gross: grosses[index] ?? 0,
      lineDiscount,
      cartDiscount: share,
      discount: lineDiscount + share,
      total: lineTotals[index] ?? 0,
      rateBasisPoints: classes[index]?.rateBasisPoints ?? 0,
      pricesIncludeTax: classes[index]?.pricesIncludeTax ?? true,
      net: taxed?.net ?? 0,
      tax: taxed?.tax ?? 0,
    };
  });
  const total = taxes.totals.gross;
  const cashDue = cashRounding === undefined ? total : roundToStep(total, cashRounding.step, cashRounding.mode);
  return {
    lines,
    byRate: taxes.byRate,
    subtotal: sumMinorUnits(grosses),
    discount: sumMinorUnits(lines.map((line) => line.discount)),
    net: taxes.totals.net,
    tax: taxes.totals.tax,
    total,
    cashDue,
    cashRounding: cashDue - total,
  };
}
