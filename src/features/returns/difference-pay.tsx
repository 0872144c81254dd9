/*
 * The customer of an exchange pays the difference when the new items cost more than what came back: the
 * registered tender forms (src/ui/tender-form.ts, the same forms as the counter's pay panel) for cash, the
 * card terminal, bank QR and a gift card, and the customer's points and store credit when the purchase has a
 * customer or the cashier attached one (given to the forms, never the counter's cart customer), with the
 * counter's offline caps (the store's redeem rules, domain/redeem-limits.ts); with what is due, what is left
 * or the change, and the tenders taken.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peekNextReceiptSequence } from '../../data/receipt-sequence.ts';
import type { CounterDatabase } from '../../data/counter-database.ts';
import { useMoney } from '../../data/sale-settings-context.ts';
import type { CashRounding } from '../../domain/cart-totals.ts';
import type { LoyaltyRedeemRules } from '../../domain/redeem-limits.ts';
import { formatReceiptNumber } from '../../domain/receipt-number.ts';
import { addTender, paymentState, removeTender } from '../../domain/tender.ts';
import type { Tender } from '../../domain/tender.ts';
import { useTenderForms } from '../../ui/tender-form.ts';
import { paysDifference } from './exchange-lines.ts';
import { receiptCodesOf } from './write-return.ts';

interface Props {
  /** What the customer pays (> 0). */
  readonly due: number;
  readonly tenders: readonly Tender[];
  readonly onTenders: (tenders: readonly Tender[]) => void;
  readonly cashRounding: CashRounding | undefined;
  readonly counter: CounterDatabase;
  readonly place: { readonly storeId: string; readonly deviceId: string } | undefined;
  /** The purchase's customer or the one attached at the desk. */
  readonly customerId: string | undefined;
  /** The store's loyalty redeem rules (undefined: no loyalty), the caps of points, gift cards and store credit. */
  readonly redeemRules: LoyaltyRedeemRules | undefined;
}

export function DifferencePay({ due, tenders, onTenders, cashRounding, counter, place, customerId, redeemRules }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const allForms = useTenderForms();
  const forms = useMemo(() => allForms.filter((form) => paysDifference(form.method, customerId !== undefined)), [allForms, customerId]);
  const [openId, setOpenId] = useState(forms[0]?.id);
  const [refused, setRefused] = useState<string | null>(null);
  const [expectedNumber, setExpectedNumber] = useState('');
  const payment = paymentState(due, tenders, cashRounding);
  const open = forms.find((form) => form.id === openId);

  // A bank transfer names the number this exchange will get, as a sale's does.
  useEffect(() => {
    if (place === undefined) return undefined;
    let live = true;
    peekNextReceiptSequence(counter).then(
      (sequence) => live && setExpectedNumber(formatReceiptNumber({ ...receiptCodesOf(place.storeId, place.deviceId), sequence })),
      (error: unknown) => console.error('Reading the receipt counter failed', error),
    );
    return () => {
      live = false;
    };
  }, [counter, place]);

  const take = (tender: Tender) => {
    const result = addTender(tenders, tender, due);
    if (!result.ok) {
      setRefused(t(`sale.pay.tenderRefused.${result.reason}`, { amount: money(result.largestAllowed ?? 0), defaultValue: result.detail }));
      return;
    }
    setRefused(null);
    onTenders(result.tenders);
  };

  return (
    <section className="returns-pay" data-testid="returns-pay" aria-label={t('returns.exchange.payTitle')}>
      <p className="returns-refund-amount" data-testid="returns-pay-due" data-amount={due}>
        {t('returns.exchange.customerPays', { amount: money(due) })}
      </p>
      <p data-testid="returns-pay-remaining" data-amount={payment.remaining} data-change={payment.change}>
        {payment.change > 0 ? t('returns.exchange.change', { amount: money(payment.change) }) : t('returns.exchange.remaining', { amount: money(payment.remaining) })}
      </p>
      {tenders.length > 0 && (
        <ul className="returns-tenders">
          {tenders.map((tender, index) => (
            <li key={index} data-testid="returns-pay-tender" data-method={tender.method} data-amount={tender.amount}>
              {t(`receipt.tender.${tender.method}`)}: {money(tender.amount)}
              <button type="button" onClick={() => onTenders(removeTender(tenders, index))}>
                {t('returns.exchange.removeTender')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="returns-methods" role="tablist" aria-label={t('returns.exchange.methods')}>
        {forms.map((form) => (
          <button key={form.id} type="button" role="tab" aria-selected={openId === form.id} data-testid={`returns-method-${form.id}`} onClick={() => setOpenId(form.id)}>
            {t(`receipt.tender.${form.method}`)}
          </button>
        ))}
      </div>
      {payment.remaining > 0 && open !== undefined && (
        // Another customer is a new form: an amount typed for the first one's balance is not offered from the
        // next one's (the balance itself follows the customer: use-tender-balance.browser.test.tsx).
        <div className="tender-form" key={customerId ?? ''}>
          <open.Form
            total={due}
            remaining={Math.max(0, due - payment.paid)}
            remainingInCash={payment.remainingInCash}
            tenders={tenders}
            redeemRules={redeemRules}
            expectedNumber={expectedNumber}
            take={take}
            customerId={customerId ?? null}
          />
        </div>
      )}
      {refused !== null && (
        <p className="returns-notice returns-notice-error" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}
