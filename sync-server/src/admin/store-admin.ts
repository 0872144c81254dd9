/*
 * What the admin command does to the chain's stores, through the same store layer as the server: a store
 * is a row of `stores` (its name and enrollment code) and its `config` document, which tablets pull. Every
 * config change is written in one transaction that takes the sequence counter's lock first, so it gets a new
 * seq after every write before it (tablets pull it as a delta), and is announced inside that transaction
 * (live/change-bus.ts announceFromOutside: on PostgreSQL every server instance tells its connected tablets at
 * once; on SQLite there is no channel between processes, and a running server finds the write on the
 * sequence counter within a second and tells them then).
 * Errors a person can fix (an unknown store, a name taken) are AdminError; the CLI prints them and exits 2.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import { generateEnrollmentCode } from '../auth/enrollment-code.ts';
import { loadOrderSigningKey } from '../auth/order-signing.ts';
import { announceFromOutside } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import { DocumentsRepository } from '../store/documents-repository.ts';
import type { Store } from '../store/open-store.ts';
import { findStoreRecord, insertStoreRecord, listStoreRecords, renameStoreRecord, setEnrollmentCode } from '../store/stores-repository.ts';
import type { StoreRecord } from '../store/stores-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import type { StoreDetails } from './admin-args.ts';
import { newStoreConfig, receiptHeader } from './new-store-config.ts';
import type { StoreIdentity } from './new-store-config.ts';

/** A mistake in what the person asked for, said so they can fix it (the CLI exits 2). */
export class AdminError extends Error {
  override name = 'AdminError';
}

export interface ConfigWrite {
  seq: number;
  /** Whether running servers were told (PostgreSQL) or tablets get it on their next pull (SQLite). */
  announced: boolean;
}

const DEFAULTS = { currency: 'VND', locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh' } as const;

export async function createStore(store: Store, details: StoreDetails & { name: string }, now: Date = new Date()): Promise<{ record: StoreRecord; write: ConfigWrite }> {
  await refuseTakenName(store, details.name, undefined);
  const { publicKey } = await loadOrderSigningKey(store.db);
  const identity: StoreIdentity = { ...DEFAULTS, ...details, orderSigningPublicKey: publicKey };
  const record: StoreRecord = { id: uuidv7(), name: details.name, enrollmentCode: generateEnrollmentCode(), createdAt: now.toISOString() };
  const write = await writeConfig(store, record.id, now, async (trx) => {
    await insertStoreRecord(trx, record);
    return newStoreConfig(record.id, identity, now.toISOString());
  });
  return { record, write };
}

export async function editStore(store: Store, idOrName: string, details: StoreDetails, now: Date = new Date()): Promise<{ record: StoreRecord; write: ConfigWrite }> {
  const found = await findStore(store, idOrName);
  if (details.name !== undefined) await refuseTakenName(store, details.name, found.id);
  const write = await writeConfig(store, found.id, now, async (trx, current) => {
    if (current === undefined) throw new AdminError(`The store ${found.id} has no config document: it was not made by create-store or the demo seed`);
    const identity = { ...current.store, ...details };
    // A receipt header still as create-store wrote it follows the identity; one a manager changed stays.
    const receipt = { ...(current.receipt ?? {}) } as Record<string, unknown>;
    if (JSON.stringify(receipt['header']) === JSON.stringify(receiptHeader(current.store as StoreIdentity))) receipt['header'] = receiptHeader(identity as StoreIdentity);
    if (details.name !== undefined) await renameStoreRecord(trx, found.id, details.name);
    return { ...current, store: identity, receipt, updatedAt: now.toISOString() };
  });
  return { record: { ...found, name: details.name ?? found.name }, write };
}

export async function listStores(store: Store): Promise<StoreRecord[]> {
  return listStoreRecords(store.db);
}

export async function enrollmentCode(store: Store, idOrName: string, rotate: boolean): Promise<StoreRecord> {
  const found = await findStore(store, idOrName);
  if (!rotate) return found;
  const code = generateEnrollmentCode();
  await setEnrollmentCode(store.db, found.id, code);
  return { ...found, enrollmentCode: code };
}

/** A store by its id, or by its name when exactly one store has it (case and surrounding spaces ignored). */
export async function findStore(store: Store, idOrName: string): Promise<StoreRecord> {
  const byId = await findStoreRecord(store.db, idOrName);
  if (byId !== undefined) return byId;
  const wanted = idOrName.trim().toLowerCase();
  const all = await listStoreRecords(store.db);
  const named = all.filter((s) => s.name.trim().toLowerCase() === wanted);
  if (named.length === 1) return named[0] as StoreRecord;
  if (named.length > 1) throw new AdminError(`${named.length} stores are named "${idOrName}": give the id (${named.map((s) => s.id).join(', ')})`);
  const known = all.length === 0 ? 'there is no store yet (create-store makes one)' : `the stores are: ${all.map((s) => `${s.name} (${s.id})`).join(', ')}`;
  throw new AdminError(`No store has the id or name "${idOrName}": ${known}`);
}

async function refuseTakenName(store: Store, name: string, exceptId: string | undefined): Promise<void> {
  const taken = (await listStoreRecords(store.db)).find((s) => s.id !== exceptId && s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (taken !== undefined) throw new AdminError(`The store ${taken.id} is already named "${taken.name}": choose another name`);
}

/**
 * Writes a store's config document with a new seq, as `change` makes it from the stored one, in one
 * transaction holding the sequence counter's lock, and announces it.
 */
export async function writeConfig(
  store: Store,
  storeId: string,
  now: Date,
  change: (trx: Transaction<Database>, current: StoreConfigDocument | undefined) => Promise<StoreConfigDocument>,
): Promise<ConfigWrite> {
  const documents = new DocumentsRepository(store);
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const current = (await documents.getMany(trx, 'config', [storeId])).get(storeId)?.body;
    const body = await change(trx, current);
    const written = await documents.putInTransaction(trx, [{ collection: 'config', id: storeId, storeId, body }], now);
    const announced = await announceFromOutside(store, trx, [{ collection: 'config', storeIds: [storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq }]);
    return { seq: written.lastSeq, announced };
  });
}
