/*
 * Selling and reloading gift cards: a sale line of one of the store's gift-card products (config
 * `loyalty.giftCardProductIds`) carrying the card's number (`giftCardId`, gift-card-number.ts), its price the
 * amount put on the card. The card holds that value once the sale is paid, and only because it is: the
 * server derives the load from the paid line (sale-ledger.ts), never from what a tablet says a card holds.
 *
 * A load is <sale id>-giftcard-load-<line>, kind 'giftcard', +line total, reason 'load' (the counter embeds
 * the same entry, sale-document.ts). The server applies it when:
 *   - the line sells one of the store's gift-card products, to a gift-card number of ours, on a sale (not on
 *     a return or an exchange);
 *   - the sale adds up as the server recomputes it (checkSale: the tenders cover its total);
 *   - what was paid other than in points covers every card the sale loads (points are not turned into
 *     gift-card money).
 * Otherwise the sale is kept (it happened) and the card stays as it was; the manager sees why. Redeeming is
 * the gift_card tender (tender-kinds.ts), partly or whole; a refund to a new card is a return's refund
 * tender (return-refund.ts).
 */
import type { SaleDocument, SaleLedgerEntry } from './documents.ts';
import { isGiftCardNumber } from './gift-card-number.ts';
import { cashRoundingOf } from './sale-amounts.ts';
import { checkSale } from './sale-check.ts';

export const GIFT_CARD_LOAD_REASON = 'load';

/** The store's gift-card products (config.loyalty.giftCardProductIds). */
export function giftCardProductIds(loyalty: Readonly<Record<string, unknown>> | undefined): ReadonlySet<string> {
  const ids = loyalty?.['giftCardProductIds'];
  return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && id !== '') : []);
}

type LoadingLines = ReadonlyArray<{ readonly qty: number; readonly total: number; readonly productId: string; readonly giftCardId?: unknown; readonly [key: string]: unknown }>;

/** The loads a sale's lines put on gift cards, as the counter embeds them. */
export function giftCardLoads(sale: { readonly id: string; readonly lines: LoadingLines }): SaleLedgerEntry[] {
  const loads: SaleLedgerEntry[] = [];
  sale.lines.forEach((line, index) => {
    const card = line['giftCardId'];
    if (typeof card === 'string' && line.qty > 0 && line.total > 0) loads.push({ id: `${sale.id}-giftcard-load-${index}`, kind: 'giftcard', refId: card, delta: line.total, reason: GIFT_CARD_LOAD_REASON });
  });
  return loads;
}

/** The loads the server applies for a stored sale, and why any other is not (see the file header). */
export function paidGiftCardLoads(sale: SaleDocument, productIds: ReadonlySet<string>): { readonly loads: SaleLedgerEntry[]; readonly problems: string[] } {
  const wanted = giftCardLoads(sale);
  if (wanted.length === 0) return { loads: [], problems: [] };
  const problems: string[] = [];
  if (sale.kind !== 'sale') return { loads: [], problems: ['a gift card is sold or reloaded on a sale of its own, not on a return or an exchange: no card loaded'] };
  if (!checkSale(sale).ok) return { loads: [], problems: ['the sale does not add up (its tenders do not cover it as the server counts): no gift card loaded'] };
  let paid = -(sale.change ?? 0) - cashRoundingOf(sale.totals);
  for (const tender of sale.tenders) if (tender.method !== 'points') paid += tender.amount;
  const total = wanted.reduce((sum, load) => sum + load.delta, 0);
  if (total > paid) return { loads: [], problems: [`${total} put on gift cards but only ${paid} paid other than in points: no gift card loaded`] };
  const loads = wanted.filter((load) => {
    const line = sale.lines[Number(load.id.slice(load.id.lastIndexOf('-') + 1))];
    const where = `${load.id}: gift card ${load.refId}`;
    if (!isGiftCardNumber(load.refId)) problems.push(`${where} is not a gift-card number of ours: not loaded`);
    else if (line === undefined || !productIds.has(line.productId)) problems.push(`${where} is sold as ${line?.productId ?? 'nothing'}, which is not one of the store's gift-card products (loyalty.giftCardProductIds): not loaded`);
    else return true;
    return false;
  });
  return { loads, problems };
}
