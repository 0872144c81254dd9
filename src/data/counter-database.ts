/*
 * The counter's own small IndexedDB database, `<device database>-counter` (plain Dexie), for the two things
 * a till keeps for itself and never syncs:
 *
 *   sequences    `&key`            the receipt number counter of this device ("receipt"), incremented in a
 *                                  readwrite transaction so two tabs of the POS never hand out the same number
 *                                  (IndexedDB serialises readwrite transactions on one store across tabs).
 *   parkedCarts  `&id, parkedAt`   carts put aside to serve the next customer, as plain JSON (the cart is an
 *                                  immutable value): they survive a reload and a crash, and any tab can resume one.
 *   voids        `&originalSaleId` one row per sale this device has cancelled, added in the same transaction
 *                                  that takes the cancellation's receipt number: a second cancellation of the same
 *                                  sale (a double tap, another tab) fails on the key instead of writing a second
 *                                  reversal (receipt-sequence.ts).
 *   quickKeys    `&storeId`        the quick keys a manager set on this tablet, with the store's list they replaced
 *                                  (src/domain/quick-keys.ts): the server has no route yet for a tablet to change the
 *                                  store's config, which is server-written, so the tablet's edit stays on the tablet
 *                                  (quick-keys-override.ts) until the back office sets the store's list.
 *
 * Why not RxDB: neither is a document the server should ever see (RxDB collections here all replicate, and
 * local documents of RxDB cannot be incremented atomically across tabs), and the free edition caps the number
 * of collections. Why not the catalog database: that one may be wiped and pulled again at any time.
 * The receipt counter lives apart from the sales (another IndexedDB database), so a crash between taking a
 * number and writing the sale leaves a gap in the numbering, never a duplicate: see receipt-sequence.ts.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CartState } from '../domain/cart.ts';

export interface SequenceRow {
  key: string;
  value: number;
}

export interface ParkedCartRow {
  id: string;
  parkedAt: string;
  /** Who parked it, for the list ("Lan, 10:42"). */
  staffName?: string;
  /** The customer's name when one was attached, for the list. */
  customerName?: string;
  /** The cart without its undo history: a resumed cart starts a fresh history. */
  cart: CartState;
}

export interface VoidRow {
  originalSaleId: string;
  /** The reversal's id and when it was taken (for a developer looking at the database). */
  reversalId: string;
  voidedAt: string;
}

/** A manager's quick keys on this tablet (quick-keys-override.ts). */
export interface QuickKeysRow {
  storeId: string;
  productIds: string[];
  /** The store config's list when the manager made this one: a newer list from the back office wins. */
  replacedConfigList: string[];
  changedAt: string;
  /** The staff member who approved the change (catalog.manage). */
  changedBy: string;
}

export type CounterDatabase = Dexie & {
  sequences: EntityTable<SequenceRow, 'key'>;
  parkedCarts: EntityTable<ParkedCartRow, 'id'>;
  voids: EntityTable<VoidRow, 'originalSaleId'>;
  quickKeys: EntityTable<QuickKeysRow, 'storeId'>;
};

export function counterDatabaseName(deviceDatabaseName: string): string {
  return `${deviceDatabaseName}-counter`;
}

export function openCounterDatabase(name: string): CounterDatabase {
  const database = new Dexie(name) as CounterDatabase;
  database.version(1).stores({ sequences: '&key', parkedCarts: '&id, parkedAt' });
  database.version(2).stores({ voids: '&originalSaleId' });
  database.version(3).stores({ quickKeys: '&storeId' });
  return database;
}

const opened = new Map<string, CounterDatabase>();

/** The one counter database of a device database (by its name), opened on first use and kept for the page. */
export function counterDatabaseFor(deviceDatabaseName: string): CounterDatabase {
  const name = counterDatabaseName(deviceDatabaseName);
  let database = opened.get(name);
  if (database === undefined) {
    database = openCounterDatabase(name);
    opened.set(name, database);
  }
  return database;
}
