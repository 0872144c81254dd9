// The counter's product grid in real Chromium on real IndexedDB: the store's quick keys come first, then a
// tab per category in Vietnamese order; a tap on a tile rings the product up as a scan would, a weighed one asks
// its weight (typed on the keypad); a category of 20,000 products puts only a screen of tiles in the page and still reaches the last
// one; a manager sets the quick keys on the tablet (kept on this tablet), and the store's newer list wins.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCatalogPage } from '../../catalog/catalog-writer.ts';
import { buildNameWordIndex } from '../../catalog/name-word-index.ts';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { foldForSearch } from '../../domain/search-text.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { CounterScreen } from './counter-screen.tsx';
import { useCounterStore } from './counter-store.ts';
import { resetProductGrid } from './product-grid-store.ts';
import { hoa, lan, renderOnTill, setUpTill, STORE_ID, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

let till: Till | undefined;

beforeEach(async () => {
  await page.viewport(1280, 800);
});

afterEach(async () => {
  cleanup();
  resetProductGrid();
  await tearDownTill(till);
  till = undefined;
});

const BAR = 'Quầy cà phê';
const BAKERY = 'Bánh mì, bánh ngọt';
const FRUIT = 'Rau củ, trái cây';

function good(index: number, name: string, category: string, price: number, overrides: Parameters<typeof productRow>[1] = {}) {
  return productRow(index, { name, searchName: foldForSearch(name), sku: `G-${index}`, barcodes: [], category, price, taxClassId: 'vat8', ...overrides });
}

const coffee = good(1, 'Cà phê sữa đá', BAR, 25_000);
const blackCoffee = good(2, 'Cà phê đen đá', BAR, 20_000);
const bacXiu = good(3, 'Bạc xỉu', BAR, 29_000);
const banhMi = good(4, 'Bánh mì thịt nướng', BAKERY, 25_000);
const bananas = good(5, 'Chuối già Nam Mỹ', FRUIT, 32_000, { weighed: true, unit: 'kg' });
const COUNTER_GOODS = [coffee, blackCoffee, bacXiu, banhMi, bananas];

/** The store's config with quick keys, and managers who may set them (catalog.manage). */
function configWith(quickKeys: string[]): StoreConfigDocument {
  const config = testConfig();
  const manager = (config.permissions?.['manager'] ?? []) as string[];
  return { ...config, quickKeys, permissions: { ...config.permissions, manager: [...manager, 'catalog.manage'] } };
}

async function openCounter(options: { quickKeys?: string[]; staff?: typeof lan; others?: ReturnType<typeof good>[] } = {}): Promise<Till> {
  const current = await setUpTill(configWith(options.quickKeys ?? [banhMi.id, coffee.id]), options.staff ?? lan);
  const rows = [...COUNTER_GOODS, ...(options.others ?? [])];
  await writeCatalogPage(current.catalog, 'products', { documents: rows.map((row) => structuredClone(row)), checkpoint: { id: 'p', seq: rows.length } }, true);
  // A big page's categories are indexed in the background, as on a new tablet; here the build is waited for.
  await buildNameWordIndex(current.catalog, 0);
  renderOnTill(current, <CounterScreen />);
  await screen.findByTestId('product-grid');
  return current;
}

const tabs = () => screen.getAllByTestId('grid-tab').map((tab) => tab.textContent);
const selectedTab = () => screen.getAllByTestId('grid-tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
const tileNames = (within_: HTMLElement) => within(within_).queryAllByTestId('product-tile').map((tile) => tile.querySelector('.product-tile-name')?.textContent);

function tab(name: string): HTMLElement {
  const found = screen.getAllByTestId('grid-tab').find((each) => each.textContent === name);
  if (found === undefined) throw new Error(`no tab ${name}`);
  return found;
}

function tile(sku: string): HTMLElement {
  const found = screen.getAllByTestId('product-tile').find((each) => each.dataset.sku === sku);
  if (found === undefined) throw new Error(`no tile ${sku}`);
  return found;
}

describe('the product grid at the counter', () => {
  it("shows the store's quick keys first, in the store's order, then a tab per category in Vietnamese order", async () => {
    till = await openCounter();
    await waitFor(() => expect(tabs()).toEqual(['Phím nhanh', BAKERY, BAR, FRUIT]));
    expect(selectedTab()).toBe('Phím nhanh');
    await waitFor(() => expect(tileNames(screen.getByTestId('quick-keys'))).toEqual(['Bánh mì thịt nướng', 'Cà phê sữa đá']));
    expect(tile(coffee.sku)).toHaveTextContent('25.000');

    fireEvent.click(tab(BAR));
    await waitFor(() => expect(tileNames(screen.getByTestId('shelf'))).toEqual(['Bạc xỉu', 'Cà phê đen đá', 'Cà phê sữa đá']));
    expect(screen.getByTestId('shelf').dataset.count).toBe('3');
  });

  it('a tap on a tile rings the product up as a scan would, a second tap raises its quantity; tiles are big enough to tap', async () => {
    till = await openCounter();
    await waitFor(() => tile(coffee.sku));
    const { width, height } = tile(coffee.sku).getBoundingClientRect();
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(44);
    fireEvent.click(tile(coffee.sku));
    fireEvent.click(tile(coffee.sku));
    fireEvent.click(tile(banhMi.sku));
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((line) => [line.dataset.sku, line.dataset.qty])).toEqual([[coffee.sku, '2000'], [banhMi.sku, '1000']]));
    expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(75_000);
    expect(screen.getByTestId('counter').dataset.scanCue).toBe('accepted');
    // The grid stays on screen for the next item.
    expect(screen.getByTestId('product-grid')).toBeInTheDocument();
  });

  it('a weighed item from the grid asks its weight, as today, typed on the keypad that comes beside the grid', async () => {
    till = await openCounter();
    await waitFor(() => tab(FRUIT));
    fireEvent.click(tab(FRUIT));
    await waitFor(() => tile(bananas.sku));
    expect(tile(bananas.sku)).toHaveTextContent('/kg');
    expect(screen.queryByTestId('keypad')).toBeNull();
    fireEvent.click(tile(bananas.sku));
    const prompt = await screen.findByTestId('weight-prompt');
    const keypad = await screen.findByTestId('keypad');
    expect(keypad).toHaveAccessibleName(within(prompt).getByText(/Chuối già Nam Mỹ/).textContent ?? '');
    for (const key of ['1', 'decimal', '2', '5']) fireEvent.click(within(keypad).getByTestId(`keypad-key-${key}`));
    expect(within(prompt).getByTestId('weight-input')).toHaveValue('1,25');
    fireEvent.click(within(keypad).getByTestId('keypad-key-enter'));
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((line) => [line.dataset.sku, line.dataset.qty])).toEqual([[bananas.sku, '1250']]));
    expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(40_000);
    expect(screen.queryByTestId('weight-prompt')).toBeNull();
    expect(screen.queryByTestId('keypad')).toBeNull();
  });

  it('a category of 20,000 products puts only a screen of tiles in the page, and scrolling reaches the last one', async () => {
    const bread = Array.from({ length: 20_000 }, (_, index) => good(1000 + index, `Bánh ngọt số ${String(index).padStart(5, '0')}`, BAKERY, 10_000));
    till = await openCounter({ others: bread });
    await waitFor(() => tab(BAKERY));
    fireEvent.click(tab(BAKERY));
    const shelf = screen.getByTestId('shelf');
    await waitFor(() => expect(shelf.dataset.count).toBe('20001'));
    await waitFor(() => expect(within(shelf).getAllByTestId('product-tile').length).toBeGreaterThan(4));
    const firstScreen = within(shelf).getAllByTestId('product-tile');
    expect(firstScreen.length).toBeLessThan(150);
    expect(firstScreen[0]).toHaveTextContent('Bánh mì thịt nướng');
    expect(firstScreen[1]).toHaveTextContent('Bánh ngọt số 00000');

    act(() => {
      shelf.scrollTop = shelf.scrollHeight;
      shelf.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(tileNames(shelf)).toContain('Bánh ngọt số 19999'));
    expect(within(shelf).getAllByTestId('product-tile').length).toBeLessThan(150);
    fireEvent.click(tile('G-20999'));
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((line) => line.dataset.sku)).toEqual(['G-20999']));
  }, 60_000);

  it("a manager sets the quick keys on the tablet: kept on this tablet, until the store's list changes", async () => {
    till = await openCounter({ staff: hoa, quickKeys: [coffee.id] });
    await waitFor(() => expect(tileNames(screen.getByTestId('quick-keys'))).toEqual(['Cà phê sữa đá']));
    fireEvent.click(screen.getByTestId('grid-edit-quick-keys'));
    await screen.findByTestId('grid-edit-done');

    // While setting them, a tap adds a product to the quick keys (or takes it off) instead of ringing it up.
    fireEvent.click(tab(BAKERY));
    await waitFor(() => expect(tile(banhMi.sku)).toHaveAttribute('aria-pressed', 'false'));
    fireEvent.click(tile(banhMi.sku));
    await waitFor(() => expect(tile(banhMi.sku)).toHaveAttribute('aria-pressed', 'true'));
    fireEvent.click(tab('Phím nhanh'));
    await waitFor(() => expect(tileNames(screen.getByTestId('quick-keys'))).toEqual(['Cà phê sữa đá', 'Bánh mì thịt nướng']));
    fireEvent.click(tile(coffee.sku));
    await waitFor(() => expect(tileNames(screen.getByTestId('quick-keys'))).toEqual(['Bánh mì thịt nướng']));
    fireEvent.click(screen.getByTestId('grid-edit-done'));
    expect(useCounterStore.getState().cart.lines).toEqual([]);
    expect(await till.counter.quickKeys.get(STORE_ID)).toMatchObject({ productIds: [banhMi.id], replacedConfigList: [coffee.id], changedBy: hoa.id });

    // The back office sets a new list for the store: it is newer than the tablet's, so it wins.
    await till.database.config.upsert({ ...configWith([bacXiu.id, coffee.id]), updatedAt: '2025-12-01T00:00:00.000Z' });
    await waitFor(() => expect(tileNames(screen.getByTestId('quick-keys'))).toEqual(['Bạc xỉu', 'Cà phê sữa đá']));
  });

  it('a cashier may not set the quick keys alone: without a manager nothing changes', async () => {
    till = await openCounter({ staff: lan, quickKeys: [coffee.id] });
    await waitFor(() => tile(coffee.sku));
    fireEvent.click(screen.getByTestId('grid-edit-quick-keys'));
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('catalog.manage'));
    act(() => useApprovalStore.getState().settle(null));
    await waitFor(() => expect(screen.getByTestId('counter-notice').dataset.key).toBe('approval.declined'));
    expect(screen.queryByTestId('grid-edit-done')).toBeNull();
    fireEvent.click(tile(coffee.sku));
    await waitFor(() => expect(useCounterStore.getState().cart.lines).toHaveLength(1));
  });

  it('a product with a picture shows it in a fixed box, the tile as tall as the others; a picture that cannot load leaves a plain box', async () => {
    const pictured = good(6, 'Bánh bông lan trứng muối', BAKERY, 35_000, { image: '/icons/icon-192.png' });
    const broken = good(7, 'Bánh su kem', BAKERY, 12_000, { image: '/no-such-picture.webp' });
    till = await openCounter({ others: [pictured, broken] });
    await waitFor(() => expect(tabs()).toContain(BAKERY));
    fireEvent.click(tab(BAKERY));
    await waitFor(() => expect(tile(broken.sku)).toBeTruthy());
    const picture = (sku: string) => within(tile(sku)).getByTestId('product-tile-picture');
    const image = picture(pictured.sku).querySelector('img');
    expect(image?.getAttribute('loading')).toBe('lazy');
    await waitFor(() => expect(image?.naturalWidth).toBeGreaterThan(0));
    await waitFor(() => expect(picture(broken.sku).dataset.failed).toBe('true'));
    expect(picture(broken.sku).querySelector('img')).toBeNull();
    for (const sku of [pictured.sku, broken.sku]) expect(picture(sku).getBoundingClientRect()).toMatchObject({ width: 48, height: 48 });
    const heights = [pictured.sku, broken.sku, banhMi.sku].map((sku) => tile(sku).getBoundingClientRect().height);
    expect(new Set(heights).size).toBe(1);
    expect(within(tile(banhMi.sku)).queryByTestId('product-tile-picture')).toBeNull();
    fireEvent.click(tile(pictured.sku));
    await waitFor(() => expect(useCounterStore.getState().cart.lines).toHaveLength(1));
  });
});
