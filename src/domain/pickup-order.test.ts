import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDOVER_EVENT, MARKED_READY_EVENT } from './merge-order.ts';
import {
  allowsUnpaidHandover,
  balanceDue,
  findPickupOrders,
  findPickupOrdersByCode,
  isPickupCodeOf,
  markedReadyEvent,
  pickupGroupOf,
  pickupStockMovements,
  planHandover,
  remainingQuantities,
  shortLinesOf,
  withEvent,
  type PickupOrder,
} from './pickup-order.ts';
import { hashPickupCodeWith, pickupQrText } from './pickup-code.ts';
import { isPrepared, markLineShort, scanIntoPreparation, shortfall, startPreparation } from './pickup-preparation.ts';

const CODE_482913_SHA256 = '4a8eec4925826f4b60526d7ac3c0a9b61ef54ac19233bafce2f4a13eb49395d2';
// A few iterations keep the tests quick; the scheme and the check are the same at any count.
const CODE_482913_PBKDF2 = await hashPickupCodeWith('482913', new Uint8Array(16).fill(7), 1_000);
const day = { start: Date.parse('2026-11-24T00:00:00+07:00'), end: Date.parse('2026-11-25T00:00:00+07:00') };
const act = (id: string, at = '2026-11-24T03:00:00.000Z') => ({ id, at, staffId: 'staff-lan', deviceId: 'tablet-1' });

