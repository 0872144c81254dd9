import { useCallback } from 'react';
import { addTender, paymentState } from '../../domain/tender.ts';
import type { CashRounding } from '../../domain/cart-totals.ts';
import type { Tender } from '../../domain/tender.ts';
import { useCounterStore } from './counter-store.ts';
import { useMoney } from '../../data/sale-settings-context.ts';

/**
 * Takes a tender against the cart's total: added to the counter's tenders, or refused with the reason told
 * to the cashier (only cash may go over what is due). The pay panel's forms and the cart's F8 use it alike.
 */
export function useTakeTender(total: number): (tender: Tender) => boolean {
  const money = useMoney();
  return useCallback(
    (tender: Tender) => {
      const store = useCounterStore.getState();
      const result = addTender(store.tenders, tender, total);
      if (!result.ok) {
        const values: Record<string, string> = result.largestAllowed === undefined ? {} : { amount: money(result.largestAllowed) };
        store.tell({ tone: 'error', key: `pay.tenderRefused.${result.reason}`, values });
        return false;
      }
      store.setTenders(result.tenders);
      store.tell(null);
      return true;
    },
    [money, total],
  );
}

/** Cash for exactly what is left to pay (rounded as the store rounds cash), or null when nothing is left. */
export function exactCash(total: number, tenders: readonly Tender[], cashRounding: CashRounding | undefined): Tender | null {
  const { remainingInCash } = paymentState(total, tenders, cashRounding);
  return remainingInCash > 0 ? { method: 'cash', amount: remainingInCash } : null;
}
