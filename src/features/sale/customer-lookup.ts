/*
 * Finding the customer to attach to a sale on this device (RxDB customers of this store): by phone as the
 * cashier types it, a scanned member card or the customer's QR. Phones are compared as the same number however
 * written (+84, 84 or 0 in front: src/domain/phone-number.ts, the rule the server merges and looks up by); the
 * lookup itself is src/data/customer-records.ts, which the customers screen shares.
 */
import type { PosDatabase } from '../../data/database.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import { findCustomer as findCustomerOnDevice } from '../../data/customer-records.ts';

export function findCustomer(database: PosDatabase, typedOrScanned: string): Promise<CustomerDocument | undefined> {
  return findCustomerOnDevice(database, typedOrScanned);
}

/** The name of a customer this device holds, by id (a parked cart's or a stored sale's customerId). */
export async function customerNameOf(database: PosDatabase, customerId: string): Promise<string | undefined> {
  const found = await database.customers.findOne(customerId).exec();
  return found?.name;
}
