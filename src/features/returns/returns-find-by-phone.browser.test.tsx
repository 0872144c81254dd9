// The returns desk finds a purchase by the customer's phone, in real Chromium on real IndexedDB with no network:
// Hà lost her receipts; she bought coffee twice on this till with her number on the sale, Minh once. Her number
// typed the international way lists her two purchases, newest first, and none of Minh's; the cashier opens the
// older one. A number nobody on the tablet has finds nothing and says so.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { CompletedSale } from '../../domain/sale-document.ts';
import { completeOnTill, lan } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { addCustomer, coffee, deskReady, offlineReturnsDesk, returnsConfig, typeAtTheDesk } from './returns.test-helper.tsx';

const desk = offlineReturnsDesk();

async function coffeesFor(till: Till, customerId: string, qty: number): Promise<CompletedSale> {
  const cart = ringUpLine(emptyCart(), coffee, { qty });
  if (!cart.ok) throw new Error(cart.detail);
  return completeOnTill(till, attachCustomer(cart.cart, customerId), [{ method: 'cash', amount: (coffee.price * qty) / 1000 }], lan.id);
}

describe('finding a purchase by the customer’s phone', () => {
  it('Hà’s number written +84 lists her two purchases on this till, newest first, not Minh’s; an unknown number finds nothing', async () => {
    const config = returnsConfig({ managerApprovalAbove: 10_000_000 });
    const till = await desk.setUp(config);
    await addCustomer(till, { id: 'cust-ha', name: 'Phạm Thu Hà', searchName: 'pham thu ha', phone: '0912345678' });
    await addCustomer(till, { id: 'cust-minh', name: 'Võ Văn Minh', searchName: 'vo van minh', phone: '0987654321' });
    const first = await coffeesFor(till, 'cust-ha', 1000);
    const minhs = await coffeesFor(till, 'cust-minh', 1000);
    await new Promise((resolve) => setTimeout(resolve, 5)); // her second purchase is later to the millisecond
    const second = await coffeesFor(till, 'cust-ha', 2000);
    desk.render(till, config);
    await deskReady();

    typeAtTheDesk('+84 912 345 678');
    await screen.findByTestId('returns-matches');
    const listed = [0, 1].map((index) => screen.getByTestId(`returns-match-${index}`).textContent ?? '');
    expect(listed[0]).toContain(second.number);
    expect(listed[1]).toContain(first.number);
    expect(screen.queryByTestId('returns-match-2')).toBeNull();
    expect(screen.getByTestId('returns-matches').textContent).not.toContain(minhs.number);

    fireEvent.click(screen.getByTestId('returns-match-1'));
    const panel = await screen.findByTestId('returns-purchase');
    expect(panel.dataset.number).toBe(first.number);
    expect(screen.getByTestId('returns-line-0').dataset.left).toBe('1000');

    typeAtTheDesk('0933 000 111');
    await waitFor(() => expect(screen.getByTestId('returns-notice').dataset.tone).toBe('error'));
    expect(screen.queryByTestId('returns-matches')).toBeNull();
  });
});
