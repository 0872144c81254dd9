/*
 * The store's customers on this device (RxDB `customers`, synced both ways) and what they bought here
 * (`sales`). A customer created or edited at the counter is written here first, offline too; the sync pushes
 * it and the server merges a new one by phone with a customer of the same store it already knows
 * (sync-server/src/policies/customers-policy.ts), answering with the merged customer, which replaces this
 * device's copy. Lookups compare phones in every form they may be stored in (domain/customer-details.ts).
 * A customer the server merged into another is kept only as a deleted stand-in, which RxDB never returns.
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { PosDatabase } from './database.ts';
import type { CustomerDocument, SaleDocument } from './schemas/types.ts';
import { customerCodeOf, editedCustomer, newCustomerDocument } from '../domain/customer-details.ts';
import type { CustomerDetails } from '../domain/customer-details.ts';
import { foldForSearch } from '../domain/search-text.ts';

/** The customer a typed or scanned text names (phone, member card, customer QR), or undefined. */
export async function findCustomer(database: PosDatabase, typedOrScanned: string): Promise<CustomerDocument | undefined> {
  const code = customerCodeOf(typedOrScanned);
  if (code === undefined) return undefined;
  if (code.id !== undefined) {
    const byId = await database.customers.findOne(code.id).exec();
    return byId === null || byId.mergedIntoId !== undefined ? undefined : byId.toJSON();
  }
  const found = await database.customers
    .findOne({ selector: { $or: [{ phone: { $in: [...code.phones] } }, { memberCard: { $in: [...code.cards] } }], mergedIntoId: { $exists: false } } })
    .exec();
  return found === null ? undefined : found.toJSON();
}

const SEARCH_LIMIT = 50;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * This store's customers for the customers screen: a whole phone, member card or customer QR finds that one;
 * other text finds names containing it (accents optional) or phones containing its digits; blank text lists
 * the latest changed. At most 50, by name.
 */
export async function searchCustomers(database: PosDatabase, text: string): Promise<CustomerDocument[]> {
  const exact = await findCustomer(database, text);
  if (exact !== undefined) return [exact];
  const folded = foldForSearch(text);
  if (folded === '') {
    const latest = await database.customers.find({ selector: { mergedIntoId: { $exists: false } }, sort: [{ updatedAt: 'desc' }], limit: SEARCH_LIMIT }).exec();
    return latest.map((doc) => doc.toJSON());
  }
  const digits = text.replace(/\D/g, '');
  const byName = { searchName: { $regex: escapeRegex(folded) } };
  const selector = digits.length >= 3 ? { $or: [byName, { phone: { $regex: escapeRegex(digits) } }] } : byName;
  const found = await database.customers.find({ selector: { ...selector, mergedIntoId: { $exists: false } }, sort: [{ searchName: 'asc' }], limit: SEARCH_LIMIT }).exec();
  return found.map((doc) => doc.toJSON());
}

/** Writes a new customer of this store; their id is new (UUIDv7), their phone the national form. */
export async function createCustomer(database: PosDatabase, details: CustomerDetails, storeId: string, now = new Date()): Promise<CustomerDocument> {
  const customer = newCustomerDocument(details, { id: uuidv7(), storeId, now: now.toISOString() });
  await database.customers.insert(customer);
  return customer;
}

/** Writes the customer's new details over the device's copy (the sync merges them field by field with the server's). */
export async function updateCustomer(database: PosDatabase, customerId: string, details: CustomerDetails, now = new Date()): Promise<CustomerDocument> {
  const stored = await database.customers.findOne(customerId).exec();
  if (stored === null) throw new Error(`Customer ${customerId} is not on this device`);
  const written = await stored.incrementalModify((current) => editedCustomer(current, details, now.toISOString()));
  return written.toJSON();
}

/** The customer's sales and returns this device holds since `since` (ISO time), newest first, at most `limit`. */
export async function purchasesOf(database: PosDatabase, customerId: string, since: string, limit?: number): Promise<SaleDocument[]> {
  const found = await database.sales
    .find({ selector: { createdAt: { $gte: since }, customerId }, sort: [{ createdAt: 'desc' }], ...(limit === undefined ? {} : { limit }) })
    .exec();
  return found.map((doc) => doc.toMutableJSON());
}

/** The customer's latest sales and returns on this device, newest first, live (a sale written here shows at once). */
export function watchPurchasesOf(database: PosDatabase, customerId: string, limit: number): Observable<SaleDocument[]> {
  return database.sales
    .find({ selector: { createdAt: { $gte: '' }, customerId }, sort: [{ createdAt: 'desc' }], limit })
    .$.pipe(map((found) => found.map((doc) => doc.toMutableJSON())));
}
