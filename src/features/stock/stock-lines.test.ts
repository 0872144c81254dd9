import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../sync/staff-api.ts';
import { readTypedLines } from './stock-lines-editor.tsx';
import { stockProblemOf } from './stock-problem.ts';

describe('the lines a manager typed', () => {
  it('become thousandths of the unit, empty lines left out, costs in whole money', () => {
    const read = readTypedLines(
      [
        { sku: ' SUA-180 ', quantity: '24', cost: '7200' },
        { sku: '', quantity: '', cost: '' },
        { sku: 'THIT-BO', quantity: '2,375', cost: '' },
      ],
      {},
      (sku, quantity, unitCost) => ({ sku, quantity, unitCost }),
    );
    expect(read).toEqual({ ok: true, lines: [{ sku: 'SUA-180', quantity: 24_000, unitCost: 7_200 }, { sku: 'THIT-BO', quantity: 2_375, unitCost: 0 }] });
  });

  it('name the first line that cannot be read: a zero where a count is not asked, a cost with decimals', () => {
    expect(readTypedLines([{ sku: 'A', quantity: '0', cost: '' }], {}, (sku) => sku)).toEqual({ ok: false, line: 1, reason: 'zero' });
    expect(readTypedLines([{ sku: 'A', quantity: '0', cost: '' }], { zero: true }, (sku, q) => q)).toEqual({ ok: true, lines: [0] });
    expect(readTypedLines([{ sku: 'A', quantity: '1', cost: '' }, { sku: 'B', quantity: '1', cost: '12.5' }], {}, (sku) => sku)).toEqual({ ok: false, line: 2, reason: 'cost' });
  });
});

describe('a refused stock call, in the shop\'s terms', () => {
  it('tells a wrong PIN from an ended session and a used id', () => {
    expect(stockProblemOf(new StaffApiError(401, 'wrong_pin', '', undefined), 'signIn')).toEqual({ kind: 'wrongPin' });
    expect(stockProblemOf(new StaffApiError(401, 'unauthorized', '', undefined), 'call')).toEqual({ kind: 'sessionEnded' });
    expect(stockProblemOf(new StaffApiError(409, 'conflict', '', undefined), 'call')).toEqual({ kind: 'idUsed' });
    expect(stockProblemOf(new StaffApiError(423, 'locked', '', 300), 'signIn')).toEqual({ kind: 'locked', minutes: 5 });
    expect(stockProblemOf(new Error('boom'), 'call')).toEqual({ kind: 'serverError' });
  });
});
