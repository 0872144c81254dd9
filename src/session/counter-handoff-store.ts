/*
 * A customer handed from another screen to the counter ("sell more to this customer" at the pickup
 * counter): the screen puts the customer's id here and goes to the counter, which attaches the customer
 * to its cart once and clears it. Kept in memory only: it lives from one screen to the next, no longer.
 * Navigation is the shell's tiny History router (app/use-location-path.ts), told by the same event.
 * An unpaid online order goes the same way ("take payment at the counter"): its lines at the order's prices
 * and its customer; the counter rings them up, and the sale that completes with them names the order.
 */
import { create } from 'zustand';
import type { OrderCounterLine } from '../domain/pickup-payment.ts';

/** An online order whose balance due the counter takes (issue 15): its lines at the order's prices, its customer. */
export interface PickupOrderForCounter {
  readonly orderId: string;
  readonly number: string;
  readonly customerId: string | null;
  readonly lines: readonly OrderCounterLine[];
}

interface CounterHandoffState {
  customerId: string | null;
  /** Handed by the pickup screen, not yet rung up by the counter. */
  pickupOrder: PickupOrderForCounter | null;
  /** Rung up by the counter: the next completed sale holding its lines names the order (pickupOrderId). */
  payingOrder: PickupOrderForCounter | null;
}

export const useCounterHandoffStore = create<CounterHandoffState>()(() => ({ customerId: null, pickupOrder: null, payingOrder: null }));

/** The shell's navigation event (app/use-location-path.ts listens for it). */
const NAVIGATE_EVENT = 'pos:navigate';

function openCounter(): void {
  if (window.location.pathname === '/') return;
  window.history.pushState(null, '', '/');
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Hands the customer to the counter and opens it. */
export function handCustomerToCounter(customerId: string): void {
  useCounterHandoffStore.setState({ customerId });
  openCounter();
}

/** Hands an unpaid online order to the counter (its lines at its prices, its customer) and opens it. */
export function handPickupOrderToCounter(order: PickupOrderForCounter): void {
  useCounterHandoffStore.setState({ pickupOrder: order, payingOrder: null });
  openCounter();
}

/** The order waiting for the counter, taken by the counter as it rings its lines up: it is then being paid. */
export function takePickupOrderForCounter(): PickupOrderForCounter | null {
  const { pickupOrder } = useCounterHandoffStore.getState();
  if (pickupOrder !== null) useCounterHandoffStore.setState({ pickupOrder: null, payingOrder: pickupOrder });
  return pickupOrder;
}

/**
 * The order a sale of these lines pays: the one being paid, when the cart still holds each of its products
 * (a cart cleared or parked meanwhile names no order). The server and the pickup screen check the cover itself.
 */
export function pickupOrderPaidBy(lines: readonly { readonly productId: string }[]): string | undefined {
  const { payingOrder } = useCounterHandoffStore.getState();
  if (payingOrder === null) return undefined;
  const held = new Set(lines.map((line) => line.productId));
  return payingOrder.lines.every((line) => held.has(line.productId)) ? payingOrder.orderId : undefined;
}

/** The order was paid (or given up): the next sale names none. */
export function endPickupPayment(): void {
  if (useCounterHandoffStore.getState().payingOrder !== null) useCounterHandoffStore.setState({ payingOrder: null });
}

/** The customer waiting for the counter, taken (cleared) by whoever attaches them. */
export function takeCustomerForCounter(): string | null {
  const { customerId } = useCounterHandoffStore.getState();
  if (customerId !== null) useCounterHandoffStore.setState({ customerId: null });
  return customerId;
}
