import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { useCounterStore } from './counter-store.ts';
import { useLocalStock } from './use-local-stock.ts';

/** The stock left of the item rung up last, as this till knows it (confirmed + its own unsynced sales). */
export function LastItemStock() {
  const { t, i18n } = useTranslation();
  const productId = useCounterStore((state) => state.lastProductId);
  const line = useCounterStore((state) => state.cart.lines.findLast((each) => each.productId === productId));
  const stock = useLocalStock(productId);
  if (productId === null || stock === undefined) return null;
  return (
    <p className="last-stock hint" data-testid="last-item-stock" data-product-id={productId} data-stock={stock?.value ?? ''}>
      {stock === null
        ? t('sale.stock.unknown')
        : t('sale.stock.left', { name: line?.name ?? '', qty: formatQuantity(stock.value - (stock.value % (line?.weighed ? 1 : 1000)), line?.weighed ?? false, i18n.language === 'en' ? '.' : ',') })}
    </p>
  );
}
