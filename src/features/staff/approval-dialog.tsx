import { useTranslation } from 'react-i18next';
import { useApprovalStore, type Approver } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { approvalCandidates } from './approval-candidates.ts';
import { recordStaffAudit } from './staff-actions.ts';
import { StaffPinEntry } from './staff-pin-entry.tsx';
import type { StaffServices } from './use-staff-services.ts';

/**
 * The on-the-spot approval: when a feature asks (src/ui/approval-store.ts), this lists the people whose role
 * holds the permission, takes one of their PINs and answers with that person. The approval is written to
 * the audit trail with both people; the feature records its own action with the approver too.
 */
export function ApprovalDialog({ services }: { services: StaffServices }) {
  const { t } = useTranslation();
  const pending = useApprovalStore((state) => state.pending);
  const settle = useApprovalStore((state) => state.settle);
  const requester = useStaffSessionStore((state) => state.staff);
  const { database, directory, identity } = services;
  if (!pending || !database || !directory) return null;
  const candidates = approvalCandidates(pending.permission, directory, requester?.id);
  return (
    <div className="dialog-backdrop">
      <section className="dialog panel" role="dialog" aria-modal="true" aria-labelledby="approval-title" data-testid="approval-dialog">
        <h2 id="approval-title">{t('staff.approvalTitle')}</h2>
        <p data-testid="approval-reason">{pending.reason}</p>
        <StaffPinEntry
          services={{ ...services, database, directory }}
          candidates={candidates}
          purpose={pending.permission}
          onAccepted={async (member) => {
            const approver: Approver = { id: member.id, name: member.name, role: member.role };
            await recordStaffAudit({ database, identity }, {
              action: 'approval.granted',
              staffId: requester?.id ?? member.id,
              approverId: member.id,
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
