/*
 * Ringing up: a scanned code or a chosen product goes into the cart, with the cashier told at once what
 * happened (a beep and a green flash, or a buzz, a red flash and what to do). The cart is read from the
 * store after the lookup, never before it, so two scans in quick succession both land.
 */
import { useCallback } from 'react';
import { ringUpLine } from '../../domain/cart.ts';
import type { CartProduct, RingUpOptions } from '../../domain/cart.ts';
import type { BarcodeRules } from '../../domain/barcode.ts';
import type { ScanCue } from '../../devices/feedback/scan-feedback.ts';
import { useCounterStore } from './counter-store.ts';
import { useProductFinder } from '../../catalog/product-finder.ts';
import { cartProductOf, lookUpScannedCode } from '../../catalog/scanned-product.ts';
import { cartRefusalNotice } from './cart-refusal.ts';
import { parseGiftCardNumber } from '../../domain/gift-card-number.ts';
import { useGiftCardLineStore } from '../../session/gift-card-line-store.ts';

export interface RingUp {
  ringUpScan: (code: string) => Promise<void>;
  ringUpProduct: (product: CartProduct, options?: RingUpOptions) => boolean;
}

const NO_GIFT_CARDS: ReadonlySet<string> = new Set();

/** `giftCardProductIds`: the store's gift-card products, rung up through the gift-card prompt (gift-card-line.tsx). */
export function useRingUp(rules: BarcodeRules, cue: (cue: ScanCue) => void, giftCardProductIds: ReadonlySet<string> = NO_GIFT_CARDS): RingUp {
  const finder = useProductFinder();

  const ringUpProduct = useCallback(
    (product: CartProduct, options: RingUpOptions = {}): boolean => {
      const store = useCounterStore.getState();
      // A gift card is sold at the amount put on it, to a card number: the prompt asks both first.
      if (options.giftCard === undefined && giftCardProductIds.has(product.id)) {
        useGiftCardLineStore.getState().ask({ product });
        return false;
      }
      const result = ringUpLine(store.cart, product, options);
      if (store.applyCart(result)) {
        store.noteRungUp(product);
        store.tell(null);
        cue('accepted');
        return true;
      }
      if (result.reason === 'weight-required') {
        store.askWeight(product);
        store.tell({ tone: 'info', key: 'weight.needed', values: { name: product.name } });
        return false;
      }
      store.tell(cartRefusalNotice(result.reason, product.name));
      cue('rejected');
      return false;
    },
    [cue, giftCardProductIds],
  );

  const ringUpScan = useCallback(
    async (code: string): Promise<void> => {
      // A gift card's own number scanned at the counter: sell or reload that card.
      const giftCard = giftCardProductIds.size > 0 ? parseGiftCardNumber(code) : undefined;
      if (giftCard !== undefined) {
        useGiftCardLineStore.getState().ask({ number: giftCard });
        cue('accepted');
        return;
      }
      let lookup;
      try {
        lookup = await lookUpScannedCode(code, rules, finder);
      } catch (error) {
        console.error('Catalog lookup of a scanned code failed', { code, error });
        useCounterStore.getState().tell({ tone: 'error', key: 'scan.lookupFailed', searchFor: code });
        cue('rejected');
        return;
      }
      if (lookup.found) {
        ringUpProduct(cartProductOf(lookup.product), lookup.options);
        return;
      }
      const key = lookup.reason === 'unknown-product' ? 'scan.unknown' : `scan.unreadable.${lookup.reason}`;
      useCounterStore.getState().tell({ tone: 'error', key, values: { code: lookup.code }, searchFor: lookup.code });
      cue('rejected');
    },
    [rules, finder, cue, ringUpProduct, giftCardProductIds],
  );

  return { ringUpScan, ringUpProduct };
}
