import { useTranslation } from 'react-i18next';
import type { CartTotals } from '../../domain/cart-totals.ts';
import { useMoney } from '../../data/sale-settings-context.ts';

/** Subtotal, discounts, the VAT in each rate, and what the customer pays. */
export function CartTotalsView({ totals }: { readonly totals: CartTotals }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <dl className="cart-totals" data-testid="cart-totals">
      <dt>{t('sale.totals.subtotal')}</dt>
      <dd>{money(totals.subtotal)}</dd>
      {totals.discount > 0 && (
        <>
          <dt>{t('sale.totals.discount')}</dt>
          <dd data-testid="cart-discount-total">−{money(totals.discount)}</dd>
        </>
      )}
      {totals.byRate.map((row) => (
        <div key={row.rateBasisPoints} className="vat-row" data-testid="vat-row" data-rate={row.rateBasisPoints}>
          <dt>{t('sale.totals.vatAt', { rate: row.rateBasisPoints / 100 })}</dt>
          <dd>{money(row.tax)}</dd>
        </div>
      ))}
      <dt className="grand">{t('sale.totals.total')}</dt>
      <dd className="grand" data-testid="cart-total" data-amount={totals.total}>
        {money(totals.total)}
      </dd>
    </dl>
  );
}
