/*
 * The customers screen's list: this device's customers matching what was typed or scanned
 * (data/customer-records.ts), read again shortly after each keystroke and whenever a customer is written
 * (created here, edited, or brought by the sync).
 */
import { useEffect, useState } from 'react';
import { useDatabase } from '../../data/database-context.ts';
import { searchCustomers } from '../../data/customer-records.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';

const TYPING_PAUSE_MS = 150;

export interface CustomerSearch {
  readonly text: string;
  /** Undefined while the first answer for this text is read. */
  readonly customers: readonly CustomerDocument[] | undefined;
  readonly failed: boolean;
}

export function useCustomerSearch(text: string): CustomerSearch {
  const database = useDatabase();
  const [answer, setAnswer] = useState<CustomerSearch>({ text, customers: undefined, failed: false });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const subscription = database.customers.$.subscribe({
      next: () => setChanges((count) => count + 1),
      error: (error: unknown) => console.error('Watching the customers for changes failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      searchCustomers(database, text)
        .then((customers) => current && setAnswer({ text, customers, failed: false }))
        .catch((error: unknown) => {
          console.error('Searching the customers failed', { text, error });
          if (current) setAnswer({ text, customers: [], failed: true });
        });
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [database, text, changes]);

  return answer.text === text ? answer : { text, customers: answer.customers, failed: false };
}
