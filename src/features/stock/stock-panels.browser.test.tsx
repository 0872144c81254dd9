// A manager receives goods, writes stock off with a reason and sends stock to another store from the stock
// screen's tabs, in real Chromium with TanStack Query; the server is a stand-in fetch answering as the stock
// routes do (their server tests and the e2e test cover the real one). What is typed goes out in the server's
// terms (thousandths of the unit, costs in whole đồng, the sign of an adjustment from its reason), a line the
// server refuses is marked where it was typed, a transfer on its way here is received with one tap, and
// another store's stock can be read.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import type { StockApi, TransferAnswer } from './stock-api.ts';
import { StockLevelsPanel } from './stock-levels-panel.tsx';
import { StockMovementPanel } from './stock-movement-panel.tsx';
import { StockTransfersPanel } from './stock-transfers-panel.tsx';

const SERVER = 'https://pos.example.test';
const api: StockApi = { serverUrl: SERVER, staffToken: 'staff-token-1' };

interface Seen {
  method: string;
  path: string;
  authorization: string | null;
  body: Record<string, unknown> | undefined;
}

/** A stand-in server: each call answered by `answer`, every call kept (paths without the /api/v1 prefix). */
function fakeServer(answer: (call: Seen) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call: Seen = {
      method: init.method ?? 'GET',
      path: url.slice(`${SERVER}/api/v1`.length),
      authorization: new Headers(init.headers).get('authorization'),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useSyncStatusStore.setState({ enrolment: undefined });
});

function renderIn(body: ReactNode): void {
  render(
    <I18nextProvider i18n={i18nIn('vi')}>
      <QueryClientProvider client={new QueryClient()}>{body}</QueryClientProvider>
    </I18nextProvider>,
  );
}

function typeLine(panel: HTMLElement, index: number, line: { sku: string; quantity: string; cost?: string }): void {
  const row = within(panel).getAllByTestId('stock-line')[index]!;
  fireEvent.change(within(row).getByTestId('stock-line-sku'), { target: { value: line.sku } });
  fireEvent.change(within(row).getByTestId('stock-line-quantity'), { target: { value: line.quantity } });
  if (line.cost !== undefined) fireEvent.change(within(row).getByTestId('stock-line-cost'), { target: { value: line.cost } });
}

