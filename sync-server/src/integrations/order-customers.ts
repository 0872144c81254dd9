/*
 * The customer of a platform order (Shopify, WooCommerce, Haravan), so the counter can sell more to the
 * person collecting it and their loyalty counts: decided in the order inbox's transaction, when the order is
 * first written (a stored order keeps the customer it got).
 *   - by phone first: a whole Vietnamese number, compared in the national form however the platform wrote
 *     it ("+84 903 000 003" is "0903000003", src/domain/phone-number.ts), through the phone index (the
 *     shared findCustomersByPhone names it on SQLite: without statistics a flash sale of new customers
 *     became quadratic, the flash_sale bench went from 31 s to minutes);
 *   - else by e-mail, compared without case, through the e-mail index (migration 0018, named on SQLite as
 *     the phone's is: a flash sale of orders without a phone read every customer for each order without it);
 *   - among several customers with that number (issue 12 lets a store keep its own "Chị Hà" beside another
 *     store's), the order's store's own customer wins, else the chain's oldest;
 *   - none: a new customer of the order's store, with the order's name, number and e-mail. Its id is made
 *     from the store and the number (or e-mail), so two orders of one new customer in one batch, or a
 *     redelivery, make one customer; a customer already under that id is never written over.
 * A customer of another store is not changed: writing the order grants the order's store sight of her
 * (online-orders.ts, customer_stores), and its tablets hold her read-only without her e-mail or member card,
 * as for any customer who shops at a second store (the cross-store protections of issue 12).
 * An order without a whole phone number or an e-mail (Shopify redacts customers without approval) gets none.
 */
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import type { CustomerDocument } from '../../../src/data/schemas/types.ts';
import { fullVietnamPhone, phoneForms } from '../../../src/domain/phone-number.ts';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import { findCustomersByPhone, type CustomerRow } from '../store/customers-repository.ts';
import type { Database } from '../store/database-types.ts';
import { isDeleted } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import type { StoreKind } from '../store/open-store.ts';

/** The namespace of customers made for platform orders (UUIDv5 of "<store>|phone:<national>" or "|email:<address>"). */
const ORDER_CUSTOMER_IDS = '6d0c9a4e-2b7f-4f1e-8a35-9c1b7e2d4f60';
const CANDIDATES = 50;

export interface OrderCustomerFacts {
  storeId: string;
  customerName: string;
  customerPhone?: string;
  customerEmail?: string;
}

/** The lower-cased address when the text looks like one, else undefined. */
export function emailKey(text: string | undefined): string | undefined {
  const email = text?.trim().toLowerCase();
  return email !== undefined && email.length <= 200 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
}

/** The customers a batch of deliveries made, by id, to be written with its orders (platform-orders.ts). */
export type NewCustomers = Map<string, CustomerDocument>;

/** The customer id for a new platform order, making the customer into `made` when there is none yet. */
export async function customerForOrder(
  trx: Transaction<Database>,
  kind: StoreKind,
  documents: DocumentsRepository,
  order: OrderCustomerFacts,
  made: NewCustomers,
  now: Date,
): Promise<string | undefined> {
  const phone = order.customerPhone === undefined ? undefined : fullVietnamPhone(order.customerPhone);
  const email = emailKey(order.customerEmail);
  if (phone === undefined && email === undefined) return undefined;
  const found = phone !== undefined ? await findCustomersByPhone(trx, kind, phoneForms(phone), CANDIDATES) : await findCustomersByEmail(trx, kind, email!);
  const chosen = choose(found, order.storeId);
  if (chosen !== undefined) return chosen;

  const id = uuidv5(`${order.storeId}|${phone !== undefined ? `phone:${phone}` : `email:${email}`}`, ORDER_CUSTOMER_IDS);
  if (made.has(id)) return id;
  const existing = (await documents.getMany(trx, 'customers', [id])).get(id);
  if (existing !== undefined && !existing.deleted) return id;
  const at = now.toISOString();
  const name = (order.customerName.trim() || phone || email!).slice(0, 200);
  made.set(id, {
    id,
    storeId: order.storeId,
    name,
    searchName: foldForSearch(name),
    phone: phone ?? '',
    ...(email !== undefined ? { email } : {}),
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

/** The order's store's own customer first, else the chain's oldest; never one merged into another. */
function choose(found: readonly CustomerRow[], storeId: string): string | undefined {
  const live = found.filter((row) => row.body.mergedIntoId === undefined);
  return (live.find((row) => row.storeId === storeId) ?? live[0])?.id;
}

export interface RawRow {
  id: string;
  store_id: string | null;
  body: string;
  deleted: boolean | number;
}

function rowsOf(rows: readonly RawRow[]): CustomerRow[] {
  return rows.filter((row) => !isDeleted(row.deleted)).map((row) => ({ id: row.id, storeId: row.store_id, body: JSON.parse(row.body) as CustomerDocument }));
}

async function findCustomersByEmail(trx: Transaction<Database>, kind: StoreKind, email: string): Promise<CustomerRow[]> {
  return rowsOf((await customersByEmailQuery(kind, email).execute(trx)).rows);
}

/** The live customers with this (lower-cased) e-mail, oldest first; exported so a test can read its plan. */
export function customersByEmailQuery(kind: StoreKind, email: string): RawBuilder<RawRow> {
  // The expressions are documents_customer_email_idx's own, or the index is not used.
  return kind === 'postgres'
    ? sql<RawRow>`select id, store_id, body, deleted from documents where collection = 'customers' and lower((body::jsonb)->>'email') = ${email} and deleted = false order by seq limit ${CANDIDATES}`
    : sql<RawRow>`select id, store_id, body, deleted from documents indexed by documents_customer_email_idx where collection = 'customers' and lower(json_extract(body, '$.email')) = ${email} and deleted = 0 order by seq limit ${CANDIDATES}`;
}
