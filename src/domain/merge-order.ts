/*
 * The conflict policy of online orders: the server owns the order (lines, totals, customer, cancellations);
 * a store device only appends events to it. Merging keeps every event from both sides exactly once and
 * replays the device's new events on the server's state, in time order. The events a device writes:
 *   marked_ready        the order is prepared at the counter: pending -> ready
 *   handed_over         the customer (or the courier of a delivery) took it; `lines: [{line, qty}]` hands over
 *                       part of it (line = index in the order's lines, qty in thousandths, as the lines'),
 *                       without `lines` everything not yet handed over; picked_up once every line is
 *   cancelled_in_store  the store cancels it (nothing handed over yet): -> cancelled
 * Other event types (the server's own 'placed', 'ready', notes) are kept and change nothing.
 * A handover that meets a cancellation (the goods left the store, but the order was cancelled online
 * meanwhile) cannot be undone by software: the order stays handed over and is flagged for a manager, as is a
 * second handover, one before the order was ready, and a cancellation in store after goods left. A handover
 * that says it left money due (`unpaidAmount`, minor units: the store allows handing over unpaid orders,
 * pickup-order.ts) is flagged too, so the manager collects it; it still hands the goods over. That flag is
 * raised once per order: the amount is the order's balance, and the later parts of it say the same amount.
 * What each new event did is returned as an effect (mergeOrderWithEffects): the notices back to the
 * order's source follow from them (sync-server's outbox). A flagged handover has no effect to tell.
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
  [field: string]: unknown;
}

/** A flag as an order carries it: the codes this merge writes, or any a later version may. */
export interface StoredOrderFlag {
  code: string;
  eventId: string;
  at: string;
}

/** A flag this merge raises. */
export interface OrderFlag extends StoredOrderFlag {
  code: 'handover-after-cancellation' | 'handover-repeated' | 'handover-before-ready' | 'cancel-after-handover' | 'handed-over-unpaid';
}

export interface MergeableOrder {
  id: string;
  status: OrderStatus;
  events: OrderEvent[];
  flags?: StoredOrderFlag[];
  /** The ordered quantities (thousandths), for partial handovers; without lines a handover is whole. */
  lines?: ReadonlyArray<{ qty: number }>;
}

/** Part of an order handed over: a line's index and a quantity in thousandths. */
export interface HandedLine {
  line: number;
  qty: number;
}

/** What one new event did to the order. */
export type OrderEffect =
  | { kind: 'ready'; eventId: string; at: string }
  | { kind: 'handed-over'; eventId: string; at: string; lines: HandedLine[]; complete: boolean }
  | { kind: 'cancelled'; eventId: string; at: string };

export const HANDOVER_EVENT = 'handed_over';
export const MARKED_READY_EVENT = 'marked_ready';
export const CANCELLED_IN_STORE_EVENT = 'cancelled_in_store';

/** The money a handover left due (minor units), or 0 when it says none. */
export function unpaidAmountOf(event: OrderEvent): number {
  const amount = event['unpaidAmount'];
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 ? amount : 0;
}

export function mergeOrder<T extends MergeableOrder>(master: T, local: T): T {
  return mergeOrderWithEffects(master, local).order;
}

export function mergeOrderWithEffects<T extends MergeableOrder>(master: T, local: T): { order: T; effects: OrderEffect[] } {
  const known = new Set(master.events.map((event) => event.id));
  const newEvents = local.events.filter((event) => !known.has(event.id)).sort(byTime);
  const state: ReplayState = { status: master.status, handed: handedSoFar(master), flags: [...(master.flags ?? [])] };
  const effects: OrderEffect[] = [];
  for (const event of newEvents) {
    const effect = applyEvent(master, state, event);
    if (effect !== null) effects.push(effect);
  }
  const order: T = { ...master, status: state.status, events: [...master.events, ...newEvents].sort(byTime) };
  if (state.flags.length > 0) order.flags = state.flags;
  return { order, effects };
}

