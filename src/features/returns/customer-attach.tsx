/*
 * The customer of a return at the desk: the purchase's own, or one found here by phone on this tablet when
 * the purchase names none (store credit goes to them; their points and store credit may pay an exchange's
 * difference).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The purchase's own customer, or the one attached here. */
  readonly customerName: string | undefined;
  readonly purchaseHasCustomer: boolean;
  readonly onFindCustomer: (phone: string) => void;
}

export function CustomerAttach({ customerName, purchaseHasCustomer, onFindCustomer }: Props) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  return (
    <>
      <p data-testid="returns-customer">{customerName === undefined ? t('returns.customer.none') : t('returns.customer.named', { name: customerName })}</p>
      {!purchaseHasCustomer && (
        <form
          className="returns-find"
          onSubmit={(event) => {
            event.preventDefault();
            onFindCustomer(phone);
          }}
        >
          <label>
            {t('returns.customer.phone')}
            <input data-testid="returns-customer-phone" inputMode="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
          </label>
          <button type="submit" data-testid="returns-customer-find">
            {t('returns.customer.find')}
          </button>
        </form>
      )}
    </>
  );
}
