/*
 * The chain-wide lookup on the customers screen (sync/customer-search-api.ts): online, by a whole phone
 * number, for a customer of another store or of the online shop. What the server shows of them is little
 * (initials, given name, the last three digits), enough to confirm with the customer and sell to them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullVietnamPhone } from '../../domain/phone-number.ts';
import { handCustomerToCounter } from '../../session/counter-handoff-store.ts';
import { searchChainCustomers } from '../../sync/customer-search-api.ts';
import type { ChainCustomerSearch } from '../../sync/customer-search-api.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { useSyncDatabase } from '../../sync/sync-database-context.ts';
import { useNetworkOnline } from '../../ui/use-network-online.ts';

export function ChainSearch({ text }: { readonly text: string }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const syncDatabase = useSyncDatabase();
  const [answer, setAnswer] = useState<{ readonly phone: string; readonly result: ChainCustomerSearch }>();
  const [busy, setBusy] = useState(false);
  const phone = fullVietnamPhone(text);

  const search = async () => {
    if (phone === undefined) return;
    setBusy(true);
    try {
      const identity = await loadDeviceIdentity(syncDatabase);
      const result: ChainCustomerSearch = identity === undefined ? { kind: 'unreachable', detail: 'not enrolled' } : await searchChainCustomers(identity, phone);
      if (result.kind === 'unreachable') console.error('The chain-wide customer search did not answer', result.detail);
      setAnswer({ phone, result });
    } finally {
      setBusy(false);
    }
  };

  const shown = answer !== undefined && answer.phone === phone ? answer.result : undefined;
  return (
    <section className="chain-search" aria-label={t('customers.chain.title')} data-testid="chain-search">
      <h4>{t('customers.chain.title')}</h4>
      {!online ? (
        <p className="notice" data-testid="chain-offline">{t('customers.chain.offline')}</p>
      ) : (
        <p>
          <button type="button" onClick={() => void search()} disabled={busy || phone === undefined} data-testid="chain-search-button">
            {t('customers.chain.search')}
          </button>{' '}
          <small>{phone === undefined ? t('customers.chain.notPhone') : t('customers.chain.hint')}</small>
        </p>
      )}
      {shown?.kind === 'found' && shown.customers.length === 0 && <p data-testid="chain-none">{t('customers.chain.none')}</p>}
      {shown?.kind === 'found' && shown.customers.length > 0 && (
        <ul data-testid="chain-results">
          {shown.customers.map((customer) => (
            <li key={customer.id}>
              <span>{t('customers.chain.found', { name: customer.name, last3: customer.phoneLast3 })}</span>{' '}
              <button type="button" onClick={() => handCustomerToCounter(customer.id)} data-testid="chain-sell">
                {t('customers.screen.sell')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown !== undefined && shown.kind !== 'found' && (
        <p className="error" role="alert" data-testid="chain-failed">
          {t('customers.chain.failed', { problem: shown.kind === 'refused' ? shown.detail : t('connection.serverUnreachable') })}
        </p>
      )}
    </section>
  );
}
