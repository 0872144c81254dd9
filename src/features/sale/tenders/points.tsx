import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsRedeemLimit } from '../../../domain/redeem-limits.ts';
import type { LoyaltyRedeemRules } from '../../../domain/redeem-limits.ts';
import type { Tender } from '../../../domain/tender.ts';
import { useCounterStore } from '../counter-store.ts';
import { useMoney } from '../../../data/sale-settings-context.ts';
import { useTenderBalance } from '../use-tender-balance.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

interface PointsTenderProps {
  readonly total: number;
  readonly remaining: number;
  readonly tenders: readonly Tender[];
  readonly rules: LoyaltyRedeemRules | undefined;
  readonly onTender: (points: number, amount: number) => void;
  /** The customer of a panel other than the counter's (null: none); absent: the cart's. */
  readonly customerId?: string | null | undefined;
}

/** The attached member's loyalty points: how many this till may redeem now, each worth the store's point value. */
export function PointsTender({ total, remaining, tenders, rules, onTender, ...given }: PointsTenderProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const cartCustomerId = useCounterStore((state) => state.cart.customerId);
  const customerId = given.customerId === undefined ? cartCustomerId : (given.customerId ?? undefined);
  const balance = useTenderBalance('points', customerId ?? null);
  if (rules === undefined) return <p className="notice" data-testid="points-off">{t('sale.pay.pointsOff')}</p>;
  if (customerId === undefined) return <p className="notice" data-testid="needs-customer">{t('sale.pay.needsCustomer')}</p>;
  if (balance === undefined) return null;
  const pointsInSale = tenders.reduce((sum, tender) => sum + (tender.method === 'points' ? tender.points : 0), 0);
  const limit = pointsRedeemLimit({ availablePoints: balance.value ?? 0, pointsInSale, total, remaining }, rules);
  if (!limit.ok) {
    return (
      <p className="notice" data-testid="points-refused" data-reason={limit.reason}>
        {t(`sale.pay.pointsRefused.${limit.reason}`, { points: limit.available, min: limit.minPoints })}
      </p>
    );
  }
  return <PointsForm key={limit.maxPoints} min={limit.minPoints} max={limit.maxPoints} available={(balance.value ?? 0) - pointsInSale} pointValue={rules.pointValue} money={money} onTender={onTender} />;
}

interface PointsFormProps {
  readonly min: number;
  readonly max: number;
  readonly available: number;
  readonly pointValue: number;
  readonly money: (amount: number) => string;
  readonly onTender: (points: number, amount: number) => void;
}

function PointsForm({ min, max, available, pointValue, money, onTender }: PointsFormProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(String(max));
  const points = /^\d{1,9}$/.test(typed.trim()) ? Number(typed.trim()) : NaN;
  const valid = Number.isSafeInteger(points) && points >= min && points <= max;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onTender(points, points * pointValue);
  };
  return (
    <form className="tender-points" onSubmit={submit}>
      <p data-testid="points-balance" data-points={available} data-min={min} data-max={max}>
        {t('sale.pay.pointsAvailable', { points: available })} · {t('sale.pay.pointsRange', { min, max, amount: money(max * pointValue) })}
      </p>
      <label>
        {t('sale.pay.pointsToUse')}
        <input value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="numeric" data-testid="points-amount" />
      </label>
      <span data-testid="points-value">{valid ? money(points * pointValue) : ''}</span>
      <button type="submit" disabled={!valid} data-testid="points-add">{t('sale.pay.add')}</button>
    </form>
  );
}

export const pointsTender: TenderForm = {
  id: 'points',
  order: 50,
  method: 'points',
  Form: ({ total, remaining, tenders, redeemRules, take, customerId }) => (
    <PointsTender total={total} remaining={remaining} tenders={tenders} rules={redeemRules} customerId={customerId} onTender={(points, amount) => take({ method: 'points', amount, points })} />
  ),
  describe: (tender, t) => (tender.method === 'points' ? ` (${t('receipt.pointsUsed', { points: tender.points })})` : ''),
};
