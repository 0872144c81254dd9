/*
 * One purchase at the returns desk: what it was, its lines to take back, where the money goes, and what the
 * return will refund and need (planned by the domain on every change, so the cashier sees a refusal before
 * tapping). Confirming hands the request to the screen, which gets the approvals and writes it.
 * An exchange is the same visit: the cashier adds the new items (exchange-items.tsx), the desk shows the
 * difference, and the customer pays it (difference-pay.tsx) or gets it back the way a refund goes; the
 * return and the new items are ONE document (domain/sale-return.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { counterDatabaseFor } from '../../data/counter-database.ts';
import { useDatabase } from '../../data/database-context.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';
import { emptyCart } from '../../domain/cart.ts';
import type { Cart } from '../../domain/cart.ts';
import type { Tender } from '../../domain/tender.ts';
import { tenderKinds } from '../../domain/tender-kinds.ts';
import { formatMoney } from '../../domain/money-format.ts';
import type { LoyaltyRedeemRules } from '../../domain/redeem-limits.ts';
import { returnedSoFar } from '../../domain/returnable-purchase.ts';
import type { ReturnRequest, ReturnRules } from '../../domain/sale-return.ts';
import type { FoundPurchase } from './find-purchase.ts';
import { CustomerAttach } from './customer-attach.tsx';
import { CustomerNotFound } from './customer-not-found.tsx';
import { DifferencePay } from './difference-pay.tsx';
import { exchangeDifference, newLinesOf } from './exchange-lines.ts';
import { ExchangeItems } from './exchange-items.tsx';
import { OnlineRefundStatus } from './online-refund-status.tsx';
import { RefundForm } from './refund-form.tsx';
import { canRefundToOriginal, freshDraft, requestOfDraft, restChoicesFor } from './return-draft.ts';
import type { ReturnDraft } from './return-draft.ts';
import { ReturnLinesForm } from './return-lines-form.tsx';
import { ReturnRefused } from './return-refused.tsx';
import { useFindCustomer } from './use-find-customer.ts';
import type { ReturnPeople } from './write-return.ts';
import { planReturn } from './write-return.ts';

interface Props {
  readonly found: FoundPurchase;
  readonly rules: ReturnRules;
  /** The store's loyalty redeem rules: the counter's caps on points, gift cards and store credit paying a difference. */
  readonly redeemRules: LoyaltyRedeemRules | undefined;
  readonly people: ReturnPeople | undefined;
  readonly busy: boolean;
  readonly onConfirm: (request: ReturnRequest) => void;
  readonly onClose: () => void;
}

