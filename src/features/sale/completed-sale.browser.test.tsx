// After a sale, in real Chromium on real IndexedDB: the counter says the sale is done and offers its receipt on
// screen (the receipts screen's preview, the sale read back as stored) and a reprint, which goes to the browser's
// print dialog marked as a copy (no USB printer is paired); the offer goes once the next item is rung up.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../domain/gtin.ts';
import { openCounterOnTill, scan, shelfProduct } from './counter.test-helper.tsx';
import { resetProductGrid } from './product-grid-store.ts';
import { tearDownTill, type Till } from './till.test-helper.tsx';

let till: Till | undefined;
let printDialogs: MutationObserver | undefined;

beforeEach(async () => {
  await page.viewport(1280, 800);
});

afterEach(async () => {
  printDialogs?.disconnect();
  printDialogs = undefined;
  cleanup();
  resetProductGrid();
  await tearDownTill(till);
  till = undefined;
});

const coffeeCode = makeEan13('893456700021');
const coffee = shelfProduct(1, { name: 'Cà phê sữa đá', sku: 'CF-1', barcode: coffeeCode, price: 29_000 });

/** The documents handed to the browser's print dialog from now on (each goes into a hidden iframe's srcdoc). */
function capturePrintedHtml(): string[] {
  const printed: string[] = [];
  printDialogs = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) if (node instanceof HTMLIFrameElement && node.srcdoc !== '') printed.push(node.srcdoc);
    }
  });
  printDialogs.observe(document.body, { childList: true });
  return printed;
}

async function sellCoffee(): Promise<string> {
  await scan(coffeeCode);
  await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('cart-pay'));
  const exact = await screen.findAllByTestId('cash-quick');
  fireEvent.click(exact[0]!);
  await waitFor(() => expect(screen.getByTestId('pay-complete')).toBeEnabled());
  fireEvent.click(screen.getByTestId('pay-complete'));
  const done = await screen.findByTestId('completed-sale');
  return done.dataset.number ?? '';
}

describe('the sale just completed', () => {
  it('shows its receipt on screen as stored, reprints it as a copy, and goes when the next item is rung up', async () => {
    const printed = capturePrintedHtml();
    till = await openCounterOnTill({ shelf: [coffee] });
    const number = await sellCoffee();
    expect(number).not.toBe('');
    expect(screen.getByTestId('completed-sale')).toHaveTextContent(`Đơn ${number} đã xong`);
    await waitFor(() => expect(printed).toHaveLength(1));

    fireEvent.click(screen.getByTestId('completed-sale-view'));
    const preview = await screen.findByTestId('receipt-preview');
    expect(preview).toHaveAccessibleName(`Hóa đơn ${number}`);
    const paper = await within(preview).findByTestId('receipt-preview-paper');
    expect(paper).toHaveTextContent('Cà phê sữa đá');
    expect(paper).toHaveTextContent(number);
    expect(paper).toHaveTextContent('29.000');

    fireEvent.click(within(preview).getByTestId('receipt-preview-print'));
    await waitFor(() => expect(printed).toHaveLength(2));
    expect(printed[1]).toContain(number);
    expect(printed[1]).toContain('IN LẠI');
    expect(printed[0]).not.toContain('IN LẠI');
    fireEvent.click(within(preview).getByTestId('receipt-preview-close'));
    await waitFor(() => expect(screen.queryByTestId('receipt-preview')).toBeNull());

    await waitFor(() => expect(screen.getByTestId('completed-sale-reprint')).toBeEnabled());
    fireEvent.click(screen.getByTestId('completed-sale-reprint'));
    await waitFor(() => expect(printed).toHaveLength(3));
    expect(printed[2]).toContain('IN LẠI');

    await scan(coffeeCode);
    await waitFor(() => expect(screen.queryByTestId('completed-sale')).toBeNull());
  });
});
