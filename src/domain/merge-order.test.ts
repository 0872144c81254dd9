import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HANDOVER_EVENT, mergeOrder, type MergeableOrder, type OrderStatus } from './merge-order.ts';

const ready: MergeableOrder = {
  id: 'WEB-1042',
  status: 'ready',
  events: [{ id: 'e1', type: 'ready', at: '2026-11-24T01:00:00.000Z' }],
};
const handover = { id: 'e2', type: HANDOVER_EVENT, at: '2026-11-24T02:00:00.000Z', staffId: 'staff-cashier', deviceId: 'd1' };

describe('merging an online order handed over at the pickup counter', () => {
  it('marks a ready order picked up and keeps the handover event', () => {
    const merged = mergeOrder(ready, { ...ready, events: [...ready.events, handover] });
    expect(merged.status).toBe('picked_up');
    expect(merged.events.map((event) => event.id)).toEqual(['e1', 'e2']);
    expect(merged.flags).toBeUndefined();
  });

  it('flags an order for a manager when it was cancelled online while the clerk handed it over offline', () => {
    const cancelled: MergeableOrder = { ...ready, status: 'cancelled', events: [...ready.events, { id: 'e3', type: 'cancelled', at: '2026-11-24T02:30:00.000Z' }] };
    const merged = mergeOrder(cancelled, { ...ready, events: [...ready.events, handover] });
    expect(merged.status).toBe('picked_up');
    expect(merged.flags).toEqual([{ code: 'handover-after-cancellation', eventId: 'e2', at: handover.at }]);
    expect(merged.events.map((event) => event.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('flags a second handover of the same order from another tablet', () => {
    const pickedUp = mergeOrder(ready, { ...ready, events: [...ready.events, handover] });
    const other = { ...handover, id: 'e9', deviceId: 'd2', at: '2026-11-24T02:05:00.000Z' };
    const merged = mergeOrder(pickedUp, { ...ready, events: [...ready.events, other] });
    expect(merged.flags?.map((flag) => flag.code)).toEqual(['handover-repeated']);
  });

  it('is idempotent: merging the same device version twice changes nothing more', () => {
    const statuses: OrderStatus[] = ['pending', 'ready', 'picked_up', 'cancelled', 'returned'];
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.array(fc.constantFrom(HANDOVER_EVENT, 'note'), { maxLength: 4 }), (status, types) => {
        const master: MergeableOrder = { ...ready, status };
        const local: MergeableOrder = {
          ...ready,
          events: [...ready.events, ...types.map((type, index) => ({ id: `x${index}`, type, at: `2026-11-24T03:0${index}:00.000Z` }))],
        };
        const once = mergeOrder(master, local);
        expect(mergeOrder(once, local)).toEqual(once);
        expect(new Set(once.events.map((event) => event.id)).size).toBe(once.events.length);
      }),
    );
  });
});
