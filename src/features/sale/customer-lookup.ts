/*
 * Finding the customer to attach to a sale on this device (RxDB customers of this store): by phone as the
 * cashier types it, or by a scanned member card. Phones are compared as the same number however written
 * (+84, 84 or 0 in front: src/domain/phone-number.ts, the rule the server merges and looks up by).
 */
import type { PosDatabase } from '../../data/database.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import { normaliseVietnamPhone, phoneForms } from '../../domain/phone-number.ts';

export async function findCustomer(database: PosDatabase, typedOrScanned: string): Promise<CustomerDocument | undefined> {
  const text = typedOrScanned.trim();
  if (text === '') return undefined;
  const candidates = [...new Set([text, ...phoneForms(normaliseVietnamPhone(text))].filter((value) => value !== ''))];
  const found = await database.customers
    .findOne({ selector: { $or: [{ phone: { $in: candidates } }, { memberCard: { $in: candidates } }], mergedIntoId: { $exists: false } } })
    .exec();
  return found === null ? undefined : (found.toJSON() as CustomerDocument);
}

/** The name of a customer this device holds, by id (a parked cart's or a stored sale's customerId). */
export async function customerNameOf(database: PosDatabase, customerId: string): Promise<string | undefined> {
  const found = await database.customers.findOne(customerId).exec();
  return found?.name;
}
