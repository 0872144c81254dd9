import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { checkApprovalOnline, type OnlineApproval } from '../../sync/approval-check-api.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import type { SyncDatabase } from '../../sync/sync-database.ts';
import { useApprovalStore, type Approver } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { approvalCandidates } from './approval-candidates.ts';
import { recordStaffAudit } from './staff-actions.ts';
import { StaffPinEntry } from './staff-pin-entry.tsx';
import type { StaffServices } from './use-staff-services.ts';

/**
 * The on-the-spot approval: when a feature asks (src/ui/approval-store.ts), this lists the people whose role
 * holds the permission, takes one of their PINs and answers with that person. The approval is written to
 * the audit trail with both people; the feature records its own action with the approver too. Online, the
 * server checks the PIN as well; every document of the approval is signed with it (session/approval-keys.ts).
 */
export function ApprovalDialog({ services }: { services: StaffServices }) {
  const { t } = useTranslation();
  const pending = useApprovalStore((state) => state.pending);
  const settle = useApprovalStore((state) => state.settle);
  const requester = useStaffSessionStore((state) => state.staff);
  const syncDatabase = useContext(SyncDatabaseContext);
  const { database, directory, identity } = services;
  if (!pending || !database || !directory) return null;
  const confirmOnline = (member: { id: string }, pin: string) => askServer(syncDatabase, { staffId: member.id, pin, permission: pending.permission });
  const candidates = approvalCandidates(pending.permission, directory, pending.allowSelf ? undefined : requester?.id);
  return (
    <div className="dialog-backdrop">
      <section className="dialog panel" role="dialog" aria-modal="true" aria-labelledby="approval-title" data-testid="approval-dialog">
        <h2 id="approval-title">{t('staff.approvalTitle')}</h2>
        <p data-testid="approval-reason">{pending.reason}</p>
        <StaffPinEntry
          services={{ ...services, database, directory }}
          candidates={candidates}
          purpose={pending.permission}
          confirmOnline={confirmOnline}
          onAccepted={async (member) => {
            const approver: Approver = { id: member.id, name: member.name, role: member.role };
            await recordStaffAudit({ database, identity }, {
              action: 'approval.granted',
              staffId: requester?.id ?? member.id,
              // Someone confirming their own permission with their PIN is not their own approver.
              ...(requester && requester.id !== member.id ? { approverId: member.id } : {}),
              details: { permission: pending.permission },
            });
            settle(approver);
          }}
        />
        <button type="button" data-testid="approval-cancel" onClick={() => settle(null)}>
          {t('staff.cancel')}
        </button>
      </section>
    </div>
  );
}

/** The server's word on the approver's PIN, or 'unreachable' offline or on a device not enrolled. */
async function askServer(syncDatabase: SyncDatabase | null, request: { staffId: string; pin: string; permission: string }): Promise<OnlineApproval> {
  if (syncDatabase === null || !navigator.onLine) return { kind: 'unreachable' };
  const device = await loadDeviceIdentity(syncDatabase);
  if (device === undefined || device.revokedAt !== undefined) return { kind: 'unreachable' };
  return checkApprovalOnline(device, request);
}
