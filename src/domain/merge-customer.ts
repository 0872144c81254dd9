/*
 * The conflict policy of customers: both the counter and the server (online shop, other stores) edit them,
 * so whole-document "last write wins" would lose edits. This is a three-way, field-by-field merge:
 * base = the version the device last saw from the server, local = the device's edit, master = the server's
 * current version. A field only the device changed takes the device's value; a field only the server
 * changed keeps the server's; a field both changed to different values keeps the server's (its change is
 * the later one by server time) and is listed so the conflict can be shown. Identity and server-stamped
 * fields always come from the server.
 * The server merges its CustomerDocuments (src/data/schemas/types.ts) with it: local and master are the
 * checked push and the stored document, both of that type, and so is the merge; base is whatever the device
 * says it last saw, only ever compared.
 * decideCustomerPush (below) says what one pushed customer does: which store may change it, when a new one
 * is merged by phone, and what is written and answered; the server's customers policy carries it out.
 */
import { sameContent } from './canonical-json.ts';

export interface MergeResult<T> {
  merged: T;
  /** Fields both sides changed to different values; the server's value was kept. */
  conflictingFields: string[];
}

const SERVER_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'storeId']);

/** A document's own fields by name, in their order. */
function fieldsOf(document: object | undefined): Map<string, unknown> {
  return new Map(document === undefined ? [] : Object.entries(document));
}

export function mergeCustomer<T extends object>(base: object | undefined, local: T, master: T): MergeResult<T> {
  const baseFields = fieldsOf(base);
  const localFields = fieldsOf(local);
  const masterFields = fieldsOf(master);
  const merged = new Map(masterFields);
  const conflictingFields: string[] = [];
  const fields = new Set([...localFields.keys(), ...masterFields.keys(), ...baseFields.keys()]);
  for (const field of fields) {
    if (SERVER_FIELDS.has(field)) continue;
    const baseValue = baseFields.get(field);
    const localValue = localFields.get(field);
    const masterValue = masterFields.get(field);
    const deviceChanged = !sameContent(localValue, baseValue);
    if (!deviceChanged) continue;
    const serverChanged = !sameContent(masterValue, baseValue);
    if (!serverChanged || sameContent(localValue, masterValue)) {
      if (localValue === undefined) merged.delete(field);
      else merged.set(field, localValue);
    } else {
      conflictingFields.push(field);
    }
  }
  // Every field comes from master or local, both a T, and the server-stamped ones from master.
  return { merged: Object.fromEntries(merged) as T, conflictingFields: conflictingFields.sort() };
}

/*
 * Who may change a customer, and what a push of one does. A customer's home store is the store that created
 * it (null: the online shop's); only devices of that store change or delete it. Other stores may see it
 * (it shops or collects an order there) and use it on their sales, never edit it. A NEW customer whose
 * phone number (national form) is already one of the pushing store's live customers is merged into that
 * customer, as a second offline copy of the same person; when the number belongs only to customers of
 * other stores, the new customer is kept as the pushing store's own, counted as a possible duplicate for
 * its manager, and the others are left as they are: the pusher learns nothing of them and writes nothing
 * of theirs. The chain may link such records for loyalty once the customer confirms the number; a store
 * never gets another store's record by typing its phone.
 */

/** The fields of a customer the push rule reads (a CustomerDocument has them all). */
export interface CustomerFields {
  id: string;
  storeId: string;
  phone: string;
  updatedAt: string;
  mergedIntoId?: string;
}

/** A customer as the server holds it: home store (null: the online shop's), document, deleted or not. */
export interface HeldCustomer<T> {
  id: string;
  storeId: string | null;
  body: T;
  deleted: boolean;
}

export interface PushedCustomer<T> {
  id: string;
  doc: T;
  deleted: boolean;
  /** The version the device based its change on, as it sent it (only ever compared). */
  assumed: object | undefined;
  assumedDeleted: boolean;
}

