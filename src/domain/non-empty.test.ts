import { describe, expect, it } from 'vitest';
import { isNonEmpty, mapNonEmpty } from './non-empty.ts';

describe('a sale’s lines hold at least one line', () => {
  it('an empty list is not one; a mapped list keeps every item in order', () => {
    expect(isNonEmpty([])).toBe(false);
    const lines = ['coffee', 'pork'] as const;
    expect(isNonEmpty(lines)).toBe(true);
    expect(mapNonEmpty(['coffee', 'pork'], (name, index) => `${index}:${name}`)).toEqual(['0:coffee', '1:pork']);
  });
});
