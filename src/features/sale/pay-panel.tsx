import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peekNextReceiptSequence } from '../../data/receipt-sequence.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { loyaltyRedeemRules } from '../../domain/redeem-limits.ts';
import { addTender, paymentState, removeTender } from '../../domain/tender.ts';
import type { Tender } from '../../domain/tender.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { useTenderForms } from '../../ui/tender-form.ts';
import { receiptCodes } from './complete-sale.ts';
import { useCounterStore } from './counter-store.ts';
import { useCompleteSale } from './use-complete-sale.ts';
import { useCounterDatabase } from './use-parked-carts.ts';
import { useMoney, useSaleSettings } from './sale-settings-context.ts';

/**
 * Taking payment: any mix of the registered tenders (tenders/registered-tenders.ts: cash, card on the terminal,
 * bank QR, gift card, loyalty points, store credit), one tab each; only cash may go over (change). When the
 * store rounds cash, the cash part is rounded and the rounding shown.
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

  const take = (tender: Tender) => {
    const store = useCounterStore.getState();
    const result = addTender(store.tenders, tender, total);
    if (!result.ok) {
      const values: Record<string, string> = result.largestAllowed === undefined ? {} : { amount: money(result.largestAllowed) };
      return store.tell({ tone: 'error', key: `pay.tenderRefused.${result.reason}`, values });
    }
    store.setTenders(result.tenders);
    store.tell(null);
  };
  const openForm = registeredTenders.find((form) => form.id === openFormId);
  const describe = (tender: Tender): string => registeredTenders.find((form) => form.method === tender.method)?.describe?.(tender, t) ?? '';

  return (
    <section className="pay-panel" data-testid="pay-panel">
      <p className="due">
        {t('sale.pay.due')} <strong data-testid="pay-due" data-amount={total}>{money(total)}</strong>
      </p>
      <ul className="tenders" data-testid="tenders">
        {tenders.map((tender, index) => (
          <li key={index} data-testid="tender" data-method={tender.method} data-amount={tender.amount}>
            {t(`receipt.tender.${tender.method}`)}
            {describe(tender)} {money(tender.amount)}
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
      <p data-testid="pay-remaining" data-amount={payment.remaining}>
        {payment.change > 0 ? t('sale.pay.change', { amount: money(payment.change) }) : t('sale.pay.remaining', { amount: money(payment.remaining) })}
      </p>
      {payment.cashPaid === 0 && payment.remainingInCash !== payment.remaining && (
        <p data-testid="pay-cash-due" data-amount={payment.remainingInCash}>
          {t('sale.pay.cashDueRounded', { amount: money(payment.remainingInCash) })}
        </p>
      )}
      <div className="tender-methods" role="tablist">
        {registeredTenders.map((form) => (
          <button key={form.id} type="button" role="tab" aria-selected={openFormId === form.id} onClick={() => setOpenFormId(form.id)} data-testid={`method-${form.id}`}>
            {t(`receipt.tender.${form.method}`)}
          </button>
        ))}
      </div>
      {payment.remaining > 0 && openForm !== undefined && (
        <openForm.Form
          total={total}
          remaining={exactRemaining}
          remainingInCash={payment.remainingInCash}
          tenders={tenders}
          redeemRules={redeemRules}
          expectedNumber={expectedNumber}
          take={take}
        />
      )}
      {staff === null && <p className="notice error" role="alert" data-testid="sign-in-to-sell">{t('sale.staff.signInToSell')}</p>}
      <div className="pay-actions">
        <button type="button" onClick={() => useCounterStore.getState().openPanel('cart')}>
          {t('sale.pay.back')}
        </button>
        <button type="button" className="primary" disabled={!payment.canComplete || busy || staff === null} onClick={() => void complete()} data-testid="pay-complete">
          {t('sale.pay.complete')}
        </button>
      </div>
    </section>
  );
}