export function ReturnPurchasePanel({ found, rules, redeemRules, people, busy, onConfirm, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const catalog = useCatalogDatabase();
  const counter = useMemo(() => counterDatabaseFor(database.name), [database]);
  const settings = useSaleSettings();
  const { purchase } = found;
  // null: a plain return; a cart: an exchange, with the new items rung up in it.
  const [exchange, setExchange] = useState<Cart | null>(null);
  const [payments, setPayments] = useState<readonly Tender[]>([]);
  const [draft, setDraft] = useState<ReturnDraft>(() => freshDraft(rules.policy, purchase));
  const [categories, setCategories] = useState<ReadonlyMap<string, string>>(new Map());
  const [customerName, setCustomerName] = useState<string | undefined>(found.customerName);
  const returned = useMemo(() => returnedSoFar(purchase, found.earlierReturns).qty, [purchase, found.earlierReturns]);

  // The store's non-returnable categories are read against the catalog's products.
  useEffect(() => {
    let live = true;
    catalog.products
      .bulkGet(purchase.lines.map((line) => line.productId))
      .then((products) => {
        if (!live) return;
        const map = new Map<string, string>();
        for (const product of products) if (product?.category !== undefined) map.set(product.id, product.category);
        setCategories(map);
      })
      .catch((error: unknown) => console.error('Reading the categories of a purchase’s products failed', { number: purchase.number, error }));
    return () => {
      live = false;
    };
  }, [catalog, purchase]);

  useEffect(() => {
    if (purchase.customerId === undefined) return;
    let live = true;
    database.customers
      .findOne(purchase.customerId)
      .exec()
      .then((customer) => live && customer !== null && setCustomerName(customer.name))
      .catch((error: unknown) => console.error('Reading the customer of a purchase failed', { number: purchase.number, error }));
    return () => {
      live = false;
    };
  }, [database, purchase]);

  const returnRequest = useMemo(
    () => requestOfDraft(purchase, draft, { earlierReturns: found.earlierReturns, categoryOf: (productId) => categories.get(productId) }),
    [purchase, draft, found.earlierReturns, categories],
  );
  const newLines = useMemo(() => (exchange === null ? [] : newLinesOf(exchange, settings.taxClasses)), [exchange, settings.taxClasses]);
  const difference = useMemo(() => (newLines.length === 0 ? undefined : exchangeDifference(returnRequest, rules.policy, newLines)), [returnRequest, rules.policy, newLines]);
  const customerPays = difference !== undefined && difference > 0;
  const request = useMemo(() => (newLines.length === 0 ? returnRequest : { ...returnRequest, newLines, ...(customerPays ? { payments } : {}) }), [returnRequest, newLines, customerPays, payments]);
  const chosen = (request.lines ?? []).length > 0;
  const plan = useMemo(() => (people === undefined || !chosen ? undefined : planReturn(request, people, rules, new Date())), [request, people, rules, chosen]);
  const money = (amount: number) => formatMoney(amount, purchase.currency, i18n.language);

  // F9 takes it back, as F9 pays on the counter.
  const canConfirm = !busy && plan?.ok === true;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F9' || !canConfirm) return;
      event.preventDefault();
      onConfirm(request);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canConfirm, onConfirm, request]);

  const { notFound: customerProblem, findCustomer } = useFindCustomer((customer) => {
    setCustomerName(customer.name);
    // Points or store credit taken for another customer must not be spent from this one's.
    if (customer.id !== draft.customerId) setPayments((taken) => taken.filter((tender) => !tenderKinds[tender.method].needsCustomer));
    setDraft((current) => ({ ...current, customerId: customer.id }));
  });

  return (
    <section className="returns-purchase" data-testid="returns-purchase" data-number={purchase.number} data-origin={found.origin}>
      <header className="returns-purchase-head">
        <h2>{t(purchase.source === 'sale' ? 'returns.purchase.sale' : 'returns.purchase.order', { number: purchase.number })}</h2>
        <p>
          {t(`returns.origin.${found.origin}`)} · {new Date(purchase.purchasedAt).toLocaleString(i18n.language)} · {money(purchase.lines.reduce((sum, line) => sum + line.total, 0))}
        </p>
        <button type="button" onClick={onClose} data-testid="returns-close">
          {t('returns.close')}
        </button>
      </header>
      <OnlineRefundStatus purchase={purchase} />
      <ReturnLinesForm purchase={purchase} returned={returned} choices={draft.lines} onChange={(line, choice) => setDraft((current) => ({ ...current, lines: { ...current.lines, [line]: choice } }))} />
      {exchange === null ? (
        <button type="button" className="returns-exchange-start" data-testid="returns-exchange-start" onClick={() => setExchange(emptyCart())}>
          {t('returns.exchange.start')}
        </button>
      ) : (
        <>
          <ExchangeItems cart={exchange} onChange={setExchange} />
          <button type="button" data-testid="returns-exchange-stop" onClick={() => (setExchange(null), setPayments([]))}>
            {t('returns.exchange.stop')}
          </button>
        </>
      )}
      {difference !== undefined && (
        <p className="returns-difference" data-testid="returns-difference" data-amount={difference}>
          {difference > 0 ? t('returns.exchange.differencePay', { amount: money(difference) }) : t('returns.exchange.differenceBack', { amount: money(-difference) })}
        </p>
      )}
      {difference !== undefined && difference > 0 ? (
        <>
          <DifferencePay
            due={difference}
            tenders={payments}
            onTenders={setPayments}
            cashRounding={rules.cashRounding}
            counter={counter}
            place={people}
            customerId={purchase.customerId ?? draft.customerId}
            redeemRules={redeemRules}
          />
          <CustomerAttach customerName={customerName} purchaseHasCustomer={purchase.customerId !== undefined} onFindCustomer={findCustomer} />
        </>
      ) : (
        <RefundForm
          draft={draft}
          restKinds={restChoicesFor(rules.policy, purchase)}
          offerOriginal={canRefundToOriginal(rules.policy, purchase)}
          customerName={customerName}
          purchaseHasCustomer={purchase.customerId !== undefined}
          onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          onFindCustomer={findCustomer}
        />
      )}
      {customerProblem && <CustomerNotFound />}
      <div className="returns-summary" data-testid="returns-summary" data-ok={plan?.ok === true ? 'yes' : 'no'}>
        {!chosen && <p>{t('returns.summary.chooseLines')}</p>}
        {plan?.ok === true && !customerPays && (
          <>
            <p className="returns-refund-amount" data-testid="returns-refund-amount" data-amount={plan.refunded}>
              {t('returns.summary.refund', { amount: money(plan.refunded) })}
            </p>
            <ul className="returns-tenders">
              {plan.document.tenders.map((tender, index) => (
                <li key={index} data-testid={`returns-tender-${tender.method}`}>
                  {t(`returns.tender.${tender.method}`)}: {money(-tender.amount)}
                </li>
              ))}
            </ul>
            {plan.pointsTakenBack > 0 && <p>{t('returns.summary.points', { points: plan.pointsTakenBack })}</p>}
            {plan.approvalsNeeded.length > 0 && <p data-testid="returns-needs-approval">{t('returns.summary.needsApproval')}</p>}
          </>
        )}
        {plan?.ok === false && <ReturnRefused refusal={plan} />}
      </div>
      <button type="button" className="returns-confirm" data-testid="returns-confirm" disabled={!canConfirm} onClick={() => onConfirm(request)}>
        {t(newLines.length === 0 ? 'returns.confirm' : 'returns.exchange.confirm')} (F9)
      </button>
    </section>
  );
}
