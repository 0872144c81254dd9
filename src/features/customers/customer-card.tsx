/*
 * One customer on the customers screen: their details, their place in the loyalty programme (tier, spend
 * over the period, what is missing to the next tier, points as this till sees them) and their latest
 * purchases on this device; edit (their own store's only) and "sell to this customer", which hands them to
 * the counter.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePointsBalance } from '../../catalog/use-points-balance.ts';
import { useDatabase } from '../../data/database-context.ts';
import { watchPurchasesOf } from '../../data/customer-records.ts';
import type { CustomerDocument, SaleDocument } from '../../data/schemas/types.ts';
import { useCustomerStanding } from '../../data/use-customer-standing.ts';
import { useStoreTimeZone } from '../../data/use-store-time-zone.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { displayLanguageOf, formatStoreTime } from '../../domain/store-time-format.ts';
import { handCustomerToCounter } from '../../session/counter-handoff-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

const RECENT = 10;

interface CustomerCardProps {
  readonly customer: CustomerDocument;
  readonly currency: string;
  readonly onEdit: () => void;
}

export function CustomerCard({ customer, currency, onEdit }: CustomerCardProps) {
  const { t, i18n } = useTranslation();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const ownStore = storeId === undefined || customer.storeId === storeId;
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  return (
    <article className="customer-card" data-testid="customer-card" data-customer-id={customer.id}>
      <header>
        <h3 data-testid="customer-card-name">{customer.name}</h3>
        <div className="customer-card-actions">
          <button type="button" onClick={onEdit} disabled={!ownStore} data-testid="customer-edit">
            {t('customers.screen.edit')}
          </button>
          <button type="button" className="primary" onClick={() => handCustomerToCounter(customer.id)} data-testid="customer-sell">
            {t('customers.screen.sell')}
          </button>
        </div>
      </header>
      {!ownStore && <p className="notice">{t('customers.screen.otherStore')}</p>}
      <dl className="customer-facts">
        <dt>{t('customers.screen.phone')}</dt>
        <dd data-testid="customer-card-phone">{customer.phone}</dd>
        {customer.memberCard !== undefined && (
          <>
            <dt>{t('customers.screen.memberCard')}</dt>
            <dd>{customer.memberCard}</dd>
          </>
        )}
        {customer.email !== undefined && (
          <>
            <dt>{t('customers.screen.email')}</dt>
            <dd>{customer.email}</dd>
          </>
        )}
      </dl>
      <LoyaltyFacts customerId={customer.id} money={money} />
      <RecentPurchases customerId={customer.id} money={money} />
    </article>
  );
}

function LoyaltyFacts({ customerId, money }: { readonly customerId: string; readonly money: (amount: number) => string }) {
  const { t } = useTranslation();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const points = usePointsBalance(storeId, deviceId, customerId);
  const standing = useCustomerStanding(customerId);
  const tier = standing?.standing.tier;
  return (
    <dl className="customer-facts loyalty" data-testid="customer-loyalty-facts" data-tier={tier?.id ?? ''} data-points={points?.value ?? ''} data-spend={standing?.standing.spend ?? ''}>
      <dt>{t('customers.loyalty.points')}</dt>
      <dd data-testid="customer-card-points">
        <strong>{points === undefined ? '…' : t('customers.loyalty.pointsValue', { count: points.value })}</strong>
        {points !== undefined && points.confirmed !== null && points.pending !== 0 && <small> · {t('customers.loyalty.pointsPending', { confirmed: points.confirmed.value, pending: points.pending })}</small>}
        {points !== undefined && points.confirmed === null && points.pending !== 0 && <small> · {t('customers.loyalty.pointsUnconfirmed', { pending: points.pending })}</small>}
      </dd>
      {standing !== null && standing !== undefined && (
        <>
          <dt>{t('customers.loyalty.tier')}</dt>
          <dd data-testid="customer-card-tier">
            <strong>{tier?.name ?? t('customers.loyalty.noTier')}</strong>
            {' · '}
            {t('customers.loyalty.spend', { days: standing.rules.tierPeriodDays, amount: money(standing.standing.spend) })}
            {' · '}
            {standing.standing.next === undefined ? t('customers.loyalty.topTier') : t('customers.loyalty.nextTier', { amount: money(standing.standing.next.missing), tier: standing.standing.next.tier.name })}
          </dd>
        </>
      )}
    </dl>
  );
}

function RecentPurchases({ customerId, money }: { readonly customerId: string; readonly money: (amount: number) => string }) {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const timeZone = useStoreTimeZone();
  const [purchases, setPurchases] = useState<{ readonly customerId: string; readonly sales: readonly SaleDocument[] }>();

  useEffect(() => {
    const subscription = watchPurchasesOf(database, customerId, RECENT).subscribe({
      next: (sales) => setPurchases({ customerId, sales }),
      error: (error: unknown) => console.error('Reading the customer’s purchases failed', { customerId, error }),
    });
    return () => subscription.unsubscribe();
  }, [database, customerId]);

  const sales = purchases?.customerId === customerId ? purchases.sales : undefined;
  return (
    <section className="customer-recent" aria-label={t('customers.recent.title')}>
      <h4>{t('customers.recent.title')}</h4>
      {sales?.length === 0 && <p data-testid="customer-recent-none">{t('customers.recent.none')}</p>}
      {sales !== undefined && sales.length > 0 && (
        <ul data-testid="customer-recent" data-count={sales.length}>
          {sales.map((sale) => (
            <li key={sale.id} data-testid="customer-recent-sale" data-number={sale.number}>
              <span>{formatStoreTime(sale.createdAt, { language: displayLanguageOf(i18n.language), timeZone })}</span>
              <span>{sale.number}</span>
              <span>{t(sale.kind === 'return' ? 'customers.recent.return' : 'customers.recent.sale')}</span>
              <span className="amount">{money(sale.totals.total)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
