/*
 * The customer a return's store credit goes to, when the purchase names none (a packing slip names only the
 * customer's name): found on this tablet by phone, however written (+84, 84 or 0 in front, phone-number.ts).
 */
import type { PosDatabase } from '../../data/database.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import { normaliseVietnamPhone, phoneForms } from '../../domain/phone-number.ts';

export async function findCustomerByPhone(database: PosDatabase, typed: string): Promise<CustomerDocument | undefined> {
  const national = normaliseVietnamPhone(typed);
  if (national === '') return undefined;
  const found = await database.customers.findOne({ selector: { phone: { $in: phoneForms(national) }, mergedIntoId: { $exists: false } } }).exec();
  return found === null ? undefined : found.toMutableJSON();
}
