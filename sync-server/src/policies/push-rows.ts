/*
 * Checks a pushed batch before anything touches the database, so a bad batch is refused whole with an
 * answer that says which row and field: the collection's JSON schema (the same file RxDB validates with
 * on the device), no U+0000 anywhere (PostgreSQL cannot store it in JSON, and no till types it), the
 * assumed master being the same document, and ownership: a document must belong to the device's store,
 * and facts the device writes (sales, shifts, audit, ledger) must carry its own device id.
 * This is where a pushed row becomes its collection's document type: the schema check is a type guard
 * (schemas.ts), and from here on the policies work on SaleDocument, CustomerDocument and so on.
 */
import { collectionPolicies, type CollectionName } from '../../../src/data/schemas/index.ts';
import type { CollectionDocuments } from '../../../src/data/schemas/types.ts';
import { HttpError } from '../http-error.ts';
import { describeValidationErrors } from '../schemas.ts';
import type { DocumentState, DocumentValidator } from '../schemas.ts';
import type { PushedBatch, PushedCollection, PushedDocument } from './write-plan.ts';

/** One row of a push as it arrives: objects, nothing checked yet. */
export interface PushRowInput {
  assumedMasterState?: Readonly<Record<string, unknown>> | null;
  newDocumentState: Readonly<Record<string, unknown>>;
}

/** Whether devices may push this collection at all (the policy table's writer is not the server alone). */
export function isPushedCollection(collection: CollectionName): collection is PushedCollection {
  return collectionPolicies[collection].writer !== 'server';
}

export function readPushRows<C extends PushedCollection>(
  collection: C,
  rows: readonly PushRowInput[],
  validate: DocumentValidator<C>,
  device: { id: string; storeId: string },
  mayContainNul = true,
): PushedBatch<C> {
  const policy = collectionPolicies[collection];
  const pushed: PushedDocument<C>[] = [];
  rows.forEach((row, index) => {
    const where = `body/${index}/newDocumentState`;
    const state = row.newDocumentState;
    if (!validate(state)) throw new HttpError(400, 'invalid_document', describeValidationErrors(validate.errors, where));
    const nul = mayContainNul ? findNul(state, where) : undefined;
    if (nul !== undefined) throw new HttpError(400, 'invalid_document', `${nul} contains the character U+0000, which is not allowed in a document`);
    const { doc, deleted } = withoutDeletedFlag<C>(state);
    const id = doc.id;
    if (deleted && policy.conflicts === 'append-only') {
      throw new HttpError(400, 'invalid_document', `${where}/_deleted: ${collection} are append-only and cannot be deleted; push a reversing document instead`);
    }
    let assumed: Readonly<Record<string, unknown>> | undefined;
    let assumedDeleted = false;
    if (row.assumedMasterState !== undefined && row.assumedMasterState !== null) {
      const { _deleted: flag, ...rest } = row.assumedMasterState;
      assumed = rest;
      assumedDeleted = flag === true;
      if (assumed['id'] !== id) {
        throw new HttpError(400, 'invalid_document', `body/${index}/assumedMasterState/id must be "${id}", the id of newDocumentState`);
      }
    }
    if (policy.storeOfPush === 'own' && doc.storeId !== device.storeId) {
      throw new HttpError(403, 'forbidden', `${where}/storeId is "${doc.storeId}" but this device belongs to store "${device.storeId}": a device writes only its own store's documents`);
    }
    if (policy.storeOfPush === 'any' && typeof doc.storeId !== 'string') {
      throw new HttpError(400, 'invalid_document', `${where}/storeId is required`);
    }
    const deviceId = 'deviceId' in doc ? doc.deviceId : undefined;
    const stamped = policy.deviceStamp === 'required' || (policy.deviceStamp === 'when-present' && deviceId !== undefined);
    if (stamped && deviceId !== device.id) {
      throw new HttpError(403, 'forbidden', `${where}/deviceId is "${String(deviceId)}" but the pushing device is "${device.id}": a device writes only its own ${collection}`);
    }
    pushed.push({ index, id, doc, deleted, assumed, assumedDeleted });
  });
  return { collection, rows: pushed };
}

/**
 * The document a checked state holds, and its deletion flag. `_deleted` is the one field a pushed state has
 * beside its document (DocumentState), so the rest is the document the schema checked: the assertion here is
 * the type guard's narrowing carried across the removal of that one field.
 */
function withoutDeletedFlag<C extends CollectionName>(state: DocumentState<C>): { doc: CollectionDocuments[C]; deleted: boolean } {
  const { _deleted: flag, ...doc } = state;
  return { doc: doc as CollectionDocuments[C], deleted: flag === true };
}

/** The path of the first string (or key) containing U+0000, if any. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key.includes('\u0000')) return `${path} (a field name)`;
      const found = findNul(field, `${path}/${key}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
