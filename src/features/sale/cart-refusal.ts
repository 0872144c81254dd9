// What the cashier is told when the cart refuses a change: the domain's stable reason as a "sale.cart.*" text.
import type { CartFailureReason } from '../../domain/cart.ts';
import type { CounterNotice } from './counter-store.ts';

export function cartRefusalNotice(reason: CartFailureReason, name = ''): CounterNotice {
  return { tone: 'error', key: `cart.refused.${reason}`, values: { name } };
}
