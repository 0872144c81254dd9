/*
 * Opening the cash drawer from Settings to test the printer's drawer port. The drawer holds the takings,
 * so this is no back door around the no-sale rules: only a signed-in manager may do it, and the opening
 * is written to the audit trail (action drawer.open, reason printer-test) before the drawer is kicked.
 * Read with useContext rather than the throwing hooks: Settings also opens before the device database
 * (and on a device not yet enrolled), and then nobody can be signed in anyway.
 */
import { useContext } from 'react';
import { recordAudit } from '../../data/audit-log.ts';
import { DatabaseContext } from '../../data/database-context.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

export interface DrawerTest {
  /** True when a manager is signed in on an open, enrolled device. */
  readonly allowed: boolean;
  /** Writes the audit entry; false when it could not be written (then the drawer must stay shut). */
  readonly record: () => Promise<boolean>;
}

export function useDrawerTest(): DrawerTest {
  const staff = useStaffSessionStore((state) => state.staff);
  const databaseStatus = useContext(DatabaseContext);
  const syncDatabase = useContext(SyncDatabaseContext);
  const database = databaseStatus?.state === 'ready' ? databaseStatus.database : undefined;
  const allowed = staff?.role === 'manager' && database !== undefined && syncDatabase !== null;
  const record = async (): Promise<boolean> => {
    if (!allowed || !staff || !database || !syncDatabase) return false;
    try {
      const device = await syncDatabase.device.get('this-device');
      if (!device) {
        console.warn('Drawer test not recorded: this device has no sync identity');
        return false;
      }
      await recordAudit(database, { storeId: device.storeId, deviceId: device.deviceId }, {
        action: 'drawer.open',
        staffId: staff.id,
        details: { reason: 'printer-test' },
      });
      return true;
    } catch (error) {
      console.error('Recording the drawer test in the audit trail failed', error);
      return false;
    }
  };
  return { allowed, record };
}
