/*
 * The counter's UI state: the cart being rung up (an immutable domain value with its undo history, and the
 * attached customer's id: use-attached-customer.ts), the tenders taken so far, what the cashier is told right
 * now, and which panel is open.
 * In memory only: a cart worth keeping across a reload is parked (src/data/parked-carts.ts). Components
 * subscribe to the slice they show (a line row to its own line), so a scan re-renders the new row and the
 * totals, not the whole cart.
 */
import { create } from 'zustand';
import { emptyCart } from '../../domain/cart.ts';
import type { Cart, CartProduct, CartResult } from '../../domain/cart.ts';
import type { Tender } from '../../domain/tender.ts';
import { useSaleActivityStore } from '../../session/sale-activity-store.ts';

/** Something the cashier must see: a translation key under "sale." with values, and what can be done about it. */
export interface CounterNotice {
  readonly tone: 'error' | 'info' | 'success';
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** An unknown code: one tap opens the search with it. */
  readonly searchFor?: string;
}

export interface CompletedSaleSummary {
  readonly id: string;
  readonly number: string;
  readonly total: number;
  readonly change: number;
  /** "Complete" tapped to the sale durable in IndexedDB, ms: shown to benchmarks as data-last-pay-ms. */
  readonly durableMs?: number;
}

/** What the stock hint names of the product rung up last. */
export interface LastProduct {
  readonly id: string;
  readonly name: string;
  readonly weighed: boolean;
}

/** 'receipt': the last sale's receipt on screen (completed-sale.tsx). */
export type CounterPanel = 'cart' | 'search' | 'pay' | 'parked' | 'camera' | 'receipt';

interface CounterState {
  cart: Cart;
  tenders: readonly Tender[];
  notice: CounterNotice | null;
  panel: CounterPanel;
  searchText: string;
  /** The line the cashier is editing (quantity, discount, price), or null. */
  editingLineId: string | null;
  /**
   * The product rung up last: its stock is shown, under its name, until another is rung up, also after the
   * sale is completed and its lines are gone (so the name is kept here, not looked up in the cart).
   */
  lastProduct: LastProduct | null;
  lastSale: CompletedSaleSummary | null;
  /** A weighed item chosen without a scale label: the cashier types its weight. */
  weighing: CartProduct | null;
  askWeight: (product: CartProduct | null) => void;
  /** Applies a domain result: the new cart, or false when refused (the caller explains why). */
  applyCart: (result: CartResult) => result is Extract<CartResult, { ok: true }>;
  replaceCart: (cart: Cart) => void;
  setTenders: (tenders: readonly Tender[]) => void;
  tell: (notice: CounterNotice | null) => void;
  openPanel: (panel: CounterPanel) => void;
  openSearch: (text?: string) => void;
  setSearchText: (text: string) => void;
  editLine: (lineId: string | null) => void;
  noteRungUp: (product: LastProduct) => void;
  /** After a completed sale (or voiding the whole cart): an empty cart, no tenders, no customer. */
  startNextSale: (lastSale: CompletedSaleSummary | null) => void;
}

function markActivity(cart: Cart): void {
  const inProgress = cart.lines.length > 0;
  if (useSaleActivityStore.getState().saleInProgress !== inProgress) useSaleActivityStore.getState().setSaleInProgress(inProgress);
}

/** One empty tender list, so clearing tenders that are already clear notifies no one who selects them. */
const NO_TENDERS: readonly Tender[] = [];

export const useCounterStore = create<CounterState>()((set) => ({
  cart: emptyCart(),
  tenders: NO_TENDERS,
  notice: null,
  panel: 'cart',
  searchText: '',
  editingLineId: null,
  lastProduct: null,
  lastSale: null,
  weighing: null,
  askWeight: (weighing) => set({ weighing }),
  applyCart: (result): result is Extract<CartResult, { ok: true }> => {
    if (!result.ok) return false;
    markActivity(result.cart);
    // A changed cart changes what is due: tenders taken for the old amount are taken back.
    set({ cart: result.cart, tenders: NO_TENDERS });
    return true;
  },
  replaceCart: (cart) => {
    markActivity(cart);
    set({ cart, tenders: NO_TENDERS });
  },
  setTenders: (tenders) => set({ tenders }),
  tell: (notice) => set({ notice }),
  openPanel: (panel) => set({ panel }),
  openSearch: (text) => set((state) => ({ panel: 'search', searchText: text ?? state.searchText, notice: null })),
  setSearchText: (searchText) => set({ searchText }),
  editLine: (editingLineId) => set({ editingLineId }),
  noteRungUp: ({ id, name, weighed }) => set({ lastProduct: { id, name, weighed } }),
  startNextSale: (lastSale) => {
    const cart = emptyCart();
    markActivity(cart);
    set({ cart, tenders: NO_TENDERS, panel: 'cart', editingLineId: null, lastSale, notice: null, weighing: null });
  },
}));

/** Test helper and sign-out: everything back to a fresh counter. */
export function resetCounter(): void {
  useCounterStore.getState().startNextSale(null);
  useCounterStore.setState({ searchText: '', lastProduct: null });
}
