import { useTranslation } from 'react-i18next';
import type { ReturnBuild } from '../../domain/sale-return.ts';

/** Why the domain refuses the return as it stands, in the cashier's language (a purchase's panel, the return without receipt). */
export function ReturnRefused({ refusal }: { readonly refusal: Extract<ReturnBuild, { ok: false }> }) {
  const { t } = useTranslation();
  return (
    <p className="returns-notice returns-notice-error" role="alert" data-testid="returns-refused" data-reason={refusal.reason}>
      {t(`returns.refused.${refusal.reason}`, { defaultValue: refusal.detail })}
    </p>
  );
}
