/*
 * The dashboard's online-to-offline figures that come from the orders themselves (not pre-aggregated: a
 * chain's pickup orders are a small part of its documents, read by their last change): how long a pickup
 * takes from the order placed to handed over, and how many pickups end handed over rather than cancelled.
 *   handedOver        pickup orders whose handover ('handed_over' event) falls in [from, to)
 *   cancelled         pickup orders cancelled in [from, to): by the store ('cancelled_in_store' event) or by
 *                     the shop (status 'cancelled', dated by the order's last change)
 *   completionRate    handedOver / (handedOver + cancelled), null when neither happened
 *   leadTimeMinutes   placedAt to handover of the handed-over orders: median, 90th percentile and mean, whole
 *                     minutes (nearest rank), null when none; a handover stamped before its placement counts 0
 * And the rates the dashboard derives from its aggregates: a share as a ratio rounded to 4 decimals, null
 * when the whole is 0.
 */
import { CANCELLED_IN_STORE_EVENT, HANDOVER_EVENT } from './merge-order.ts';
import type { OrderDocument } from './documents.ts';

export type DashboardOrder = Pick<OrderDocument, 'id' | 'storeId' | 'status' | 'events' | 'placedAt' | 'updatedAt' | 'fulfilment'>;

export interface LeadTime {
  readonly median: number;
  readonly p90: number;
  readonly mean: number;
}

export interface PickupFigures {
  readonly handedOver: number;
  readonly cancelled: number;
  readonly completionRate: number | null;
  readonly leadTimeMinutes: LeadTime | null;
}

const MINUTE = 60_000;

/** part / whole rounded to 4 decimals, or null when there is no whole. */
export function shareOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

function nearestRank(sorted: readonly number[], percentile: number): number {
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

/** The pickup figures of the orders over [from, to) (epoch ms), see the file header. */
export function pickupFigures(orders: readonly DashboardOrder[], range: { readonly from: number; readonly to: number }): PickupFigures {
  const inRange = (at: number): boolean => at >= range.from && at < range.to;
  const leadTimes: number[] = [];
  let cancelled = 0;
  for (const order of orders) {
    if (order.fulfilment === 'delivery') continue;
    const handover = order.events.find((event) => event.type === HANDOVER_EVENT);
    if (handover !== undefined) {
      const at = Date.parse(handover.at);
      if (inRange(at)) leadTimes.push(Math.max(0, Math.round((at - Date.parse(order.placedAt)) / MINUTE)));
      continue;
    }
    if (order.status !== 'cancelled') continue;
    const cancelEvent = order.events.find((event) => event.type === CANCELLED_IN_STORE_EVENT);
    if (inRange(Date.parse(cancelEvent?.at ?? order.updatedAt))) cancelled += 1;
  }
  const valid = leadTimes.filter((minutes) => Number.isFinite(minutes)).sort((a, b) => a - b);
  const handedOver = leadTimes.length;
  return {
    handedOver,
    cancelled,
    completionRate: shareOf(handedOver, handedOver + cancelled),
    leadTimeMinutes:
      valid.length === 0
        ? null
        : { median: nearestRank(valid, 50), p90: nearestRank(valid, 90), mean: Math.round(valid.reduce((sum, minutes) => sum + minutes, 0) / valid.length) },
  };
}
