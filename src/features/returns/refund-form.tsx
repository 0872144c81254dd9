/*
 * Where the money of a return goes: back the way it was paid where the counter can (when the store allows it),
 * the rest to cash, store credit or a new gift card as the store's rules allow; store credit needs the
 * customer, found here by phone on this tablet when the purchase names none (customer-attach.tsx).
 */
import { useTranslation } from 'react-i18next';
import { CustomerAttach } from './customer-attach.tsx';
import type { RestChoice, ReturnDraft } from './return-draft.ts';

interface Props {
  readonly draft: ReturnDraft;
  readonly restKinds: readonly RestChoice[];
  readonly offerOriginal: boolean;
  /** The purchase's own customer, or the one attached here. */
  readonly customerName: string | undefined;
  readonly purchaseHasCustomer: boolean;
  readonly onChange: (change: Partial<ReturnDraft>) => void;
  readonly onFindCustomer: (phone: string) => void;
}

export function RefundForm({ draft, restKinds, offerOriginal, customerName, purchaseHasCustomer, onChange, onFindCustomer }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="returns-refund" data-testid="returns-refund">
      <legend>{t('returns.refund.title')}</legend>
      {offerOriginal && (
        <label className="returns-choice">
          <input type="checkbox" data-testid="returns-refund-original" checked={draft.toOriginal} onChange={(event) => onChange({ toOriginal: event.target.checked })} />
          {t('returns.refund.toOriginal')}
        </label>
      )}
      <div role="radiogroup" aria-label={t('returns.refund.rest')} className="returns-rest">
        {restKinds.map((kind) => (
          <label key={kind} className="returns-choice">
            <input type="radio" name="returns-rest" value={kind} data-testid={`returns-rest-${kind}`} checked={draft.rest === kind} onChange={() => onChange({ rest: kind })} />
            {t(`returns.refund.${kind}`)}
          </label>
        ))}
      </div>
      {draft.rest === 'gift_card' && (
        <label>
          {t('returns.refund.giftCard')}
          <input data-testid="returns-gift-card" inputMode="numeric" value={draft.giftCardId} onChange={(event) => onChange({ giftCardId: event.target.value })} />
        </label>
      )}
      <CustomerAttach customerName={customerName} purchaseHasCustomer={purchaseHasCustomer} onFindCustomer={onFindCustomer} />
    </fieldset>
  );
}
