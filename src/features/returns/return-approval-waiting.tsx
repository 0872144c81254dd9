import { useTranslation } from 'react-i18next';
import { useApprovalStore } from '../../session/approval-store.ts';

/** While a manager's approval of a return is pending: what for, and a way to give up on it. */
export function ReturnApprovalWaiting() {
  const { t } = useTranslation();
  const pending = useApprovalStore((state) => state.pending);
  const settle = useApprovalStore((state) => state.settle);
  if (pending === null) return null;
  return (
    <div className="notice" role="status" data-testid="returns-approval-waiting">
      <p>{t('returns.approvalWaiting', { reason: pending.reason })}</p>
      <button type="button" onClick={() => settle(null)}>
        {t('returns.approvalCancel')}
      </button>
    </div>
  );
}
