import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeShift, countDrawer, handOverDrawer, logDrawerOpening, moveCash, openShift, recordCount } from './shift-events.ts';
import type { DrawerCount, ShiftEventContext } from './shift-events.ts';
import { VND_DENOMINATIONS } from './shift-settings.ts';

const vnd = { currency: 'VND', denominations: VND_DENOMINATIONS, varianceNeedsApprovalAbove: 20_000 };

function context(id: string, extra: Partial<ShiftEventContext> = {}): ShiftEventContext {
  return { id, shiftId: 'shift-1', storeId: 'store-q1', deviceId: 'device-t03', staffId: 'staff-lan', createdAt: '2025-11-24T01:00:00.000Z', currency: 'VND', ...extra };
}

function counted(pieces: Record<string, number>): DrawerCount {
  const result = countDrawer(pieces, vnd);
  if (!result.ok) throw new Error(result.detail);
  return result.count;
}

describe('counting a drawer by denomination', () => {
  it('Lan counts her float: two 500,000 notes, five 100,000, ten 10,000 and four 500 make 1,602,000 dong', () => {
    const result = countDrawer({ 500000: 2, 100000: 5, 10000: 10, 500: 4, 2000: 0 }, vnd);
    expect(result).toEqual({ ok: true, count: { counts: { '500': 4, '10000': 10, '100000': 5, '500000': 2 }, total: 1_602_000 } });
  });

  it('refuses a note the store does not count, and a count that is not whole pieces', () => {
    expect(countDrawer({ 300000: 1 }, vnd)).toMatchObject({ ok: false, reason: 'bad-count' });
    expect(countDrawer({ 10000: 1.5 }, vnd)).toMatchObject({ ok: false, reason: 'bad-count' });
    expect(countDrawer({ 10000: -1 }, vnd)).toMatchObject({ ok: false, reason: 'bad-count' });
  });

  it('for any pieces of the store’s denominations, the total is the sum of denomination x pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...VND_DENOMINATIONS), fc.integer({ min: 0, max: 5_000 })), { maxLength: 12 }), (entries) => {
        const pieces = Object.fromEntries(entries.map(([note, count]) => [String(note), count]));
        const result = countDrawer(pieces, vnd);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.count.total).toBe(Object.entries(pieces).reduce((sum, [note, count]) => sum + Number(note) * count, 0));
      }),
    );
  });
});

describe('the events of a shift', () => {
  it('opens with the counted float and its denominations', () => {
    const opened = openShift(context('e1'), counted({ 100000: 5 }));
    expect(opened).toEqual({
      ok: true,
      event: { id: 'e1', shiftId: 'shift-1', storeId: 'store-q1', deviceId: 'device-t03', type: 'open', amount: 500_000, currency: 'VND', staffId: 'staff-lan', createdAt: '2025-11-24T01:00:00.000Z', counts: { '100000': 5 } },
    });
  });

  it('moves cash in and out with a reason, never a zero or negative amount', () => {
    expect(moveCash(context('e2'), { direction: 'cash_out', amount: 2_000_000, reason: 'safe_drop' })).toMatchObject({ ok: true, event: { type: 'cash_out', amount: 2_000_000, reason: 'safe_drop' } });
    expect(moveCash(context('e3'), { direction: 'cash_in', amount: 0, reason: 'float_top_up' })).toMatchObject({ ok: false, reason: 'bad-amount' });
    expect(moveCash(context('e4'), { direction: 'cash_in', amount: 100, reason: '' })).toMatchObject({ ok: false, reason: 'reason-required' });
  });

  it('logs every drawer opening: a sale’s with its id, a no-sale with its approver', () => {
    expect(logDrawerOpening(context('e5'), { reason: 'sale', saleId: 'sale-9' })).toMatchObject({ ok: true, event: { type: 'drawer', amount: 0, reason: 'sale', saleId: 'sale-9' } });
    expect(logDrawerOpening(context('e6'), { reason: 'no_sale', approverId: 'staff-tuan' })).toMatchObject({ ok: true, event: { type: 'drawer', reason: 'no_sale', approverId: 'staff-tuan' } });
  });

  it('a spot count records the cash counted', () => {
    expect(recordCount(context('e7'), counted({ 50000: 3 }))).toMatchObject({ ok: true, event: { type: 'count', amount: 150_000, counts: { '50000': 3 } } });
  });

  it('refuses an event it cannot carry: an empty id, a time that is not ISO 8601, a made-up currency', () => {
    expect(openShift(context(''), counted({}))).toMatchObject({ ok: false, reason: 'bad-context' });
    expect(openShift(context('e8', { createdAt: '24/11/2025 08:00' }), counted({}))).toMatchObject({ ok: false, reason: 'bad-context' });
    expect(openShift(context('e9', { currency: 'dong' }), counted({}))).toMatchObject({ ok: false, reason: 'bad-context' });
  });
});

describe('closing blind', () => {
  it('a close within the limit needs nobody; over it, a manager must approve, over or short', () => {
    const within = closeShift(context('c1'), counted({ 500000: 3 }), 1_510_000, vnd);
    expect(within).toMatchObject({ ok: true, event: { type: 'close', amount: 1_500_000, expected: 1_510_000 } });
    const short = closeShift(context('c2'), counted({ 500000: 3 }), 1_550_000, vnd);
    expect(short).toMatchObject({ ok: false, reason: 'approval-required' });
    if (!short.ok) expect(short.detail).toContain('short by 50000');
    const over = closeShift(context('c3'), counted({ 500000: 3 }), 1_450_000, vnd);
    expect(over).toMatchObject({ ok: false, reason: 'approval-required' });
    expect(closeShift(context('c4'), counted({ 500000: 3 }), 1_550_000, vnd, { approverId: 'staff-nam' })).toMatchObject({ ok: true, event: { approverId: 'staff-nam', expected: 1_550_000 } });
  });

  it('a hand-over closes one shift and opens the next with the counted cash as its float', () => {
    const handed = handOverDrawer(context('h1'), context('h2', { shiftId: 'shift-2', staffId: 'staff-minh' }), counted({ 200000: 4 }), 800_000, vnd);
    expect(handed).toMatchObject({
      ok: true,
      close: { shiftId: 'shift-1', type: 'close', amount: 800_000, staffId: 'staff-lan' },
      open: { shiftId: 'shift-2', type: 'open', amount: 800_000, handoverFrom: 'shift-1', staffId: 'staff-minh', counts: { '200000': 4 } },
    });
    expect(handOverDrawer(context('h3'), context('h4'), counted({}), 0, vnd)).toMatchObject({ ok: false, reason: 'bad-context' });
  });
});
