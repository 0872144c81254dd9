/*
 * The receipts screen's "cancel sale": a manager's approval on the spot unless the signed-in person's role
 * may cancel sales (permission sale.void, through the shared approval flow of use-approval.ts), then the
 * reversal written before anything else (cancel-sale.ts), then the cancellation slip printed (a cash refund
 * opens the drawer through the printer, as a cash sale does). Answers what the screen should say.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import type { SaleDocument as StoredSale, StoreConfigDocument } from '../../data/schemas/types.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import type { ReversalFailureReason } from '../../domain/sale-reversal.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { cancelSale } from './cancel-sale.ts';
import { printSaleReceipt } from './print-sale-receipt.ts';
import { useApproval } from './use-approval.ts';
import { useCounterDatabase } from './use-parked-carts.ts';

export type CancelOutcome =
  | { readonly ok: true; readonly number: string; readonly printProblem?: string; readonly printWarning?: string }
  | { readonly ok: false; readonly problem: 'signed-out' | 'not-enrolled' | 'not-approved' | 'write-failed' | ReversalFailureReason };

export function useCancelSale(config: StoreConfigDocument) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const counter = useCounterDatabase();
  const approve = useApproval();
  const [busyId, setBusyId] = useState<string | null>(null);

  const cancel = useCallback(
    async (sale: StoredSale, alreadyCancelled: ReadonlySet<string>): Promise<CancelOutcome> => {
      const staff = useStaffSessionStore.getState().staff;
      const enrolment = useSyncStatusStore.getState().enrolment;
      if (staff === null) return { ok: false, problem: 'signed-out' };
      if (enrolment === undefined) return { ok: false, problem: 'not-enrolled' };
      setBusyId(sale.id);
      let result;
      try {
        const reason = t('sale.receipts.cancelReason', { number: sale.number, amount: formatMoney(sale.totals.total, sale.currency, i18n.language) });
        const approverId = await approve(PERMISSIONS.voidSale, reason);
        if (approverId === null) return { ok: false, problem: 'not-approved' };
        try {
          result = await cancelSale({
            database,
            counter,
            original: sale,
            alreadyCancelled,
            storeId: enrolment.storeId,
            deviceId: enrolment.deviceId,
            staffId: staff.id,
            approverId,
          });
        } catch (error) {
          console.error('Writing the cancellation failed', { saleId: sale.id, error });
          return { ok: false, problem: 'write-failed' };
        }
        if (!result.ok) return { ok: false, problem: result.reason };
      } finally {
        setBusyId(null);
      }
      // The cancellation is durable: the slip prints without holding up the screen.
      const outcome = await printSaleReceipt(result.reversal, { config, database, locale: i18n.language });
      if (!outcome.ok) return { ok: true, number: result.reversal.number, printProblem: outcome.problem };
      return { ok: true, number: result.reversal.number, ...(outcome.warning === undefined ? {} : { printWarning: outcome.warning }) };
    },
    [approve, config, counter, database, i18n, t],
  );

  return { cancel, busyId };
}
