// A cashier on a counter PC sells with the keyboard alone, in real Chromium on real IndexedDB: a scan, F9 to
// pay, F8 for the exact cash, F9 to complete; F1 parks; F3 opens the search and F4 goes to the customer even
// from inside the search box, where Escape and letters stay the box's own; a wedge scanner's burst into a
// field rings up its product and touches no shortcut. On a portrait tablet the cart and the selling area
// are two tabs, and the keys bring the pane they need.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import { makeEan13 } from '../../domain/gtin.ts';
import { foldForSearch } from '../../domain/search-text.ts';
import { CounterScreen } from './counter-screen.tsx';
import { useCounterPaneStore } from './counter-pane-store.ts';
import { renderOnTill, setUpTill, tearDownTill, type Till } from './till.test-helper.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
  useCounterPaneStore.getState().showPane('cart');
  await page.viewport(1280, 800);
});

const coffeeCode = makeEan13('893456700011');

async function openCounter(): Promise<Till> {
  const current = await setUpTill();
  const coffee = productRow(1, { name: 'Cà phê sữa đá', searchName: foldForSearch('Cà phê sữa đá'), sku: 'CF-011', barcodes: [coffeeCode], price: 29_000, taxClassId: 'vat10' });
  await writeCatalogPage(current.catalog, 'products', { documents: [coffee], checkpoint: { id: 'p', seq: 1 } }, true);
  renderOnTill(current, <CounterScreen />);
  await screen.findByTestId('counter');
  // The scanner and the keyboard listen from the counter's effects, which run after it is on screen.
  await act(async () => undefined);
  return current;
}

/** A key pressed on whatever has focus (a person at the keyboard: one key, no scanner pace). */
function press(key: string, extra: KeyboardEventInit = {}): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, code: key, ...extra });
}

/** A keyboard-wedge scanner's burst: the code's keys 3 ms apart, then Enter, on whatever has focus. */
async function scan(code: string): Promise<void> {
  const counter = screen.getByTestId('counter');
  const before = counter.dataset.scanCount;
  const target = document.activeElement ?? document.body;
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, code: key === 'Enter' ? 'Enter' : `Digit${key}`, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      target.dispatchEvent(event);
    }
  });
  await waitFor(() => expect(counter.dataset.scanCount).not.toBe(before));
}

const lineCount = () => Number(screen.getByTestId('cart-lines').dataset.count);

describe('the counter from the keyboard', () => {
  it('scan, F9, F8, F9: the sale is paid in exact cash and completed without a tap', async () => {
    till = await openCounter();
    await scan(coffeeCode);
    await waitFor(() => expect(lineCount()).toBe(1));
    expect(screen.getByTestId('cart-pay').getAttribute('aria-keyshortcuts')).toBe('F9');

    press('F9');
    await screen.findByTestId('pay-panel');
    press('F8');
    await waitFor(() => expect(screen.getAllByTestId('tender').map((tender) => [tender.dataset.method, Number(tender.dataset.amount)])).toEqual([['cash', 29_000]]));
    expect(Number(screen.getByTestId('pay-remaining').dataset.amount)).toBe(0);

    press('F9');
    await waitFor(() => expect(screen.getByTestId('counter').dataset.lastSale).not.toBe(''));
    await waitFor(() => expect(lineCount()).toBe(0));
    const [sale] = await till.database.sales.find().exec();
    expect(sale?.totals.total).toBe(29_000);
    expect(sale?.tenders).toEqual([{ method: 'cash', amount: 29_000 }]);
  });

  it('F8 from the cart takes the exact cash and opens the payment on it; a held F9 does not complete it', async () => {
    till = await openCounter();
    await scan(coffeeCode);
    await waitFor(() => expect(lineCount()).toBe(1));
    press('F8');
    await screen.findByTestId('pay-panel');
    await waitFor(() => expect(Number(screen.getByTestId('pay-remaining').dataset.amount)).toBe(0));
    // A key held down repeats: only its first press counts, and that one opened nothing new here.
    press('F9', { repeat: true });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.getByTestId('counter').dataset.lastSale).toBe('');
    expect(await till.database.sales.find().exec()).toHaveLength(0);
  });

  it('F1 parks the cart for the next customer', async () => {
    till = await openCounter();
    await scan(coffeeCode);
    await waitFor(() => expect(lineCount()).toBe(1));
    press('F1');
    await waitFor(() => expect(lineCount()).toBe(0));
    await waitFor(() => expect(screen.getByTestId('open-parked').dataset.count).toBe('1'));
  });

  it('in the search box letters and Escape are the box’s, function keys still work, and a scan into it rings up without leaking digits', async () => {
    till = await openCounter();
    press('F3');
    const search = await screen.findByTestId('search-input');
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.change(search, { target: { value: 'ca phe' } });
    press('Escape');
    expect(screen.getByTestId('search-panel')).toBeTruthy();

    await scan(coffeeCode);
    await waitFor(() => expect(lineCount()).toBe(1));
    expect((search as HTMLInputElement).value).toBe('ca phe');
    expect(screen.getByTestId('search-panel')).toBeTruthy();

    press('F4');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('customer-phone')));
    // Out of the field, Escape closes the search again.
    (document.activeElement as HTMLElement).blur();
    press('Escape');
    await waitFor(() => expect(screen.queryByTestId('search-panel')).toBeNull());
  });

  it('on a portrait tablet the cart and the selling area are tabs, and each key brings the pane it needs', async () => {
    await page.viewport(800, 1280);
    await waitFor(() => expect(window.innerWidth).toBe(800), { timeout: 5_000 });
    till = await openCounter();
    const cartTab = await screen.findByTestId('counter-tab-cart');
    expect(cartTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('counter-selling').hidden).toBe(true);

    press('F3');
    await waitFor(() => expect(screen.getByTestId('counter-tab-sell').getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByTestId('counter-cart').hidden).toBe(true);
    fireEvent.change(await screen.findByTestId('search-input'), { target: { value: 'ca phe' } });
    fireEvent.click(await screen.findByTestId('search-result'));
    // A product chosen: back to the cart, which now holds it, its total on the tab.
    await waitFor(() => expect(cartTab.getAttribute('aria-selected')).toBe('true'));
    expect(lineCount()).toBe(1);
    expect(cartTab.textContent?.replace(/[\u00a0\u202f]/g, ' ')).toContain('29.000 ₫');

    fireEvent.click(screen.getByTestId('counter-tab-sell'));
    expect(screen.getByTestId('counter-cart').hidden).toBe(true);
    press('F6');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('cart-discount')));
    expect(cartTab.getAttribute('aria-selected')).toBe('true');
  });
});
