import { describe, expect, it } from 'vitest';
import { checkStockLines, isAdjustmentReason, LINE_RULES } from './stock-operations.ts';

describe('the lines of a stock operation', () => {
  it('a receiving of good lines has no problem', () => {
    expect(checkStockLines([{ sku: 'SUA-180', quantity: 48_000, unitCost: 7_200 }], LINE_RULES.receiving)).toEqual([]);
  });

  it('names each bad line and field: no lines, a SKU twice, half a piece of a thousandth, a negative cost', () => {
    expect(checkStockLines([], LINE_RULES.transfer)).toEqual([{ line: 0, field: 'lines', message: 'there are no lines: name at least one product' }]);
    expect(
      checkStockLines(
        [
          { sku: 'SUA-180', quantity: 1.5, unitCost: 100 },
          { sku: 'SUA-180', quantity: 1000, unitCost: -1 },
          { sku: ' ', quantity: 0, unitCost: 0 },
        ],
        LINE_RULES.receiving,
      ),
    ).toEqual([
      { line: 1, field: 'quantity', message: 'quantity must be a whole number of thousandths of the unit (1000 = one piece or one kg)' },
      { line: 2, field: 'sku', message: 'SKU SUA-180 is already on line 1: put its quantities on one line' },
      { line: 2, field: 'unitCost', message: 'unitCost must be a whole, non-negative number of minor units per unit' },
      { line: 3, field: 'sku', message: 'the SKU is empty' },
      { line: 3, field: 'quantity', message: 'quantity is zero: leave the line out instead' },
    ]);
  });

  it('an adjustment may take stock away but not by zero; a count may find nothing but not less than nothing', () => {
    expect(checkStockLines([{ sku: 'A', delta: -2000 }], LINE_RULES.adjustment)).toEqual([]);
    expect(checkStockLines([{ sku: 'A', delta: 0 }], LINE_RULES.adjustment)).toEqual([{ line: 1, field: 'delta', message: 'delta is zero: leave the line out instead' }]);
    expect(checkStockLines([{ sku: 'A', counted: 0 }], LINE_RULES.count)).toEqual([]);
    expect(checkStockLines([{ sku: 'A', counted: -1 }], LINE_RULES.count)).toEqual([{ line: 1, field: 'counted', message: 'counted must not be negative' }]);
  });

  it('knows the adjustment reasons', () => {
    expect(['damage', 'loss', 'count', 'theft', 3].map(isAdjustmentReason)).toEqual([true, true, true, false, false]);
  });
});

describe('what a receiving cost', () => {
  it('is quantity times unit cost, rounded half up to a whole minor unit', async () => {
    const { receivedLineCost } = await import('./stock-operations.ts');
    expect(receivedLineCost(48_000, 7_200)).toBe(345_600);
    expect(receivedLineCost(375, 289_000)).toBe(108_375);
    expect(receivedLineCost(1, 500)).toBe(1);
    expect(receivedLineCost(1, 499)).toBe(0);
    // The largest quantity a line allows, at a cost that keeps the total exact.
    expect(receivedLineCost(10_000_000_000, 900_000_000)).toBe(9_000_000_000_000_000);
  });

  it('refuses a received line whose cost would not be an exact number', () => {
    expect(checkStockLines([{ sku: 'VANG-1KG', quantity: 10_000_000_000, unitCost: 900_000_000 }], LINE_RULES.receiving)).toEqual([]);
    expect(checkStockLines([{ sku: 'VANG-1KG', quantity: 10_000_000_000, unitCost: 1_000_000_000 }], LINE_RULES.receiving)).toEqual([
      { line: 1, field: 'unitCost', message: expect.stringMatching(/^quantity 10000000000 at 1000000000 a unit costs more than 9007199254740991 minor units/) },
    ]);
  });
});
