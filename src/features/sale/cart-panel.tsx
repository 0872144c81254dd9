import { memo, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canUndo, cartDiscount, emptyCart, undo } from '../../domain/cart.ts';
import type { Discount } from '../../domain/cart.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { useCounterStore } from './counter-store.ts';
import { CartLineRow } from './cart-line-row.tsx';
import { CartTotalsView } from './cart-totals-view.tsx';
import { CustomerAttach } from './customer-attach.tsx';
import { DiscountKindSelect } from './discount-kind-select.tsx';
import { LineEditor, readDiscount } from './line-editor.tsx';
import { cartRefusalNotice } from './cart-refusal.ts';
import { useApproval } from './use-approval.ts';
import { useParkActions } from './use-parked-carts.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';
import { COUNTER_KEYS } from './counter-keys.ts';
import { focusInPane } from './counter-pane-store.ts';
import { useCounterKeyAction } from './use-counter-keys.ts';
import { exactCash, useTakeTender } from './use-take-tender.ts';
import { ShortcutHint } from '../../ui/shortcut-hint.tsx';
import { useKeypadTarget } from '../../ui/keypad-target.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { COUNTER_TABS_QUERY } from './counter-layout.tsx';
import { moneyDecimalSeparator, quantityDecimalSeparator } from './keypad-separators.ts';

// Its own store slice (the customer) and state: a scan that changes only the lines need not render it.
const CustomerOnSale = memo(CustomerAttach);
const Totals = memo(CartTotalsView);

/**
 * The cart as the customer will pay it: lines (the part that scrolls), the line being edited, customer,
 * cart discount, totals with the total in large type, and what to do next, Pay the largest. Its buttons'
 * keys (F1 park, F6 discount, F8 exact cash, F9 pay) run the same functions as the buttons.
 */
