import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDocument, ShiftEventDocument } from './documents.ts';
import { cashKept, openShiftOn, summariseShift } from './shift-cash.ts';
import type { TimedSale } from './shift-cash.ts';

function event(id: string, type: ShiftEventDocument['type'], amount: number, createdAt: string, extra: Partial<ShiftEventDocument> = {}): ShiftEventDocument {
  return { id, shiftId: 'shift-1', storeId: 'store-q1', deviceId: 'device-t03', type, amount, staffId: 'staff-lan', createdAt, ...extra };
}

function cashSale(createdAt: string, cash: number, change: number, deviceId = 'device-t03', other: SaleDocument['tenders'] = []): TimedSale {
  const sale = { deviceId, createdAt, tenders: [...other, ...(cash === 0 ? [] : [{ method: 'cash' as const, amount: cash }])], change };
  return { sale, at: Date.parse(createdAt) };
}

describe('what Lan’s drawer should hold', () => {
  const events = [
    event('e1', 'open', 1_000_000, '2025-11-24T01:00:00.000Z'),
    event('e2', 'cash_out', 2_000_000, '2025-11-24T06:00:00.000Z', { reason: 'safe_drop' }),
    event('e3', 'cash_in', 200_000, '2025-11-24T07:00:00.000Z', { reason: 'float_top_up' }),
    event('e4', 'drawer', 0, '2025-11-24T08:00:00.000Z', { reason: 'no_sale', approverId: 'staff-tuan' }),
    event('e5', 'close', 1_395_000, '2025-11-24T11:00:00.000Z', { expected: 1_400_000 }),
  ];
  const sales = [
    cashSale('2025-11-24T00:59:59.000Z', 999_000, 0),
    cashSale('2025-11-24T02:00:00.000Z', 500_000, 137_000),
    cashSale('2025-11-24T03:00:00.000Z', 2_000_000, 0, 'device-t03', [{ method: 'card', amount: 300_000 }]),
    cashSale('2025-11-24T04:00:00.000Z', 0, 0, 'device-t03', [{ method: 'bank_qr', amount: 150_000 }]),
    cashSale('2025-11-24T05:00:00.000Z', -163_000, 0),
    cashSale('2025-11-24T05:30:00.000Z', 700_000, 0, 'device-t01'),
    cashSale('2025-11-24T11:00:00.000Z', 88_000, 0),
  ];

  it('float + cash kept from her till’s sales in the shift + cash in - cash out, and the blind count’s variance', () => {
    expect(summariseShift('shift-1', events, sales)).toEqual({
      shiftId: 'shift-1',
      deviceId: 'device-t03',
      openedAt: '2025-11-24T01:00:00.000Z',
      openedBy: 'staff-lan',
      closedAt: '2025-11-24T11:00:00.000Z',
      closedBy: 'staff-lan',
      float: 1_000_000,
      // 363,000 kept from the first sale, 2,000,000 from the second, 163,000 refunded in cash.
      cashSales: 2_200_000,
      cashIn: 200_000,
      cashOut: 2_000_000,
      expected: 1_400_000,
      counted: 1_395_000,
      variance: -5_000,
      noSaleOpenings: 1,
    });
  });

  it('mid-shift (the X report) the shift runs to the moment asked, and nothing is counted yet', () => {
    const summary = summariseShift('shift-1', events, sales, { asOf: Date.parse('2025-11-24T04:30:00.000Z') });
    expect(summary).toMatchObject({ cashSales: 2_363_000, cashIn: 0, cashOut: 0, expected: 3_363_000, noSaleOpenings: 0 });
    expect(summary?.counted).toBeUndefined();
    expect(summary?.variance).toBeUndefined();
  });

  it('a shift still open is counted to the moment given, and a close after the moment asked is not known yet', () => {
    const open = events.slice(0, 4);
    expect(summariseShift('shift-1', open, sales, { openUntil: Date.parse('2025-11-24T04:30:00.000Z') })).toMatchObject({ cashSales: 2_363_000 });
    expect(summariseShift('shift-1', events, sales, { asOf: Date.parse('2025-11-24T10:59:59.000Z') })?.counted).toBeUndefined();
    expect(summariseShift('shift-1', events, sales, { asOf: Date.parse('2025-11-24T00:30:00.000Z') })).toBeUndefined();
  });

  it('knows which shift is open on a till', () => {
    expect(openShiftOn('device-t03', events)).toBeUndefined();
    expect(openShiftOn('device-t03', events.slice(0, 4))?.shiftId).toBe('shift-1');
    expect(summariseShift('shift-2', events, sales)).toBeUndefined();
  });

  it('for any sales and movements, expected = float + cash kept + in - out and variance = counted - expected', () => {
    const saleArb = fc.record({ minute: fc.integer({ min: 0, max: 600 }), cash: fc.integer({ min: -1_000_000, max: 5_000_000 }), change: fc.integer({ min: 0, max: 500_000 }), other: fc.boolean() });
    const moveArb = fc.record({ minute: fc.integer({ min: 0, max: 600 }), type: fc.constantFrom('cash_in' as const, 'cash_out' as const), amount: fc.integer({ min: 1, max: 3_000_000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.array(saleArb, { maxLength: 40 }), fc.array(moveArb, { maxLength: 8 }), fc.integer({ min: 0, max: 20_000_000 }), (float, saleSpecs, moves, count) => {
        const start = Date.parse('2025-11-24T01:00:00.000Z');
        const time = (minute: number): string => new Date(start + minute * 60_000).toISOString();
        const shiftEvents = [
          event('open', 'open', float, time(0)),
          ...moves.map((move, index) => event(`m${index}`, move.type, move.amount, time(move.minute))),
          event('close', 'close', count, time(601)),
        ];
        const timed = saleSpecs.map((spec) => cashSale(time(spec.minute), spec.cash, spec.change, 'device-t03', spec.other ? [{ method: 'card', amount: 10_000 }] : []));
        const summary = summariseShift('shift-1', shiftEvents, timed);
        const kept = timed.reduce((sum, { sale }) => sum + cashKept(sale), 0);
        const cashIn = moves.filter((move) => move.type === 'cash_in').reduce((sum, move) => sum + move.amount, 0);
        const cashOut = moves.filter((move) => move.type === 'cash_out').reduce((sum, move) => sum + move.amount, 0);
        expect(summary?.expected).toBe(float + kept + cashIn - cashOut);
        expect(summary?.variance).toBe(count - (float + kept + cashIn - cashOut));
      }),
    );
  });
});
