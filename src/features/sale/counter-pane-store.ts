/*
 * Which half of the counter a portrait tablet or a phone shows: the cart or the selling area (search,
 * product grid, keypad, payment), one at a time under a tab bar (counter-layout.tsx). Landscape screens show
 * both and ignore it. The pane follows the panel: opening search, payment, the parked carts or the camera
 * shows the selling area, and closing the panel (a product chosen, a sale completed, Back) shows the cart
 * again; the tab bar switches by hand. UI state only, in memory.
 */
import { create } from 'zustand';
import { useCounterStore } from './counter-store.ts';

export type CounterPane = 'cart' | 'sell';

interface CounterPaneState {
  pane: CounterPane;
  showPane: (pane: CounterPane) => void;
}

export const useCounterPaneStore = create<CounterPaneState>()((set) => ({
  pane: 'cart',
  showPane: (pane) => set({ pane }),
}));

useCounterStore.subscribe((state, previous) => {
  if (state.panel !== previous.panel) useCounterPaneStore.getState().showPane(state.panel === 'cart' ? 'cart' : 'sell');
});

/** Shows the pane holding `element` (when the tabs hide it), then focuses it once it is on screen. */
export function focusInPane(pane: CounterPane, element: () => HTMLElement | null): void {
  useCounterPaneStore.getState().showPane(pane);
  requestAnimationFrame(() => element()?.focus());
}
