/*
 * The customers screen (issue 16): find this store's customers on the device by name, phone, member card or
 * their QR (typed, or scanned anywhere on the screen), create one and edit one, offline too (written to the
 * device's customers, pushed by the sync and merged by phone on the server), see a customer's points, tier
 * and recent purchases, and sell to them. A whole phone number can also be looked up across the chain when
 * online. The form is the counter's own (src/ui/customer-form.tsx).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { createCustomer, findCustomer, updateCustomer } from '../../data/customer-records.ts';
import type { CustomerDocument } from '../../data/schemas/types.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import { customerInputOf } from '../../domain/customer-details.ts';
import type { CustomerDetails } from '../../domain/customer-details.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { CustomerForm } from '../../ui/customer-form.tsx';
import { ChainSearch } from './chain-search.tsx';
import { CustomerCard } from './customer-card.tsx';
import { useCustomerSearch } from './use-customer-search.ts';
import './customers.css';

/** The right-hand side: nothing chosen, a customer, or the form creating or editing one. */
type Pane = { readonly kind: 'none' } | { readonly kind: 'customer'; readonly id: string } | { readonly kind: 'create'; readonly phone: string } | { readonly kind: 'edit'; readonly customer: CustomerDocument };

export function CustomersScreen() {
  const { t } = useTranslation();
  const database = useDatabase();
  const config = useStoreConfig();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const [text, setText] = useState('');
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [status, setStatus] = useState<string | null>(null);
  const search = useCustomerSearch(text);
  const customers = search.customers ?? [];
  const chosen = pane.kind === 'customer' ? customers.find((customer) => customer.id === pane.id) : undefined;

  // A scanned member card or customer QR opens that customer; anything else is searched for. While the form
  // is open the scanner types into it like a keyboard (a member card scanned into its field).
  const formOpen = pane.kind === 'create' || pane.kind === 'edit';
  useWedgeScanner(
    (code) => {
      setText(code);
      findCustomer(database, code)
        .then((found) => found !== undefined && setPane({ kind: 'customer', id: found.id }))
        .catch((error: unknown) => console.error('Finding the scanned customer failed', { code, error }));
    },
    { enabled: !formOpen },
  );

  const create = async (details: CustomerDetails) => {
    if (storeId === undefined) throw new Error('This device is not enrolled in a store: a customer needs a home store');
    const created = await createCustomer(database, details, storeId);
    setText(created.phone);
    setPane({ kind: 'customer', id: created.id });
    setStatus(t('customers.screen.created', { name: created.name }));
  };

  const save = (customerId: string) => async (details: CustomerDetails) => {
    const saved = await updateCustomer(database, customerId, details);
    setText(saved.phone);
    setPane({ kind: 'customer', id: saved.id });
    setStatus(t('customers.screen.saved', { name: saved.name }));
  };

  return (
    <section className="customers" data-testid="customers-screen">
      <h2>{t('customers.title')}</h2>
      <div className="customers-layout">
        <div className="customers-list-pane">
          <div className="customers-find">
            <label>
              {t('customers.screen.search')}
              <input
                type="search"
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder={t('customers.screen.searchPlaceholder')}
                data-testid="customers-search"
              />
            </label>
            <button type="button" className="primary" onClick={() => setPane({ kind: 'create', phone: text })} data-testid="customers-new">
              {t('customers.screen.new')}
            </button>
          </div>
          {status !== null && (
            <p className="notice success" role="status" data-testid="customers-status">
              {status}
            </p>
          )}
          {search.failed && (
            <p className="error" role="alert">
              {t('customers.screen.searchFailed')}
            </p>
          )}
          <p className="customers-count" data-testid="customers-count" data-count={search.customers?.length ?? ''}>
            {search.customers !== undefined && search.customers.length === 0 && text.trim() !== '' ? t('customers.screen.none', { text }) : t('customers.screen.count', { count: customers.length })}
          </p>
          <ul className="customers-list" data-testid="customers-list">
            {customers.map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  aria-pressed={pane.kind === 'customer' && pane.id === customer.id}
                  onClick={() => {
                    setStatus(null);
                    setPane({ kind: 'customer', id: customer.id });
                  }}
                  data-testid="customers-row"
                  data-customer-id={customer.id}
                  data-phone={customer.phone}
                >
                  <span className="name">{customer.name}</span> <span className="phone">{customer.phone}</span>
                </button>
              </li>
            ))}
          </ul>
          <ChainSearch text={text} />
        </div>
        <div className="customers-detail-pane">
          {pane.kind === 'create' && <CustomerForm key="create" mode="create" initial={customerInputOf(undefined, pane.phone)} onSave={create} onCancel={() => setPane({ kind: 'none' })} />}
          {pane.kind === 'edit' && <CustomerForm key={`edit-${pane.customer.id}`} mode="edit" initial={customerInputOf(pane.customer)} onSave={save(pane.customer.id)} onCancel={() => setPane({ kind: 'customer', id: pane.customer.id })} />}
          {pane.kind === 'customer' && chosen !== undefined && (
            <CustomerCard customer={chosen} currency={config?.store.currency ?? 'VND'} onEdit={() => setPane({ kind: 'edit', customer: chosen })} />
          )}
          {(pane.kind === 'none' || (pane.kind === 'customer' && chosen === undefined)) && <p className="customers-choose">{t('customers.screen.choose')}</p>}
        </div>
      </div>
    </section>
  );
}
