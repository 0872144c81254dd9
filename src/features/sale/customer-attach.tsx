import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { createCustomer } from '../../data/customer-records.ts';
import { attachCustomer, detachCustomer } from '../../domain/cart.ts';
import { customerInputOf } from '../../domain/customer-details.ts';
import type { CustomerDetails } from '../../domain/customer-details.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { CustomerForm } from '../../ui/customer-form.tsx';
import { useCounterStore } from './counter-store.ts';
import { findCustomer } from './customer-lookup.ts';
import { CustomerLoyaltyBadge } from './customer-loyalty-badge.tsx';
import { useAttachedCustomer } from './use-attached-customer.ts';
import { COUNTER_KEYS } from './counter-keys.ts';
import { focusInPane } from './counter-pane-store.ts';
import { useCounterKeyAction } from './use-counter-keys.ts';
import { ShortcutHint } from '../../ui/shortcut-hint.tsx';

/** The create form's state: closed, or open with the phone the cashier had typed (and whether a lookup missed it). */
type Creating = null | { readonly phone: string; readonly afterMiss: boolean };

/**
 * The customer on the sale: type a phone number (or scan a member card or the customer's QR anywhere on the
 * counter); F4 puts the cursor in the field. A number this device does not know opens the new-customer form
 * with it filled in; "New customer" opens it empty. A customer created here is this store's, written on the
 * device at once (offline too) and attached; the sync merges them by phone on the server. Attached, the
 * customer's tier and points show beside the name.
 */
export function CustomerAttach() {
  const { t } = useTranslation();
  const database = useDatabase();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const customer = useAttachedCustomer();
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState<Creating>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const detachButton = useRef<HTMLButtonElement>(null);
  useCounterKeyAction('customer', () => focusInPane('cart', () => phoneInput.current ?? detachButton.current));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const found = await findCustomer(database, phone);
      const store = useCounterStore.getState();
      if (found === undefined) {
        store.tell(null);
        setCreating({ phone, afterMiss: true });
        return;
      }
      store.replaceCart(attachCustomer(store.cart, found.id));
      store.tell(null);
      setPhone('');
    } catch (error) {
      console.error('Customer lookup failed', error);
      useCounterStore.getState().tell({ tone: 'error', key: 'customer.lookupFailed' });
    } finally {
      setBusy(false);
    }
  };

  const create = async (details: CustomerDetails) => {
    if (storeId === undefined) throw new Error('This device is not enrolled in a store: a customer needs a home store');
    const created = await createCustomer(database, details, storeId);
    const store = useCounterStore.getState();
    store.replaceCart(attachCustomer(store.cart, created.id));
    setCreating(null);
    setPhone('');
    setCreatedName(created.name);
  };

  if (creating !== null) {
    return (
      <div className="customer-create" data-testid="counter-customer-create">
        {creating.afterMiss && (
          <p className="notice" role="status" data-testid="customer-not-found">
            {t('customers.counter.notFoundCreate', { phone: creating.phone })}
          </p>
        )}
        <CustomerForm
          mode="create"
          initial={customerInputOf(undefined, creating.phone)}
          onSave={create}
          onCancel={() => {
            setCreating(null);
            phoneInput.current?.focus();
          }}
        />
      </div>
    );
  }

  if (customer !== null) {
    return (
      <div className="customer-attached" data-testid="customer-attached" data-customer-id={customer.id}>
        <span>
          {customer.name ?? ''} · {customer.phone ?? ''}
        </span>
        <CustomerLoyaltyBadge customerId={customer.id} />
        {createdName !== null && customer.name === createdName && (
          <span className="customer-created" role="status" data-testid="customer-created">
            {t('customers.counter.created', { name: createdName })}
          </span>
        )}
        <button
          ref={detachButton}
          type="button"
          onClick={() => {
            const store = useCounterStore.getState();
            store.replaceCart(detachCustomer(store.cart));
            setCreatedName(null);
          }}
        >
          {t('sale.customer.detach')}
        </button>
      </div>
    );
  }
  return (
    <form className="customer-attach" onSubmit={submit}>
      <input
        ref={phoneInput}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        inputMode="tel"
        placeholder={t('sale.customer.phonePlaceholder')}
        aria-label={t('sale.customer.phone')}
        aria-keyshortcuts={COUNTER_KEYS.customer}
        data-testid="customer-phone"
      />
      <button type="submit" disabled={busy || phone.trim() === ''}>
        {t('sale.customer.attach')}
        <ShortcutHint keyName={COUNTER_KEYS.customer} />
      </button>
      <button type="button" onClick={() => setCreating({ phone, afterMiss: false })} data-testid="customer-new">
        {t('customers.counter.new')}
      </button>
    </form>
  );
}
