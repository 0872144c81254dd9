/*
 * Whether a sale is being rung up right now. The counter screen sets it; things that would interrupt the
 * cashier (the "new version — reload" prompt, later sync prompts) wait until it turns false again.
 * Kept in memory only: after a reload no sale is in progress by definition.
 */
import { create } from 'zustand';

interface SaleActivityState {
  saleInProgress: boolean;
  setSaleInProgress: (inProgress: boolean) => void;
}

export const useSaleActivityStore = create<SaleActivityState>()((set) => ({
  saleInProgress: false,
  setSaleInProgress: (inProgress) => set({ saleInProgress: inProgress }),
}));
