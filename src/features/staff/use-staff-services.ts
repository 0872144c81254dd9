/*
 * What the staff screens need, gathered in one hook: the device database (once open), the store's staff and
 * rules from config, the device identity for audit entries, and the wrong-PIN counts database.
 */
import { useDatabaseStatus } from '../../data/database-context.ts';
import type { PosDatabase } from '../../data/database.ts';
import type { AuditIdentity } from '../../data/audit-log.ts';
import { useStaffDirectory, type StaffDirectory } from '../../session/use-staff-directory.ts';
import { staffDatabase, type StaffDatabase } from './pin-failures.ts';
import { useAuditIdentity } from './use-audit-identity.ts';

export interface StaffServices {
  database: PosDatabase | undefined;
  directory: StaffDirectory | undefined;
  identity: AuditIdentity | undefined;
  staffDatabase: StaffDatabase;
}

export function useStaffServices(): StaffServices {
  const status = useDatabaseStatus();
  const database = status.state === 'ready' ? status.database : undefined;
  return { database, directory: useStaffDirectory(database), identity: useAuditIdentity(database !== undefined), staffDatabase: staffDatabase() };
}