describe('the stock screen: receiving and adjustments', () => {
  it('receives milk and beef by the kg from a supplier at their costs; a line the server refuses is marked, the same receiving sent again keeps its id', async () => {
    let refuse = true;
    const seen = fakeServer(() => {
      if (refuse) return { status: 422, body: { errors: [{ line: 2, field: 'sku', message: 'no product of the catalog has the SKU THIT-B0' }] } };
      return { status: 201, body: { totalCost: 742_800 } };
    });
    renderIn(<StockMovementPanel kind="receive" api={api} onProblem={(error) => expect.fail(String(error))} />);
    const panel = screen.getByTestId('stock-receive');
    fireEvent.change(within(panel).getByTestId('stock-supplier'), { target: { value: ' Vinamilk Miền Nam ' } });
    typeLine(panel, 0, { sku: 'SUA-180', quantity: '24', cost: '7200' });
    fireEvent.click(within(panel).getByTestId('stock-add-line'));
    typeLine(panel, 1, { sku: 'THIT-B0', quantity: '2,375', cost: '240000' });
    fireEvent.click(within(panel).getByTestId('stock-submit'));

    const marked = await within(panel).findByTestId('stock-line-error');
    expect(marked.dataset['field']).toBe('sku');
    expect(marked.textContent).toBe('Dòng 2: no product of the catalog has the SKU THIT-B0');
    expect(within(panel).getAllByTestId('stock-line')[1]!.dataset['invalid']).toBe('true');
    expect(seen).toHaveLength(1);
    const first = seen[0]!;
    expect(first).toMatchObject({
      method: 'POST',
      path: '/stock/receivings',
      authorization: 'Bearer staff-token-1',
      body: { supplier: 'Vinamilk Miền Nam', lines: [{ sku: 'SUA-180', quantity: 24_000, unitCost: 7_200 }, { sku: 'THIT-B0', quantity: 2_375, unitCost: 240_000 }] },
    });

    refuse = false;
    typeLine(panel, 1, { sku: 'THIT-BO', quantity: '2,375', cost: '240000' });
    expect(within(panel).queryByTestId('stock-line-error')).toBeNull();
    fireEvent.click(within(panel).getByTestId('stock-submit'));
    await within(panel).findByTestId('stock-done');
    // The refused request wrote nothing, so the corrected one goes under the same id (one receiving).
    expect(seen[1]!.body).toEqual({ id: first.body?.['id'], supplier: 'Vinamilk Miền Nam', lines: [{ sku: 'SUA-180', quantity: 24_000, unitCost: 7_200 }, { sku: 'THIT-BO', quantity: 2_375, unitCost: 240_000 }] });
    // Saved: the form is empty again and the next receiving gets a new id.
    expect(within(panel).getAllByTestId('stock-line')).toHaveLength(1);
    expect((within(panel).getByTestId('stock-line-sku') as HTMLInputElement).value).toBe('');
  });

  it('damage and loss are typed as what was lost and sent as a decrease; a count adjustment keeps the sign typed', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderIn(<StockMovementPanel kind="adjust" api={api} onProblem={(error) => expect.fail(String(error))} />);
    const panel = screen.getByTestId('stock-adjust');
    const reason = within(panel).getByTestId('stock-reason') as HTMLSelectElement;
    expect([...reason.options].map((o) => [o.value, o.textContent])).toEqual([
      ['damage', 'Hư hỏng'],
      ['loss', 'Mất mát'],
      ['count', 'Kiểm lại'],
    ]);

    typeLine(panel, 0, { sku: 'SUA-180', quantity: '3' });
    fireEvent.click(within(panel).getByTestId('stock-submit'));
    await within(panel).findByTestId('stock-done');

    fireEvent.change(reason, { target: { value: 'loss' } });
    typeLine(panel, 0, { sku: 'THIT-BO', quantity: '0,5' });
    fireEvent.click(within(panel).getByTestId('stock-submit'));
    await waitFor(() => expect(seen).toHaveLength(2));
    await within(panel).findByTestId('stock-done');

    fireEvent.change(reason, { target: { value: 'count' } });
    typeLine(panel, 0, { sku: 'MI-HH', quantity: '-2' });
    fireEvent.click(within(panel).getByTestId('stock-submit'));
    await waitFor(() => expect(seen).toHaveLength(3));

    expect(seen.map((call) => [call.path, call.body?.['reason'], call.body?.['lines']])).toEqual([
      ['/stock/adjustments', 'damage', [{ sku: 'SUA-180', delta: -3_000 }]],
      ['/stock/adjustments', 'loss', [{ sku: 'THIT-BO', delta: -500 }]],
      ['/stock/adjustments', 'count', [{ sku: 'MI-HH', delta: -2_000 }]],
    ]);
    expect(new Set(seen.map((call) => call.body?.['id'])).size).toBe(3);
  });

  it('a quantity that cannot be read names its line and sends nothing', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderIn(<StockMovementPanel kind="adjust" api={api} onProblem={(error) => expect.fail(String(error))} />);
    const panel = screen.getByTestId('stock-adjust');
    typeLine(panel, 0, { sku: 'SUA-180', quantity: 'ba hộp' });
    fireEvent.click(within(panel).getByTestId('stock-submit'));
    expect((await within(panel).findByTestId('stock-unreadable')).textContent).toMatch(/^Dòng 1: /);
    expect(seen).toEqual([]);
  });
});