function order(overrides: Partial<PickupOrder> = {}): PickupOrder {
  return {
    id: 'order-1042',
    storeId: 'store-q1',
    number: '#1042',
    status: 'pending',
    customerName: 'Nguyễn Thị Mai',
    customerPhone: '+84 912 345 678',
    // '482913' hashed as the server's hashPickupCode writes it (salted PBKDF2-SHA256).
    pickupCodeHash: CODE_482913_PBKDF2,
    currency: 'VND',
    lines: [
      { productId: 'p-milk', sku: 'MILK-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32000, taxRate: 800, total: 64000 },
      { productId: 'p-rice', sku: 'RICE-5', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180000, taxRate: 500, total: 180000 },
    ],
    total: 244000,
    paid: true,
    events: [{ id: 'placed', type: 'placed', at: '2026-11-24T01:00:00.000Z' }],
    placedAt: '2026-11-24T01:00:00.000Z',
    updatedAt: '2026-11-24T01:00:00.000Z',
    ...overrides,
  };
}

describe('the pickup screen finds an order', () => {
  it('by its number typed with or without #, by the QR the customer shows, by the phone in any form', () => {
    const orders = [order(), order({ id: 'order-1043', number: '#1043', customerPhone: '0987000111', pickupCodeHash: undefined })];
    expect(findPickupOrders(orders, '1042').map((m) => [m.order.id, m.by])).toEqual([['order-1042', 'number']]);
    expect(findPickupOrders(orders, '#1043 ').map((m) => m.order.id)).toEqual(['order-1043']);
    expect(findPickupOrders(orders, pickupQrText('#1042', '482913'))).toEqual([{ order: orders[0], by: 'qr', code: '482913' }]);
    expect(findPickupOrders(orders, '0912 345 678').map((m) => [m.order.id, m.by])).toEqual([['order-1042', 'phone']]);
    expect(findPickupOrders(orders, '845678')).toEqual([]);
    // A code alone names no order without trying hashes.
    expect(findPickupOrders(orders, '482913')).toEqual([]);
  });

  it('by the code typed alone, trying the open orders hashes one by one', async () => {
    const other = order({ id: 'order-1044', number: '#1044', pickupCodeHash: await hashPickupCodeWith('111222', new Uint8Array(16).fill(9), 1_000) });
    const handed = order({ id: 'order-1040', number: '#1040', status: 'picked_up' });
    expect((await findPickupOrdersByCode([other, order(), handed], '482913')).map((m) => [m.order.id, m.by])).toEqual([['order-1042', 'code']]);
    expect(await findPickupOrdersByCode([handed], '482913')).toEqual([]);
    expect(await findPickupOrdersByCode([order()], '')).toEqual([]);
  });

  it('checks the pickup code against the salted hash the server stored (or an older plain SHA-256), and never matches an order without one', async () => {
    expect(await isPickupCodeOf(order(), '482913')).toBe(true);
    expect(await isPickupCodeOf(order(), ' 482913 ')).toBe(true);
    expect(await isPickupCodeOf(order(), '482914')).toBe(false);
    expect(await isPickupCodeOf(order({ pickupCodeHash: CODE_482913_SHA256 }), '482913')).toBe(true);
    expect(await isPickupCodeOf(order({ pickupCodeHash: CODE_482913_SHA256 }), '482914')).toBe(false);
    expect(await isPickupCodeOf(order({ pickupCodeHash: undefined }), '')).toBe(false);
  });
});

describe('the pickup screen sorts the orders into lists', () => {
  it('to prepare, ready, handed over today, problems', () => {
    expect(pickupGroupOf(order(), day)).toBe('to-prepare');
    const ready = withEvent(order(), markedReadyEvent(act('r1'), []));
    expect(pickupGroupOf(ready, day)).toBe('ready');
    const plan = planHandover(ready, act('h1'), { lines: [{ line: 0, qty: 2000 }, { line: 1, qty: 1000 }], codeChecked: true });
    expect(plan.ok && pickupGroupOf(plan.order, day)).toBe('handed-today');
    expect(plan.ok && pickupGroupOf(plan.order, { start: day.end, end: day.end + 86_400_000 })).toBe(null);
    expect(pickupGroupOf({ ...order(), flags: [{ code: 'handover-after-cancellation', eventId: 'h1', at: ready.updatedAt }] }, day)).toBe('problem');
    const unknown = order({ lines: [{ productId: '', sku: 'X-9', name: 'Quà tặng', qty: 1000, unitPrice: 0, taxRate: 0, total: 0, unknownProduct: true }] });
    expect(pickupGroupOf(unknown, day)).toBe('problem');
    expect(pickupGroupOf(order({ status: 'cancelled' }), day)).toBe(null);
  });
});

describe('preparing an order by scanning each item', () => {
  it('counts each piece, refuses a product the order does not hold, and one already complete', () => {
    const o = order();
    let prep = startPreparation(o);
    for (const code of ['8930001', 'MILK-1L']) {
      const outcome = scanIntoPreparation(o, prep, { productId: 'p-milk', code });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) prep = outcome.preparation;
    }
    expect(prep.scanned).toEqual([2000, 0]);
    expect(scanIntoPreparation(o, prep, { productId: 'p-milk', code: '8930001' })).toEqual({ ok: false, reason: 'already-complete' });
    expect(scanIntoPreparation(o, prep, { productId: 'p-soap', code: '8930009' })).toEqual({ ok: false, reason: 'not-in-order' });
    expect(isPrepared(o, prep)).toBe(false);
    prep = markLineShort(prep, 1, true);
    expect(isPrepared(o, prep)).toBe(true);
    expect(shortfall(o, prep)).toEqual([{ line: 1, qty: 1000 }]);
    const ready = withEvent(o, markedReadyEvent(act('r1'), shortfall(o, prep)));
    expect(ready.status).toBe('ready');
    expect(ready.events.find((e) => e.type === MARKED_READY_EVENT)?.['staffId']).toBe('staff-lan');
    expect(shortLinesOf(ready)).toEqual([{ line: 1, qty: 1000 }]);
  });
});

