/*
 * The conflict policy of online orders: the server owns the order (lines, totals, customer, cancellations);
 * a store device only appends events to it (the handover at the pickup counter). Merging keeps every event
 * from both sides exactly once and replays the device's new events on the server's state. A handover that
 * meets a cancellation (the goods left the store, but the order was cancelled online meanwhile) cannot be
 * undone by software: the order stays handed over and is flagged for a manager, as is a second handover.
 * MergeableOrder is what the merge reads and writes of an order. The server merges the generated
 * OrderDocument (src/data/schemas/types.ts) with it as it stands, so an orders.json change this merge does
 * not follow fails the server's type check.
 */

export type OrderStatus = 'pending' | 'ready' | 'picked_up' | 'cancelled' | 'returned';

export interface OrderEvent {
  id: string;
  type: string;
  at: string;
  staffId?: string;
  deviceId?: string;
}

/** A flag as an order carries it: the codes this merge writes, or any a later version may. */
export interface StoredOrderFlag {
  code: string;
  eventId: string;
  at: string;
}

/** A flag this merge raises. */
export interface OrderFlag extends StoredOrderFlag {
  code: 'handover-after-cancellation' | 'handover-repeated' | 'handover-before-ready';
}

export interface MergeableOrder {
  id: string;
  status: OrderStatus;
  events: OrderEvent[];
  flags?: StoredOrderFlag[];
}

/** The device events that change an order's status when merged. */
export const HANDOVER_EVENT = 'handed_over';

export function mergeOrder<T extends MergeableOrder>(master: T, local: T): T {
  const known = new Set(master.events.map((event) => event.id));
  const newEvents = local.events.filter((event) => !known.has(event.id)).sort(byTime);
  let status = master.status;
  const flags: StoredOrderFlag[] = [...(master.flags ?? [])];
  for (const event of newEvents) {
    if (event.type !== HANDOVER_EVENT) continue;
    const flag = handoverFlag(status);
    if (flag) flags.push({ code: flag, eventId: event.id, at: event.at });
    status = 'picked_up';
  }
  const merged: T = { ...master, status, events: [...master.events, ...newEvents].sort(byTime) };
  if (flags.length > 0) merged.flags = flags;
  return merged;
}

function handoverFlag(status: OrderStatus): OrderFlag['code'] | null {
  switch (status) {
    case 'ready':
      return null;
    case 'pending':
      return 'handover-before-ready';
    case 'cancelled':
      return 'handover-after-cancellation';
    case 'picked_up':
    case 'returned':
      return 'handover-repeated';
  }
}

function byTime(a: OrderEvent, b: OrderEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
