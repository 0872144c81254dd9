/*
 * A customer handed from another screen to the counter ("sell more to this customer" at the pickup
 * counter): the screen puts the customer's id here and goes to the counter, which attaches the customer
 * to its cart once and clears it. Kept in memory only: it lives from one screen to the next, no longer.
 * Navigation is the shell's tiny History router (app/use-location-path.ts), told by the same event.
 */
import { create } from 'zustand';

interface CounterHandoffState {
  customerId: string | null;
}

export const useCounterHandoffStore = create<CounterHandoffState>()(() => ({ customerId: null }));

/** The shell's navigation event (app/use-location-path.ts listens for it). */
const NAVIGATE_EVENT = 'pos:navigate';

/** Hands the customer to the counter and opens it. */
export function handCustomerToCounter(customerId: string): void {
  useCounterHandoffStore.setState({ customerId });
  if (window.location.pathname === '/') return;
  window.history.pushState(null, '', '/');
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The customer waiting for the counter, taken (cleared) by whoever attaches them. */
export function takeCustomerForCounter(): string | null {
  const { customerId } = useCounterHandoffStore.getState();
  if (customerId !== null) useCounterHandoffStore.setState({ customerId: null });
  return customerId;
}
