import { useTranslation } from 'react-i18next';

/** The phone the cashier typed finds no customer on this tablet (a purchase's panel, the return without receipt). */
export function CustomerNotFound() {
  const { t } = useTranslation();
  return (
    <p className="returns-notice returns-notice-error" role="alert">
      {t('returns.customer.notFound')}
    </p>
  );
}
