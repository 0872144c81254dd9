/*
 * What became of the online refunds of an order paid online (online-refund.ts), shown at the returns desk
 * under the purchase: each refund's amount and whether the shop has made it, or that it is not known while
 * the tablet is offline. Rendered only where the app provides its query client (the app shell does).
 */
import { useContext } from 'react';
import { QueryClientContext, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../domain/money-format.ts';
import type { Purchase } from '../../domain/returnable-purchase.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import { fetchOnlineRefunds, refundStatusKey } from './online-refund.ts';

interface Props {
  readonly purchase: Pick<Purchase, 'id' | 'source' | 'paidOnline'>;
}

export function OnlineRefundStatus({ purchase }: Props) {
  const client = useContext(QueryClientContext);
  if (client === undefined || purchase.source !== 'order' || !purchase.paidOnline) return null;
  return <OnlineRefundList orderId={purchase.id} />;
}

function OnlineRefundList({ orderId }: { readonly orderId: string }) {
  const { t, i18n } = useTranslation();
  const syncDatabase = useContext(SyncDatabaseContext);
  const online = useNetworkOnline();
  const refunds = useQuery({
    queryKey: ['online-refunds', orderId],
    queryFn: async ({ signal }) => {
      const identity = syncDatabase === null ? undefined : await loadDeviceIdentity(syncDatabase);
      if (identity === undefined || identity.revokedAt !== undefined) return [];
      return fetchOnlineRefunds(identity, orderId, signal);
    },
    enabled: online,
    retry: false,
    refetchInterval: 10_000,
  });
  if (refunds.error !== null) console.warn('The online refunds of an order could not be read', { orderId, error: refunds.error });
  const known = refunds.data ?? [];
  if (online && known.length === 0) return null;
  return (
    <section className="returns-online-refunds" data-testid="returns-online-refunds" aria-label={t('returns.onlineRefund.title')}>
      <h3>{t('returns.onlineRefund.title')}</h3>
      {!online || refunds.error !== null ? (
        <p data-testid="returns-online-refund-unknown">{t('returns.onlineRefund.unknown')}</p>
      ) : (
        <ul>
          {known.map((refund) => (
            <li key={refund.id} data-testid="returns-online-refund" data-state={refund.state} data-reason={refund.reason}>
              {t('returns.onlineRefund.line', {
                amount: formatMoney(refund.amount, refund.currency, i18n.language),
                status: t(refundStatusKey(refund)),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
