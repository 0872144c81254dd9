/*
 * Feeds the customer display (src/session/customer-display-channel.ts) from the counter: the cart, what is
 * paid, the change, the transfer QR the pay panel shows, the thank-you after a sale. Computed by the domain
 * (customer-display.ts) from the counter's state and sent a moment later (coalesced, never on the scan's own
 * path, so a scan still lands within its frame and a burst of scans sends one view).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { cartTotals } from '../../domain/cart-totals.ts';
import { customerDisplayView } from '../../domain/customer-display.ts';
import { currentCustomerQr, publishCustomerDisplay, watchCustomerQr } from '../../session/customer-display-channel.ts';
import { useCounterStore } from './counter-store.ts';
import { useSaleSettings } from '../../data/sale-settings-context.ts';

const SEND_AFTER_MS = 16;

export function useCustomerDisplayFeed(config: StoreConfigDocument): void {
  const settings = useSaleSettings();
  const { i18n } = useTranslation();
  const storeName = config.store.name;
  useEffect(() => {
    let timer: number | undefined;
    const send = () => {
      timer = undefined;
      const state = useCounterStore.getState();
      publishCustomerDisplay(
        customerDisplayView({
          storeName,
          language: i18n.language,
          currency: settings.currency,
          cart: state.cart,
          totals: cartTotals(state.cart, settings.taxClasses),
          tenders: state.tenders,
          ...(settings.saleRules.cashRounding ? { cashRounding: settings.saleRules.cashRounding } : {}),
          qr: state.panel === 'pay' ? currentCustomerQr() : null,
          lastSale: state.lastSale === null ? null : { total: state.lastSale.total, change: state.lastSale.change },
          lastProductId: state.lastProduct?.id ?? null,
        }),
      );
    };
    const later = () => {
      timer ??= window.setTimeout(send, SEND_AFTER_MS);
    };
    send();
    const stopCounter = useCounterStore.subscribe((state, previous) => {
      if (state.cart !== previous.cart || state.tenders !== previous.tenders || state.lastSale !== previous.lastSale || state.panel !== previous.panel) later();
    });
    const stopQr = watchCustomerQr(later);
    i18n.on('languageChanged', later);
    return () => {
      stopCounter();
      stopQr();
      i18n.off('languageChanged', later);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [settings, i18n, storeName]);
}
