import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, PERMISSIONS } from '../../domain/permissions.ts';
import { useApprovalStore } from '../../ui/approval-store.ts';
import { useStaffSessionStore } from '../../ui/staff-session-store.ts';
import { recordStaffAudit } from './staff-actions.ts';
import type { StaffServices } from './use-staff-services.ts';

/**
 * Opening the cash drawer without a sale ("no sale"): allowed to the roles the config names, otherwise a
 * supervisor or manager approves on the spot. Either way it leaves a `drawer.open` audit entry with both
 * people. (The drawer kick itself goes through the printer service once the counter wires it.)
 */
export function NoSaleButton({ services }: { services: StaffServices }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'opened' | 'refused'>('idle');
  const staff = useStaffSessionStore((state) => state.staff);
  const { database, directory, identity } = services;
  if (!staff || !database || !directory) return null;

  const openDrawer = async () => {
    let approverId: string | undefined;
    if (!can(staff.role, PERMISSIONS.noSaleDrawerOpen, directory.permissions)) {
      const approver = await useApprovalStore.getState().requestApproval(PERMISSIONS.noSaleDrawerOpen, t('staff.noSaleReason', { name: staff.name }));
      if (!approver) {
        setStatus('refused');
        return;
      }
      approverId = approver.id;
    }
    await recordStaffAudit({ database, identity }, {
      action: 'drawer.open',
      staffId: staff.id,
      ...(approverId ? { approverId } : {}),
      details: { reason: 'no-sale' },
    });
    setStatus('opened');
  };

  return (
    <button
      type="button"
      data-testid="no-sale-drawer-open"
      data-status={status}
      onClick={() => openDrawer().catch((error: unknown) => console.error('Recording a no-sale drawer opening failed', error))}
    >
      {t('staff.noSale')}
    </button>
  );
}
