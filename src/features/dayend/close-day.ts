/*
 * Closing the day on this till: recorded in the audit trail as `day.close` (synced like every entry), with
 * what was not yet synced at that moment and the till's cash variance for the day. Closing with unsynced
 * documents, or with a cash variance, needs a holder of day.close: the entry names the approver, and the
 * database's hook signs it (the server checks that proof for an entry whose variance is not 0, as
 * permissions.ts's permissionNeeded has it).
 */
import { recordAudit } from '../../data/audit-log.ts';
import type { PosDatabase } from '../../data/database.ts';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';
import type { DayReport } from '../../domain/day-report.ts';

export interface DayClose {
  readonly date: string;
  /** Documents waiting to be pushed, per collection. */
  readonly pending: Readonly<Record<string, number>>;
  /** The till's Z report of the day. */
  readonly tillReport: DayReport;
}

export function unsyncedCount(pending: Readonly<Record<string, number>>): number {
  return Object.values(pending).reduce((sum, count) => sum + count, 0);
}

/** Whether closing needs a manager: documents not yet on the server, or cash that did not add up. */
export function dayCloseNeedsApproval(close: DayClose): boolean {
  return unsyncedCount(close.pending) > 0 || close.tillReport.cash.variance !== 0;
}

export async function recordDayClose(
  database: PosDatabase,
  identity: { storeId: string; deviceId: string },
  close: DayClose,
  people: { staffId: string; approverId?: string },
  now: Date = new Date(),
): Promise<AuditEntryDocument> {
  const pending = Object.fromEntries(Object.entries(close.pending).filter(([, count]) => count > 0));
  return recordAudit(
    database,
    identity,
    {
      action: 'day.close',
      staffId: people.staffId,
      ...(people.approverId === undefined ? {} : { approverId: people.approverId }),
      subjectId: close.date,
      details: {
        date: close.date,
        unsynced: unsyncedCount(close.pending),
        pending,
        variance: close.tillReport.cash.variance,
        net: close.tillReport.net,
        salesCount: close.tillReport.salesCount,
        openShifts: close.tillReport.cash.openShifts,
      },
    },
    now,
  );
}
