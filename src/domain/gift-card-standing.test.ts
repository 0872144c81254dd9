import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giftCardStanding } from './gift-card-standing.ts';

const AT = '2026-12-07T08:00:00.000Z';

describe('what a gift card holds as a tablet sees it', () => {
  it('a card of 500,000 confirmed, 120,000 spent and 200,000 reloaded here since: 580,000 on this tablet', () => {
    expect(giftCardStanding({ value: 500_000, updatedAt: AT }, [-120_000, 200_000])).toEqual({ confirmed: { value: 500_000, updatedAt: AT }, loadedHere: 200_000, spentHere: 120_000, onThisTablet: 580_000 });
  });

  it('a card sold here and not synced yet: the server confirms nothing, the tablet counts its own load', () => {
    expect(giftCardStanding(null, [300_000])).toEqual({ confirmed: null, loadedHere: 300_000, spentHere: 0, onThisTablet: 300_000 });
    expect(giftCardStanding(null, [])).toEqual({ confirmed: null, loadedHere: 0, spentHere: 0, onThisTablet: 0 });
  });

  it('refuses a movement that is not a whole amount', () => {
    expect(() => giftCardStanding(null, [0.5])).toThrow(/whole amount/);
  });

  it('never creates or loses money: confirmed + loaded - spent is the sum of every movement', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), fc.array(fc.integer({ min: -1e9, max: 1e9 })), (value, deltas) => {
        const standing = giftCardStanding(value === null ? null : { value, updatedAt: AT }, deltas);
        expect(standing.onThisTablet).toBe((value ?? 0) + deltas.reduce((sum, delta) => sum + delta, 0));
        expect(standing.loadedHere).toBeGreaterThanOrEqual(0);
        expect(standing.spentHere).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
