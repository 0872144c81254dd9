/*
 * What a gift card holds as one tablet sees it (ARCHITECTURE, principle 2): the balance the server last
 * confirmed (none for a card it has not seen loaded yet) plus this tablet's own sales since then, loads
 * (a paid gift-card line, +) and spends (the gift_card tender, -) apart, so the cashier can tell "sold here,
 * not synced yet" from "spent here". The server's figure, when the tablet can ask it, is shown beside it.
 */
export interface ConfirmedGiftCardBalance {
  readonly value: number;
  /** The server's time of that balance: the last sync that brought it. */
  readonly updatedAt: string;
}

export interface GiftCardStanding {
  readonly confirmed: ConfirmedGiftCardBalance | null;
  /** This tablet's loads since the confirmed balance (sum of the positive deltas). */
  readonly loadedHere: number;
  /** This tablet's spends since then, as a positive amount (sum of the negative deltas, negated). */
  readonly spentHere: number;
  /** Confirmed + loaded - spent: what this tablet counts on the card. */
  readonly onThisTablet: number;
}

export function giftCardStanding(confirmed: ConfirmedGiftCardBalance | null, pendingDeltas: readonly number[]): GiftCardStanding {
  let loadedHere = 0;
  let spentHere = 0;
  for (const delta of pendingDeltas) {
    if (!Number.isSafeInteger(delta)) throw new Error(`A gift-card movement is a whole amount, got ${String(delta)}`);
    if (delta > 0) loadedHere += delta;
    else spentHere -= delta;
  }
  return { confirmed, loadedHere, spentHere, onThisTablet: (confirmed?.value ?? 0) + loadedHere - spentHere };
}
