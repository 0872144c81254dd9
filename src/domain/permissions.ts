/*
 * Who may do what at the counter. The table comes from the store's config document (`permissions`), as the
 * server's seed writes it: for each role, the list of permission names that role holds, e.g.
 *   { cashier: ['sale.ring_up', ...], supervisor: [..., 'drawer.open'], manager: [..., 'day.close'] }.
 * Anything not in the table is refused: a missing or malformed table must never widen what a role can do.
 */

export type Role = 'cashier' | 'supervisor' | 'manager';

/** From least to most trusted: an approver must hold a role that satisfies the permission. */
export const ROLES_BY_RANK: readonly Role[] = ['cashier', 'supervisor', 'manager'];

export type PermissionTable = Readonly<Record<Role, ReadonlySet<string>>>;

/** Names used by features that ask for approval; the table in config decides who holds them. */
export const PERMISSIONS = {
  priceOverride: 'price.override',
  discount: 'sale.discount',
  voidLine: 'sale.void_line',
  /** Cancel a completed sale: a reversing document (kind 'return', reason 'void'), never a delete. */
  voidSale: 'sale.void',
  refundAboveLimit: 'refund.above_limit',
  returnWithoutReceipt: 'return.without_receipt',
  noSaleDrawerOpen: 'drawer.open',
  closeDay: 'day.close',
  revokeDevice: 'device.revoke',
  viewAudit: 'report.view',
  /** Reading the store's reports: the audit trail, the incidents, the sales export. */
  viewReports: 'report.view',
  rotateEnrollmentCode: 'enrollment.rotate',
  /** Import the chain's catalog (POST /api/v1/catalog/import) and, in the back office, edit products. */
  manageCatalog: 'catalog.manage',
  /** In the back office: add staff, change a role, deactivate, reset a PIN (every manager holds it by default). */
  manageStaff: 'staff.edit',
  /** In the back office: the store's settings (receipt texts, tax code, bank account, loyalty and return rules, offline caps, day cut-off). */
  manageSettings: 'settings.edit',
  /** Receive goods, adjust, transfer and count stock in the back office (POST /api/v1/stock/...). */
  manageStock: 'stock.manage',
} as const;

/** A permission the store's table can grant, by name. */
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES_BY_RANK as readonly string[]).includes(value);
}

/**
 * Reads the config's `permissions` object. Keys that are not roles (settings such as pin lock-out times)
 * and entries that are not strings are ignored; a missing role holds nothing.
 */
export function parsePermissionTable(raw: unknown): PermissionTable {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const listFor = (role: Role): ReadonlySet<string> => {
    const list = source[role];
    return new Set(Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : []);
  };
  return { cashier: listFor('cashier'), supervisor: listFor('supervisor'), manager: listFor('manager') };
}

/** A role the table does not know (a stale session, a typo in config) holds nothing. */
export function can(role: Role, permission: string, table: PermissionTable): boolean {
  return isRole(role) && table[role].has(permission);
}

/** The least trusted role holding `permission`, or undefined when no role does (nobody may approve it). */
export function requiredRole(permission: string, table: PermissionTable): Role | undefined {
  return ROLES_BY_RANK.find((role) => can(role, permission, table));
}

/** The roles whose holders may approve `permission` on the spot. */
export function approverRoles(permission: string, table: PermissionTable): Role[] {
  return ROLES_BY_RANK.filter((role) => can(role, permission, table));
}

/**
 * What the permission check reads of a document a device writes (a sale or an audit entry): who acted, who
 * approved, and what was done (a sale's reason, an audit entry's action and details).
 */
export interface ActorFields {
  id: string;
  staffId: string;
  approverId?: string;
  reason?: string;
  /** On a return: the permission it was approved for (sale-return.ts, return-policy.ts). */
  approvalFor?: string;
  action?: string;
  /** A shift event's type (open, cash_in, cash_out, drawer, count, close). */
  type?: string;
  details?: { [k: string]: unknown };
}

/** The permissions a return may be approved for: without its receipt, or above the store's refund limit. */
export const RETURN_APPROVALS: readonly string[] = [PERMISSIONS.returnWithoutReceipt, PERMISSIONS.refundAboveLimit];

/** Audit actions bound to a permission (src/data/audit-log.ts writes them): the permission of the same name. */
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

/**
 * The permission a document's action needs, undefined when it needs none, or why it cannot be judged (an
 * approval without the permission it approved). The same on the tablet (which proves it, see
 * approval-proof.ts) and on the server (which checks the proof and who holds the permission):
 *   a sale cancelling a completed sale (reason 'void'): sale.void;
 *   a return approved for a permission (approvalFor: return.without_receipt or refund.above_limit): that one;
 *   an audit entry: its action's permission; day.close only when `details.variance` is not exactly 0 or
 *   `details.unsynced` is above 0 (closing with documents still waiting to sync);
 *   approval.granted: the permission named in `details.permission` (required);
 *   a shift event that names an approver claims an approval: a close (its variance over the store's limit)
 *   day.close, a no-sale drawer opening drawer.open; without an approver it claims none (the day report
 *   shows every variance).
 */
export function permissionNeeded(collection: string, doc: ActorFields): { permission: string } | { invalid: string } | undefined {
  if (collection === 'shifts') {
    if (typeof doc.approverId !== 'string' || doc.approverId === '') return undefined;
    if (doc.type === 'close') return { permission: PERMISSIONS.closeDay };
    if (doc.type === 'drawer' && doc.reason === 'no_sale') return { permission: PERMISSIONS.noSaleDrawerOpen };
    return undefined;
  }
  if (collection === 'sales') {
    if (doc.reason === 'void') return { permission: PERMISSIONS.voidSale };
    if (doc.approvalFor === undefined) return undefined;
    return RETURN_APPROVALS.includes(doc.approvalFor) ? { permission: doc.approvalFor } : { invalid: `a return is approved for ${RETURN_APPROVALS.join(' or ')}, not "${doc.approvalFor}"` };
  }
  if (collection !== 'audit') return undefined;
  const action = doc.action;
  const details = typeof doc.details === 'object' && doc.details !== null ? doc.details : {};
  if (action === 'approval.granted') {
    const permission = details['permission'];
    return typeof permission === 'string' && permission !== ''
      ? { permission }
      : { invalid: 'an approval.granted entry must name the approved permission in details.permission' };
  }
  // Closing the day without a variance is anyone's job, unless documents were still waiting to sync.
  const unsynced = details['unsynced'];
  if (action === 'day.close' && details['variance'] === 0 && !(typeof unsynced === 'number' && unsynced > 0)) return undefined;
  const permission = typeof action === 'string' ? AUDIT_ACTION_PERMISSIONS[action] : undefined;
  return permission === undefined ? undefined : { permission };
}
