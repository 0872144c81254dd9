// A manager looks at the store's incidents in the back office (issue 15), in real Chromium with TanStack Query;
// the server is a stand-in fetch answering as GET /api/v1/incidents and POST /api/v1/incidents/:id/handled do
// (tests/server/incidents-handled.test.ts covers the real routes). The online order flagged at handover reads
// in plain Vietnamese with its order number and unpaid amount, is marked handled with a note and leaves the
// list; the handled ones show on request with who and when; one marked meanwhile elsewhere is said so in English.
import '../../ui/theme.css';
import './backoffice.css';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { BackOfficeSession } from './back-office-client.ts';
import type { Incident } from './incidents-detail.ts';
import { IncidentsBody } from './incidents-screen.tsx';

const SERVER = 'https://pos.example.test';
const session = (language: Language): BackOfficeSession => ({ serverUrl: SERVER, token: 'staff-token-1', language });

const flagged: Incident = {
  id: 'inc-flag',
  kind: 'order-flag',
  collection: 'orders',
  documentId: 'order-1042',
  detail: { number: '#1042', code: 'handed-over-unpaid', unpaidAmount: 25_000, currency: 'VND' },
  createdAt: '2026-12-02T08:00:00.000Z',
};
const unmatched: Incident = {
  id: 'inc-bank',
  kind: 'bank-notice-unmatched',
  collection: 'payments',
  documentId: 'notice-1',
  detail: { provider: 'sepay', amount: 79_000, note: 'Q1T03000124', why: 'no-waiting-payment' },
  createdAt: '2026-12-01T03:30:00.000Z',
};

interface Seen {
  method: string;
  url: URL;
  body: unknown;
}

