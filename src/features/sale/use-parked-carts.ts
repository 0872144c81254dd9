/*
 * Parking and resuming carts from the counter: the cart goes to the counter database (src/data/parked-carts.ts)
 * and the counter starts afresh; resuming takes it back out (only one tab can) with a fresh undo history.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useDatabase } from '../../data/database-context.ts';
import { counterDatabaseFor } from '../../data/counter-database.ts';
import type { CounterDatabase, ParkedCartRow } from '../../data/counter-database.ts';
import { parkCart, takeParkedCart, watchParkedCarts } from '../../data/parked-carts.ts';
import { emptyCart } from '../../domain/cart.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useCounterStore } from './counter-store.ts';
import { customerNameOf } from './customer-lookup.ts';

export function useCounterDatabase(): CounterDatabase {
  const database = useDatabase();
  return useMemo(() => counterDatabaseFor(database.name), [database]);
}

export function useParkedCartList(): ParkedCartRow[] | undefined {
  const counter = useCounterDatabase();
  const [rows, setRows] = useState<ParkedCartRow[]>();
  useEffect(() => {
    const subscription = watchParkedCarts(counter).subscribe({
      next: setRows,
      error: (error: unknown) => console.error('Reading the parked carts failed', error),
    });
    return () => subscription.unsubscribe();
  }, [counter]);
  return rows;
}

export function useParkActions() {
  const database = useDatabase();
  const counter = useCounterDatabase();

  const park = useCallback(async (): Promise<boolean> => {
    const store = useCounterStore.getState();
    if (store.cart.lines.length === 0) return false;
    const { history: _history, historyLimit: _limit, ...cart } = store.cart;
    const staffName = useStaffSessionStore.getState().staff?.name;
    // The list of parked carts names the customer; the cart itself keeps only the id.
    const { customerId } = cart;
    const customerName =
      customerId === undefined
        ? undefined
        : await customerNameOf(database, customerId).catch((error: unknown) => {
            console.error('Reading the name of a parked cart’s customer failed', { customerId, error });
            return undefined;
          });
    try {
      await parkCart(counter, {
        id: uuidv7(),
        parkedAt: new Date().toISOString(),
        cart,
        ...(staffName ? { staffName } : {}),
        ...(customerName ? { customerName } : {}),
      });
    } catch (error) {
      console.error('Parking the cart failed', error);
      store.tell({ tone: 'error', key: 'park.failed' });
      return false;
    }
    store.startNextSale(store.lastSale);
    store.tell({ tone: 'success', key: 'park.parked' });
    return true;
  }, [counter, database]);

  const resume = useCallback(
    async (id: string): Promise<boolean> => {
      const store = useCounterStore.getState();
      if (store.cart.lines.length > 0) {
        store.tell({ tone: 'error', key: 'park.cartNotEmpty' });
        return false;
      }
      let row: ParkedCartRow | undefined;
      try {
        row = await takeParkedCart(counter, id);
      } catch (error) {
        console.error('Resuming a parked cart failed', error);
        store.tell({ tone: 'error', key: 'park.resumeFailed' });
        return false;
      }
      if (row === undefined) {
        store.tell({ tone: 'error', key: 'park.gone' });
        return false;
      }
      const fresh = emptyCart();
      // The customer comes back with the cart (its id is the cart's): the screen looks the name up again.
      store.replaceCart({ ...row.cart, history: [], historyLimit: fresh.historyLimit });
      store.openPanel('cart');
      store.tell({ tone: 'success', key: 'park.resumed' });
      return true;
    },
    [counter],
  );

  return { park, resume };
}
