import { useTranslation } from 'react-i18next';
import { useStoreTime } from '../../data/use-store-time.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { useParkActions, useParkedCartList } from './use-parked-carts.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';

/** The carts put aside on this till, oldest first, each with its total; tap one to serve that customer again. */
export function ParkedCartsPanel() {
  const { t } = useTranslation();
  const storeTime = useStoreTime();
  const rows = useParkedCartList();
  const { resume } = useParkActions();
  const { taxClasses } = useSaleSettings();
  const money = useMoney();
  if (rows === undefined) return <p role="status">{t('sale.park.loading')}</p>;
  if (rows.length === 0) return <p data-testid="parked-empty">{t('sale.park.none')}</p>;
  return (
    <ul className="parked-carts" data-testid="parked-carts">
      {rows.map((row) => (
        <li key={row.id}>
          <button type="button" onClick={() => void resume(row.id)} data-testid="parked-cart" data-parked-id={row.id}>
            <span>{storeTime(row.parkedAt, 'time')}</span>
            <span>{t('sale.park.lines', { count: row.cart.lines.length })}</span>
            {row.customerName && <span>{row.customerName}</span>}
            <strong>{money(cartTotals(row.cart, taxClasses).total)}</strong>
          </button>
        </li>
      ))}
    </ul>
  );
}
