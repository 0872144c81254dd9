/*
 * An online order at the pickup counter, the pure half: which list of the pickup screen it belongs to, how
 * the cashier finds it (its number, the customer's phone, the pickup code or the QR carrying one), what is
 * left to hand over, and the events and stock movements a handover writes. The order itself belongs to the
 * server; the counter only appends the events merge-order.ts decides (marked_ready, handed_over), so what
 * the screen shows after an event is the merge of the order with that event, as the server will merge it.
 *
 * The pickup code is kept on the order only as a slow, salted hash (pickup-code.ts), which the tablet
 * checks offline: one check costs tens of ms, so an order is found by its number, its customer's phone or
 * the QR (which names the order's number) first, and only that order's hash is checked. A code typed alone
 * is tried against the open orders' hashes one by one (findPickupOrdersByCode).
 */
import type { OrderDocument } from './documents.ts';
import { readPickupQr, verifyPickupCode } from './pickup-code.ts';
import { handedSoFar, HANDOVER_EVENT, MARKED_READY_EVENT, mergeOrder } from './merge-order.ts';
import type { HandedLine, OrderEvent } from './merge-order.ts';

export type PickupOrder = Pick<
  OrderDocument,
  'id' | 'storeId' | 'number' | 'status' | 'customerName' | 'customerPhone' | 'customerId' | 'pickupCodeHash' | 'currency' | 'lines' | 'total' | 'paid' | 'events' | 'flags' | 'placedAt' | 'updatedAt' | 'fulfilment'
>;

/** The pickup screen's lists. */
export type PickupGroup = 'to-prepare' | 'ready' | 'handed-today' | 'problem';

/** The list an order belongs to, or null when it is none of the screen's business (old, cancelled, returned). */
export function pickupGroupOf(order: PickupOrder, day: { readonly start: number; readonly end: number }): PickupGroup | null {
  if ((order.flags ?? []).length > 0) return 'problem';
  const open = order.status === 'pending' || order.status === 'ready';
  if (open && order.lines.some((line) => line.unknownProduct === true)) return 'problem';
  if (order.status === 'pending') return 'to-prepare';
  if (order.status === 'ready') return 'ready';
  if (order.status === 'picked_up') {
    const last = lastHandoverAt(order);
    return last !== undefined && last >= day.start && last < day.end ? 'handed-today' : null;
  }
  return null;
}

function lastHandoverAt(order: PickupOrder): number | undefined {
  let last: number | undefined;
  for (const event of order.events) {
    if (event.type !== HANDOVER_EVENT) continue;
    const at = Date.parse(event.at);
    if (!Number.isNaN(at) && (last === undefined || at > last)) last = at;
  }
  return last;
}

/** Quantities (thousandths) each line still has to hand over. */
export function remainingQuantities(order: PickupOrder): number[] {
  const handed = handedSoFar(order);
  return order.lines.map((line, index) => Math.max(0, line.qty - (handed[index] ?? 0)));
}

/** What the customer still owes at the counter: the whole total when the order was not paid online. */
export function balanceDue(order: Pick<PickupOrder, 'paid' | 'total'>): number {
  return order.paid ? 0 : order.total;
}

/** Whether `code` is this order's pickup code. An order without a code has none to match. */
export async function isPickupCodeOf(order: Pick<PickupOrder, 'pickupCodeHash'>, code: string): Promise<boolean> {
  if (order.pickupCodeHash === undefined || code.trim() === '') return false;
  return verifyPickupCode(order.pickupCodeHash, code);
}

/**
 * How a search found an order. A QR found it by the number it names and brings the code it carries, still
 * to be checked against the order's hash (isPickupCodeOf); a code found by findPickupOrdersByCode is proven.
 */
export type PickupMatch =
  | { readonly order: PickupOrder; readonly by: 'number' | 'phone' | 'code' }
  | { readonly order: PickupOrder; readonly by: 'qr'; readonly code: string };

