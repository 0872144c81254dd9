import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, PERMISSIONS } from '../../domain/permissions.ts';
import { hasApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { DismissableNotice } from '../../ui/dismissable-notice.tsx';
import { logNoSaleOpening } from '../../data/shift-drawer-log.ts';
import { recordStaffAudit } from './staff-actions.ts';
import type { StaffServices } from './use-staff-services.ts';
import type { PrintOutcome, PrinterProblem } from '../../devices/printer/usb-printer-service.ts';

type NoSaleStatus = 'idle' | 'opened' | 'not-opened' | 'refused';

/** Kicks the drawer through the receipt printer (the drawer hangs off its DK port); loaded on the first use. */
async function kickDrawer(): Promise<PrintOutcome> {
  try {
    const { getPrinterService } = await import('../../devices/printer/use-printer.ts');
    return await getPrinterService().openDrawer();
  } catch (error) {
    console.error('Kicking the cash drawer failed', error);
    return { ok: false, problem: 'printFailed' };
  }
}

/**
 * Opening the cash drawer without a sale ("no sale"): allowed to the roles the config names, otherwise a
 * supervisor or manager approves on the spot. Either way it leaves a `drawer.open` audit entry with both
 * people, and a no-sale `drawer` event in the shift open on this till (the day report counts them), both
 * written before the drawer is kicked so no opening goes unrecorded. The kick goes to the USB
 * receipt printer; without one (or with one that fails) the cashier is told the drawer did not open.
 */
export function NoSaleButton({ services }: { services: StaffServices }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<NoSaleStatus>('idle');
  const [problem, setProblem] = useState<PrinterProblem>();
  const staff = useStaffSessionStore((state) => state.staff);
  const { database, directory, identity } = services;
  if (!staff || !database || !directory) return null;

  const openDrawer = async () => {
    let approverId: string | undefined;
    const holds = can(staff.role, PERMISSIONS.noSaleDrawerOpen, directory.permissions);
    // A holder acts alone while their PIN's key is here; after a reload they confirm with their PIN.
    if (!holds || !hasApprovalKey(staff.id)) {
      const approver = await useApprovalStore
        .getState()
        .requestApproval(PERMISSIONS.noSaleDrawerOpen, t('staff.noSaleReason', { name: staff.name }), { allowSelf: holds });
      if (!approver) {
        setStatus('refused');
        return;
      }
      if (approver.id !== staff.id) approverId = approver.id;
    }
    await recordStaffAudit({ database, identity }, {
      action: 'drawer.open',
      staffId: staff.id,
      ...(approverId ? { approverId } : {}),
      details: { reason: 'no-sale' },
    });
    // The shift open on this till counts it too (the day report's no-sale openings); none open, the audit entry alone.
    if (identity !== undefined) await logNoSaleOpening(database, identity, staff.id, approverId === undefined ? {} : { approverId });
    const outcome = await kickDrawer();
    setProblem(outcome.ok ? undefined : outcome.problem);
    setStatus(outcome.ok ? 'opened' : 'not-opened');
  };

  return (
    <>
      <button
        type="button"
        data-testid="no-sale-drawer-open"
        data-status={status}
        onClick={() => {
          setStatus('idle');
          setProblem(undefined);
          openDrawer().catch((error: unknown) => console.error('Recording a no-sale drawer opening failed', error));
        }}
      >
        {t('staff.noSale')}
      </button>
      {problem !== undefined && (
        <DismissableNotice tone="error" testId="no-sale-problem" data={{ 'data-problem': problem }} onDismiss={() => setProblem(undefined)}>
          {t('staff.noSaleNotOpened', { reason: t(`receipt.printer.${problem}`) })}
        </DismissableNotice>
      )}
    </>
  );
}
