/*
 * A return without a receipt: the customer has nothing that names the purchase, so the cashier finds each
 * item by scan or search (return-item-picker.tsx), says how many, why and in what state, and the money goes
 * only to the store's own (store credit to the customer found by phone, or a new gift card), as the store's
 * refund methods allow (exchange-lines.ts), at today's catalog price. It ALWAYS needs a manager's proven
 * approval (return.without_receipt, domain/return-policy.ts): the screen gets it before writing, and the
 * server puts no money anywhere for an unproven one.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cartProductOf } from '../../catalog/scanned-product.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';
import type { ReturnRequest, ReturnRules } from '../../domain/sale-return.ts';
import { addUnreceipted, noReceiptRestKinds, unreceiptedLineOf } from './exchange-lines.ts';
import type { UnreceiptedChoice } from './exchange-lines.ts';
import { CustomerNotFound } from './customer-not-found.tsx';
import { ReasonConditionCells } from './reason-condition-cells.tsx';
import { RefundForm } from './refund-form.tsx';
import { refundChoiceOf } from './return-draft.ts';
import type { ReturnDraft } from './return-draft.ts';
import { ReturnItemPicker } from './return-item-picker.tsx';
import { ReturnRefused } from './return-refused.tsx';
import { useFindCustomer } from './use-find-customer.ts';
import type { ReturnPeople } from './write-return.ts';
import { planReturn } from './write-return.ts';

interface Props {
  readonly rules: ReturnRules;
  readonly people: ReturnPeople | undefined;
  readonly busy: boolean;
  readonly onConfirm: (request: ReturnRequest) => void;
  readonly onClose: () => void;
  /** A scanned code that is no product: it may be the receipt after all (the screen looks it up). */
  readonly onNotAProduct: (code: string) => void;
}

export function NoReceiptPanel({ rules, people, busy, onConfirm, onClose, onNotAProduct }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const settings = useSaleSettings();
  const restKinds = useMemo(() => noReceiptRestKinds(rules.policy), [rules.policy]);
  const [items, setItems] = useState<readonly UnreceiptedChoice[]>([]);
  const [categories, setCategories] = useState<ReadonlyMap<string, string>>(new Map());
  const [refund, setRefund] = useState<ReturnDraft>({ lines: {}, toOriginal: false, rest: restKinds[0] ?? 'store_credit', giftCardId: '' });
  const [customerName, setCustomerName] = useState<string | undefined>();
  const [pickProblem, setPickProblem] = useState<string | null>(null);

  const request = useMemo((): ReturnRequest => {
    const unreceiptedLines = items.map((item) => unreceiptedLineOf(item, settings.taxClasses));
    return {
      unreceiptedLines,
      refund: refundChoiceOf(refund),
      ...(refund.customerId === undefined ? {} : { customerId: refund.customerId }),
      categoryOf: (productId) => categories.get(productId),
    };
  }, [items, refund, categories, settings.taxClasses]);
  const plan = useMemo(() => (people === undefined || items.length === 0 ? undefined : planReturn(request, people, rules, new Date())), [request, people, rules, items.length]);
  const canConfirm = !busy && plan?.ok === true && restKinds.length > 0;
  const change = (index: number, update: Partial<UnreceiptedChoice>) => setItems((current) => current.map((item, at) => (at === index ? { ...item, ...update } : item)));

  const { notFound: customerProblem, findCustomer } = useFindCustomer((customer) => {
    setCustomerName(customer.name);
    setRefund((current) => ({ ...current, customerId: customer.id }));
  });

  return (
    <section className="returns-purchase" data-testid="returns-noreceipt" aria-labelledby="returns-noreceipt-title">
      <header className="returns-purchase-head">
        <h2 id="returns-noreceipt-title">{t('returns.noReceipt.title')}</h2>
        <p>{t('returns.noReceipt.intro')}</p>
        <button type="button" onClick={onClose} data-testid="returns-noreceipt-close">
          {t('returns.close')}
        </button>
      </header>
      <ReturnItemPicker
        label={t('returns.noReceipt.find')}
        testId="returns-noreceipt"
        onNotAProduct={onNotAProduct}
        onPick={(product) => {
          if (product.weighed || settings.giftCards.productIds.has(product.id)) return setPickProblem(t('returns.noReceipt.notThisWay', { name: product.name }));
          setPickProblem(null);
          if (product.category !== undefined) setCategories((current) => new Map(current).set(product.id, product.category ?? ''));
          setItems((current) => addUnreceipted(current, cartProductOf(product)));
        }}
      />
      {pickProblem !== null && (
        <p className="returns-notice returns-notice-error" role="alert">
          {pickProblem}
        </p>
      )}
      {items.length > 0 && (
        <table className="returns-lines">
          <thead>
            <tr>
              <th scope="col">{t('returns.lines.item')}</th>
              <th scope="col">{t('returns.lines.back')}</th>
              <th scope="col">{t('returns.lines.reason')}</th>
              <th scope="col">{t('returns.lines.condition')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('returns.exchange.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.product.id} data-testid={`returns-noreceipt-line-${index}`} data-sku={item.product.sku}>
                <td>
                  <strong>{item.product.name}</strong>
                  <br />
                  <small>{money(item.product.price)}</small>
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    aria-label={t('returns.lines.backOf', { name: item.product.name })}
                    data-testid={`returns-noreceipt-qty-${index}`}
                    value={item.qty / 1000}
                    onChange={(event) => {
                      const pieces = Math.trunc(Number(event.target.value));
                      change(index, { qty: Number.isFinite(pieces) && pieces > 0 ? pieces * 1000 : 1000 });
                    }}
                  />
                </td>
                <ReasonConditionCells name={item.product.name} reason={item.reason} condition={item.condition} testId="returns-noreceipt" index={index} onChange={(update) => change(index, update)} />
                <td>
                  <button type="button" onClick={() => setItems((current) => current.filter((_, at) => at !== index))}>
                    {t('returns.exchange.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restKinds.length === 0 ? (
        <p className="returns-notice returns-notice-error" role="alert" data-testid="returns-noreceipt-no-methods">
          {t('returns.noReceipt.noMethods')}
        </p>
      ) : (
        <RefundForm
          draft={refund}
          restKinds={restKinds}
          offerOriginal={false}
          customerName={customerName}
          purchaseHasCustomer={false}
          onChange={(update) => setRefund((current) => ({ ...current, ...update }))}
          onFindCustomer={findCustomer}
        />
      )}
      {customerProblem && <CustomerNotFound />}
      <div className="returns-summary" data-testid="returns-summary" data-ok={plan?.ok === true ? 'yes' : 'no'}>
        {items.length === 0 && <p>{t('returns.noReceipt.chooseItems')}</p>}
        {plan?.ok === true && (
          <>
            <p className="returns-refund-amount" data-testid="returns-refund-amount" data-amount={plan.refunded}>
              {t('returns.summary.refund', { amount: money(plan.refunded) })}
            </p>
            <p data-testid="returns-needs-approval">{t('returns.noReceipt.needsApproval')}</p>
          </>
        )}
        {plan?.ok === false && <ReturnRefused refusal={plan} />}
      </div>
      <button type="button" className="returns-confirm" data-testid="returns-confirm" disabled={!canConfirm} onClick={() => onConfirm(request)}>
        {t('returns.noReceipt.confirm')}
      </button>
    </section>
  );
}