export interface CustomerPushFacts<T> {
  /** The store of the pushing device. */
  storeId: string;
  /** The server's time, stamped on what the server merges. */
  now: string;
  /** The server's current version of the pushed id, when it has one. */
  master: HeldCustomer<T> | undefined;
  /** Whether the pushing store may see `master` (its own, or another store's customer who shops there). */
  masterVisible: boolean;
  /** The live customers with the pushed customer's phone number, other than the pushed id (new customers only). */
  samePhone: readonly HeldCustomer<T>[];
}

export interface CustomerWrite<T> {
  id: string;
  storeId: string;
  body: T;
  deleted: boolean;
}

export type CustomerPushRefusal = 'another-store' | 'new-for-another-store' | 'home-store-moved';

export type CustomerPushDecision<T> =
  /** Nothing to write or answer: a deleted customer the server never had, or the server's version again. */
  | { kind: 'nothing' }
  | { kind: 'refuse'; why: CustomerPushRefusal; homeStoreId: string | null }
  | {
      kind: 'write';
      writes: CustomerWrite<T>[];
      /** The master the device must adopt, when it is not what the device sent. */
      answer?: { body: T; deleted: boolean };
      /** A new customer merged into this customer of the same store (the pushed id becomes its alias). */
      mergedInto?: string;
      /** Customers of other stores (or the online shop) with the same number, left as they are. */
      possibleDuplicates: number;
    }
  /** Only the answer: a stand-in of a merge the device has not adopted yet. */
  | { kind: 'answer'; answer: { body: T; deleted: boolean } };

export function decideCustomerPush<T extends CustomerFields>(pushed: PushedCustomer<T>, facts: CustomerPushFacts<T>): CustomerPushDecision<T> {
  const { master, storeId, now } = facts;
  if (master === undefined) {
    if (pushed.deleted) return { kind: 'nothing' };
    if (pushed.doc.storeId !== storeId) return { kind: 'refuse', why: 'new-for-another-store', homeStoreId: storeId };
    const live = facts.samePhone.filter((c) => !c.deleted && c.id !== pushed.id);
    const own = live.find((c) => c.storeId === storeId);
    if (own === undefined) {
      return {
        kind: 'write',
        writes: [{ id: pushed.id, storeId, body: pushed.doc, deleted: false }],
        possibleDuplicates: live.length,
      };
    }
    const { merged } = mergeCustomer(undefined, { ...pushed.doc, id: own.id }, own.body);
    merged.updatedAt = now;
    const standIn: T = { ...pushed.doc, mergedIntoId: own.id, updatedAt: now };
    return {
      kind: 'write',
      writes: [
        { id: own.id, storeId, body: merged, deleted: false },
        { id: pushed.id, storeId, body: standIn, deleted: true },
      ],
      answer: { body: standIn, deleted: true },
      mergedInto: own.id,
      possibleDuplicates: 0,
    };
  }
  const unchanged = sameContent(pushed.doc, master.body) && pushed.deleted === master.deleted;
  if (master.storeId !== storeId) {
    // What the tablet already holds, sent back as it is, changes nothing; anything else is not its to change.
    return facts.masterVisible && unchanged ? { kind: 'nothing' } : { kind: 'refuse', why: 'another-store', homeStoreId: master.storeId };
  }
  if (pushed.doc.storeId !== storeId) return { kind: 'refuse', why: 'home-store-moved', homeStoreId: storeId };
  // An edit of a stand-in: the device has not yet adopted the merge; answer it again.
  if (typeof master.body.mergedIntoId === 'string' && master.deleted) return { kind: 'answer', answer: { body: master.body, deleted: true } };
  if (unchanged) return { kind: 'nothing' };
  const upToDate = pushed.assumed !== undefined && sameContent(pushed.assumed, master.body) && pushed.assumedDeleted === master.deleted;
  if (upToDate) return { kind: 'write', writes: [{ id: pushed.id, storeId, body: pushed.doc, deleted: pushed.deleted }], possibleDuplicates: 0 };
  const { merged } = mergeCustomer(pushed.assumed, pushed.doc, master.body);
  merged.updatedAt = now;
  return {
    kind: 'write',
    writes: [{ id: pushed.id, storeId, body: merged, deleted: master.deleted }],
    answer: { body: merged, deleted: master.deleted },
    possibleDuplicates: 0,
  };
}
