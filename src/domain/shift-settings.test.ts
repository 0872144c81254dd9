import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawerSettingsOf, needsVarianceApproval, VND_DENOMINATIONS } from './shift-settings.ts';

describe('drawer settings from the store’s config', () => {
  it('any currency counts the denominations its config lists; without them only VND has a default', () => {
    expect(drawerSettingsOf({ cashDrawer: { denominations: [2000, 500, 100, 5, 1], varianceNeedsApprovalAbove: 500 } }, 'EUR')).toEqual({
      ok: true,
      settings: { currency: 'EUR', denominations: [1, 5, 100, 500, 2000], varianceNeedsApprovalAbove: 500 },
    });
    expect(drawerSettingsOf({}, 'EUR')).toMatchObject({ ok: false });
    expect(drawerSettingsOf({ cashDrawer: { denominations: [500, 500] } }, 'VND')).toMatchObject({ ok: false });
    expect(drawerSettingsOf({ cashDrawer: { varianceNeedsApprovalAbove: -1 } }, 'VND')).toMatchObject({ ok: false });
  });

  it('the approval rule: more than the limit either way, and by default any difference at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (variance, limit) => {
        expect(needsVarianceApproval(variance, { varianceNeedsApprovalAbove: limit })).toBe(variance > limit || -variance > limit);
      }),
    );
    const defaults = drawerSettingsOf({}, 'VND');
    expect(defaults).toEqual({ ok: true, settings: { currency: 'VND', denominations: VND_DENOMINATIONS, varianceNeedsApprovalAbove: 0 } });
    if (defaults.ok) expect(needsVarianceApproval(-500, defaults.settings)).toBe(true);
  });
});