/** The store's incidents as the server keeps them; a mark is the server's (who and when). */
function fakeServer(incidents: Incident[], refuseMark?: { status: number; body: unknown }) {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call: Seen = { method: init.method ?? 'GET', url: new URL(url), body: init.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(call);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (call.method === 'POST') {
      if (refuseMark) return json(refuseMark.status, refuseMark.body);
      const id = decodeURIComponent(call.url.pathname.split('/').at(-2) ?? '');
      const index = incidents.findIndex((each) => each.id === id);
      const note = (call.body as { note?: string }).note;
      const marked: Incident = { ...incidents[index]!, handled: { at: '2026-12-02T09:15:00.000Z', by: 'store-q1-manager', byName: 'Lê Hoàng Nam', ...(note === undefined ? {} : { note }) } };
      incidents[index] = marked;
      return json(200, { incident: marked });
    }
    const kind = call.url.searchParams.get('kind');
    const handled = call.url.searchParams.get('handled');
    return json(200, {
      incidents: incidents.filter((each) => (kind === null || each.kind === kind) && (handled === null || (each.handled !== undefined) === (handled === 'true'))),
    });
  });
  return seen;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderIn(language: Language, onRefused: (error: unknown) => void = vi.fn()): void {
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <QueryClientProvider client={new QueryClient()}>
        <IncidentsBody session={session(language)} onRefused={onRefused} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const listed = () => screen.queryAllByTestId('incident').map((card) => card.getAttribute('data-incident-id'));

describe("the back office's incidents", () => {
  it('reads the online order flagged at handover in plain words, marks it handled with a note, and shows it again among the handled', async () => {
    const seen = fakeServer([flagged, unmatched]);
    renderIn('vi');
    await screen.findByTestId('incidents-list');
    expect(listed()).toEqual(['inc-flag', 'inc-bank']);
    expect(seen[0]?.url.searchParams.get('handled')).toBe('false');
    expect(seen[0]?.url.pathname).toBe('/api/v1/incidents');

    const card = screen.getAllByTestId('incident')[0]!;
    expect(within(card).getByTestId('incident-kind').textContent).toBe('Đơn online cần xem');
    expect(within(card).getByTestId('incident-document').textContent).toBe('Đơn #1042');
    expect(within(card).getByTestId('incident-when').textContent).toBe('02/12/2026 15:00');
    const detail = within(card).getByTestId('incident-detail').textContent ?? '';
    expect(detail).toContain('Vấn đề');
    expect(detail).toContain('handed-over-unpaid');
    expect(detail).toMatch(/Còn phải trả25\.000\s₫/);
    expect(detail).not.toContain('{');
    const bank = screen.getAllByTestId('incident')[1]!;
    expect(within(bank).getByTestId('incident-document').textContent).toBe('Chuyển khoản, nội dung «Q1T03000124»');
    expect(within(bank).getByTestId('incident-detail').textContent).toMatch(/Số tiền79\.000\s₫/);

    // The online-order kinds are one tap away.
    fireEvent.click(screen.getByTestId('incidents-kind-bank-notice-unmatched'));
    await waitFor(() => expect(listed()).toEqual(['inc-bank']));
    expect(seen.at(-1)?.url.searchParams.get('kind')).toBe('bank-notice-unmatched');
    fireEvent.click(screen.getByTestId('incidents-kind-all'));
    await waitFor(() => expect(listed()).toEqual(['inc-flag', 'inc-bank']));

    const first = screen.getAllByTestId('incident')[0]!;
    fireEvent.click(within(first).getByTestId('incident-mark'));
    fireEvent.change(within(first).getByTestId('incident-note'), { target: { value: ' Đã gọi khách, thu nốt tại quầy ' } });
    fireEvent.click(within(first).getByTestId('incident-mark-confirm'));
    expect((await screen.findByTestId('incidents-notice')).textContent).toBe('Đã đánh dấu đã xử lý.');
    const post = seen.find((call) => call.method === 'POST');
    expect(post?.url.pathname).toBe('/api/v1/incidents/inc-flag/handled');
    expect(post?.body).toEqual({ note: 'Đã gọi khách, thu nốt tại quầy' });
    await waitFor(() => expect(listed()).toEqual(['inc-bank']));

    fireEvent.click(screen.getByTestId('incidents-show-handled'));
    await waitFor(() => expect(listed()).toEqual(['inc-flag', 'inc-bank']));
    expect(seen.at(-1)?.url.searchParams.has('handled')).toBe(false);
    const handled = screen.getAllByTestId('incident')[0]!;
    expect(handled.getAttribute('data-handled')).toBe('true');
    expect(within(handled).queryByTestId('incident-mark')).toBeNull();
    expect(within(handled).getByTestId('incident-handled').textContent).toBe('Đã xử lý bởi Lê Hoàng Nam lúc 02/12/2026 16:15Ghi chú: Đã gọi khách, thu nốt tại quầy');
  });

  it('an incident another manager marked meanwhile is said so in English, and the list is read again', async () => {
    const seen = fakeServer([unmatched], { status: 409, body: { error: 'conflict', message: 'The incident inc-bank was already marked handled by Lê Hoàng Nam at 2026-12-02T09:15:00.000Z' } });
    renderIn('en');
    await screen.findByTestId('incidents-list');
    const card = screen.getAllByTestId('incident')[0]!;
    expect(within(card).getByTestId('incident-kind').textContent).toBe('Bank transfer matches nothing');
    expect(within(card).getByTestId('incident-document').textContent).toBe('Bank transfer, note “Q1T03000124”');
    fireEvent.click(within(card).getByTestId('incident-mark'));
    fireEvent.click(within(card).getByTestId('incident-mark-confirm'));
    expect((await within(card).findByTestId('incident-mark-problem')).textContent).toBe('Someone else already marked this incident handled. The list was read again.');
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({});
    await waitFor(() => expect(seen.filter((call) => call.method === 'GET')).toHaveLength(2));
    expect(screen.queryByTestId('incidents-notice')).toBeNull();
  });

  it('with nothing to look at it says so, and its controls are big enough to tap', async () => {
    fakeServer([]);
    renderIn('vi');
    expect((await screen.findByTestId('incidents-none')).textContent).toBe('Không có sự cố nào cần xem.');
    for (const control of [screen.getByTestId('incidents-kind-all'), screen.getByTestId('incidents-kind-order-flag'), screen.getByTestId('incidents-kind')]) {
      const { height, width } = control.getBoundingClientRect();
      expect(Math.min(height, width)).toBeGreaterThanOrEqual(44);
    }
  });

  it('a back-office session that ended sends the manager back to the PIN, once', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'unauthorized', message: 'The staff session ended' }), { status: 401, headers: { 'content-type': 'application/json' } }));
    const onRefused = vi.fn();
    renderIn('en', onRefused);
    await waitFor(() => expect(onRefused).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('incidents-read-error').textContent).toBe("The store's incidents could not be read. Try again; if it keeps failing, call support.");
  });
});
