/*
 * Checks a pushed batch before anything touches the database, so a bad batch is refused whole with an
 * answer that says which row and field: the collection's JSON schema (the same file RxDB validates with
 * on the device), no U+0000 anywhere (PostgreSQL cannot store it in JSON, and no till types it), the
 * assumed master being the same document, and ownership: a document must belong to the device's store,
 * and facts the device writes (sales, shifts, audit, ledger) must carry its own device id.
 */
import type { ValidateFunction } from 'ajv';
import { collectionPolicies, type CollectionName } from '../../../src/data/schemas/index.ts';
import { HttpError } from '../http-error.ts';
import { describeValidationErrors } from '../schemas.ts';
import type { Body, PushedDocument } from './write-plan.ts';

export interface PushRowInput {
  assumedMasterState?: Body | null;
  newDocumentState: Body;
}

export function readPushRows(
  collection: CollectionName,
  rows: readonly PushRowInput[],
  validate: ValidateFunction,
  device: { id: string; storeId: string },
  mayContainNul = true,
): PushedDocument[] {
  const policy = collectionPolicies[collection];
  const pushed: PushedDocument[] = [];
  rows.forEach((row, index) => {
    const where = `body/${index}/newDocumentState`;
    const state = row.newDocumentState;
    if (!validate(state)) throw new HttpError(400, 'invalid_document', describeValidationErrors(validate.errors, where));
    const nul = mayContainNul ? findNul(state, where) : undefined;
    if (nul !== undefined) throw new HttpError(400, 'invalid_document', `${nul} contains the character U+0000, which is not allowed in a document`);
    const { _deleted: deletedFlag, ...doc } = state;
    const deleted = deletedFlag === true;
    const id = doc['id'] as string;
    if (deleted && policy.conflicts === 'append-only') {
      throw new HttpError(400, 'invalid_document', `${where}/_deleted: ${collection} are append-only and cannot be deleted; push a reversing document instead`);
    }
    let assumed: Body | undefined;
    let assumedDeleted = false;
    if (row.assumedMasterState !== undefined && row.assumedMasterState !== null) {
      const { _deleted: flag, ...rest } = row.assumedMasterState;
      assumed = rest;
      assumedDeleted = flag === true;
      if (assumed['id'] !== id) {
        throw new HttpError(400, 'invalid_document', `body/${index}/assumedMasterState/id must be "${id}", the id of newDocumentState`);
      }
    }
    if (policy.storeOfPush === 'own' && doc['storeId'] !== device.storeId) {
      throw new HttpError(403, 'forbidden', `${where}/storeId is "${String(doc['storeId'])}" but this device belongs to store "${device.storeId}": a device writes only its own store's documents`);
    }
    if (policy.storeOfPush === 'any' && typeof doc['storeId'] !== 'string') {
      throw new HttpError(400, 'invalid_document', `${where}/storeId is required`);
    }
    const stamped = policy.deviceStamp === 'required' || (policy.deviceStamp === 'when-present' && doc['deviceId'] !== undefined);
    if (stamped && doc['deviceId'] !== device.id) {
      throw new HttpError(403, 'forbidden', `${where}/deviceId is "${String(doc['deviceId'])}" but the pushing device is "${device.id}": a device writes only its own ${collection}`);
    }
    pushed.push({ index, id, doc, deleted, assumed, assumedDeleted });
  });
  return pushed;
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
