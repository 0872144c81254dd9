import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peekNextReceiptSequence } from '../../data/receipt-sequence.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { loyaltyRedeemRules } from '../../domain/redeem-limits.ts';
import { paymentState, removeTender } from '../../domain/tender.ts';
import type { Tender } from '../../domain/tender.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useTenderForms } from '../../ui/tender-form.ts';
import { receiptCodes } from './complete-sale.ts';
import { useCounterStore } from './counter-store.ts';
import { useCompleteSale } from './use-complete-sale.ts';
import { useCounterDatabase } from './use-parked-carts.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';
import { COUNTER_KEYS } from './counter-keys.ts';
import { useCounterKeyAction } from './use-counter-keys.ts';
import { exactCash, useTakeTender } from './use-take-tender.ts';
import { AMOUNT_MARK, MoneyFigure } from '../../ui/money-figure.tsx';
import { ShortcutHint } from '../../ui/shortcut-hint.tsx';

/**
 * Taking payment: any mix of the registered tenders (tenders/registered-tenders.ts: cash, card on the terminal,
 * bank QR, gift card, loyalty points, store credit), one tab each; only cash may go over (change). When the
 * store rounds cash, the cash part is rounded and the rounding shown. What is due and what is left (or the
 * change) in large type; F8 takes exactly what is left in cash, F9 completes the sale, Escape goes back.
 */
export function PayPanel({ config }: { readonly config: StoreConfigDocument }) {
  const { t } = useTranslation();
  const settings = useSaleSettings();
  const money = useMoney();
  const cart = useCounterStore((state) => state.cart);
  const tenders = useCounterStore((state) => state.tenders);
  const staff = useStaffSessionStore((state) => state.staff);
  const enrolment = useSyncStatusStore((state) => state.enrolment);
  const counter = useCounterDatabase();
  const registeredTenders = useTenderForms();
  const [openFormId, setOpenFormId] = useState(registeredTenders[0]?.id);
  const [expectedNumber, setExpectedNumber] = useState('');
  const { complete, busy } = useCompleteSale(config);
  const total = useMemo(() => cartTotals(cart, settings.taxClasses).total, [cart, settings.taxClasses]);
  const cashRounding = settings.saleRules.cashRounding;
  const payment = paymentState(total, tenders, cashRounding);
  const redeemRules = useMemo(() => loyaltyRedeemRules(config.loyalty), [config.loyalty]);
  // Other tenders pay exactly: what is left of the total, never the cash rounding.
  const exactRemaining = Math.max(0, total - payment.paid);

  useEffect(() => {
    if (enrolment === undefined) return undefined;
    let current = true;
    peekNextReceiptSequence(counter).then(
      (sequence) => current && setExpectedNumber(formatReceiptNumber({ ...receiptCodes(enrolment.storeId, enrolment.deviceId), sequence })),
      (error: unknown) => console.error('Reading the receipt counter failed', error),
    );
    return () => {
      current = false;
    };
  }, [counter, enrolment]);

  const take = useTakeTender(total);
  const cashExact = exactCash(total, tenders, cashRounding);
  const canComplete = payment.canComplete && !busy && staff !== null;
  const back = () => useCounterStore.getState().openPanel('cart');
  useCounterKeyAction('pay', () => void complete(), { enabled: canComplete, priority: 1 });
  useCounterKeyAction('cashExact', () => cashExact !== null && take(cashExact), { enabled: cashExact !== null, priority: 1 });
  const openForm = registeredTenders.find((form) => form.id === openFormId);
  const describe = (tender: Tender): string => registeredTenders.find((form) => form.method === tender.method)?.describe?.(tender, t) ?? '';

  return (
    <section className="pay-panel" data-testid="pay-panel" aria-label={t('sale.cart.pay')}>
      <div className="pay-figures">
        <MoneyFigure className="due" label={t('sale.pay.due')} amount={money(total)} amountProps={{ 'data-testid': 'pay-due', 'data-amount': total }} />
        <MoneyFigure
          className="pay-remaining"
          data-state={payment.change > 0 ? 'change' : 'remaining'}
          label={payment.change > 0 ? t('sale.pay.change', { amount: AMOUNT_MARK }) : t('sale.pay.remaining', { amount: AMOUNT_MARK })}
          amount={money(payment.change > 0 ? payment.change : payment.remaining)}
          data-testid="pay-remaining"
          data-amount={payment.remaining}
        />
      </div>
      <ul className="tenders" data-testid="tenders">
        {tenders.map((tender, index) => (
          <li key={index} data-testid="tender" data-method={tender.method} data-amount={tender.amount}>
            <span>
              {t(`receipt.tender.${tender.method}`)}
              {describe(tender)}
            </span>
            <strong>{money(tender.amount)}</strong>
            <button type="button" onClick={() => useCounterStore.getState().setTenders(removeTender(useCounterStore.getState().tenders, index))}>
              {t('sale.pay.removeTender')}
            </button>
          </li>
        ))}
      </ul>
      {payment.cashRounding !== 0 && (
        <p data-testid="pay-cash-rounding" data-amount={payment.cashRounding}>
          {t('sale.pay.cashRounding', { amount: money(payment.cashRounding) })}
        </p>
      )}
      {payment.cashPaid === 0 && payment.remainingInCash !== payment.remaining && (
        <p data-testid="pay-cash-due" data-amount={payment.remainingInCash}>
          {t('sale.pay.cashDueRounded', { amount: money(payment.remainingInCash) })}
        </p>
      )}
      <div className="tender-methods" role="tablist" aria-label={t('counterLayout.tenderMethods')}>
        {registeredTenders.map((form) => (
          <button key={form.id} type="button" role="tab" aria-selected={openFormId === form.id} onClick={() => setOpenFormId(form.id)} data-testid={`method-${form.id}`}>
            {t(`receipt.tender.${form.method}`)}
          </button>
        ))}
      </div>
      {payment.remaining > 0 && openForm !== undefined && (
        <div className="tender-form">
          <openForm.Form
            total={total}
            remaining={exactRemaining}
            remainingInCash={payment.remainingInCash}
            tenders={tenders}
            redeemRules={redeemRules}
            expectedNumber={expectedNumber}
            take={take}
          />
        </div>
      )}
      {staff === null && <p className="notice error" role="alert" data-testid="sign-in-to-sell">{t('sale.staff.signInToSell')}</p>}
      <div className="pay-actions">
        <button type="button" onClick={back} aria-keyshortcuts={COUNTER_KEYS.back}>
          {t('sale.pay.back')}
          <ShortcutHint keyName={COUNTER_KEYS.back} />
        </button>
        <button type="button" disabled={cashExact === null} onClick={() => cashExact !== null && take(cashExact)} aria-keyshortcuts={COUNTER_KEYS.cashExact} data-testid="pay-cash-exact">
          {t('counterLayout.cashExact')}
          <ShortcutHint keyName={COUNTER_KEYS.cashExact} />
        </button>
        <button type="button" className="primary" disabled={!canComplete} onClick={() => void complete()} aria-keyshortcuts={COUNTER_KEYS.pay} data-testid="pay-complete">
          {t('sale.pay.complete')}
          <ShortcutHint keyName={COUNTER_KEYS.pay} />
        </button>
      </div>
    </section>
  );
}
