/*
 * Reading the amounts a stored sale carries in fields its schema lets through without naming them
 * (documents.ts): the cash rounding in its totals and the points a points tender redeemed. A document from
 * another device or an older version is read as it is: a field that is absent or not a whole amount counts
 * as none.
 */
import type { SaleTender, SaleTotals } from './documents.ts';

/** How much the cash due was rounded (paid - change = total + cashRounding); 0 when the sale says none. */
export function cashRoundingOf(totals: SaleTotals): number {
  const rounding = totals['cashRounding'];
  return typeof rounding === 'number' && Number.isSafeInteger(rounding) ? rounding : 0;
}

/** The points a points tender redeemed, when it says. */
export function pointsOf(tender: SaleTender): number | undefined {
  const points = tender['points'];
  return typeof points === 'number' && Number.isSafeInteger(points) ? points : undefined;
}
