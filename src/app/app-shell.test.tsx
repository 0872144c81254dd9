import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSaleActivityStore } from '../session/sale-activity-store.ts';
import { renderApp, setNetworkOnline } from './render-app.tsx';
import { useUpdateStore } from './update-store.ts';

beforeEach(() => {
  localStorage.clear();
  setNetworkOnline(true);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the POS shell', () => {
  it('opens in Vietnamese with the counter, navigation and connection status', async () => {
    renderApp();
    expect(screen.getByTestId('pos-shell')).toBeInTheDocument();
    expect(screen.getByTestId('nav-sale')).toHaveTextContent('Bán hàng');
    expect(screen.getByTestId('nav-settings')).toHaveTextContent('Cài đặt');
    expect(document.documentElement.lang).toBe('vi');
    expect(await screen.findByTestId('database-opening')).toHaveTextContent('Đang mở dữ liệu trên máy');
  });

  it('switches to English, updates <html lang> and remembers the choice', () => {
    renderApp();
    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'en' } });
    expect(screen.getByTestId('nav-settings')).toHaveTextContent('Settings');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('pos.language')).toBe('en');
    cleanup();

    renderApp();
    expect(screen.getByTestId('nav-sale')).toHaveTextContent('Sale');
  });

  it('navigates to Settings without reloading the page', async () => {
    renderApp();
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(window.location.pathname).toBe('/settings');
    // The settings screen is a lazy chunk: its first import is compiled on the spot in this test runner.
    expect(await screen.findByTestId('settings-screen', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
  });

  it('shows offline when the network drops and online when it returns', async () => {
    renderApp();
    const status = screen.getByTestId('connection-status');
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'online'));
    act(() => setNetworkOnline(false));
    expect(status).toHaveAttribute('data-state', 'offline');
    expect(status).toHaveTextContent('vẫn bán được');
    act(() => setNetworkOnline(true));
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'online'));
  });

  it('shows server-unreachable when the network is up but the health check fails', async () => {
    renderApp({ health: 'unreachable' });
    await waitFor(() => expect(screen.getByTestId('connection-status')).toHaveAttribute('data-state', 'server-unreachable'), {
      timeout: 4_000,
    });
  });

  it('tells the cashier what to do when the device database cannot be opened', async () => {
    const quotaFull = Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    renderApp({ databaseOpening: quotaFull });
    const error = await screen.findByTestId('database-error');
    expect(error).toHaveTextContent('Bộ nhớ của máy đã đầy');
    expect(error).toHaveTextContent('Mã lỗi: QuotaExceededError');
  });

  it('holds the new-version prompt back during a sale and shows it once the sale ends', () => {
    renderApp();
    const applyUpdate = vi.fn();
    act(() => {
      useSaleActivityStore.getState().setSaleInProgress(true);
      useUpdateStore.getState().offerUpdate(applyUpdate);
    });
    expect(screen.queryByTestId('update-prompt')).not.toBeInTheDocument();

    act(() => useSaleActivityStore.getState().setSaleInProgress(false));
    const prompt = screen.getByTestId('update-prompt');
    expect(prompt).toHaveTextContent('Có phiên bản mới — Tải lại');
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(applyUpdate).toHaveBeenCalledOnce();
  });
});
