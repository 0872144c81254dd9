/*
 * The product grid's UI state, kept while the grid is off screen (a panel open, a sale paid): which tab the
 * cashier chose, and whether a manager is setting the quick keys (and who approved it). In memory only.
 */
import { create } from 'zustand';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';

/** The quick keys' tab; any other tab is a category's name. */
export const QUICK_KEYS_TAB = Symbol('quick keys');
export type GridTab = typeof QUICK_KEYS_TAB | string;

interface ProductGridState {
  /** The tab chosen, or null before the cashier chose one (the quick keys, or the first category). */
  tab: GridTab | null;
  /** Who approved setting the quick keys, while a manager does it; null otherwise. */
  editingApprovedBy: string | null;
  chooseTab: (tab: GridTab) => void;
  editQuickKeys: (approvedBy: string | null) => void;
}

export const useProductGridStore = create<ProductGridState>()((set) => ({
  tab: null,
  editingApprovedBy: null,
  chooseTab: (tab) => set({ tab }),
  editQuickKeys: (editingApprovedBy) => set({ editingApprovedBy }),
}));

// A manager's approval to set the quick keys is theirs: whoever signs in next starts without it.
useStaffSessionStore.subscribe((state, previous) => {
  if (state.staff?.id !== previous.staff?.id) useProductGridStore.getState().editQuickKeys(null);
});

/** Test helper: the grid as a new counter shows it. */
export function resetProductGrid(): void {
  useProductGridStore.setState({ tab: null, editingApprovedBy: null });
}
