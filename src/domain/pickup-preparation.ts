/*
 * Preparing an online order by scanning each item: a scan counts one piece against the first line of that
 * product still short of its quantity; a product the order does not hold, or one already complete, is
 * refused (the screen says so aloud). A line the shelf cannot fill is marked short by the cashier: what it
 * lacks rides on the marked_ready event (pickup-order.ts), so whoever hands the order over knows.
 * Preparation lives on the screen until the order is marked ready; nothing is stored before.
 */
import type { PickupOrder, ShortLine } from './pickup-order.ts';
import { remainingQuantities } from './pickup-order.ts';

/** Quantities (thousandths) scanned per line, and the lines the cashier declared short. */
export interface Preparation {
  readonly orderId: string;
  readonly scanned: readonly number[];
  readonly short: readonly boolean[];
}

/** What a scan found: the product (when the catalog knows the code) and the code itself (an SKU may be scanned). */
export interface ScannedItem {
  readonly productId?: string;
  readonly code: string;
}

export type ScanOutcome =
  | { readonly ok: true; readonly preparation: Preparation; readonly line: number }
  | { readonly ok: false; readonly reason: 'not-in-order' | 'already-complete' };

const ONE_PIECE = 1000;

export function startPreparation(order: PickupOrder): Preparation {
  return { orderId: order.id, scanned: order.lines.map(() => 0), short: order.lines.map(() => false) };
}

/** What each line needs to be prepared: what is left to hand over (a partly handed-over order needs only the rest). */
function needed(order: PickupOrder): number[] {
  return remainingQuantities(order);
}

function lineMatches(line: PickupOrder['lines'][number], item: ScannedItem): boolean {
  if (line.unknownProduct !== true && item.productId !== undefined && line.productId === item.productId) return true;
  return line.sku !== '' && line.sku === item.code;
}

/** One scanned piece counted against the order, or why it is refused. */
export function scanIntoPreparation(order: PickupOrder, preparation: Preparation, item: ScannedItem): ScanOutcome {
  const need = needed(order);
  let matchedAny = false;
  for (const [index, line] of order.lines.entries()) {
    if (!lineMatches(line, item)) continue;
    matchedAny = true;
    const done = preparation.scanned[index] ?? 0;
    const want = need[index] ?? 0;
    if (done >= want) continue;
    const scanned = [...preparation.scanned];
    scanned[index] = Math.min(want, done + ONE_PIECE);
    const short = [...preparation.short];
    short[index] = false;
    return { ok: true, preparation: { ...preparation, scanned, short }, line: index };
  }
  return { ok: false, reason: matchedAny ? 'already-complete' : 'not-in-order' };
}

/** The cashier says a line cannot be filled (or takes that back). */
export function markLineShort(preparation: Preparation, line: number, short: boolean): Preparation {
  const next = [...preparation.short];
  next[line] = short;
  return { ...preparation, short: next };
}

/** Every line scanned in full or declared short: the order may be marked ready. */
export function isPrepared(order: PickupOrder, preparation: Preparation): boolean {
  const need = needed(order);
  return need.every((want, index) => (preparation.scanned[index] ?? 0) >= want || preparation.short[index] === true);
}

/** What the short lines lack, for the marked_ready event. */
export function shortfall(order: PickupOrder, preparation: Preparation): ShortLine[] {
  const need = needed(order);
  const lines: ShortLine[] = [];
  for (const [index, want] of need.entries()) {
    const missing = want - (preparation.scanned[index] ?? 0);
    if (preparation.short[index] === true && missing > 0) lines.push({ line: index, qty: missing });
  }
  return lines;
}
