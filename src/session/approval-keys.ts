/*
 * Approval proofs written at the counter (src/domain/approval-proof.ts). When a person's PIN passes the
 * check on this tablet, the approval key derived from it is kept here, in memory only and never stored:
 * for the signed-in person until they sign out (their own permission-bound actions), for an on-the-spot
 * approver for APPROVER_KEY_MS. A hook on the sales and audit collections then signs every document that
 * needs a permission with the key of the person it names (the approver first, else the actor), so no
 * feature has to remember to. A document written when nobody's key is here (a reload since the sign-in)
 * goes without a proof and the server flags it 'unproven-approval'; the hook never stops a write.
 */
import type { RxCollection } from 'rxdb';
import { approvalKeyOf, approvalMac } from '../domain/approval-proof.ts';
import { permissionNeeded } from '../domain/permissions.ts';
import type { ActorFields } from '../domain/permissions.ts';

/** How long an on-the-spot approver's key signs the documents of the action they approved. */
export const APPROVER_KEY_MS = 2 * 60_000;

const keys = new Map<string, { key: CryptoKey; until: number }>();

/** Keeps the approval key from a PIN that just passed, until `until` (ms since epoch; Infinity for a sign-in). */
export async function rememberApprovalKey(staffId: string, pinHash: Uint8Array<ArrayBuffer>, until: number): Promise<void> {
  keys.set(staffId, { key: await approvalKeyOf(pinHash), until });
}

/** Whether `staffId` typed their PIN on this tablet recently enough that their approvals can be proven. */
export function hasApprovalKey(staffId: string, now = Date.now()): boolean {
  return liveKey(staffId, now) !== undefined;
}

export function forgetApprovalKey(staffId: string): void {
  keys.delete(staffId);
}

function liveKey(staffId: string | undefined, now: number): CryptoKey | undefined {
  if (staffId === undefined) return undefined;
  const entry = keys.get(staffId);
  if (entry === undefined) return undefined;
  if (entry.until > now) return entry.key;
  keys.delete(staffId);
  return undefined;
}

/** The collections whose documents can need a permission: sales (cancellations, returns), audit, shift events. */
export type ProvableCollection = 'sales' | 'audit' | 'shifts';

/** A sale, audit entry or shift event as the hook sees it before insert. */
interface ProvableDraft extends ActorFields {
  storeId: string;
  deviceId: string;
  approvalProof?: { by: string; mac: string };
}

/** Adds `approvalProof` to a draft that needs a permission, when the approver's or the actor's key is here. */
export async function addApprovalProof(collection: ProvableCollection, draft: ProvableDraft, now = Date.now()): Promise<void> {
  if (draft.approvalProof !== undefined) return;
  const needed = permissionNeeded(collection, draft);
  if (needed === undefined || 'invalid' in needed) return;
  for (const by of [draft.approverId, draft.staffId]) {
    const key = liveKey(by, now);
    if (key === undefined || by === undefined) continue;
    const subject = { storeId: draft.storeId, deviceId: draft.deviceId, collection, documentId: draft.id, permission: needed.permission, by };
    draft.approvalProof = { by, mac: await approvalMac(key, subject) };
    return;
  }
}

/** Installs the signing hook on the collections whose documents can need a permission. */
export function signApprovalsOnInsert(collections: { sales: RxCollection; audit: RxCollection; shifts: RxCollection }): void {
  for (const name of ['sales', 'audit', 'shifts'] as const) {
    collections[name].preInsert(async (draft: ProvableDraft) => {
      try {
        await addApprovalProof(name, draft);
      } catch (error) {
        // Written without a proof (flagged on the server) rather than not written.
        console.error('Signing an approval failed; the document is kept without a proof', { id: draft.id, error });
      }
    }, false);
  }
}
