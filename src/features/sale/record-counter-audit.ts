/*
 * The counter's entries in the audit trail (src/data/audit-log.ts): a price override or a discount beyond the
 * cashier's limits, and every voided cart line, with the person at the till and, when someone else approved
 * it, the approver (the server checks that one of them holds the permission named by the action). Written
 * right after the cart accepted the change. The change already happened, so a
 * failed write does not undo it: it is logged with context for a developer (the cashier cannot fix
 * IndexedDB), and on a device that is not enrolled there is no store to file the entry under.
 */
import { recordAudit, type AuditEntryInput } from '../../data/audit-log.ts';
import type { PosDatabase } from '../../data/database.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export type CounterAuditEntry = Omit<AuditEntryInput, 'staffId'>;

export async function recordCounterAudit(database: Pick<PosDatabase, 'audit'>, entry: CounterAuditEntry): Promise<void> {
  const staff = useStaffSessionStore.getState().staff;
  const enrolment = useSyncStatusStore.getState().enrolment;
  if (staff === null || enrolment === undefined) {
    console.warn(`Audit entry ${entry.action} not written: nobody signed in or the device is not enrolled`);
    return;
  }
  // Approving one's own change is no approval: the entry then names only the person who did it.
  const { approverId, ...rest } = entry;
  try {
    await recordAudit(database, { storeId: enrolment.storeId, deviceId: enrolment.deviceId }, {
      ...rest,
      staffId: staff.id,
      ...(approverId !== undefined && approverId !== staff.id ? { approverId } : {}),
    });
  } catch (error) {
    console.error(`Writing the ${entry.action} audit entry failed`, { entry, error });
  }
}
