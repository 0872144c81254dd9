/*
 * The server never trusts the roles a device claims. A pushed audit entry that records a permission-bound
 * action, and a sale that cancels a completed sale (reason 'void'), must name a person who holds that
 * permission in the store's CURRENT config document: the acting staff member (staffId) or an approver
 * (approverId) who is another active staff member of the same store. Anything else is a forgery (a cashier's
 * browser writing "the manager approved this") and the whole push is refused with 403. Which action needs
 * which permission is the domain's `permissionNeeded` (src/domain/permissions.ts), the tablet's rule too.
 * Naming a holder is not enough: a device token can name anyone. The verdict lists the holders named, and
 * the caller checks the document's approvalProof against them (approval-proof.ts); without a valid proof
 * the document is kept and flagged 'unproven-approval', never counted as approved.
 *
 * An ordinary sale is never refused: a sale rung up by someone the config does not know (or no longer
 * lists as active) is stored and flagged for a manager, as a recomputation mismatch is.
 * Pure: the caller loads the config and turns a verdict into an answer.
 */
import { can, isRole, parsePermissionTable, permissionNeeded } from '../../../src/domain/permissions.ts';
import type { ActorFields, PermissionTable, Role } from '../../../src/domain/permissions.ts';
import type { SaleMismatch } from '../../../src/domain/sale-check.ts';

/**
 * What the directory reads of a config document (StoreConfigDocument). Both are read defensively: the
 * table and the staff list are the store's to edit, and a malformed entry must not let anyone through.
 */
export interface DirectorySource {
  staff?: unknown;
  permissions?: unknown;
}

export interface StaffEntry {
  role: Role;
  active: boolean;
}

/** Who works at the store and what each role may do, from its config document. */
export interface StoreDirectory {
  storeId: string;
  staff: ReadonlyMap<string, StaffEntry>;
  table: PermissionTable;
}

/** The permission a document needs and the people it names who hold it: one of them must prove it (approval-proof.ts). */
export interface ProofNeeded {
  permission: string;
  holders: string[];
}

export type ActorVerdict =
  | { kind: 'ok'; proof?: ProofNeeded }
  /** Refuse the push: `missing` is the permission nobody named holds; `reason` says who was named and why they do not count. */
  | { kind: 'forbidden'; permission: string; reason: string }
  /** Keep the document and record these mismatches for a manager. */
  | { kind: 'flag'; mismatches: SaleMismatch[]; proof?: ProofNeeded };

/** Reads staff and the permission table from a config document; a missing config knows nobody and allows nothing. */
export function directoryFromConfig(storeId: string, config: DirectorySource | undefined): StoreDirectory {
  const staff = new Map<string, StaffEntry>();
  const list = config?.staff;
  if (Array.isArray(list)) {
    for (const member of list as unknown[]) {
      if (typeof member !== 'object' || member === null) continue;
      const { id, role, active } = member as Record<string, unknown>;
      if (typeof id === 'string' && isRole(role)) staff.set(id, { role, active: active === true });
    }
  }
  return { storeId, staff, table: parsePermissionTable(config?.permissions) };
}

/** Judges the people a pushed audit entry or sale names against the store's directory. */
export function judgeActors(collection: string, doc: ActorFields, directory: StoreDirectory): ActorVerdict {
  const needed = permissionNeeded(collection, doc);
  const staffId = typeof doc.staffId === 'string' ? doc.staffId : '';
  const staff = directory.staff.get(staffId);
  const staffKnown = staff !== undefined && staff.active;
  if (needed !== undefined && 'invalid' in needed) return { kind: 'forbidden', permission: 'details.permission', reason: needed.invalid };
  if (needed !== undefined) {
    const holders: string[] = [];
    if (staffKnown && can(staff.role, needed.permission, directory.table)) holders.push(staffId);
    const approverProblem = approverHolds(doc, staffId, needed.permission, directory);
    if (approverProblem === undefined && doc.approverId !== undefined) holders.push(doc.approverId);
    if (holders.length > 0) {
      return { ...flagUnknown(collection, staffId, staffKnown, directory), proof: { permission: needed.permission, holders } };
    }
    const who = staffKnown ? `staff member "${staffId}" is a ${staff.role}` : `staff member "${staffId}" is ${describeUnknown(staff)}`;
    return { kind: 'forbidden', permission: needed.permission, reason: `${who}, and ${approverProblem ?? 'no approver (approverId) was named'}` };
  }
  return flagUnknown(collection, staffId, staffKnown, directory);
}

/** Undefined when the document's approver is another active staff member holding `permission`; otherwise why not. */
function approverHolds(doc: ActorFields, staffId: string, permission: string, directory: StoreDirectory): string | undefined {
  const approverId = doc.approverId;
  if (typeof approverId !== 'string' || approverId === '') return 'no approver (approverId) was named';
  if (approverId === staffId) return 'the approver is the same person (nobody approves their own action)';
  const approver = directory.staff.get(approverId);
  if (approver === undefined || !approver.active) return `the approver "${approverId}" is ${describeUnknown(approver)}`;
  if (can(approver.role, permission, directory.table)) return undefined;
  return `the approver "${approverId}" is a ${approver.role}, who does not hold it either`;
}

function describeUnknown(entry: StaffEntry | undefined): string {
  return entry === undefined ? 'not on this store\'s staff list' : 'no longer active at this store';
}

/** A sale by someone the store does not know is kept and flagged; other documents pass. */
function flagUnknown(collection: string, staffId: string, staffKnown: boolean, directory: StoreDirectory): { kind: 'ok' } | { kind: 'flag'; mismatches: SaleMismatch[] } {
  if (collection !== 'sales' || staffKnown) return { kind: 'ok' };
  return {
    kind: 'flag',
    mismatches: [{ field: 'staffId', expected: `an active staff member of store "${directory.storeId}"`, actual: staffId }],
  };
}

/** The 403 message for a refused document: which document, which action, which permission, who was named. */
export function describeRefusal(collection: string, index: number, doc: ActorFields, verdict: Extract<ActorVerdict, { kind: 'forbidden' }>): string {
  const what =
    collection === 'shifts'
      ? `shift event ${doc.id} (${String(doc.type)})`
      : collection !== 'sales'
      ? `audit entry ${doc.id} (${String(doc.action)})`
      : doc.reason === 'void'
        ? `sale ${doc.id} (a cancellation, reason "void")`
        : `return ${doc.id} (approved for ${String(doc.approvalFor)})`;
  if (verdict.permission === 'details.permission') return `body/${index}/newDocumentState: ${what}: ${verdict.reason}`;
  return `body/${index}/newDocumentState: ${what} needs the permission "${verdict.permission}", but ${verdict.reason}: nothing of this push was written`;
}
