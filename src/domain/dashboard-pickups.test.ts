import { describe, expect, it } from 'vitest';
import { pickupFigures, shareOf } from './dashboard-pickups.ts';
import type { DashboardOrder } from './dashboard-pickups.ts';

const order = (id: string, placedAt: string, extra: Partial<DashboardOrder> = {}): DashboardOrder => ({
  id,
  storeId: 'store-q1',
  status: 'ready',
  events: [],
  placedAt,
  updatedAt: placedAt,
  fulfilment: 'pickup',
  ...extra,
});
const handedOver = (at: string) => ({ status: 'picked_up' as const, events: [{ id: `h-${at}`, type: 'handed_over', at }] });
const WEEK = { from: Date.parse('2025-11-24T00:00:00Z'), to: Date.parse('2025-12-01T00:00:00Z') };

describe('pickup figures of a week at the Quận 1 store', () => {
  it('measures placed-to-handed-over and the completion rate as counted by hand', () => {
    const orders = [
      order('o1', '2025-11-24T01:00:00Z', handedOver('2025-11-24T01:30:00Z')), // 30 min
      order('o2', '2025-11-24T02:00:00Z', handedOver('2025-11-24T04:00:00Z')), // 120 min
      order('o3', '2025-11-23T20:00:00Z', handedOver('2025-11-25T20:00:00Z')), // 2,880 min (placed the week before)
      order('o4', '2025-11-20T01:00:00Z', handedOver('2025-11-21T01:00:00Z')), // handed over before the week: not counted
      order('o5', '2025-11-25T01:00:00Z', { status: 'cancelled', events: [{ id: 'c', type: 'cancelled_in_store', at: '2025-11-26T01:00:00Z' }] }),
      order('o6', '2025-11-25T01:00:00Z', { status: 'ready' }), // still waiting
      order('o7', '2025-11-25T01:00:00Z', { fulfilment: 'delivery', ...handedOver('2025-11-25T02:00:00Z') }), // not a pickup
    ];
    expect(pickupFigures(orders, WEEK)).toEqual({ handedOver: 3, cancelled: 1, completionRate: 0.75, leadTimeMinutes: { median: 120, p90: 2880, mean: 1010 } });
  });

  it('says nothing rather than zero when no pickup ended', () => {
    expect(pickupFigures([order('o6', '2025-11-25T01:00:00Z')], WEEK)).toEqual({ handedOver: 0, cancelled: 0, completionRate: null, leadTimeMinutes: null });
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(0, 0)).toBeNull();
  });
});
