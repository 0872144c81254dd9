/*
 * Writing a store's `config` document from the back office (settings, quick keys, staff): the new config and
 * the audit entry saying who changed what go in one write inside the caller's transaction, which has already
 * taken the sequence counter's lock and read the current config, so both get new seqs the store's tablets pull
 * as a delta. Both are then announced to the store's tablets on the change bus, in the same transaction, so
 * no tablet hears of a change that was rolled back.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntryDocument, StoreConfigDocument } from '../../../src/data/schemas/types.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';

/** Where the config is written and announced: the server's documents and its change bus. */
export interface StoreConfigWriter {
  documents: DocumentsRepository;
  changeBus: ChangeBus | undefined;
}

/** What the audit entry says: who did it, from which device, what and to whom. */
export interface StoreConfigAudit {
  deviceId: string;
  staffId: string;
  action: string;
  subjectId?: string;
  details: Record<string, unknown>;
}

/** Writes `next` as the store's config with its audit entry (stamped `now`), and announces both. */
export async function writeStoreConfig(
  trx: Transaction<Database>,
  writer: StoreConfigWriter,
  storeId: string,
  next: StoreConfigDocument,
  audit: StoreConfigAudit,
  now: Date,
): Promise<void> {
  const entry: AuditEntryDocument = {
    id: uuidv7(),
    storeId,
    deviceId: audit.deviceId,
    action: audit.action,
    staffId: audit.staffId,
    ...(audit.subjectId === undefined ? {} : { subjectId: audit.subjectId }),
    details: audit.details,
    createdAt: now.toISOString(),
  };
  const written = await writer.documents.putInTransaction(
    trx,
    [
      { collection: 'config', id: storeId, storeId, body: next },
      { collection: 'audit', id: entry.id, storeId, body: entry, isNew: true },
    ],
    now,
  );
  if (writer.changeBus !== undefined) {
    await writer.changeBus.announce(trx, [
      { collection: 'config', storeIds: [storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq },
      { collection: 'audit', storeIds: [storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq },
    ]);
  }
}
