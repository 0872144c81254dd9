/*
 * Checks a pushed batch before anything touches the database, so a bad batch is refused whole with an
 * answer that says which row and field: first its shape, walked without recursion (document-shape.ts: depth,
 * size, no U+0000 and no lone surrogate anywhere), then the collection's JSON schema (the file RxDB validates
 * with on the device, closed on the server where a money document must not carry unnamed fields:
 * schemas.ts), the assumed master being the same document, and ownership: a document must belong to the
 * device's store, and facts the device writes (sales, shifts, audit, ledger) must carry its own device id.
 * Every card number in a checked document's text is masked here, before any policy sees it, so nothing
 * after this point (storage, pulls, exports, conflict answers) ever holds one; the masked rows are listed
 * for the push to flag them (push-batch.ts).
 * This is where a pushed row becomes its collection's document type: the schema check is a type guard
 * (schemas.ts), and from here on the policies work on SaleDocument, CustomerDocument and so on.
 */
import { collectionPolicies, type CollectionName } from '../../../src/data/schemas/index.ts';
import type { CollectionDocuments } from '../../../src/data/schemas/types.ts';
import { HttpError } from '../http-error.ts';
import { describeValidationErrors } from '../schemas.ts';
import type { DocumentState, DocumentValidator } from '../schemas.ts';
import { checkDocumentShape, maskCardNumbersIn } from './document-shape.ts';
import type { PushedBatch, PushedCollection, PushedDocument } from './write-plan.ts';

/** One row of a push as it arrives: objects, nothing checked yet. */
export interface PushRowInput {
  assumedMasterState?: Readonly<Record<string, unknown>> | null;
  newDocumentState: Readonly<Record<string, unknown>>;
}

/** A pushed row whose text held card numbers, masked before anything else saw it. */
export interface MaskedRow {
  index: number;
  id: string;
  /** Where in the document ("tenders/0/reference"); never the digits. */
  paths: readonly string[];
}

/** A checked push: its rows as documents (card numbers masked), and which of them were masked. */
export interface CheckedPush<C extends PushedCollection = PushedCollection> {
  batch: PushedBatch<C>;
  masked: readonly MaskedRow[];
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
): CheckedPush<C> {
  const policy = collectionPolicies[collection];
  const pushed: PushedDocument<C>[] = [];
  const masked: MaskedRow[] = [];
  rows.forEach((row, index) => {
    const where = `body/${index}/newDocumentState`;
    const shape = checkDocumentShape(row.newDocumentState, where, mayContainNul);
    const state = row.newDocumentState;
    if (!validate(state)) throw new HttpError(400, 'invalid_document', describeValidationErrors(validate.errors, where));
    const cardsMasked = maskCardNumbersIn(state, shape);
    const { doc, deleted } = withoutDeletedFlag<C>(cardsMasked.document);
    if (cardsMasked.paths.length > 0) masked.push({ index, id: doc.id, paths: cardsMasked.paths });
    const id = doc.id;
    if (deleted && policy.conflicts === 'append-only') {
      throw new HttpError(400, 'invalid_document', `${where}/_deleted: ${collection} are append-only and cannot be deleted; push a reversing document instead`);
    }
    let assumed: Readonly<Record<string, unknown>> | undefined;
    let assumedDeleted = false;
    if (row.assumedMasterState !== undefined && row.assumedMasterState !== null) {
      // Only compared and merged from, never stored, but read by recursive code all the same.
      checkDocumentShape(row.assumedMasterState, `body/${index}/assumedMasterState`, mayContainNul);
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
  return { batch: { collection, rows: pushed }, masked };
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
