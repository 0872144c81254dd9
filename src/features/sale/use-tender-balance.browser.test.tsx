// A customer's balance as the till sees it while the customer changes under a mounted form, in real Chromium on
// real IndexedDB: the cashier attaches Hà (1,200 points), then Minh (none confirmed), then Hà again; each time
// the hook gives the attached customer's balance, never nothing and never the previous customer's.
import { useState } from 'react';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BalanceDocument } from '../../data/schemas/types.ts';
import { attachCustomer, emptyCart, ringUpLine } from '../../domain/cart.ts';
import { coffee } from '../returns/returns.test-helper.tsx';
import { STORE_ID, completeOnTill, lan, renderOnTill, setUpTill, tearDownTill } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';
import { useTenderBalance } from './use-tender-balance.ts';

/** A form that stays mounted while the cashier attaches one customer after another. */
function PointsOfAttached() {
  const [customerId, attach] = useState('cust-ha');
  const balance = useTenderBalance('points', customerId);
  return (
    <>
      {['cust-ha', 'cust-minh', 'cust-lien'].map((id) => (
        <button key={id} type="button" data-testid={`attach-${id}`} onClick={() => attach(id)} />
      ))}
      <output data-testid="balance" data-key={balance?.key ?? 'none'} data-value={balance === undefined ? 'none' : String(balance.value)} />
    </>
  );
}

let till: Till | undefined;
afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

describe('a balance read while the attached customer changes', () => {
  it('Hà, then Minh, then Hà again: her 1,200 points come back', async () => {
    till = await setUpTill();
    const now = new Date().toISOString();
    const balances: BalanceDocument[] = [
      { id: `points:${STORE_ID}:cust-ha`, kind: 'points', storeId: STORE_ID, refId: 'cust-ha', value: 1_200, updatedAt: now },
      { id: `points:${STORE_ID}:cust-lien`, kind: 'points', storeId: STORE_ID, refId: 'cust-lien', value: 300, updatedAt: now },
    ];
    await till.catalog.balances.bulkPut(balances);
    // She has since bought a coffee on this till, not yet pushed: its points count on top of the confirmed ones.
    const cart = ringUpLine(emptyCart(), coffee, { qty: 1000 });
    if (!cart.ok) throw new Error(cart.detail);
    const sale = await completeOnTill(till, attachCustomer(cart.cart, 'cust-ha'), [{ method: 'cash', amount: 29_000 }], lan.id);
    const earned = sale.ledger.find((entry) => entry.kind === 'points' && entry.refId === 'cust-ha')?.delta;
    expect(earned).toBe(2);
    const shown = () => screen.getByTestId('balance').dataset;

    renderOnTill(till, <PointsOfAttached />);
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-ha`, value: '1202' }));
    fireEvent.click(screen.getByTestId('attach-cust-minh'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-minh`, value: 'null' }));
    fireEvent.click(screen.getByTestId('attach-cust-ha'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-ha`, value: '1202' }));
    // The cashier taps quickly: Minh and back to Hà before anything is read.
    fireEvent.click(screen.getByTestId('attach-cust-minh'));
    fireEvent.click(screen.getByTestId('attach-cust-ha'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-ha`, value: '1202' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    fireEvent.click(screen.getByTestId('attach-cust-minh'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    fireEvent.click(screen.getByTestId('attach-cust-ha'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-ha`, value: '1202' }));
    // Another customer confirmed at the same moment (the same pull) reads as hers, not as Hà's.
    fireEvent.click(screen.getByTestId('attach-cust-lien'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-lien`, value: '300' }));
    fireEvent.click(screen.getByTestId('attach-cust-ha'));
    await waitFor(() => expect(shown()).toMatchObject({ key: `points:${STORE_ID}:cust-ha`, value: '1202' }));
  });

  it('points confirmed twice in the same millisecond show the later figure', async () => {
    till = await setUpTill();
    const at = new Date().toISOString();
    const confirmed = (value: number): BalanceDocument => ({ id: `points:${STORE_ID}:cust-ha`, kind: 'points', storeId: STORE_ID, refId: 'cust-ha', value, updatedAt: at });
    await till.catalog.balances.put(confirmed(1_200));
    renderOnTill(till, <PointsOfAttached />);
    const shown = () => screen.getByTestId('balance').dataset;
    await waitFor(() => expect(shown().value).toBe('1200'));
    // Two tablets' pushes stamped by the server in the same millisecond: the second row carries the same updatedAt.
    await till.catalog.balances.put(confirmed(900));
    await waitFor(() => expect(shown().value).toBe('900'));
  });
});
