/*
 * The server never trusts the roles a device claims. A pushed audit entry that records a permission-bound
 * action, and a sale that cancels a completed sale (reason 'void'), must name a person who holds that
 * permission in the store's CURRENT config document: the acting staff member (staffId) or an approver
 * (approverId) who is another active staff member of the same store. Anything else is a forgery (a cashier's
 * browser writing "the manager approved this") and the whole push is refused with 403.
 *
 * Which audit actions need which permission (the names the app writes, src/data/audit-log.ts):
 *   price.override, sale.discount, sale.void_line, sale.void, refund.above_limit, return.without_receipt,
 *   drawer.open (the no-sale opening), device.revoke: the permission of the same name;
 *   day.close: 'day.close' unless `details.variance` is exactly 0 (closing without variance is anyone's job);
 *   approval.granted: the permission named in `details.permission` (required).
 * Other actions (sign-in, sign-out, lock-outs) need no permission.
 *
 * An ordinary sale is never refused: a sale rung up by someone the config does not know (or no longer
 * lists as active) is stored and flagged for a manager, as a recomputation mismatch is.
 * Pure: the caller loads the config and turns a verdict into an answer.
 */
import { can, isRole, parsePermissionTable, PERMISSIONS } from '../../../src/domain/permissions.ts';
import type { PermissionTable, Role } from '../../../src/domain/permissions.ts';
import type { SaleMismatch } from '../../../src/domain/sale-check.ts';

/**
 * What the check reads of a pushed sale (SaleDocument) or audit entry (AuditEntryDocument): who acted, who
 * approved, and what was done (a sale's reason, an audit entry's action and details).
 */
export interface ActorFields {
  id: string;
  staffId: string;
  approverId?: string;
  reason?: string;
  action?: string;
  details?: { [k: string]: unknown };
}

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

export type ActorVerdict =
  | { kind: 'ok' }
  /** Refuse the push: `missing` is the permission nobody named holds; `reason` says who was named and why they do not count. */
  | { kind: 'forbidden'; permission: string; reason: string }
  /** Keep the document and record these mismatches for a manager. */
  | { kind: 'flag'; mismatches: SaleMismatch[] };

const AUDIT_ACTION_PERMISSIONS: Readonly<Record<string, string>> = {
  'price.override': PERMISSIONS.priceOverride,
  'sale.discount': PERMISSIONS.discount,
  'sale.void_line': PERMISSIONS.voidLine,
  'sale.void': PERMISSIONS.voidSale,
  'refund.above_limit': PERMISSIONS.refundAboveLimit,
  'return.without_receipt': PERMISSIONS.returnWithoutReceipt,
  'drawer.open': PERMISSIONS.noSaleDrawerOpen,
  'day.close': PERMISSIONS.closeDay,
  'device.revoke': PERMISSIONS.revokeDevice,
};

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

/**
 * The permission a pushed document's action needs, undefined when it needs none, or a string describing
 * why it cannot be judged (an approval without the permission it approved).
 */
export function permissionNeeded(collection: string, doc: ActorFields): { permission: string } | { invalid: string } | undefined {
  if (collection === 'sales') return doc.reason === 'void' ? { permission: PERMISSIONS.voidSale } : undefined;
  if (collection !== 'audit') return undefined;
  const action = doc.action;
  const details = typeof doc.details === 'object' && doc.details !== null ? doc.details : {};
  if (action === 'approval.granted') {
    const permission = details['permission'];
    return typeof permission === 'string' && permission !== ''
      ? { permission }
      : { invalid: 'an approval.granted entry must name the approved permission in details.permission' };
  }
  if (action === 'day.close' && details['variance'] === 0) return undefined;
  const permission = typeof action === 'string' ? AUDIT_ACTION_PERMISSIONS[action] : undefined;
  return permission === undefined ? undefined : { permission };
}

/** Judges the people a pushed audit entry or sale names against the store's directory. */
export function judgeActors(collection: string, doc: ActorFields, directory: StoreDirectory): ActorVerdict {
  const needed = permissionNeeded(collection, doc);
  const staffId = typeof doc.staffId === 'string' ? doc.staffId : '';
  const staff = directory.staff.get(staffId);
  const staffKnown = staff !== undefined && staff.active;
  if (needed !== undefined && 'invalid' in needed) return { kind: 'forbidden', permission: 'details.permission', reason: needed.invalid };
  if (needed !== undefined) {
    if (staffKnown && can(staff.role, needed.permission, directory.table)) return { kind: 'ok' };
    const approverProblem = approverHolds(doc, staffId, needed.permission, directory);
    if (approverProblem === undefined) return flagUnknown(collection, staffId, staffKnown, directory);
    const who = staffKnown ? `staff member "${staffId}" is a ${staff.role}` : `staff member "${staffId}" is ${describeUnknown(staff)}`;
    return { kind: 'forbidden', permission: needed.permission, reason: `${who}, and ${approverProblem}` };
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
function flagUnknown(collection: string, staffId: string, staffKnown: boolean, directory: StoreDirectory): ActorVerdict {
  if (collection !== 'sales' || staffKnown) return { kind: 'ok' };
  return {
    kind: 'flag',
    mismatches: [{ field: 'staffId', expected: `an active staff member of store "${directory.storeId}"`, actual: staffId }],
  };
}

/** The 403 message for a refused document: which document, which action, which permission, who was named. */
export function describeRefusal(collection: string, index: number, doc: ActorFields, verdict: Extract<ActorVerdict, { kind: 'forbidden' }>): string {
  const what = collection === 'sales' ? `sale ${doc.id} (a cancellation, reason "void")` : `audit entry ${doc.id} (${String(doc.action)})`;
  if (verdict.permission === 'details.permission') return `body/${index}/newDocumentState: ${what}: ${verdict.reason}`;
  return `body/${index}/newDocumentState: ${what} needs the permission "${verdict.permission}", but ${verdict.reason}: nothing of this push was written`;
}
