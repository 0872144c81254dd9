/*
 * The desk's way to attach a customer by phone (find-customer.ts), for a purchase's panel and the return without
 * receipt: the panel says what to do with the customer found; `notFound` says the last phone typed found no one.
 */
import { useState } from 'react';
import { useDatabase } from '../../data/database-context.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import { findCustomerByPhone } from './find-customer.ts';

export function useFindCustomer(onFound: (customer: CustomerDocument) => void): { readonly notFound: boolean; readonly findCustomer: (phone: string) => void } {
  const database = useDatabase();
  const [notFound, setNotFound] = useState(false);
  const findCustomer = (phone: string) => {
    findCustomerByPhone(database, phone)
      .then((customer) => {
        setNotFound(customer === undefined);
        if (customer !== undefined) onFound(customer);
      })
      .catch((error: unknown) => console.error('Finding a customer by phone failed', error));
  };
  return { notFound, findCustomer };
}
