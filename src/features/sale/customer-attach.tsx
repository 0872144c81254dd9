import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { attachCustomer, detachCustomer } from '../../domain/cart.ts';
import { useCounterStore } from './counter-store.ts';
import { findCustomer } from './customer-lookup.ts';
import { useAttachedCustomer } from './use-attached-customer.ts';
import { COUNTER_KEYS } from './counter-keys.ts';
import { focusInPane } from './counter-pane-store.ts';
import { useCounterKeyAction } from './use-counter-keys.ts';
import { ShortcutHint } from '../../ui/shortcut-hint.tsx';

/** The customer on the sale: type a phone number (or scan a member card anywhere on the counter); F4 puts the cursor in the field. */
export function CustomerAttach() {
  const { t } = useTranslation();
  const database = useDatabase();
  const customer = useAttachedCustomer();
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
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
        store.tell({ tone: 'error', key: 'customer.notFound', values: { phone } });
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

  if (customer !== null) {
    return (
      <div className="customer-attached" data-testid="customer-attached" data-customer-id={customer.id}>
        <span>
          {customer.name ?? ''} · {customer.phone ?? ''}
        </span>
        <button
          ref={detachButton}
          type="button"
          onClick={() => {
            const store = useCounterStore.getState();
            store.replaceCart(detachCustomer(store.cart));
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
    </form>
  );
}
