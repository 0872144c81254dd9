import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../domain/cart.ts';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { useCounterStore } from './counter-store.ts';
import { useMoney } from '../../data/sale-settings-context.ts';

interface CartLineRowProps {
  readonly line: CartLine;
  /** The line's total after all discounts (from cartTotals). */
  readonly total: number;
  readonly discount: number;
  readonly editing: boolean;
}

/**
 * One line of the cart. Memoised on the line object (the cart keeps unchanged lines by reference) and on
 * its amounts, so ringing up one more item renders one new row, not the whole cart.
 */
export const CartLineRow = memo(function CartLineRow({ line, total, discount, editing }: CartLineRowProps) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const separator = i18n.language === 'en' ? '.' : ',';
  const editLine = useCounterStore((state) => state.editLine);
  return (
    <li className="cart-line" data-testid="cart-line" data-line-id={line.lineId} data-sku={line.sku} data-qty={line.qty} data-total={total} aria-current={editing || undefined}>
      <button type="button" className="cart-line-main" onClick={() => editLine(editing ? null : line.lineId)} aria-expanded={editing}>
        <span className="cart-line-name">{line.name}</span>
        <span className="cart-line-detail">
          {formatQuantity(line.qty, line.weighed, separator)} {t(`sale.unit.${line.unit}`)} × {money(line.unitPrice)}
          {line.priceOverride !== undefined && <span className="tag"> {t('sale.line.priceChanged')}</span>}
          {discount > 0 && <span className="tag"> −{money(discount)}</span>}
        </span>
        <span className="cart-line-total">{money(total)}</span>
      </button>
    </li>
  );
});
