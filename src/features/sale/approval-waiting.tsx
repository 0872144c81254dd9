import { useTranslation } from 'react-i18next';
import { useApprovalStore } from '../../session/approval-store.ts';

/** While a manager's approval is pending: what for, and a way to give up on it. */
export function ApprovalWaiting() {
  const { t } = useTranslation();
  const pending = useApprovalStore((state) => state.pending);
  const settle = useApprovalStore((state) => state.settle);
  if (pending === null) return null;
  return (
    <div className="notice" role="status" data-testid="approval-waiting">
      <p>{t('sale.approval.waiting', { reason: pending.reason })}</p>
      <button type="button" onClick={() => settle(null)} data-testid="approval-cancel">
        {t('sale.approval.cancel')}
      </button>
    </div>
  );
}
