import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { useCounterStore } from './counter-store.ts';
import { useLocalStock } from './use-local-stock.ts';

/**
 * The stock left of the item rung up last, as this till knows it (confirmed + its own unsynced sales), under
 * its name: the name comes with the product rung up, so it stays after the sale is completed and the cart is empty.
 */
export function LastItemStock() {
  const { t, i18n } = useTranslation();
  const product = useCounterStore((state) => state.lastProduct);
  const stock = useLocalStock(product?.id ?? null);
  if (product === null || stock === undefined) return null;
  return (
    <p className="last-stock hint" data-testid="last-item-stock" data-product-id={product.id} data-stock={stock?.value ?? ''}>
      {stock === null
        ? t('sale.stock.unknown')
        : t('sale.stock.left', { name: product.name, qty: formatQuantity(stock.value - (stock.value % (product.weighed ? 1 : 1000)), product.weighed, i18n.language === 'en' ? '.' : ',') })}
    </p>
  );
}
