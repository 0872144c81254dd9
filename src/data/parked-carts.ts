/*
 * Parked carts: put aside while the customer fetches something, resumed by any tab of this till, kept
 * across reloads (counter-database.ts says where and why). Resuming takes the cart out in one transaction,
 * so two tabs can never both resume (and both sell) the same parked cart.
 */
import { liveQuery, type Observable } from 'dexie';
import type { CartState } from '../domain/cart.ts';
import type { CounterDatabase, ParkedCartRow } from './counter-database.ts';

export async function parkCart(
  database: CounterDatabase,
  row: { id: string; parkedAt: string; cart: CartState; staffName?: string; customerName?: string },
): Promise<void> {
  await database.parkedCarts.put(row);
}

/** The parked carts, oldest first, live (this tab and others). */
export function watchParkedCarts(database: CounterDatabase): Observable<ParkedCartRow[]> {
  return liveQuery(() => database.parkedCarts.orderBy('parkedAt').toArray());
}

/** Takes a parked cart out to resume it; undefined when another tab already took it. */
export async function takeParkedCart(database: CounterDatabase, id: string): Promise<ParkedCartRow | undefined> {
  return database.transaction('rw', database.parkedCarts, async () => {
    const row = await database.parkedCarts.get(id);
    if (row !== undefined) await database.parkedCarts.delete(id);
    return row;
  });
}
