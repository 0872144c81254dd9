/*
 * The counter on a test till, for the browser tests of the counter's parts (counter-screen, counter-keypad,
 * customer-attach, gift-card-line, completed-sale): a till set up with a store config and a signed-in person
 * (till.test-helper.tsx), a shelf of products in its catalog, the counter screen rendered and its scanner
 * listening; and a keyboard-wedge scanner's burst, as a scanner types a code.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import type { Cart } from '../../domain/cart.ts';
import { foldForSearch } from '../../domain/search-text.ts';
import type { SignedInStaff } from '../../session/staff-session-store.ts';
import { CounterNoticeBar } from './counter-notice.tsx';
import { CounterScreen } from './counter-screen.tsx';
import { useCounterStore } from './counter-store.ts';
import { PayPanel } from './pay-panel.tsx';
import { renderOnTill, setUpTill, testConfig, type Till } from './till.test-helper.tsx';

/** A product as the catalog's pull writes it. */
export type ShelfProduct = ReturnType<typeof productRow>;

export interface CounterOptions {
  readonly config?: StoreConfigDocument;
  /** Who is signed in: Lan the cashier unless said. */
  readonly staff?: SignedInStaff;
  /** The catalog's products, written as a first sync writes them. */
  readonly shelf?: readonly ShelfProduct[];
}

/** A product of the shelf: its folded name for search, one barcode (or none), a tax class. */
export function shelfProduct(index: number, fields: { name: string; sku: string; barcode?: string; price: number; taxClassId?: string; id?: string }): ShelfProduct {
  const { name, sku, barcode, price, taxClassId = 'vat10', id } = fields;
  return productRow(index, { ...(id === undefined ? {} : { id }), name, searchName: foldForSearch(name), sku, barcodes: barcode === undefined ? [] : [barcode], price, taxClassId });
}

/** The counter on a new test till, its scanner listening. The caller tears the till down (tearDownTill). */
export async function openCounterOnTill(options: CounterOptions = {}): Promise<Till> {
  const till = await setUpTill(options.config ?? testConfig(), ...(options.staff === undefined ? [] : [options.staff]));
  const shelf = options.shelf ?? [];
  if (shelf.length > 0) await writeCatalogPage(till.catalog, 'products', { documents: shelf.map((product) => structuredClone(product)), checkpoint: { id: 'p', seq: shelf.length } }, true);
  renderOnTill(till, <CounterScreen />);
  await screen.findByTestId('counter');
  // The scanner listens from the counter's effect, which runs after the counter is on screen.
  await act(async () => undefined);
  return till;
}

/** A keyboard-wedge scanner's burst: the code's keys 3 ms apart, then Enter, on whatever has focus. */
export function burst(code: string): void {
  const target = document.activeElement ?? document.body;
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, code: key === 'Enter' ? 'Enter' : /\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      target.dispatchEvent(event);
    }
  });
}

/** A scan the counter reacts to (its scan count moves). */
export async function scan(code: string): Promise<void> {
  const counter = screen.getByTestId('counter');
  const before = counter.dataset.scanCount;
  burst(code);
  await waitFor(() => expect(counter.dataset.scanCount).not.toBe(before));
}

/** The pay panel over a cart, as the counter opens it (with its notice bar), on the till's database. */
export function renderPayPanel(current: Till, config: StoreConfigDocument, cart: Cart) {
  useCounterStore.getState().replaceCart(cart);
  useCounterStore.getState().openPanel('pay');
  return renderOnTill(
    current,
    <SaleSettingsContext value={saleSettingsOf(config)}>
      <CounterNoticeBar />
      <PayPanel config={config} />
    </SaleSettingsContext>,
  );
}