describe('the stock screen: transfers between stores', () => {
  it('sends milk to Quận 3 (not to this store), shows what is in transit, and receives a transfer on its way here', async () => {
    useSyncStatusStore.setState({ enrolment: { deviceId: 'd1', storeId: 'store-q1', storeName: 'Quận 1', deviceName: 'Quầy 1', serverUrl: SERVER, enrolledAt: '2026-12-01T00:00:00.000Z' } });
    const incoming: TransferAnswer = {
      id: 'tr-from-q3',
      fromStoreId: 'store-q3',
      toStoreId: 'store-q1',
      fromStoreName: 'Quận 3',
      toStoreName: 'Quận 1',
      status: 'in-transit',
      lines: [{ sku: 'MI-HH', name: 'Mì Hảo Hảo', quantity: 24_000, stock: 96_000 }],
      sentAt: '2026-12-07T08:00:00.000Z',
    };
    let sent: TransferAnswer | undefined;
    let received = false;
    const seen = fakeServer((call) => {
      if (call.path === '/stock/stores') return { status: 200, body: { stores: [{ id: 'store-q1', name: 'Quận 1' }, { id: 'store-q3', name: 'Quận 3' }] } };
      if (call.method === 'GET' && call.path === '/stock/transfers') {
        const list = [...(sent ? [sent] : []), { ...incoming, status: received ? 'received' : 'in-transit' }];
        return { status: 200, body: { transfers: list, inTransit: { outgoing: sent ? 12_000 : 0, incoming: received ? 0 : 24_000 } } };
      }
      if (call.method === 'POST' && call.path === '/stock/transfers') {
        sent = { ...incoming, id: String(call.body?.['id']), fromStoreId: 'store-q1', toStoreId: 'store-q3', fromStoreName: 'Quận 1', toStoreName: 'Quận 3', lines: [{ sku: 'SUA-180', name: 'Sữa', quantity: 12_000, stock: 36_000 }] };
        return { status: 201, body: sent };
      }
      if (call.method === 'POST' && call.path === '/stock/transfers/tr-from-q3/receive') {
        received = true;
        return { status: 201, body: { ...incoming, status: 'received' } };
      }
      return { status: 404, body: { error: 'not_found', message: call.path } };
    });
    renderIn(<StockTransfersPanel api={api} onProblem={(error) => expect.fail(String(error))} />);
    const panel = screen.getByTestId('stock-transfers');

    const inTransit = await within(panel).findByTestId('stock-in-transit');
    expect([inTransit.dataset['outgoing'], inTransit.dataset['incoming']]).toEqual(['0', '24000']);
    const to = within(panel).getByTestId('stock-transfer-to') as HTMLSelectElement;
    await waitFor(() => expect([...to.options].map((o) => o.value)).toEqual(['', 'store-q3']));

    fireEvent.change(to, { target: { value: 'store-q3' } });
    typeLine(panel, 0, { sku: 'SUA-180', quantity: '12' });
    fireEvent.click(within(panel).getByTestId('stock-transfer-send'));
    await waitFor(() => expect(within(panel).getByTestId('stock-in-transit').dataset['outgoing']).toBe('12000'));
    expect(seen.find((call) => call.method === 'POST')?.body).toMatchObject({ toStoreId: 'store-q3', lines: [{ sku: 'SUA-180', quantity: 12_000 }] });
    // Only the transfer coming here can be received from this store.
    const rows = within(panel).getAllByTestId('stock-transfer');
    expect(rows.map((row) => [row.textContent?.startsWith('Quận 1 → Quận 3') ? 'out' : 'in', within(row).queryByTestId('stock-transfer-receive') !== null])).toEqual([
      ['out', false],
      ['in', true],
    ]);

    fireEvent.click(within(panel).getByTestId('stock-transfer-receive'));
    await waitFor(() => expect(within(panel).getByTestId('stock-in-transit').dataset['incoming']).toBe('0'));
    expect(within(panel).getAllByTestId('stock-transfer').map((row) => row.dataset['status'])).toEqual(['in-transit', 'received']);
    expect(within(panel).queryByTestId('stock-transfer-receive')).toBeNull();
  });
});

describe('the stock screen: stock per product per store', () => {
  const enrolHere = () =>
    useSyncStatusStore.setState({ enrolment: { deviceId: 'd1', storeId: 'store-q1', storeName: 'Quận 1', deviceName: 'Quầy 1', serverUrl: SERVER, enrolledAt: '2026-12-01T00:00:00.000Z' } });
  const level = (sku: string, stock: number) => ({ productId: `p-${sku}`, sku, name: sku, unit: 'pcs', weighed: false, stock, updatedAt: null });

  it("shows this store's stock, and another store's once the manager picks it", async () => {
    enrolHere();
    const seen = fakeServer((call) => {
      if (call.path === '/stock/stores') return { status: 200, body: { stores: [{ id: 'store-q1', name: 'Quận 1' }, { id: 'store-q3', name: 'Quận 3' }] } };
      const inQ3 = call.path.includes('storeId=store-q3');
      return { status: 200, body: { storeId: inQ3 ? 'store-q3' : 'store-q1', levels: [level('SUA-180', inQ3 ? 12_000 : 36_000)], next: null } };
    });
    renderIn(<StockLevelsPanel api={api} onProblem={(error) => expect.fail(String(error))} />);
    const panel = screen.getByTestId('stock-levels');
    const row = async (stock: number) => waitFor(() => expect(within(panel).getByTestId('stock-level').dataset['stock']).toBe(String(stock)));
    await row(36_000);
    const picker = (await within(panel).findByTestId('stock-levels-store')) as HTMLSelectElement;
    expect([...picker.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Cửa hàng này'],
      ['store-q3', 'Quận 3'],
    ]);
    fireEvent.change(picker, { target: { value: 'store-q3' } });
    await row(12_000);
    expect(seen.filter((call) => call.path.startsWith('/stock/levels')).map((call) => call.path)).toEqual(['/stock/levels?limit=200', '/stock/levels?limit=200&storeId=store-q3']);
  });

  it('a store alone in its chain has no store to pick', async () => {
    enrolHere();
    fakeServer((call) => (call.path === '/stock/stores' ? { status: 200, body: { stores: [{ id: 'store-q1', name: 'Quận 1' }] } } : { status: 200, body: { storeId: 'store-q1', levels: [level('SUA-180', 36_000)], next: null } }));
    renderIn(<StockLevelsPanel api={api} onProblem={(error) => expect.fail(String(error))} />);
    await screen.findByTestId('stock-level');
    await waitFor(() => expect(screen.getByTestId('stock-levels').dataset['state']).toBe('success'));
    expect(screen.queryByTestId('stock-levels-store')).toBeNull();
  });
});
