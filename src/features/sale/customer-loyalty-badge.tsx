/*
 * The attached customer's place in the loyalty programme, beside their name at the counter: the tier they
 * earn at on this sale (by their spend this till knows, the tier the sale names) with its multiplier, and
 * their points as this till sees them (the server's last confirmed balance plus this till's own since).
 */
import { useTranslation } from 'react-i18next';
import { usePointsBalance } from '../../catalog/use-points-balance.ts';
import { useCustomerStanding } from '../../data/use-customer-standing.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

function multiplierText(basisPoints: number): string {
  return String(basisPoints / 10_000);
}

export function CustomerLoyaltyBadge({ customerId }: { readonly customerId: string }) {
  const { t } = useTranslation();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  const standing = useCustomerStanding(customerId);
  const points = usePointsBalance(storeId, deviceId, customerId);
  const tier = standing?.standing.tier;
  return (
    <span className="customer-loyalty" data-testid="customer-loyalty" data-tier={tier?.id ?? ''} data-points={points?.value ?? ''} data-spend={standing?.standing.spend ?? ''}>
      {standing !== null && standing !== undefined && (
        <span className={`tier-badge${tier === undefined ? '' : ' reached'}`} data-testid="customer-tier" title={t('customers.loyalty.tier')}>
          {tier === undefined ? t('customers.loyalty.noTier') : `${tier.name} · ${t('customers.loyalty.multiplier', { multiplier: multiplierText(tier.multiplierBasisPoints) })}`}
        </span>
      )}
      {points !== undefined && (
        <span className="points-badge" data-testid="customer-points" title={t('customers.loyalty.points')}>
          {t('customers.loyalty.pointsValue', { count: points.value })}
        </span>
      )}
    </span>
  );
}
