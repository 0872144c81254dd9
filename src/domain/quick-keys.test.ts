import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveQuickKeys, MAX_QUICK_KEYS, overrideApplies, quickKeysOf, toggleQuickKey } from './quick-keys.ts';

describe("the store's quick keys", () => {
  it('are the config list as set, each product once, without anything that is not an id', () => {
    expect(quickKeysOf(['coffee', 'bread', 'coffee', 7, '', null, 'tea'])).toEqual(['coffee', 'bread', 'tea']);
    expect(quickKeysOf(undefined)).toEqual([]);
    expect(quickKeysOf('coffee')).toEqual([]);
    expect(quickKeysOf(Array.from({ length: 100 }, (_, index) => `p-${index}`))).toHaveLength(MAX_QUICK_KEYS);
  });

  it("a manager's list on the tablet wins while the store's list is the one it replaced", () => {
    const override = { productIds: ['bread', 'coffee'], replacedConfigList: ['coffee'] };
    expect(effectiveQuickKeys(['coffee'], override)).toEqual(['bread', 'coffee']);
    expect(overrideApplies(['coffee'], override)).toBe(true);
    expect(effectiveQuickKeys(['coffee'], undefined)).toEqual(['coffee']);
    expect(overrideApplies(['coffee'], undefined)).toBe(false);
  });

  it("once the back office changes the store's list, the store's newer list wins", () => {
    const override = { productIds: ['bread', 'coffee'], replacedConfigList: ['coffee'] };
    expect(effectiveQuickKeys(['coffee', 'tea'], override)).toEqual(['coffee', 'tea']);
    expect(overrideApplies(['coffee', 'tea'], override)).toBe(false);
    expect(effectiveQuickKeys(undefined, override)).toEqual([]);
  });

  it('a tap while editing adds a product at the end or takes it off', () => {
    expect(toggleQuickKey(['coffee'], 'bread')).toEqual(['coffee', 'bread']);
    expect(toggleQuickKey(['coffee', 'bread'], 'coffee')).toEqual(['bread']);
    const full = Array.from({ length: MAX_QUICK_KEYS }, (_, index) => `p-${index}`);
    expect(toggleQuickKey(full, 'one-more')).toEqual(full);
  });

  it('tapping a new product twice gives the list back (a quick key moves to the end); it never repeats a product nor grows past the limit', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: MAX_QUICK_KEYS }), fc.string({ minLength: 1, maxLength: 4 }), (keys, id) => {
        const once = toggleQuickKey(keys, id);
        expect(new Set(once).size).toBe(once.length);
        expect(once.length).toBeLessThanOrEqual(MAX_QUICK_KEYS);
        const twice = toggleQuickKey(once, id);
        if (keys.includes(id)) expect(twice).toEqual([...keys.filter((each) => each !== id), id]);
        else if (keys.length < MAX_QUICK_KEYS) expect(twice).toEqual(keys);
        else expect(once).toEqual(keys);
      }),
    );
  });
});
