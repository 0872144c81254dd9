import { describe, expect, it } from 'vitest';
import { cashRoundingOf, pointsOf } from './sale-amounts.ts';

describe('the amounts a stored sale carries unnamed are read as they are, or as none', () => {
  it('a sale rounded down by 200 dong says so; one that says nothing, or something else, was not rounded', () => {
    expect(cashRoundingOf({ subtotal: 0, discount: 0, tax: 0, total: 137_200, cashRounding: -200 })).toBe(-200);
    expect(cashRoundingOf({ subtotal: 0, discount: 0, tax: 0, total: 137_200 })).toBe(0);
    expect(cashRoundingOf({ subtotal: 0, discount: 0, tax: 0, total: 137_200, cashRounding: '200' })).toBe(0);
  });

  it('a points tender says how many points it used; a tender without points says none', () => {
    expect(pointsOf({ method: 'points', amount: 50_000, points: 500 })).toBe(500);
    expect(pointsOf({ method: 'cash', amount: 50_000 })).toBeUndefined();
    expect(pointsOf({ method: 'points', amount: 50_000, points: 0.5 })).toBeUndefined();
  });
});
