/*
 * Approvals the server can check. A device token can name anyone as the actor or the approver of a
 * permission-bound document (role-check.ts only says whether the people named hold the permission). What
 * the tablet cannot make up is the proof: an HMAC under a key derived from the person's full PIN hash,
 * which only a PIN typed at the counter (or the server, which keeps the hash) can produce
 * (src/domain/approval-proof.ts). A document whose proof is missing, is by someone who does not hold the
 * permission, or does not verify is kept (it happened at the counter) and flagged 'unproven-approval'
 * for the manager: it is never counted as approved.
 */
import type { Transaction } from 'kysely';
import { approvalMacValid, base64ToBytes } from '../../../src/domain/approval-proof.ts';
import type { ActorFields } from '../../../src/domain/permissions.ts';
import type { Database } from '../store/database-types.ts';
import type { NewIncident } from '../store/incidents-repository.ts';
import { getStaffCredentials } from '../store/staff-credentials-repository.ts';
import type { ProofNeeded } from './role-check.ts';

/** A stored sale or audit entry as far as its proof goes. */
export interface ProvableDocument extends ActorFields {
  deviceId: string;
  approvalProof?: { by: string; mac: string };
}

export interface ProofCase {
  collection: 'sales' | 'audit' | 'shifts';
  doc: ProvableDocument;
  needed: ProofNeeded;
}

/** The incidents for the cases whose proof does not hold; one credential read for the whole push. */
export async function unprovenApprovals(trx: Transaction<Database>, storeId: string, cases: readonly ProofCase[]): Promise<NewIncident[]> {
  if (cases.length === 0) return [];
  const provers = cases.map((c) => c.doc.approvalProof?.by).filter((by): by is string => typeof by === 'string');
  const credentials = await getStaffCredentials(trx, storeId, provers);
  const incidents: NewIncident[] = [];
  for (const { collection, doc, needed } of cases) {
    const problem = await proofProblem(storeId, collection, doc, needed, credentials);
    if (problem === undefined) continue;
    incidents.push({
      storeId,
      kind: 'unproven-approval',
      collection,
      documentId: doc.id,
      detail: {
        permission: needed.permission,
        staffId: doc.staffId,
        ...(doc.approverId === undefined ? {} : { approverId: doc.approverId }),
        ...(doc.approvalProof === undefined ? {} : { provedBy: doc.approvalProof.by }),
        problem,
      },
    });
  }
  return incidents;
}

async function proofProblem(
  storeId: string,
  collection: string,
  doc: ProvableDocument,
  needed: ProofNeeded,
  credentials: ReadonlyMap<string, { pinHash: string }>,
): Promise<string | undefined> {
  const proof = doc.approvalProof;
  if (proof === undefined) return `no approval proof: ${needed.holders.join(' or ')} must have typed their PIN for it`;
  if (!needed.holders.includes(proof.by)) return `the proof is by "${proof.by}", who is not a named holder of "${needed.permission}" (${needed.holders.join(', ')})`;
  const credential = credentials.get(proof.by);
  if (credential === undefined) return `the server holds no PIN for "${proof.by}"`;
  const subject = { storeId, deviceId: doc.deviceId, collection, documentId: doc.id, permission: needed.permission, by: proof.by };
  return (await approvalMacValid(base64ToBytes(credential.pinHash), subject, proof.mac)) ? undefined : 'the proof does not match: not made with this person\'s PIN for this document';
}
