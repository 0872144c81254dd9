// A card paid on one of the store's terminals (issue 17), in real Chromium on a real device database: the
// card tender records the terminal this tablet is paired with, the cashier picks another when the store
// has several, and a store that names no terminal pays by card as before.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { savePairedCardTerminal } from '../../devices/card-terminal/paired-card-terminal.ts';
import type { SaleDocument } from '../../data/schemas/types.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import type { Cart } from '../../domain/cart.ts';
import { setUpTill, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';
import { renderPayPanel } from './counter.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  savePairedCardTerminal(undefined);
  await tearDownTill(till);
  till = undefined;
});

const TERMINALS = [
  { id: 'vcb-1', name: 'Vietcombank quầy 1' },
  { id: 'tcb-2', name: 'Techcombank quầy 2' },
];

function basket(price: number): Cart {
  const result = ringUpLine(emptyCart(), { id: 'p-basket', sku: 'GIO01', name: 'Giỏ quà Tết', price, taxClassId: 'vat10', weighed: false });
  if (!result.ok) throw new Error(result.detail);
  return result.cart;
}

async function payByCard(current: Till, reference: string): Promise<SaleDocument> {
  fireEvent.change(screen.getByTestId('card-reference'), { target: { value: reference } });
  fireEvent.click(screen.getByTestId('card-add'));
  fireEvent.click(screen.getByTestId('pay-complete'));
  return waitFor(
    async () => {
      const last = (await current.database.sales.find().exec()).at(-1);
      if (last === undefined) throw new Error('no sale yet');
      return last.toJSON() as SaleDocument;
    },
    { timeout: 10_000 },
  );
}

describe('a card paid on the store’s terminals', () => {
  it('records the terminal this tablet is paired with, which the picker starts at', async () => {
    const config = testConfig({ store: { cardTerminals: TERMINALS } });
    till = await setUpTill(config);
    savePairedCardTerminal('tcb-2');
    renderPayPanel(till, config, basket(290_000));
    fireEvent.click(screen.getByTestId('method-card'));
    const picker = screen.getByTestId<HTMLSelectElement>('card-terminal');
    expect(picker.value).toBe('tcb-2');
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Vietcombank quầy 1', 'Techcombank quầy 2']);
    const sale = await payByCard(till, 'APPR 551');
    expect(sale.tenders).toEqual([{ method: 'card', amount: 290_000, reference: 'APPR 551', terminal: 'tcb-2' }]);
  });

  it('records the terminal the cashier picks when the customer pays on another one', async () => {
    const config = testConfig({ store: { cardTerminals: TERMINALS } });
    till = await setUpTill(config);
    savePairedCardTerminal('tcb-2');
    renderPayPanel(till, config, basket(120_000));
    fireEvent.click(screen.getByTestId('method-card'));
    fireEvent.change(screen.getByTestId('card-terminal'), { target: { value: 'vcb-1' } });
    const sale = await payByCard(till, 'APPR 552');
    expect(sale.tenders).toEqual([{ method: 'card', amount: 120_000, reference: 'APPR 552', terminal: 'vcb-1' }]);
  });

  it('a store with one terminal shows no picker and records it, even on a tablet not yet paired', async () => {
    const config = testConfig({ store: { cardTerminals: [TERMINALS[0]] } });
    till = await setUpTill(config);
    renderPayPanel(till, config, basket(50_000));
    fireEvent.click(screen.getByTestId('method-card'));
    expect(screen.queryByTestId('card-terminal')).toBeNull();
    const sale = await payByCard(till, 'APPR 553');
    expect(sale.tenders).toEqual([{ method: 'card', amount: 50_000, reference: 'APPR 553', terminal: 'vcb-1' }]);
  });

  it('a store naming no terminal pays by card as before: no picker, no terminal on the tender', async () => {
    const config = testConfig();
    till = await setUpTill(config);
    savePairedCardTerminal('tcb-2');
    renderPayPanel(till, config, basket(50_000));
    fireEvent.click(screen.getByTestId('method-card'));
    expect(screen.queryByTestId('card-terminal')).toBeNull();
    const sale = await payByCard(till, 'APPR 554');
    expect(sale.tenders).toEqual([{ method: 'card', amount: 50_000, reference: 'APPR 554' }]);
  });
});
