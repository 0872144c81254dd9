import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handoverSlipOf } from './handover-slip.ts';
import { MARKED_READY_EVENT } from './merge-order.ts';
import { markedReadyEvent, planHandover, remainingQuantities, withEvent, type PickupOrder } from './pickup-order.ts';

const act = (id: string, at = '2026-11-24T03:00:00.000Z') => ({ id, at, staffId: 'staff-lan', deviceId: 'tablet-1' });
const context = { storeName: 'Cửa hàng Quận 1', staffName: 'Lan' };

function readyOrder(qtys: readonly number[] = [2000, 1000]): PickupOrder {
  const order: PickupOrder = {
    id: 'order-1042',
    storeId: 'store-q1',
    number: '#1042',
    status: 'pending',
    customerName: 'Nguyễn Thị Mai',
    customerPhone: '+84 912 345 678',
    pickupCodeHash: 'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    currency: 'VND',
    lines: qtys.map((qty, index) => ({ productId: `p-${index}`, sku: `SKU-${index}`, name: `Món ${index}`, qty, unitPrice: 10_000, taxRate: 800, total: (qty / 1000) * 10_000 })),
    total: qtys.reduce((sum, qty) => sum + (qty / 1000) * 10_000, 0),
    paid: true,
    events: [],
    placedAt: '2026-11-24T01:00:00.000Z',
    updatedAt: '2026-11-24T01:00:00.000Z',
  };
  return withEvent(order, markedReadyEvent(act('ready'), []));
}

describe('the handover slip', () => {
  it('names what the customer takes now and what is still to come, who handed it over, never the code or the whole phone', () => {
    const order = readyOrder();
    const plan = planHandover(order, act('h1'), { lines: [{ line: 0, qty: 2000 }], codeChecked: true });
    if (!plan.ok) throw new Error(plan.reason);
    const slip = handoverSlipOf(order, plan.event, context);
    expect(slip).toEqual({
      storeName: 'Cửa hàng Quận 1',
      orderNumber: '#1042',
      customerName: 'Nguyễn Thị Mai',
      phoneEnd: '678',
      handedAt: '2026-11-24T03:00:00.000Z',
      staffName: 'Lan',
      eventId: 'h1',
      lines: [{ name: 'Món 0', sku: 'SKU-0', handedNow: 2000, leftAfter: 0 }],
      stillToCome: [{ name: 'Món 1', sku: 'SKU-1', handedNow: 0, leftAfter: 1000 }],
      complete: false,
      paidOnline: true,
      total: 30_000,
      currency: 'VND',
    });
    expect(JSON.stringify(slip)).not.toContain('pbkdf2');

    const rest = planHandover(plan.order, act('h2', '2026-11-24T05:00:00.000Z'), { lines: [{ line: 1, qty: 1000 }], codeChecked: true });
    if (!rest.ok) throw new Error(rest.reason);
    expect(handoverSlipOf(plan.order, rest.event, context)).toMatchObject({ lines: [{ name: 'Món 1', handedNow: 1000, leftAfter: 0 }], stillToCome: [], complete: true });
  });

  it('is no slip for an event other than a handover', () => {
    expect(handoverSlipOf(readyOrder(), { id: 'r', type: MARKED_READY_EVENT, at: '2026-11-24T03:00:00.000Z' }, context)).toBeUndefined();
  });

  it('adds up: taken now plus still to come is what was left before, line by line, for any partial handover', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(8), fc.integer({ min: 1, max: 12 })), { maxLength: 8 }),
        (pieces, taken) => {
          const order = readyOrder(pieces.map((p) => p * 1000));
          const plan = planHandover(order, act('h'), { lines: taken.map(([line, qty]) => ({ line, qty: qty * 1000 })), codeChecked: true });
          if (!plan.ok) return;
          const slip = handoverSlipOf(order, plan.event, context)!;
          const before = remainingQuantities(order);
          order.lines.forEach((line, index) => {
            const now = slip.lines.find((l) => l.sku === line.sku)?.handedNow ?? 0;
            const later = slip.stillToCome.find((l) => l.sku === line.sku)?.leftAfter ?? 0;
            expect(now + later).toBe(before[index]);
          });
          expect(slip.complete).toBe(plan.complete);
        },
      ),
    );
  });
});
