/*
 * The amounts a cashier taps to put on a gift card: the store's own list (config loyalty.giftCardAmounts, a
 * list of positive whole amounts) when it has one, else the three largest banknotes of the store and two and
 * four times the largest (100,000 / 200,000 / 500,000 / 1,000,000 / 2,000,000 dong for VND).
 */
const MAX_AMOUNTS = 8;

export function giftCardQuickAmounts(loyalty: Readonly<Record<string, unknown>> | undefined, banknotes: readonly number[]): number[] {
  const configured = loyalty?.['giftCardAmounts'];
  if (Array.isArray(configured) && configured.length > 0 && configured.every((amount) => Number.isSafeInteger(amount) && (amount as number) > 0)) {
    return [...new Set(configured as number[])].sort((a, b) => a - b).slice(0, MAX_AMOUNTS);
  }
  const notes = [...new Set(banknotes.filter((note) => Number.isSafeInteger(note) && note > 0))].sort((a, b) => a - b);
  const largest = notes.at(-1);
  if (largest === undefined) return [];
  return [...new Set([...notes.slice(-3), largest * 2, largest * 4])].sort((a, b) => a - b);
}