describe('handing an order over at the counter', () => {
  const ready = withEvent(order(), markedReadyEvent(act('r1'), []));

  it('hands one line over now and the rest later, the order picked up only once nothing is left', () => {
    const first = planHandover(ready, act('h1'), { lines: [{ line: 0, qty: 2000 }], codeChecked: true });
    if (!first.ok) throw new Error(first.reason);
    expect(first.complete).toBe(false);
    expect(first.order.status).toBe('ready');
    expect(first.event).toMatchObject({ type: HANDOVER_EVENT, staffId: 'staff-lan', deviceId: 'tablet-1', lines: [{ line: 0, qty: 2000 }] });
    expect(remainingQuantities(first.order)).toEqual([0, 1000]);
    const second = planHandover(first.order, act('h2', '2026-11-24T05:00:00.000Z'), { lines: [{ line: 0, qty: 1000 }, { line: 1, qty: 1000 }], codeChecked: true });
    if (!second.ok) throw new Error(second.reason);
    expect(second.lines).toEqual([{ line: 1, qty: 1000 }]);
    expect(second.complete).toBe(true);
    expect(second.order.status).toBe('picked_up');
    expect(pickupStockMovements(second.order, second.event, second.lines, 'tablet-1')).toEqual([
      { id: 'h2-stock-1', kind: 'stock', storeId: 'store-q1', deviceId: 'tablet-1', refId: 'p-rice', delta: -1000, reason: 'pickup', sourceId: 'order-1042', createdAt: '2026-11-24T05:00:00.000Z' },
    ]);
  });

  it('refuses without the code, with money due, before the order is ready, or with nothing to take', () => {
    const all = [{ line: 0, qty: 2000 }];
    expect(planHandover(ready, act('h'), { lines: all, codeChecked: false })).toEqual({ ok: false, reason: 'code-required' });
    expect(planHandover(ready, act('h'), { lines: all, codeChecked: false }).ok).toBe(false);
    expect(planHandover({ ...ready, pickupCodeHash: undefined }, act('h'), { lines: all, codeChecked: false }).ok).toBe(true);
    expect(planHandover({ ...ready, paid: false }, act('h'), { lines: all, codeChecked: true })).toEqual({ ok: false, reason: 'balance-due' });
    expect(balanceDue({ ...ready, paid: false })).toBe(244000);
    expect(planHandover(order(), act('h'), { lines: all, codeChecked: true })).toEqual({ ok: false, reason: 'not-ready' });
    expect(planHandover(ready, act('h'), { lines: [{ line: 5, qty: 1000 }], codeChecked: true })).toEqual({ ok: false, reason: 'nothing-to-hand-over' });
  });

  it('hands over an unpaid order only where the store allows it, recording the amount due on the event and flagging the order', () => {
    const all = [{ line: 0, qty: 2000 }, { line: 1, qty: 1000 }];
    const unpaid = { ...ready, paid: false };
    expect(planHandover(unpaid, act('h'), { lines: all, codeChecked: true, allowUnpaid: false })).toEqual({ ok: false, reason: 'balance-due' });
    const plan = planHandover(unpaid, act('h'), { lines: all, codeChecked: true, allowUnpaid: true });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.event['unpaidAmount']).toBe(244_000);
    expect(plan.complete).toBe(true);
    expect(plan.order.flags).toEqual([{ code: 'handed-over-unpaid', eventId: 'h', at: act('h').at }]);
    expect(pickupGroupOf(plan.order, day)).toBe('problem');
    // Paid: nothing is recorded, whatever the setting.
    const paid = planHandover(ready, act('h'), { lines: all, codeChecked: true, allowUnpaid: true });
    expect(paid.ok && 'unpaidAmount' in paid.event).toBe(false);
  });

  it('reads the store setting strictly: only true allows an unpaid handover', () => {
    expect(allowsUnpaidHandover({ store: { pickupAllowUnpaidHandover: true } })).toBe(true);
    for (const value of [false, 'true', 1, undefined]) expect(allowsUnpaidHandover({ store: { pickupAllowUnpaidHandover: value } })).toBe(false);
    expect(allowsUnpaidHandover(null)).toBe(false);
  });

  it('never hands over more than was ordered, however the handovers are split (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ line: fc.integer({ min: 0, max: 1 }), qty: fc.integer({ min: 1, max: 3000 }) }), { maxLength: 3 }), { maxLength: 6 }), (requests) => {
        let current: PickupOrder = ready;
        let moved = [0, 0];
        for (const [index, lines] of requests.entries()) {
          const plan = planHandover(current, act(`h${index}`, `2026-11-24T0${index + 3}:00:00.000Z`), { lines, codeChecked: true });
          if (!plan.ok) continue;
          for (const m of pickupStockMovements(plan.order, plan.event, plan.lines, 'tablet-1')) moved = moved.map((q, i) => (m.refId === current.lines[i]?.productId ? q - m.delta : q));
          current = plan.order;
        }
        const left = remainingQuantities(current);
        expect(moved[0]! + left[0]!).toBe(2000);
        expect(moved[1]! + left[1]!).toBe(1000);
        expect(current.status === 'picked_up').toBe(left.every((q) => q === 0));
      }),
    );
  });
});
