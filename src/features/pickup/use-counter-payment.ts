/*
 * An order not paid online shows paid at the pickup screen once a completed sale of this device names it
 * (pickupOrderId) and covers it at the order's prices, and was not cancelled since (pickup-payment.ts): read
 * from the device's own sales, live, so the handover can go on offline right after the payment. Nothing is
 * written: the server marks the order paid from the same sale when it arrives.
 */
import { useEffect, useState } from 'react';
import { map, of, switchMap } from 'rxjs';
import { useDatabase } from '../../data/database-context.ts';
import type { OrderDocument, SaleDocument } from '../../data/schemas/types.ts';
import { withCounterPayment } from '../../domain/pickup-payment.ts';

export function useCounterPayment(order: OrderDocument | null): OrderDocument | null {
  const database = useDatabase();
  const orderId = order === null || order.paid ? null : order.id;
  const [sales, setSales] = useState<{ orderId: string; docs: SaleDocument[] } | null>(null);
  useEffect(() => {
    if (orderId === null) return;
    const subscription = database.sales
      .find({ selector: { pickupOrderId: orderId } })
      .$.pipe(
        map((docs) => docs.map((doc) => doc.toMutableJSON() as SaleDocument)),
        switchMap((paying) =>
          paying.length === 0
            ? of(paying)
            : database.sales
                .find({ selector: { originalSaleId: { $in: paying.map((sale) => sale.id) } } })
                .$.pipe(map((voids) => [...paying, ...voids.map((doc) => doc.toMutableJSON() as SaleDocument)])),
        ),
      )
      .subscribe({
        next: (docs) => setSales({ orderId, docs }),
        error: (error: unknown) => console.error('Reading the sales paying an order failed', error),
      });
    return () => subscription.unsubscribe();
  }, [database, orderId]);
  if (order === null || orderId === null || sales?.orderId !== orderId) return order;
  return withCounterPayment(order, sales.docs);
}