interface ReplayState {
  status: OrderStatus;
  /** Quantity handed over so far per line index. */
  handed: number[];
  flags: StoredOrderFlag[];
}

function applyEvent(order: MergeableOrder, state: ReplayState, event: OrderEvent): OrderEffect | null {
  switch (event.type) {
    case MARKED_READY_EVENT:
      if (state.status !== 'pending') return null;
      state.status = 'ready';
      return { kind: 'ready', eventId: event.id, at: event.at };
    case HANDOVER_EVENT:
      return applyHandover(order, state, event);
    case CANCELLED_IN_STORE_EVENT: {
      if (state.status === 'cancelled') return null;
      if (state.status === 'picked_up' || state.status === 'returned' || state.handed.some((qty) => qty > 0)) {
        state.flags.push({ code: 'cancel-after-handover', eventId: event.id, at: event.at });
        return null;
      }
      state.status = 'cancelled';
      return { kind: 'cancelled', eventId: event.id, at: event.at };
    }
    default:
      return null;
  }
}

function applyHandover(order: MergeableOrder, state: ReplayState, event: OrderEvent): OrderEffect | null {
  const flag = handoverFlag(state.status);
  const lines = order.lines ?? [];
  const handedNow: HandedLine[] = [];
  for (const wanted of requestedLines(event, lines)) {
    const left = lines[wanted.line]!.qty - (state.handed[wanted.line] ?? 0);
    const qty = Math.min(wanted.qty, left);
    if (qty <= 0) continue;
    state.handed[wanted.line] = (state.handed[wanted.line] ?? 0) + qty;
    handedNow.push({ line: wanted.line, qty });
  }
  const complete = lines.every((line, index) => (state.handed[index] ?? 0) >= line.qty);
  if (flag) state.flags.push({ code: flag, eventId: event.id, at: event.at });
  // One flag per order: the amount a handover leaves due is the order's whole balance, so a second part
  // handed over unpaid would tell the manager to collect the same money twice.
  if (unpaidAmountOf(event) > 0 && !state.flags.some((each) => each.code === 'handed-over-unpaid')) state.flags.push({ code: 'handed-over-unpaid', eventId: event.id, at: event.at });
  if (complete && state.status !== 'returned') state.status = 'picked_up';
  if (flag === 'handover-after-cancellation' || flag === 'handover-repeated') return null;
  if (handedNow.length === 0 && lines.length > 0) return null;
  return { kind: 'handed-over', eventId: event.id, at: event.at, lines: handedNow, complete };
}

/** The lines a handover names (valid ones only), or every line's remainder when it names none. */
function requestedLines(event: OrderEvent, lines: ReadonlyArray<{ qty: number }>): HandedLine[] {
  const named = event['lines'];
  if (!Array.isArray(named)) return lines.map((line, index) => ({ line: index, qty: line.qty }));
  const valid: HandedLine[] = [];
  for (const entry of named as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { line, qty } = entry as { line?: unknown; qty?: unknown };
    if (typeof line === 'number' && Number.isInteger(line) && line >= 0 && line < lines.length && typeof qty === 'number' && Number.isInteger(qty) && qty > 0) {
      valid.push({ line, qty });
    }
  }
  return valid;
}

/** Quantities handed over by the handovers the order already holds (replayed without flags); the pickup screen shows what is left. */
export function handedSoFar(order: MergeableOrder): number[] {
  const lines = order.lines ?? [];
  const handed: number[] = lines.map(() => 0);
  for (const event of [...order.events].sort(byTime)) {
    if (event.type !== HANDOVER_EVENT) continue;
    for (const wanted of requestedLines(event, lines)) {
      handed[wanted.line] = Math.min(lines[wanted.line]!.qty, (handed[wanted.line] ?? 0) + wanted.qty);
    }
  }
  return handed;
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
