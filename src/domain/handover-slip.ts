/*
 * The handover slip of an online order (issue 15): what the customer takes away at the pickup counter, on
 * paper, from one handed_over event. A pure function of the order as it was before the event and the event
 * itself, so the slip printed at the counter and any reprint say the same: the lines taken now (a partial
 * handover names them; a whole one takes everything left), what is still to come, who handed it over and
 * whether the order was paid. The pickup code is never on it, nor the customer's whole phone number. Laid
 * out and encoded for the printer by the pickup feature (handover-slip-print.ts).
 */
import { HANDOVER_EVENT } from './merge-order.ts';
import type { OrderEvent } from './merge-order.ts';
import { remainingQuantities, withEvent } from './pickup-order.ts';
import type { PickupOrder } from './pickup-order.ts';

export interface HandoverSlipLine {
  readonly name: string;
  readonly sku: string;
  /** Taken now, thousandths of a unit. */
  readonly handedNow: number;
  /** Still to hand over after this handover, thousandths. */
  readonly leftAfter: number;
}

export interface HandoverSlip {
  readonly storeName: string;
  readonly orderNumber: string;
  readonly customerName: string;
  /** The last 3 digits of the customer's phone, to tell two namesakes apart without printing the number. */
  readonly phoneEnd?: string;
  readonly handedAt: string;
  readonly staffName: string;
  readonly eventId: string;
  /** Lines taken now, in the order's order; lines taken nothing of are left out. */
  readonly lines: readonly HandoverSlipLine[];
  /** Lines still to come after this handover (none when complete). */
  readonly stillToCome: readonly HandoverSlipLine[];
  readonly complete: boolean;
  readonly paidOnline: boolean;
  readonly total: number;
  readonly currency: string;
}

export interface HandoverSlipContext {
  readonly storeName: string;
  /** The name of the person who handed over (the event's staffId), as the staff list has it. */
  readonly staffName: string;
}

/** The slip of `event` (a handed_over event) on `before`, the order as it was before it; undefined for any other event. */
export function handoverSlipOf(before: PickupOrder, event: OrderEvent, context: HandoverSlipContext): HandoverSlip | undefined {
  if (event.type !== HANDOVER_EVENT) return undefined;
  const leftBefore = remainingQuantities(before);
  const leftAfter = remainingQuantities(withEvent(before, event));
  const lines: HandoverSlipLine[] = [];
  const stillToCome: HandoverSlipLine[] = [];
  before.lines.forEach((line, index) => {
    const handedNow = Math.max(0, (leftBefore[index] ?? 0) - (leftAfter[index] ?? 0));
    const entry = { name: line.name, sku: line.sku, handedNow, leftAfter: leftAfter[index] ?? 0 };
    if (handedNow > 0) lines.push(entry);
    if (entry.leftAfter > 0) stillToCome.push(entry);
  });
  const digits = (before.customerPhone ?? '').replace(/\D/g, '');
  return {
    storeName: context.storeName,
    orderNumber: before.number,
    customerName: before.customerName,
    ...(digits.length >= 3 ? { phoneEnd: digits.slice(-3) } : {}),
    handedAt: event.at,
    staffName: context.staffName,
    eventId: event.id,
    lines,
    stillToCome,
    complete: stillToCome.length === 0,
    paidOnline: before.paid,
    total: before.total,
    currency: before.currency,
  };
}