/** An order number as customers write it: without '#', spaces or case. */
export function normaliseOrderNumber(text: string): string {
  return text.trim().replace(/^#/, '').replace(/\s+/g, '').toUpperCase();
}

/**
 * A phone's significant digits: digits only, a Vietnamese +84/84 prefix read as the trunk 0, so
 * "+84 912 345 678" and "0912345678" are one number.
 */
export function normalisePhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

const MIN_PHONE_DIGITS = 8;

/**
 * The orders `text` names, among `orders`: a pickup QR's order (by the number it carries), or orders by
 * number, or by the customer's phone (8 digits or more, the whole number or its last digits). Synchronous
 * and hash-free: a scan finds its order within a frame.
 */
export function findPickupOrders(orders: readonly PickupOrder[], text: string): PickupMatch[] {
  const qr = readPickupQr(text);
  if (qr !== undefined) {
    const wanted = normaliseOrderNumber(qr.number);
    return orders.filter((order) => normaliseOrderNumber(order.number) === wanted).map((order) => ({ order, by: 'qr' as const, code: qr.code }));
  }
  const number = normaliseOrderNumber(text);
  const phone = normalisePhone(text);
  const matches: PickupMatch[] = [];
  for (const order of orders) {
    if (number !== '' && normaliseOrderNumber(order.number) === number) matches.push({ order, by: 'number' });
    else if (phone.length >= MIN_PHONE_DIGITS && order.customerPhone !== undefined && normalisePhone(order.customerPhone).endsWith(phone)) {
      matches.push({ order, by: 'phone' });
    }
  }
  return matches;
}

/**
 * The open order (to prepare or ready) whose pickup code is `code`, typed without its order: each open
 * order's hash is tried in turn, newest first, until one matches (tens of ms each, so the cashier is told
 * to type the number when many orders wait).
 */
export async function findPickupOrdersByCode(orders: readonly PickupOrder[], code: string): Promise<PickupMatch[]> {
  if (code.trim() === '') return [];
  const open = orders
    .filter((order) => (order.status === 'pending' || order.status === 'ready') && order.pickupCodeHash !== undefined)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  for (const order of open) {
    if (await isPickupCodeOf(order, code)) return [{ order, by: 'code' }];
  }
  return [];
}

export interface CounterAct {
  readonly id: string;
  readonly at: string;
  readonly staffId: string;
  readonly deviceId: string;
}

/** A line found short while preparing: its index and what is missing (thousandths). */
export type ShortLine = HandedLine;

/** The order prepared: pending -> ready; lines found short ride along for whoever hands it over. */
export function markedReadyEvent(act: CounterAct, short: readonly ShortLine[]): OrderEvent {
  return { id: act.id, type: MARKED_READY_EVENT, at: act.at, staffId: act.staffId, deviceId: act.deviceId, ...(short.length > 0 ? { short: short.map((line) => ({ ...line })) } : {}) };
}

/** The lines found short when the order was marked ready (the latest such event). */
export function shortLinesOf(order: Pick<PickupOrder, 'events'>): ShortLine[] {
  const ready = order.events.filter((event) => event.type === MARKED_READY_EVENT).at(-1);
  const short = ready?.['short'];
  if (!Array.isArray(short)) return [];
  return short.filter((entry): entry is ShortLine => typeof entry === 'object' && entry !== null && Number.isInteger((entry as ShortLine).line) && Number.isInteger((entry as ShortLine).qty));
}

export type HandoverRefusal = 'nothing-to-hand-over' | 'not-ready' | 'balance-due' | 'code-required';

export type HandoverPlan =
  | { readonly ok: true; readonly event: OrderEvent; readonly lines: HandedLine[]; readonly complete: boolean; readonly order: PickupOrder }
  | { readonly ok: false; readonly reason: HandoverRefusal };

export interface HandoverRequest {
  /** What the customer takes now, per line (thousandths); more than is left is cut to what is left. */
  readonly lines: readonly HandedLine[];
  /** The pickup code was checked (typed or scanned and matched), or the order has none. */
  readonly codeChecked: boolean;
  /** The store allows handing over with money due (allowsUnpaidHandover): the event records what is due. */
  readonly allowUnpaid?: boolean;
}

/** Whether the store lets the counter hand over an order with money due (store.pickupAllowUnpaidHandover). */
export function allowsUnpaidHandover(config: { readonly store: Readonly<Record<string, unknown>> } | null | undefined): boolean {
  return config?.store['pickupAllowUnpaidHandover'] === true;
}

/**
 * A handover at the counter: refused while the order is not ready, while money is due (unless the store
 * allows handing over unpaid: then the event records the amount due as `unpaidAmount`, and the merge flags
 * it for the manager), or without the pickup code an order carries; otherwise the handed_over event naming exactly the lines taken now, and the
 * order as it will be once merged (picked_up when nothing is left).
 */
export function planHandover(order: PickupOrder, act: CounterAct, request: HandoverRequest): HandoverPlan {
  if (order.status !== 'ready') return { ok: false, reason: 'not-ready' };
  const due = balanceDue(order);
  if (due > 0 && request.allowUnpaid !== true) return { ok: false, reason: 'balance-due' };
  if (order.pickupCodeHash !== undefined && !request.codeChecked) return { ok: false, reason: 'code-required' };
  const left = remainingQuantities(order);
  const taken = new Map<number, number>();
  for (const wanted of request.lines) {
    if (!Number.isInteger(wanted.line) || !Number.isInteger(wanted.qty) || wanted.qty <= 0) continue;
    const available = (left[wanted.line] ?? 0) - (taken.get(wanted.line) ?? 0);
    const qty = Math.min(wanted.qty, available);
    if (qty > 0) taken.set(wanted.line, (taken.get(wanted.line) ?? 0) + qty);
  }
  const lines = [...taken].sort(([a], [b]) => a - b).map(([line, qty]) => ({ line, qty }));
  if (lines.length === 0) return { ok: false, reason: 'nothing-to-hand-over' };
  const event: OrderEvent = { id: act.id, type: HANDOVER_EVENT, at: act.at, staffId: act.staffId, deviceId: act.deviceId, lines, ...(due > 0 ? { unpaidAmount: due } : {}) };
  const merged = withEvent(order, event);
  return { ok: true, event, lines, complete: merged.status === 'picked_up', order: merged };
}

/** The order with one more counter event, merged as the server merges it. */
export function withEvent<T extends PickupOrder>(order: T, event: OrderEvent): T {
  return mergeOrder(order, { ...order, events: [...order.events, event] });
}

/** A stock movement a handover causes, as the ledger collection stores it. */
export interface PickupStockMovement {
  readonly id: string;
  readonly kind: 'stock';
  readonly storeId: string;
  readonly deviceId: string;
  readonly refId: string;
  readonly delta: number;
  readonly reason: 'pickup';
  readonly sourceId: string;
  readonly createdAt: string;
}

/**
 * The goods handed over leave the store's stock: one movement per line of a known product, with an id made
 * from the event's (so writing them again changes nothing). A line of an unknown product moves nothing.
 */
export function pickupStockMovements(order: PickupOrder, event: OrderEvent, lines: readonly HandedLine[], deviceId: string): PickupStockMovement[] {
  const movements: PickupStockMovement[] = [];
  for (const { line, qty } of lines) {
    const orderLine = order.lines[line];
    if (orderLine === undefined || orderLine.unknownProduct === true || orderLine.productId === '') continue;
    movements.push({ id: `${event.id}-stock-${line}`, kind: 'stock', storeId: order.storeId, deviceId, refId: orderLine.productId, delta: -qty, reason: 'pickup', sourceId: order.id, createdAt: event.at });
  }
  return movements;
}
