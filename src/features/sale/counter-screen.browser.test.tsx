// The counter as a cashier uses it, in real Chromium on real IndexedDB (the device database, the Dexie
// catalog, the counter database): a scanner burst rings up a line, a second scan of the same item raises its
// quantity, the line's quantity and discount are changed, a line is removed and brought back with Undo; and
// the search finds "Cà phê sữa" typed without accents, by any word, and rings up the product chosen; on a
// tablet still indexing names after its first sync, codes are found at once, the search says why names not yet
// and searches again by itself when the names are indexed.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { buildNameWordIndex, INLINE_WORDS_MAX } from '../../catalog/name-word-index.ts';
import { stockRow } from '../../catalog/catalog-data.test-helper.ts';
import { makeEan13 } from '../../domain/gtin.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useCounterStore } from './counter-store.ts';
import { openCounterOnTill, scan, shelfProduct, burst } from './counter.test-helper.tsx';
import { completeOnTill, hoa, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

let till: Till | undefined;
// The texts the till shows, in its language.
const i18n = createI18n();

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

const coffeeCode = makeEan13('893456700001');
const milkCode = makeEan13('893456700002');

function product(index: number, name: string, sku: string, barcode: string, price: number) {
  return shelfProduct(index, { name, sku, barcode, price });
}

/**
 * A till with a small shelf, and a few hundred other products so the search has something to skip (more than
 * INLINE_WORDS_MAX of them make the page a first sync's big page, whose names are indexed in the background).
 */
async function openCounter(others = 300): Promise<Till> {
  // The manager is signed in and this store lets managers void a line, so no PIN is asked on the spot.
  const config = testConfig();
  const managerMay = (config.permissions?.manager ?? []) as string[];
  const shelf = [
    product(1, 'Cà phê sữa đá Trung Nguyên', 'CF-001', coffeeCode, 29_000),
    product(2, 'Sữa tươi Vinamilk 1L', 'SUA-002', milkCode, 35_000),
    product(3, 'Cà phê đen G7', 'CF-003', makeEan13('893456700003'), 52_000),
    ...Array.from({ length: others }, (_, i) => product(100 + i, `Bánh quy ${i}`, `BQ-${i}`, makeEan13(`8930000${String(i).padStart(5, '0')}`), 10_000)),
  ];
  return openCounterOnTill({ config: { ...config, permissions: { ...config.permissions, manager: [...managerMay, 'sale.void_line'] } }, staff: hoa, shelf });
}

function lines(): HTMLElement[] {
  return screen.queryAllByTestId('cart-line');
}

function lineOf(sku: string): HTMLElement {
  const line = lines().find((each) => each.dataset.sku === sku);
  if (line === undefined) throw new Error(`no line ${sku}`);
  return line;
}

function total(): number {
  return Number(screen.getByTestId('cart-total').dataset.amount);
}

describe('ringing up at the counter', () => {
  it('a scan adds a line, a second scan raises its quantity; quantity, discount, remove and undo work on the line', async () => {
    till = await openCounter();
    await scan(coffeeCode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lineOf('CF-001').dataset.qty).toBe('1000');
    expect(total()).toBe(29_000);
    expect(screen.getByTestId('counter').dataset.scanCue).toBe('accepted');

    await scan(coffeeCode);
    await waitFor(() => expect(lineOf('CF-001').dataset.qty).toBe('2000'));
    await scan(milkCode);
    await waitFor(() => expect(lines()).toHaveLength(2));
    expect(total()).toBe(2 * 29_000 + 35_000);

    // Quantity: tap the line, type 3, apply.
    fireEvent.click(within(lineOf('CF-001')).getByRole('button'));
    const editor = await screen.findByTestId('line-editor');
    fireEvent.change(within(editor).getByTestId('line-qty'), { target: { value: '3' } });
    fireEvent.submit(within(editor).getByTestId('line-qty').closest('form')!);
    await waitFor(() => expect(lineOf('CF-001').dataset.qty).toBe('3000'));
    expect(total()).toBe(3 * 29_000 + 35_000);

    // A 10 % discount on the line.
    fireEvent.change(within(editor).getByTestId('line-discount'), { target: { value: '10' } });
    fireEvent.submit(within(editor).getByTestId('line-discount').closest('form')!);
    await waitFor(() => expect(Number(lineOf('CF-001').dataset.total)).toBe(78_300));
    expect(total()).toBe(78_300 + 35_000);

    // Remove the line, then Undo brings it back with its quantity and discount.
    fireEvent.click(within(editor).getByTestId('line-remove'));
    await waitFor(() => expect(lines().map((line) => line.dataset.sku)).toEqual(['SUA-002']));
    expect(total()).toBe(35_000);
    fireEvent.click(screen.getByTestId('cart-undo'));
    await waitFor(() => expect(lines()).toHaveLength(2));
    expect(lineOf('CF-001').dataset.qty).toBe('3000');
    expect(total()).toBe(78_300 + 35_000);
  });

  it('a gift card scanned while its tender is open fills the card number, not the cart; back at the cart, scans ring up again', async () => {
    till = await openCounter();
    await scan(coffeeCode);
    await waitFor(() => expect(lines()).toHaveLength(1));
    act(() => useCounterStore.getState().openPanel('pay'));
    fireEvent.click(await screen.findByTestId('method-gift_card'));
    const field = (await screen.findByTestId('gift-card-id')) as HTMLInputElement;
    const countBefore = screen.getByTestId('counter').dataset.scanCount;
    const card = '6280001234567';
    burst(card);
    await waitFor(() => expect(field.value).toBe(card));
    expect(screen.getByTestId('counter').dataset.scanCount).toBe(countBefore);
    expect(useCounterStore.getState().cart.lines.map((line) => [line.sku, line.qty])).toEqual([['CF-001', 1000]]);

    act(() => useCounterStore.getState().openPanel('cart'));
    await waitFor(() => expect(screen.queryByTestId('gift-card-id')).toBeNull());
    await scan(milkCode);
    await waitFor(() => expect(lines()).toHaveLength(2));
  });

  it('an unknown code adds nothing and offers the search with it', async () => {
    till = await openCounter();
    await scan(makeEan13('893999999999'));
    const notice = await screen.findByTestId('counter-notice');
    expect(notice.dataset.key).toBe('scan.unknown');
    expect(screen.getByTestId('counter').dataset.scanCue).toBe('rejected');
    expect(lines()).toHaveLength(0);
    fireEvent.click(within(notice).getByTestId('notice-search'));
    expect((await screen.findByTestId('search-input') as HTMLInputElement).value).toBe(makeEan13('893999999999'));
  });
});

describe('searching at the counter', () => {
  async function typeSearch(text: string): Promise<HTMLElement> {
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: text } });
    const results = screen.getByTestId('search-results');
    await waitFor(() => expect(results.dataset.count).not.toBe(''));
    return results;
  }

  const found = (results: HTMLElement) => within(results).queryAllByTestId('search-result').map((each) => each.dataset.sku);

  it('finds "Cà phê sữa" typed without accents, by any word, as the cashier types, and rings up the one chosen', async () => {
    till = await openCounter();
    fireEvent.click(screen.getByTestId('open-search'));
    await screen.findByTestId('search-panel');

    expect(found(await typeSearch('ca phe'))).toEqual(['CF-003', 'CF-001']);
    expect(found(await typeSearch('ca phe sua'))).toEqual(['CF-001']);
    expect(found(await typeSearch('vinamilk'))).toEqual(['SUA-002']);
    expect(found(await typeSearch('SUA'))).toEqual(['SUA-002', 'CF-001']);
    // An exact SKU or barcode comes first.
    expect(found(await typeSearch('cf-003'))[0]).toBe('CF-003');
    const byBarcode = await typeSearch(milkCode);
    expect(found(byBarcode)).toEqual(['SUA-002']);
    // Each result shows its SKU and its barcode, so the cashier can tell two look-alike products apart.
    expect(within(byBarcode).getByTestId('search-result').textContent).toContain(`SUA-002 · ${milkCode}`);
    expect(within(await typeSearch('vinamilk')).getByTestId('search-result').textContent).toContain(milkCode);
    await typeSearch('tra xanh');
    expect(screen.getByTestId('search-nothing')).toBeTruthy();

    const results = await typeSearch('sua tuoi');
    fireEvent.click(within(results).getByTestId('search-result'));
    await waitFor(() => expect(lines().map((line) => line.dataset.sku)).toEqual(['SUA-002']));
    expect(screen.queryByTestId('search-panel')).toBeNull();
  });

  it('on a tablet still indexing names after its first sync, finds codes at once, says why a name finds nothing yet, then finds it', async () => {
    till = await openCounter(INLINE_WORDS_MAX + 100);
    act(() => useCounterStore.getState().openSearch(''));
    await typeSearch('ca phe');
    expect(screen.getByTestId('search-nothing').textContent).toBe(i18n.t('sale.search.namesPending', { text: 'ca phe' }));
    expect(found(await typeSearch('CF-001'))).toEqual(['CF-001']);
    await act(() => buildNameWordIndex(till!.catalog, 0));
    expect(found(await typeSearch('ca phe'))).toEqual(['CF-003', 'CF-001']);
    await typeSearch('tra xanh');
    expect(screen.getByTestId('search-nothing').textContent).toBe(i18n.t('sale.search.nothing', { text: 'tra xanh' }));
  });

  it('a name search left on screen while names are indexed finds its products by itself once the index is ready, without retyping', async () => {
    till = await openCounter(INLINE_WORDS_MAX + 100);
    act(() => useCounterStore.getState().openSearch(''));
    const results = await typeSearch('ca phe');
    expect(screen.getByTestId('search-nothing').textContent).toBe(i18n.t('sale.search.namesPending', { text: 'ca phe' }));
    // The cashier waits; the background build finishes (no keystroke, no re-render from the test).
    await buildNameWordIndex(till.catalog, 0);
    await waitFor(() => expect(found(results)).toEqual(['CF-003', 'CF-001']), { timeout: 5_000 });
    expect(screen.queryByTestId('search-nothing')).toBeNull();
  });

  it('shows a page of a long result list at a time (virtualized), never every match at once', async () => {
    till = await openCounter();
    act(() => useCounterStore.getState().openSearch(''));
    const results = await typeSearch('banh quy');
    expect(Number(results.dataset.count)).toBe(200);
    const shown = within(results).queryAllByTestId('search-result').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
  });
});

describe('the stock hint', () => {
  it('names the item rung up last, and still names it after the sale is completed and the cart is empty', async () => {
    till = await openCounter();
    const coffeeName = 'Cà phê sữa đá Trung Nguyên';
    await writeCatalogPage(till.catalog, 'balances', { documents: [stockRow('p-000001', 58_000)], checkpoint: { id: 'b', seq: 1 } }, true);
    await scan(coffeeCode);
    const hint = () => screen.getByTestId('last-item-stock').textContent;
    await waitFor(() => expect(hint()).toBe(i18n.t('sale.stock.left', { name: coffeeName, qty: '58' })));

    // The cashier takes cash and completes the sale: the counter moves on to the next customer.
    const sale = await completeOnTill(till, useCounterStore.getState().cart, [{ method: 'cash', amount: 29_000 }], hoa.id);
    act(() => useCounterStore.getState().startNextSale({ id: sale.id, number: sale.number, total: sale.totals.total, change: sale.change }));
    expect(lines()).toHaveLength(0);
    await waitFor(() => expect(hint()).toBe(i18n.t('sale.stock.left', { name: coffeeName, qty: '57' })));
  });
});
