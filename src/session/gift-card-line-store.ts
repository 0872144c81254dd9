/*
 * The counter's question "how much on which gift card?" (src/features/sale/gift-card-line.tsx), asked when
 * a gift-card product is rung up or a card's number scanned, or handed over from the gift-card screen's
 * "reload" (src/features/giftcards), which puts the card's number here and opens the counter. UI state only,
 * in memory: it lives from one screen to the next, no longer.
 */
import { create } from 'zustand';
import type { CartProduct } from '../domain/cart.ts';

/** What the prompt was opened with: the gift-card product chosen, or a card number scanned (or both). */
export interface GiftCardQuestion {
  readonly product?: CartProduct;
  readonly number?: string;
}

interface GiftCardLineState {
  readonly asked: GiftCardQuestion | null;
  ask: (question: GiftCardQuestion) => void;
  close: () => void;
}

export const useGiftCardLineStore = create<GiftCardLineState>()((set) => ({
  asked: null,
  ask: (asked) => set({ asked }),
  close: () => set({ asked: null }),
}));

/** The shell's navigation event (app/use-location-path.ts listens for it; counter-handoff-store.ts sends it too). */
const NAVIGATE_EVENT = 'pos:navigate';

/** Opens the counter with the prompt asking how much to put on this card. */
export function reloadGiftCardAtCounter(number: string): void {
  useGiftCardLineStore.getState().ask({ number });
  if (window.location.pathname === '/') return;
  window.history.pushState(null, '', '/');
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Opens the gift-card screen (from the counter's gift-card prompt), closing the prompt. */
export function openGiftCardScreen(): void {
  useGiftCardLineStore.getState().close();
  window.history.pushState(null, '', '/gift-cards');
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
