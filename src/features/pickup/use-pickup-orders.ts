/*
 * The orders the pickup screen shows, live from the device's RxDB `orders` collection (the store's orders,
 * pulled and streamed from the server, changed here by the counter's events): those still open (pending or
 * ready, on the status index) and those changed since the start of yesterday (handed over today, problems),
 * each sorted into the screen's lists by the domain (pickup-order.ts). Offline it reads what the device has.
 */
import { useEffect, useMemo, useState } from 'react';
import { combineLatest } from 'rxjs';
import { useDatabase } from '../../data/database-context.ts';
import type { OrderDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import { businessDateOf, businessDaySettingsOf, businessDayWindow, DEFAULT_STORE_TIME_ZONE } from '../../domain/business-day.ts';
import type { BusinessDayWindow } from '../../domain/business-day.ts';
import { pickupGroupOf } from '../../domain/pickup-order.ts';
import type { PickupGroup } from '../../domain/pickup-order.ts';

export type PickupLists = Record<PickupGroup, OrderDocument[]>;

const DAY_MS = 86_400_000;

/** Today's business day of the store (its time zone and cut-off), or Vietnam's calendar day when the config says nothing usable. */
export function storeDayOf(config: StoreConfigDocument | null | undefined, now: number): BusinessDayWindow {
  const parsed = businessDaySettingsOf(config?.store ?? {});
  const settings = parsed.ok ? parsed.value : { timeZone: DEFAULT_STORE_TIME_ZONE, cutoffMinutes: 0 };
  return businessDayWindow(businessDateOf(now, settings), settings);
}

export function usePickupOrders(day: BusinessDayWindow): { orders: OrderDocument[]; lists: PickupLists; loaded: boolean } {
  const database = useDatabase();
  const [orders, setOrders] = useState<OrderDocument[]>();
  const since = new Date(day.start - DAY_MS).toISOString();
  useEffect(() => {
    const open = database.orders.find({ selector: { status: { $in: ['pending', 'ready'] } } }).$;
    const recent = database.orders.find({ selector: { updatedAt: { $gte: since } } }).$;
    const subscription = combineLatest([open, recent]).subscribe({
      next: ([openDocs, recentDocs]) => {
        const byId = new Map<string, OrderDocument>();
        for (const doc of [...openDocs, ...recentDocs]) byId.set(doc.id, doc.toMutableJSON() as OrderDocument);
        setOrders([...byId.values()].sort((a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0)));
      },
      error: (error: unknown) => console.error('Reading the pickup orders failed', error),
    });
    return () => subscription.unsubscribe();
  }, [database, since]);
  const lists = useMemo(() => {
    const grouped: PickupLists = { 'to-prepare': [], ready: [], 'handed-today': [], problem: [] };
    for (const order of orders ?? []) {
      const group = pickupGroupOf(order, day);
      if (group !== null) grouped[group].push(order);
    }
    return grouped;
  }, [orders, day]);
  return { orders: orders ?? [], lists, loaded: orders !== undefined };
}
