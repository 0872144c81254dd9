/*
 * The server's second look at a sale a device pushed: every amount is recomputed with the same domain
 * code the counter used, and anything that does not add up is listed (the server keeps the sale and
 * flags it for a manager; a sale that happened is never dropped because its arithmetic is off).
 *
 * The rules (amounts in integer minor units, qty in thousandths, taxRate in basis points):
 *   line.total       = unitPrice x qty / 1000 (half away from zero) - discount; on a returned line
 *                      (negative qty) the discount reduces the refund: unitPrice x qty / 1000 + discount
 *   totals.subtotal  = sum of unitPrice x qty / 1000 over the lines (before discounts)
 *   totals.discount  = sum of line discounts (signed like the lines: negative on returned lines)
 *   totals.tax       = computeTaxes over the line totals (taxRate, priceIncludesTax, default true)
 *   totals.total     = what the customer pays: the gross of computeTaxes (line totals plus the tax of
 *                      tax-exclusive lines)
 *   totals.cashRounding (optional) = how much the cash due was rounded (paid - change = total +
 *                      cashRounding): only with cash tendered, and less than two of the currency's cash
 *                      steps (a store may round to 1,000 dong where the currency's hint is 500)
 *   tenders          = they cover the total plus any cash rounding (sum >= due; for a refund,
 *                      sum <= due), and only cash may go beyond it (the change handed back)
 *   currency         = a code the POS knows
 */
import { getCurrency, isKnownCurrency } from './currency.ts';
import type { SaleDocument, SaleLine, SaleTender } from './documents.ts';
import { multiplyByQuantity, sumMinorUnits } from './money.ts';
import { cashRoundingOf } from './sale-amounts.ts';
import { computeTaxes } from './tax.ts';

/** What the check reads of a line: the stored line's amounts. */
export type CheckedSaleLine = Pick<SaleLine, 'qty' | 'unitPrice' | 'discount' | 'taxRate' | 'total' | 'priceIncludesTax'>;

/** What the check reads of a sale: a stored sale document (src/data/schemas/sales.json) is one as it stands. */
export interface CheckedSale {
  readonly currency: SaleDocument['currency'];
  readonly lines: readonly CheckedSaleLine[];
  readonly tenders: readonly Pick<SaleTender, 'method' | 'amount'>[];
  readonly totals: SaleDocument['totals'];
}

export interface SaleMismatch {
  /** Where, as a path into the sale: "lines/2/total", "totals/tax", "tenders", "currency". */
  field: string;
  expected: number | string;
  actual: number | string;
}

export type SaleCheck = { ok: true } | { ok: false; mismatches: SaleMismatch[] };

export function checkSale(sale: CheckedSale): SaleCheck {
  const mismatches: SaleMismatch[] = [];
  if (!isKnownCurrency(sale.currency)) {
    mismatches.push({ field: 'currency', expected: 'a known ISO 4217 code', actual: sale.currency });
  }
  try {
    checkAmounts(sale, mismatches);
  } catch (error) {
    // Amounts too large to compute exactly (beyond safe integers) are themselves the mismatch.
    mismatches.push({ field: 'amounts', expected: 'amounts that can be computed exactly', actual: (error as Error).message });
  }
  return mismatches.length === 0 ? { ok: true } : { ok: false, mismatches };
}

/** unitPrice x qty of a line, and its discount signed like the line. */
export function lineAmounts(line: CheckedSaleLine): { gross: number; discount: number; total: number } {
  const gross = multiplyByQuantity(line.unitPrice, line.qty);
  const discount = line.qty < 0 ? -line.discount : line.discount;
  return { gross, discount, total: sumMinorUnits([gross, -discount]) };
}

function checkAmounts(sale: CheckedSale, mismatches: SaleMismatch[]): void {
  const grosses: number[] = [];
  const discounts: number[] = [];
  sale.lines.forEach((line, index) => {
    const { gross, discount, total } = lineAmounts(line);
    grosses.push(gross);
    discounts.push(discount);
    if (total !== line.total) mismatches.push({ field: `lines/${index}/total`, expected: total, actual: line.total });
  });
  const expect = (field: 'subtotal' | 'discount' | 'tax' | 'total', expected: number): void => {
    const actual = sale.totals[field];
    if (actual !== expected) mismatches.push({ field: `totals/${field}`, expected, actual });
  };
  expect('subtotal', sumMinorUnits(grosses));
  expect('discount', sumMinorUnits(discounts));
  // Taxes are computed on what the device says each line came to, so one wrong line is reported once.
  const taxes = computeTaxes(
    sale.lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax ?? true })),
  );
  expect('tax', taxes.totals.tax);
  expect('total', taxes.totals.gross);

  const paid = sumMinorUnits(sale.tenders.map((tender) => tender.amount));
  const cash = sumMinorUnits(sale.tenders.filter((tender) => tender.method === 'cash').map((tender) => tender.amount));
  const rounding = cashRoundingOf(sale.totals);
  const stated = sale.totals['cashRounding'];
  if (stated !== undefined && stated !== rounding) {
    mismatches.push({ field: 'totals/cashRounding', expected: 'a whole amount', actual: String(stated) });
  }
  if (rounding !== 0) {
    const limit = isKnownCurrency(sale.currency) ? 2 * getCurrency(sale.currency).cashStep : 0;
    if (cash === 0 || Math.abs(rounding) >= limit) {
      mismatches.push({ field: 'totals/cashRounding', expected: `a rounding of the cash due below ${limit}, with cash tendered`, actual: rounding });
    }
  }
  const due = sale.totals.total + rounding;
  // A refund pays out: its tenders go at least as far below the (negative) due. A cancelled sale whose cash
  // part was rounded down to nothing has a due of 0 with a negative total: still a refund.
  const sign = due < 0 || sale.totals.total < 0 ? -1 : 1;
  const change = sign * (paid - due);
  if (change < 0) {
    mismatches.push({ field: 'tenders', expected: `tenders summing to at least ${due}`, actual: paid });
  } else if (change > sign * cash) {
    mismatches.push({ field: 'tenders', expected: `change of at most the cash tendered (${cash})`, actual: paid - due });
  }
}
