// The pickup counter (in Vietnamese, the app's default language) in real Chromium on real IndexedDB, with no network at all: a cashier finds an online
// order by its number, prepares it by scanning (a wrong item refused, a missing one marked short), marks it
// ready, checks the customer's pickup code and hands over what is there, then the rest; the order's events,
// status and the stock movements are what the server will merge and count.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { productRow } from '../../catalog/catalog-data.test-helper.ts';
import type { OrderDocument } from '../../data/schemas/types.ts';
import { newPickupCodeHash, pickupQrText } from '../../domain/pickup-code.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import { pickupOrderPaidBy, takePickupOrderForCounter, useCounterHandoffStore } from '../../session/counter-handoff-store.ts';
import { completeSale } from '../sale/complete-sale.ts';
import { cartWithPickupOrder } from '../sale/pickup-order-cart.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { cartProductOf } from '../../catalog/scanned-product.ts';
import { DEVICE_ID, STORE_ID, lan, renderOnTill, setUpTill, tearDownTill, testConfig } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { PickupScreen } from './pickup-screen.tsx';

const milk = productRow(1, { id: 'p-milk', sku: 'MILK-1L', name: 'Sữa tươi 1L', barcodes: ['8930000000011'] });
const rice = productRow(2, { id: 'p-rice', sku: 'RICE-5', name: 'Gạo ST25 5kg', barcodes: ['8930000000028'] });
const soap = productRow(3, { id: 'p-soap', sku: 'SOAP', name: 'Xà phòng', barcodes: ['8930000000035'] });

// A few iterations keep the test quick; the check is the same at the server's count.
const hashPickupCode = (code: string) => newPickupCodeHash(code, 1_000);

async function orderOf(overrides: Partial<OrderDocument> = {}): Promise<OrderDocument> {
  const now = new Date().toISOString();
  return {
    id: 'order-1042',
    storeId: STORE_ID,
    number: '#1042',
    status: 'pending',
    customerId: 'cust-mai',
    customerName: 'Nguyễn Thị Mai',
    customerPhone: '0912345678',
    pickupCodeHash: await hashPickupCode('482913'),
    currency: 'VND',
    lines: [
      { productId: 'p-milk', sku: 'MILK-1L', name: 'Sữa tươi 1L', qty: 2000, unitPrice: 32000, taxRate: 800, total: 64000 },
      { productId: 'p-rice', sku: 'RICE-5', name: 'Gạo ST25 5kg', qty: 1000, unitPrice: 180000, taxRate: 500, total: 180000 },
    ],
    total: 244000,
    paid: true,
    events: [{ id: 'placed', type: 'placed', at: now }],
    placedAt: now,
    updatedAt: now,
    ...overrides,
  };
}

let till: Till | undefined;

beforeEach(() => {
  // Offline: the pickup counter must not need the network for anything.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  useCounterHandoffStore.setState({ customerId: null, pickupOrder: null, payingOrder: null });
  await tearDownTill(till);
  till = undefined;
});

async function openPickup(orders: readonly OrderDocument[], config = testConfig()): Promise<Till> {
  const current = await setUpTill(config);
  till = current;
  await current.catalog.products.bulkPut([milk, rice, soap]);
  await current.database.orders.bulkInsert(orders.map((each) => ({ ...each })));
  renderOnTill(current, <PickupScreen />);
  await waitFor(() => expect(screen.getByTestId('pickup-screen').dataset.loaded).toBe('yes'));
  return current;
}

function burst(code: string): void {
  const start = performance.now();
  [...code, 'Enter'].forEach((key, index) => {
    for (const type of ['keydown', 'keyup']) {
      const event = new KeyboardEvent(type, { key, code: key === 'Enter' ? 'Enter' : `Digit${key}`, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: start + index * 3 });
      document.body.dispatchEvent(event);
    }
  });
}

async function scanAndSee(code: string, text: RegExp): Promise<void> {
  burst(code);
  await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(text));
}

/** The cashier types into the pickup screen's search (an order's number, a phone, a pickup code) and looks it up. */
function search(text: string): void {
  fireEvent.change(screen.getByTestId('pickup-search'), { target: { value: text } });
  fireEvent.submit(screen.getByTestId('pickup-search').closest('form')!);
}