export function CartPanel() {
  const { t, i18n } = useTranslation();
  const settings = useSaleSettings();
  const cart = useCounterStore((state) => state.cart);
  const editingLineId = useCounterStore((state) => state.editingLineId);
  const openPanel = useCounterStore((state) => state.openPanel);
  const totals = useMemo(() => cartTotals(cart, settings.taxClasses), [cart, settings.taxClasses]);
  const { park } = useParkActions();
  const approve = useApproval();
  const [discountKind, setDiscountKind] = useState<Discount['kind']>('percent');
  const [discountText, setDiscountText] = useState('');
  const editing = cart.lines.find((line) => line.lineId === editingLineId);
  const empty = cart.lines.length === 0;
  const discountInput = useRef<HTMLInputElement>(null);
  // The counter's keypad types the cart discount from the moment the field is tapped (or F6) until it is applied
  // (or Escape); it is not kept on screen for a field nobody is typing in.
  // Under tabs the keypad is in the other pane, so there the field takes the system's number keyboard instead.
  const [discountOnKeypad, setDiscountOnKeypad] = useState(false);
  const underTabs = useMediaQuery(COUNTER_TABS_QUERY);
  const discountLabel = t('sale.cart.discount');
  const discountSeparator = discountKind === 'amount' ? moneyDecimalSeparator(settings.currency, i18n.language) : quantityDecimalSeparator(i18n.language);
  useKeypadTarget(discountInput, { decimalSeparator: discountSeparator, label: discountLabel, enterLabel: t('sale.line.apply') }, discountOnKeypad && !underTabs && !empty);
  const takeTender = useTakeTender(totals.total);
  const openPay = () => openPanel('pay');
  useCounterKeyAction('pay', openPay, { enabled: !empty });
  useCounterKeyAction('park', () => void park(), { enabled: !empty });
  useCounterKeyAction('cartDiscount', () => focusInPane('cart', () => discountInput.current), { enabled: !empty });
  // F8 from the cart: the customer hands over exactly what is due in cash; the pay panel opens on it, F9 completes.
  useCounterKeyAction(
    'cashExact',
    () => {
      const cash = exactCash(totals.total, useCounterStore.getState().tenders, settings.saleRules.cashRounding);
      if (cash === null || takeTender(cash)) openPay();
    },
    { enabled: !empty },
  );

  const submitCartDiscount = async (event: FormEvent) => {
    event.preventDefault();
    const discount = readDiscount(discountKind, discountText, settings.currency, i18n.language);
    const store = useCounterStore.getState();
    if (discount === null) return store.tell(cartRefusalNotice('bad-discount'));
    let result = cartDiscount(store.cart, discount, settings.priceRules);
    if (!result.ok && result.reason === 'needs-approval') {
      const approvedBy = await approve('sale.discount', t('sale.approval.cartDiscount'));
      if (approvedBy === null) return store.tell({ tone: 'info', key: 'approval.declined' });
      result = cartDiscount(useCounterStore.getState().cart, discount, settings.priceRules, approvedBy);
    }
    if (useCounterStore.getState().applyCart(result)) {
      setDiscountText('');
      setDiscountOnKeypad(false);
    }
    else if (!result.ok) store.tell(cartRefusalNotice(result.reason));
  };

  return (
    <section className="cart-panel" data-testid="cart-panel" aria-label={t('sale.cart.title')}>
      <h2 className="visually-hidden">{t('sale.cart.title')}</h2>
      <div className="cart-lines-scroll">
        <ol className="cart-lines" data-testid="cart-lines" data-count={cart.lines.length}>
          {cart.lines.map((line, index) => (
            <CartLineRow key={line.lineId} line={line} total={totals.lines[index]?.total ?? 0} discount={totals.lines[index]?.discount ?? 0} editing={line.lineId === editingLineId} />
          ))}
        </ol>
        {empty && <p className="cart-empty hint" data-testid="cart-empty">{t('sale.cart.empty')}</p>}
      </div>
      {editing !== undefined && <LineEditor key={editing.lineId} line={editing} />}
      <div className="cart-extras">
        <CustomerOnSale />
        {!empty && (
          <form className="cart-discount" onSubmit={submitCartDiscount}>
            <input
              ref={discountInput}
              value={discountText}
              onChange={(event) => setDiscountText(event.target.value)}
              onFocus={() => setDiscountOnKeypad(true)}
              onPointerDown={() => setDiscountOnKeypad(true)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setDiscountOnKeypad(false);
              }}
              inputMode={underTabs ? 'decimal' : 'none'}
              placeholder={discountLabel}
              aria-label={discountLabel}
              aria-keyshortcuts={COUNTER_KEYS.cartDiscount}
              data-testid="cart-discount"
              data-on-keypad={discountOnKeypad && !underTabs}
            />
            <DiscountKindSelect value={discountKind} currency={settings.currency} onChange={setDiscountKind} />
            <button type="submit">{t('sale.line.apply')}</button>
          </form>
        )}
      </div>
      <Totals totals={totals} />
      <div className="cart-actions">
        <button type="button" disabled={!canUndo(cart)} onClick={() => useCounterStore.getState().replaceCart(undo(useCounterStore.getState().cart))} data-testid="cart-undo">
          {t('sale.cart.undo')}
        </button>
        <button type="button" disabled={empty} onClick={() => void park()} aria-keyshortcuts={COUNTER_KEYS.park} data-testid="cart-park">
          {t('sale.cart.park')}
          <ShortcutHint keyName={COUNTER_KEYS.park} />
        </button>
        <button
          type="button"
          className="danger"
          disabled={empty}
          onClick={() => {
            // Voiding keeps the voided cart in the undo history: a mistaken tap costs one Undo.
            const { history, historyLimit, ...voided } = cart;
            useCounterStore.getState().replaceCart({ ...emptyCart(historyLimit), history: [...history, voided].slice(-historyLimit) });
          }}
          data-testid="cart-void"
        >
          {t('sale.cart.void')}
        </button>
      </div>
      <button type="button" className="primary cart-pay" disabled={empty} onClick={openPay} aria-keyshortcuts={COUNTER_KEYS.pay} data-testid="cart-pay">
        {t('sale.cart.pay')}
        <ShortcutHint keyName={COUNTER_KEYS.pay} />
      </button>
    </section>
  );
}
