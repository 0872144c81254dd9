import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CANCELLED_IN_STORE_EVENT, HANDOVER_EVENT, MARKED_READY_EVENT, mergeOrder, mergeOrderWithEffects, type MergeableOrder, type OrderStatus } from './merge-order.ts';

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

  it('hands over an order the store let go unpaid, and flags it once for the manager to collect the money', () => {
    const unpaid = { ...handover, unpaidAmount: 244_000 };
    const merged = mergeOrderWithEffects(ready, { ...ready, events: [...ready.events, unpaid] });
    expect(merged.order.status).toBe('picked_up');
    expect(merged.order.flags).toEqual([{ code: 'handed-over-unpaid', eventId: 'e2', at: handover.at }]);
    expect(merged.effects).toEqual([{ kind: 'handed-over', eventId: 'e2', at: handover.at, lines: [], complete: true }]);
    // Pushed again (a retried push): nothing more.
    expect(mergeOrder(merged.order, { ...ready, events: [...ready.events, unpaid] }).flags).toHaveLength(1);
    // An amount that is no amount raises nothing.
    for (const unpaidAmount of [0, -5, 1.5, '244000', null]) expect(mergeOrder(ready, { ...ready, events: [...ready.events, { ...handover, unpaidAmount }] }).flags).toBeUndefined();
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

describe('preparing, handing over in parts and cancelling at the counter', () => {
  const twoLines: MergeableOrder = {
    id: 'shopify-1042',
    status: 'pending',
    events: [],
    lines: [{ qty: 2000 }, { qty: 1000 }],
  };
  const at = (minute: number) => `2026-11-24T03:${String(minute).padStart(2, '0')}:00.000Z`;
  const ready = { id: 'r1', type: MARKED_READY_EVENT, at: at(1) };

  it('a clerk marks a prepared order ready: the order is ready and the effect says so once', () => {
    const { order, effects } = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready] });
    expect(order.status).toBe('ready');
    expect(effects).toEqual([{ kind: 'ready', eventId: 'r1', at: at(1) }]);
    expect(mergeOrderWithEffects(order, { ...twoLines, events: [ready] }).effects).toEqual([]);
  });

  it('one line short: the first handover is partial and the order stays ready, the rest later completes it', () => {
    const first = { id: 'h1', type: HANDOVER_EVENT, at: at(2), lines: [{ line: 0, qty: 2000 }] };
    const partly = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready, first] });
    expect(partly.order.status).toBe('ready');
    expect(partly.effects[1]).toEqual({ kind: 'handed-over', eventId: 'h1', at: at(2), lines: [{ line: 0, qty: 2000 }], complete: false });
    const rest = { id: 'h2', type: HANDOVER_EVENT, at: at(9) };
    const done = mergeOrderWithEffects(partly.order, { ...partly.order, events: [...partly.order.events, rest] });
    expect(done.order.status).toBe('picked_up');
    expect(done.order.flags).toBeUndefined();
    expect(done.effects).toEqual([{ kind: 'handed-over', eventId: 'h2', at: at(9), lines: [{ line: 1, qty: 1000 }], complete: true }]);
  });

  it('handed over unpaid in two parts, in one push or two: one flag, on the first part, since both say the same balance', () => {
    const first = { id: 'h1', type: HANDOVER_EVENT, at: at(2), lines: [{ line: 0, qty: 2000 }], unpaidAmount: 189_000 };
    const rest = { id: 'h2', type: HANDOVER_EVENT, at: at(9), unpaidAmount: 189_000 };
    const unpaidFlags = (order: MergeableOrder) => order.flags?.filter((flag) => flag.code === 'handed-over-unpaid');
    const together = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready, first, rest] });
    expect(together.order.status).toBe('picked_up');
    expect(unpaidFlags(together.order)).toEqual([{ code: 'handed-over-unpaid', eventId: 'h1', at: at(2) }]);
    expect(together.effects.map((effect) => effect.kind)).toEqual(['ready', 'handed-over', 'handed-over']);
    const partly = mergeOrder(twoLines, { ...twoLines, events: [ready, first] });
    const later = mergeOrder(partly, { ...partly, events: [...partly.events, rest] });
    expect(unpaidFlags(later)).toEqual([{ code: 'handed-over-unpaid', eventId: 'h1', at: at(2) }]);
  });

  it('a handover of more than was ordered hands over what is left, never more', () => {
    const greedy = { id: 'h1', type: HANDOVER_EVENT, at: at(2), lines: [{ line: 1, qty: 5000 }, { line: 7, qty: 1000 }] };
    const { effects } = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready, greedy] });
    expect(effects[1]).toMatchObject({ lines: [{ line: 1, qty: 1000 }], complete: false });
  });

  it('the store cancels an order nobody collected; a cancellation after goods left is flagged, not applied', () => {
    const cancel = { id: 'c1', type: CANCELLED_IN_STORE_EVENT, at: at(5) };
    const cancelled = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready, cancel] });
    expect(cancelled.order.status).toBe('cancelled');
    expect(cancelled.effects.map((effect) => effect.kind)).toEqual(['ready', 'cancelled']);

    const part = { id: 'h1', type: HANDOVER_EVENT, at: at(2), lines: [{ line: 0, qty: 1000 }] };
    const late = mergeOrderWithEffects(twoLines, { ...twoLines, events: [ready, part, cancel] });
    expect(late.order.status).toBe('ready');
    expect(late.order.flags).toEqual([{ code: 'cancel-after-handover', eventId: 'c1', at: at(5) }]);
    expect(late.effects.map((effect) => effect.kind)).toEqual(['ready', 'handed-over']);
  });

  it('a handover that meets an online cancellation is flagged and tells the shop nothing', () => {
    const cancelledOnline: MergeableOrder = { ...twoLines, status: 'cancelled' };
    const handover = { id: 'h1', type: HANDOVER_EVENT, at: at(3) };
    const { order, effects } = mergeOrderWithEffects(cancelledOnline, { ...twoLines, events: [handover] });
    expect(order.status).toBe('picked_up');
    expect(order.flags?.map((flag) => flag.code)).toEqual(['handover-after-cancellation']);
    expect(effects).toEqual([]);
  });

  it('replaying every event on a fresh server state gives the same order as merging them one push at a time', () => {
    const events = [ready, { id: 'h1', type: HANDOVER_EVENT, at: at(2), lines: [{ line: 0, qty: 1000 }] }, { id: 'h2', type: HANDOVER_EVENT, at: at(4) }];
    let stepwise: MergeableOrder = twoLines;
    for (let i = 1; i <= events.length; i++) stepwise = mergeOrder(stepwise, { ...twoLines, events: events.slice(0, i) });
    expect(mergeOrder(twoLines, { ...twoLines, events })).toEqual(stepwise);
    expect(stepwise.status).toBe('picked_up');
  });
});