/** The cashier types the pickup code the customer says and checks it against the open order. */
function typeCode(code: string): void {
  fireEvent.change(screen.getByTestId('pickup-code'), { target: { value: code } });
  fireEvent.click(screen.getByTestId('pickup-code-check'));
}

function listCount(key: string): string | undefined {
  return screen.getByTestId(`pickup-list-${key}`).dataset.count;
}

async function stored(current: Till, id = 'order-1042'): Promise<OrderDocument> {
  const doc = await current.database.orders.findOne(id).exec();
  if (doc === null) throw new Error('order gone');
  return doc.toMutableJSON() as OrderDocument;
}

describe('the pickup counter, offline', () => {
  it('lists the orders to prepare, ready, handed over today and with problems', async () => {
    await openPickup([
      await orderOf(),
      await orderOf({ id: 'o-2', number: '#1043', status: 'ready' }),
      await orderOf({ id: 'o-3', number: '#1044', status: 'ready', flags: [{ code: 'handover-after-cancellation', eventId: 'x', at: new Date().toISOString() }] }),
      await orderOf({ id: 'o-4', number: '#1045', lines: [{ productId: '', sku: 'GIFT', name: 'Quà', qty: 1000, unitPrice: 0, taxRate: 0, total: 0, unknownProduct: true }] }),
      await orderOf({ id: 'o-5', number: '#1046', status: 'cancelled' }),
    ]);
    expect([listCount('to-prepare'), listCount('ready'), listCount('handed-today'), listCount('problem')]).toEqual(['1', '1', '0', '2']);
    expect(within(screen.getByTestId('pickup-list-problem')).getAllByTestId('pickup-flag')[0]?.textContent).toMatch(/hủy online/);
  });

  it('prepares an order by scanning: a wrong item is refused, a missing one marked short, then ready', async () => {
    const current = (await openPickup([await orderOf()]));
    search('#1042');
    await waitFor(() => expect(screen.getByTestId('pickup-order').dataset.number).toBe('#1042'));
    await scanAndSee(soap.barcodes[0]!, /Sai món: Xà phòng không có trong đơn này/);
    await scanAndSee(milk.barcodes[0]!, /Sữa tươi 1L: đã đếm/);
    burst(milk.barcodes[0]!);
    await waitFor(() => expect(screen.getAllByTestId('pickup-line-scanned')[0]?.textContent).toBe('2'));
    await scanAndSee(milk.barcodes[0]!, /đã đủ món này/);
    expect(screen.getAllByTestId('pickup-line-scanned').map((cell) => cell.textContent)).toEqual(['2', '0']);
    const markReady = screen.getByTestId('pickup-mark-ready') as HTMLButtonElement;
    expect(markReady.disabled).toBe(true);
    fireEvent.click(screen.getAllByTestId('pickup-line-short')[1]!);
    expect(markReady.disabled).toBe(false);
    fireEvent.click(markReady);
    await waitFor(() => expect(screen.getByTestId('pickup-order').dataset.status).toBe('ready'));
    const order = await stored(current);
    expect(order.status).toBe('ready');
    expect(order.events.at(-1)).toMatchObject({ type: 'marked_ready', staffId: lan.id, deviceId: DEVICE_ID, short: [{ line: 1, qty: 1000 }] });
    expect(listCount('ready')).toBe('1');
  });

  it('hands over with the pickup code: the milk now, the rice later, stock out of the store each time', async () => {
    const current = (await openPickup([await orderOf({ status: 'ready' })]));
    search('0912 345 678');
    await waitFor(() => expect(screen.getByTestId('pickup-order').dataset.number).toBe('#1042'));
    expect((screen.getByTestId('pickup-hand-over') as HTMLButtonElement).disabled).toBe(true);
    typeCode('111111');
    await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(/không phải mã nhận hàng của đơn này/));
    typeCode('482913');
    await screen.findByTestId('pickup-code-ok');
    const takeNow = screen.getAllByTestId('pickup-take-now');
    fireEvent.change(takeNow[1]!, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('pickup-hand-over'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(/Đã giao một phần đơn #1042/));
    let order = await stored(current);
    expect(order.status).toBe('ready');
    expect(order.events.at(-1)).toMatchObject({ type: 'handed_over', staffId: lan.id, deviceId: DEVICE_ID, lines: [{ line: 0, qty: 2000 }] });
    expect(screen.getAllByTestId('pickup-line-left').map((cell) => cell.textContent)).toEqual(['0', '1']);
    // The slip of that handover is offered for printing; with no printer set up the screen says so.
    expect(screen.getByTestId('pickup-print-slip').dataset.order).toBe('#1042');
    fireEvent.click(screen.getByTestId('pickup-print-slip'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').dataset.tone).toBe('error'));

    fireEvent.click(screen.getByTestId('pickup-hand-over'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(/Đã giao đơn #1042\./));
    order = await stored(current);
    expect(order.status).toBe('picked_up');
    const ledger = (await current.database.ledger.find().exec()).map((doc) => doc.toJSON());
    expect(ledger.map(({ refId, delta, reason, sourceId, kind }) => ({ refId, delta, reason, sourceId, kind })).sort((a, b) => a.refId.localeCompare(b.refId))).toEqual([
      { refId: 'p-milk', delta: -2000, reason: 'pickup', sourceId: 'order-1042', kind: 'stock' },
      { refId: 'p-rice', delta: -1000, reason: 'pickup', sourceId: 'order-1042', kind: 'stock' },
    ]);
    await waitFor(() => expect(listCount('handed-today')).toBe('1'));
  });

  it('finds an order by the customer\'s QR (its number and code), which also proves the code against the order\'s salted hash', async () => {
    await openPickup([await orderOf({ status: 'ready' }), await orderOf({ id: 'o-2', number: '#1043', status: 'ready', pickupCodeHash: await hashPickupCode('777001') })]);
    burst(pickupQrText('#1043', '777001'));
    await waitFor(() => expect(screen.getByTestId('pickup-order').dataset.number).toBe('#1043'));
    await waitFor(() => expect(screen.getByTestId('pickup-code-ok')).toBeTruthy());
    await act(async () => undefined);
  });

  it('opens the order of a QR whose code is wrong without proving it, and says so', async () => {
    await openPickup([await orderOf({ status: 'ready' })]);
    burst(pickupQrText('#1042', '000000'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').dataset.tone).toBe('error'));
    expect(screen.getByTestId('pickup-order').dataset.number).toBe('#1042');
    expect(screen.queryByTestId('pickup-code-ok')).toBeNull();
  });

  it('finds an order by its pickup code typed alone, trying the open orders\' hashes', async () => {
    await openPickup([await orderOf({ status: 'ready' }), await orderOf({ id: 'o-2', number: '#1043', status: 'ready', pickupCodeHash: await hashPickupCode('777001') })]);
    search('777001');
    await waitFor(() => expect(screen.getByTestId('pickup-order').dataset.number).toBe('#1043'));
    expect(screen.getByTestId('pickup-code-ok')).toBeTruthy();
  });

  it('refuses to hand over an order not paid online until it is paid, and hands its customer to the counter to sell more', async () => {
    await openPickup([await orderOf({ status: 'ready', paid: false })]);
    fireEvent.click(screen.getAllByTestId('pickup-order-row')[0]!);
    expect(screen.getByTestId('pickup-balance-due').textContent).toMatch(/244[.,]000/);
    expect((screen.getByTestId('pickup-hand-over') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('pickup-sell-more'));
    expect(useCounterHandoffStore.getState().customerId).toBe('cust-mai');
    expect(window.location.pathname).toBe('/');
  });

  it('in a store that allows it, hands over an unpaid order with the code, recording the 244,000 due and flagging the order for the manager', async () => {
    const config = testConfig();
    const current = await openPickup([await orderOf({ status: 'ready', paid: false })], { ...config, store: { ...config.store, pickupAllowUnpaidHandover: true } });
    fireEvent.click(screen.getAllByTestId('pickup-order-row')[0]!);
    expect(screen.getByTestId('pickup-balance-due').dataset.allowed).toBe('yes');
    expect(screen.getByTestId('pickup-balance-due').textContent).toMatch(/244[.,]000.*quản lý/);
    // The code is still required.
    expect((screen.getByTestId('pickup-hand-over') as HTMLButtonElement).disabled).toBe(true);
    typeCode('482913');
    await screen.findByTestId('pickup-code-ok');
    fireEvent.click(screen.getByTestId('pickup-hand-over'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(/Đã giao đơn #1042\./));
    const order = await stored(current);
    expect(order.status).toBe('picked_up');
    expect(order.events.find((event) => event.type === 'handed_over')?.['unpaidAmount']).toBe(244000);
    expect(order.flags?.map((flag) => flag.code)).toEqual(['handed-over-unpaid']);
    await waitFor(() => expect(listCount('problem')).toBe('1'));
  });

  it('takes the balance due at the counter at the order\'s prices with one more item, then shows the order paid and hands it over, offline', async () => {
    const current = await openPickup([await orderOf({ status: 'ready', paid: false })]);
    // The store's own tax classes (the test config's), so the counter can total the sale.
    await current.catalog.products.bulkPut([milk, rice, soap].map((product) => ({ ...product, taxClassId: product.id === 'p-rice' ? 'vat5' : 'vat8' })));
    fireEvent.click(screen.getAllByTestId('pickup-order-row')[0]!);
    typeCode('482913');
    await screen.findByTestId('pickup-code-ok');
    expect((screen.getByTestId('pickup-hand-over') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('pickup-take-payment').textContent).toMatch(/Thu tiền tại quầy \(244[.,]000/);
    fireEvent.click(screen.getByTestId('pickup-take-payment'));
    expect(window.location.pathname).toBe('/');

    // The counter rings the order up at the order's prices (the catalog sells milk at 10,001), adds soap, takes a card.
    const handed = takePickupOrderForCounter();
    if (handed === null) throw new Error('the order was not handed to the counter');
    expect(handed).toMatchObject({ orderId: 'order-1042', number: '#1042', customerId: 'cust-mai' });
    const rung = await cartWithPickupOrder(emptyCart(), current.catalog, handed);
    expect(rung.missing).toEqual([]);
    const withSoap = ringUpLine(rung.cart, cartProductOf({ ...soap, taxClassId: 'vat8' }));
    if (!withSoap.ok) throw new Error(withSoap.detail);
    const cart = withSoap.cart;
    expect(cart.customerId).toBe('cust-mai');
    expect(cart.lines.map((line) => [line.productId, line.qty, line.unitPrice])).toEqual([
      ['p-milk', 2000, 32000],
      ['p-rice', 1000, 180000],
      ['p-soap', 1000, soap.price],
    ]);
    const pickupOrderId = pickupOrderPaidBy(cart.lines);
    expect(pickupOrderId).toBe('order-1042');
    const total = 244000 + soap.price;
    const result = await completeSale({
      database: current.database,
      counter: current.counter,
      cart,
      tenders: [{ method: 'card', amount: total, reference: 'APPR 1042' }],
      settings: saleSettingsOf(testConfig()),
      storeId: STORE_ID,
      deviceId: DEVICE_ID,
      staffId: lan.id,
      ...(pickupOrderId === undefined ? {} : { pickupOrderId }),
    });
    if (!result.ok) throw new Error(result.detail);
    expect(result.sale).toMatchObject({ pickupOrderId: 'order-1042', customerId: 'cust-mai', totals: { total } });

    // The pickup screen reads its own sales: paid at the counter, the handover goes on.
    await waitFor(() => expect(screen.getByTestId('pickup-order-total').textContent).toMatch(/đã thanh toán tại quầy/));
    expect(screen.queryByTestId('pickup-balance-due')).toBeNull();
    expect(screen.queryByTestId('pickup-take-payment')).toBeNull();
    fireEvent.click(screen.getByTestId('pickup-hand-over'));
    await waitFor(() => expect(screen.getByTestId('pickup-notice').textContent).toMatch(/Đã giao đơn #1042\./));
    const order = await stored(current);
    expect(order.status).toBe('picked_up');
    // Nothing but the handover was written on the order: the server marks it paid from the sale.
    expect(order.paid).toBe(false);
  });
});
