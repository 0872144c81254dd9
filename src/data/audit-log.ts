/*
 * The audit trail: one append-only RxDB document per sensitive action (sign-in and sign-out, PIN lock-outs,
 * approvals, overrides, voids, refunds, drawer opens, day close), tied to the person who did it and to the
 * approver when one was needed. Written on the device first (the counter works offline) and replicated to
 * the server like any other document; ids are UUIDv7 so entries sort by time and replay idempotently.
 * Never put a PIN, a card number or a token in `details`: the trail is synced and shown to managers.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntryDocument } from './schemas/types.ts';
import type { PosDatabase } from './database.ts';

/** Where the entry was written: the enrolled device's store and device ids (src/sync's device identity). */
export interface AuditIdentity {
  storeId: string;
  deviceId: string;
}

/** Actions the app records. Other features may add theirs; names are `<subject>.<verb>`, at most 48 chars. */
export const AUDIT_ACTIONS = [
  'staff.sign_in',
  'staff.sign_out',
  'staff.pin_failed',
  'staff.pin_lockout',
  'approval.granted',
  'drawer.open',
  'price.override',
  'sale.discount',
  'sale.void_line',
  'sale.void',
  'refund.above_limit',
  'day.close',
  'device.revoke',
  'sale.return',
  // Written by the server for the back office (sync-server/src/backoffice/).
  'product.create',
  'product.edit',
  'staff.add',
  'staff.edit',
  'staff.pin_reset',
  'staff.pin_set',
  'settings.edit',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  action: AuditAction | (string & {});
  staffId: string;
  approverId?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

type AuditWriter = Pick<PosDatabase, 'audit'>;

/*
 * uuid's v7 keeps ids written in one millisecond in order only when it reads the clock itself; given
 * `msecs` it draws the rest at random. Entries are often written in the same millisecond (a wrong PIN and
 * the lock-out it causes), so this keeps the sequence: same millisecond, next sequence number, starting
 * from a random one as uuid does (the random start keeps ids from two devices apart).
 */
const lastId = { msecs: -1, seq: 0 };

function nextAuditId(msecs: number): string {
  if (msecs === lastId.msecs) lastId.seq += 1;
  else Object.assign(lastId, { msecs, seq: crypto.getRandomValues(new Uint32Array(1))[0]! >>> 2 });
  return uuidv7({ msecs, seq: lastId.seq });
}

export async function recordAudit(
  database: AuditWriter,
  identity: AuditIdentity,
  entry: AuditEntryInput,
  now: Date = new Date(),
): Promise<AuditEntryDocument> {
  const document: AuditEntryDocument = {
    id: nextAuditId(now.getTime()),
    storeId: identity.storeId,
    deviceId: identity.deviceId,
    action: entry.action,
    staffId: entry.staffId,
    ...(entry.approverId === undefined ? {} : { approverId: entry.approverId }),
    ...(entry.subjectId === undefined ? {} : { subjectId: entry.subjectId }),
    ...(entry.details === undefined ? {} : { details: entry.details }),
    createdAt: now.toISOString(),
  };
  await database.audit.insert(document);
  return document;
}
