/*
 * The new items of an exchange: scanned or searched (return-item-picker.tsx), rung up in a cart of their
 * own by the counter's cart rules (domain/cart.ts: the same product again adds a piece, a weighed item
 * needs its scale label), one more or one less with a tap, or taken off. Gift cards are sold at the
 * counter, not swapped for goods here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cartProductOf } from '../../catalog/scanned-product.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';
import { removeLine, ringUpLine, setQuantity } from '../../domain/cart.ts';
import type { Cart, CartResult } from '../../domain/cart.ts';
import { lineAfterOwnDiscount } from '../../domain/cart.ts';
import { ReturnItemPicker } from './return-item-picker.tsx';

interface Props {
  readonly cart: Cart;
  readonly onChange: (cart: Cart) => void;
}

export function ExchangeItems({ cart, onChange }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const { giftCards } = useSaleSettings();
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (result: CartResult, name: string) => {
    if (result.ok) {
      setProblem(null);
      onChange(result.cart);
      return;
    }
    setProblem(t(`sale.cart.refused.${result.reason}`, { name, defaultValue: result.detail }));
  };

  return (
    <section className="returns-exchange" data-testid="returns-exchange" aria-label={t('returns.exchange.title')}>
      <h3>{t('returns.exchange.title')}</h3>
      <ReturnItemPicker
        label={t('returns.exchange.find')}
        testId="returns-exchange"
        onPick={(product, options) => {
          if (giftCards.productIds.has(product.id)) return setProblem(t('returns.exchange.noGiftCards'));
          apply(ringUpLine(cart, cartProductOf(product), options), product.name);
        }}
      />
      {problem !== null && (
        <p className="returns-notice returns-notice-error" role="alert" data-testid="returns-exchange-refused">
          {problem}
        </p>
      )}
      {cart.lines.length === 0 ? (
        <p>{t('returns.exchange.empty')}</p>
      ) : (
        <ul className="returns-new-items">
          {cart.lines.map((line) => (
            <li key={line.lineId} data-testid="returns-exchange-line" data-sku={line.sku} data-qty={line.qty}>
              <span className="returns-new-name">
                <strong>{line.name}</strong>
                <small>
                  {line.weighed ? `${line.qty / 1000} kg` : `× ${line.qty / 1000}`} · {money(lineAfterOwnDiscount(line))}
                </small>
              </span>
              {!line.weighed && (
                <>
                  <button type="button" aria-label={t('returns.exchange.less', { name: line.name })} disabled={line.qty <= 1000} onClick={() => apply(setQuantity(cart, line.lineId, String(line.qty / 1000 - 1)), line.name)}>
                    −
                  </button>
                  <button type="button" aria-label={t('returns.exchange.more', { name: line.name })} data-testid="returns-exchange-more" onClick={() => apply(setQuantity(cart, line.lineId, String(line.qty / 1000 + 1)), line.name)}>
                    +
                  </button>
                </>
              )}
              <button type="button" data-testid="returns-exchange-remove" onClick={() => apply(removeLine(cart, line.lineId), line.name)}>
                {t('returns.exchange.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
