/*
 * The customer attached to the sale. Which customer is a fact of the cart (cart.customerId, domain/cart.ts):
 * the one place it is kept, so the sale document, its points and store credit, a parked cart, an undo and
 * the screen can never disagree. What the screen shows of the customer (name, phone) is read live from the
 * device's customers collection by that id, only when the attached customer changes (never on a scan).
 */
import { useEffect, useState } from 'react';
import { useDatabase } from '../../data/database-context.ts';
import { useCounterStore } from './counter-store.ts';

export interface AttachedCustomer {
  readonly id: string;
  /** Undefined while it is being read, or when this device does not hold the customer. */
  readonly name?: string;
  readonly phone?: string;
}

/** The attached customer, or null when the sale has none. */
export function useAttachedCustomer(): AttachedCustomer | null {
  const database = useDatabase();
  const customerId = useCounterStore((state) => state.cart.customerId);
  const [found, setFound] = useState<AttachedCustomer>();

  useEffect(() => {
    if (customerId === undefined) return undefined;
    const subscription = database.customers.findOne(customerId).$.subscribe({
      next: (customer) => setFound(customer === null ? { id: customerId } : { id: customerId, name: customer.name, phone: customer.phone }),
      error: (error: unknown) => console.error('Reading the attached customer failed', { customerId, error }),
    });
    return () => subscription.unsubscribe();
  }, [database, customerId]);

  if (customerId === undefined) return null;
  return found?.id === customerId ? found : { id: customerId };
}
