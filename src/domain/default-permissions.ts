/*
 * The permission table and staff-session settings every new store's config starts with: the stores the
 * chain's admin command creates and the demo store alike. The store's config is the truth afterwards
 * (permissions.ts reads it); a manager may move a permission to another role there.
 */
import { PERMISSIONS } from './permissions.ts';
import type { Role } from './permissions.ts';

const CASHIER = ['sale.ring_up', 'sale.tender', 'sale.park', 'pickup.hand_over', 'customer.create', 'loyalty.redeem', 'drawer.count'];
const SUPERVISOR = [...CASHIER, 'sale.void_line', 'sale.discount', 'price.override', 'return.with_receipt', 'drawer.cash_in_out', 'drawer.open'];
const MANAGER = [
  ...SUPERVISOR,
  'sale.void',
  'return.without_receipt',
  'refund.above_limit',
  'order.resolve_conflict',
  'day.close',
  'device.revoke',
  'enrollment.rotate',
  'settings.edit',
  'staff.edit',
  'report.view',
  PERMISSIONS.manageCatalog,
  PERMISSIONS.manageStock,
];

export const DEFAULT_ROLE_PERMISSIONS: Readonly<Record<Role, readonly string[]>> = { cashier: CASHIER, supervisor: SUPERVISOR, manager: MANAGER };

/**
 * Lock-out and idle settings, kept next to the role table (the till reads them through
 * src/domain/pin-lockout.ts; the server's staff sign-in route uses the same numbers).
 */
export const STAFF_SESSION_SETTINGS = { pinMaxFailures: 5, pinLockoutMinutes: 15, idleSignOutMinutes: 10 } as const;

/** A new store's `permissions`: the role table and the session settings. */
export function defaultPermissions(): Record<string, unknown> {
  return {
    cashier: [...DEFAULT_ROLE_PERMISSIONS.cashier],
    supervisor: [...DEFAULT_ROLE_PERMISSIONS.supervisor],
    manager: [...DEFAULT_ROLE_PERMISSIONS.manager],
    ...STAFF_SESSION_SETTINGS,
  };
}
