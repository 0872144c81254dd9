// A manager reads the dashboard in real Chromium: TanStack Query, Chart.js on real canvases and the table
// toggles are real; the server is a stand-in fetch answering as GET /api/v1/reports/dashboard does (its own
// tests, tests/server/dashboard.test.ts, cover the real one). Each chart's numbers are one tap away, in
// Vietnamese and in English, and the chain view asks for every store the manager may see.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { DashboardData } from './dashboard-api.ts';
import { DashboardBody } from './dashboard-screen.tsx';

const SERVER = 'https://pos.example.test';

function answerFor(chain: boolean, from: string, to: string): DashboardData {
  return {
    from,
    to,
    storeIds: chain ? ['store-q1', 'store-q3'] : ['store-q1'],
    chain,
    currency: 'VND',
    timeZone: 'Asia/Ho_Chi_Minh',
    totals: { salesCount: 3, returnsCount: 1, cancellationsCount: 0, gross: 196_000, discounts: 0, returns: -29_000, cancellations: 0, net: chain ? 1_167_000 : 167_000, onlineReturnsCount: 1, pointsIssued: 5, pointsRedeemed: 300, cardsSold: 0, cardsRedeemed: 0 },
    salesByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, salesCount: hour === 8 ? 1 : 0, net: hour === 8 ? 87_000 : hour === 12 ? 80_000 : 0 })),
    salesByDay: [{ date: to, salesCount: 3, returnsCount: 1, net: 167_000 }],
    topProducts: [
      { productId: 'p-coffee', name: 'Cà phê sữa', qty: 3000, amount: 87_000, tax: 7_909 },
      { productId: 'p-pork', name: 'Thịt heo', qty: 500, amount: 80_000, tax: 3_810 },
    ],
    topCategories: [{ category: 'Quầy cà phê', qty: 3000, amount: 87_000 }, { category: '', qty: 500, amount: 80_000 }],
    tenderMix: [{ method: 'cash', count: 1, amount: 87_000 }, { method: 'card', count: 1, amount: 50_000 }],
    returnReasons: [{ reason: 'damaged', count: 1, amount: -29_000, online: 1 }],
    cashVariance: [{ date: to, storeId: 'store-q1', shiftId: 'shift-a', deviceId: 'till-1', closedAt: `${to}T15:00:00.000Z`, counted: 582_000, expected: 587_000, variance: -5_000 }],
    online: {
      pickups: { handedOver: 1, cancelled: 1, completionRate: 0.5, leadTimeMinutes: { median: 120, p90: 120, mean: 120 } },
      onlineReturnsInStore: { count: 1, share: 1 },
      points: { issued: 5, redeemed: 300, redemptionRate: 60 },
      giftCardLiability: 500_000,
    },
  };
}

function fakeServer() {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push(url);
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer staff-token-1');
    const query = new URL(url).searchParams;
    return new Response(JSON.stringify(answerFor(query.get('storeId') === 'all', query.get('from') ?? '', query.get('to') ?? '')), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

function renderDashboard(language: Language) {
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <QueryClientProvider client={new QueryClient()}>
        <DashboardBody serverUrl={SERVER} token="staff-token-1" onEnded={vi.fn()} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the dashboard', () => {
  it('draws each chart and shows its numbers one tap away, in Vietnamese', async () => {
    const seen = fakeServer();
    renderDashboard('vi');
    const byHour = await screen.findByTestId('chart-sales-by-hour');
    expect(within(byHour).getByRole('heading').textContent).toBe('Doanh thu theo giờ');
    await waitFor(() => expect(byHour.querySelector('.dashboard-chart')?.getAttribute('data-state')).toBe('drawn'), { timeout: 15_000 });
    expect(screen.getByTestId('dashboard-net').textContent).toContain('167.000');
    // The numbers behind the chart: a tap on "Xem số liệu" swaps the canvas for the table, and back.
    fireEvent.click(within(byHour).getByRole('button', { name: 'Xem số liệu' }));
    const table = within(byHour).getByTestId('chart-sales-by-hour-table');
    const eight = within(table).getByRole('rowheader', { name: '08:00' }).closest('tr');
    expect(eight?.textContent).toContain('87.000');
    expect(within(byHour).getByRole('button', { name: 'Xem biểu đồ' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(byHour).getByRole('button', { name: 'Xem biểu đồ' }));
    expect(byHour.querySelector('canvas')).not.toBeNull();

    fireEvent.click(within(screen.getByTestId('chart-top-categories')).getByRole('button', { name: 'Xem số liệu' }));
    expect(within(screen.getByTestId('chart-top-categories-table')).getByRole('rowheader', { name: 'Chưa phân loại' })).toBeTruthy();
    expect(screen.getByTestId('dashboard-completion').textContent).toContain('50');
    expect(screen.getByTestId('dashboard-lead-time').textContent).toContain('120 phút');
    expect(screen.getByTestId('dashboard-liability').textContent).toContain('500.000');
    expect(new URL(seen[0]!).searchParams.get('storeId')).toBeNull();
  });

  it('switches to the chain and to the last 7 days, in English, with tap targets of 44 px', async () => {
    const seen = fakeServer();
    renderDashboard('en');
    await screen.findByTestId('chart-tender-mix');
    fireEvent.click(screen.getByRole('button', { name: 'All my stores' }));
    await waitFor(() => expect(screen.getByTestId('dashboard-scope-line').textContent).toContain('2 stores'));
    expect(new URL(seen.at(-1)!).searchParams.get('storeId')).toBe('all');
    expect(screen.getByTestId('dashboard-net').textContent).toContain('1,167,000');
    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => {
      const query = new URL(seen.at(-1)!).searchParams;
      expect((Date.parse(query.get('to')!) - Date.parse(query.get('from')!)) / 86_400_000).toBe(6);
    });
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    const tenders = screen.getByTestId('chart-tender-mix');
    fireEvent.click(within(tenders).getByRole('button', { name: 'Show numbers' }));
    expect(within(screen.getByTestId('chart-tender-mix-table')).getByRole('rowheader', { name: 'Cash' }).closest('tr')?.textContent).toContain('87,000');
    for (const button of screen.getAllByRole('button')) expect(button.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });
});
