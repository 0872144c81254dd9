import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { SettingsScreen } from './settings-screen.tsx';

/** jsdom has no StorageManager; this stands in for the browser's, with a grant the test controls. */
function stubStorage({ persisted, grantOnRequest }: { persisted: boolean; grantOnRequest: boolean }) {
  let granted = persisted;
  const storage = {
    estimate: vi.fn(async () => ({ usage: 52_400_000, quota: 1_500_000_000 })),
    persisted: vi.fn(async () => granted),
    persist: vi.fn(async () => {
      granted = grantOnRequest;
      return granted;
    }),
  };
  Object.defineProperty(window.navigator, 'storage', { configurable: true, value: storage });
  return storage;
}

function renderSettings() {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <SettingsScreen />
    </I18nextProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('Settings: storage on this device', () => {
  it('shows usage and quota in human units and that persistence was granted', async () => {
    stubStorage({ persisted: true, grantOnRequest: true });
    renderSettings();
    const panel = screen.getByTestId('storage-panel');
    expect(await within(panel).findByTestId('storage-usage')).toHaveTextContent('Đã dùng 52 MB trên tổng 1,5 GB');
    expect(panel).toHaveAttribute('data-persisted', 'true');
    expect(within(panel).queryByTestId('request-persistence')).not.toBeInTheDocument();
  });

  it('warns when persistence was refused and lets a manager ask again', async () => {
    const storage = stubStorage({ persisted: false, grantOnRequest: true });
    renderSettings();
    const panel = screen.getByTestId('storage-panel');
    const button = await within(panel).findByTestId('request-persistence');
    expect(panel).toHaveAttribute('data-persisted', 'false');
    expect(within(panel).getByTestId('storage-persistence')).toHaveTextContent('chưa được cấp');

    fireEvent.click(button);
    await vi.waitFor(() => expect(panel).toHaveAttribute('data-persisted', 'true'));
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('in a browser without WebUSB the printer panel says receipts go to the print dialog', () => {
    stubStorage({ persisted: true, grantOnRequest: true });
    renderSettings();
    const panel = screen.getByTestId('printer-panel');
    expect(panel).toHaveAttribute('data-connection', 'unpaired');
    expect(within(panel).getByTestId('printer-browser-fallback')).toHaveTextContent('hóa đơn sẽ được in qua hộp thoại in của trình duyệt');
    expect(panel).toHaveTextContent('Trình duyệt này không hỗ trợ máy in USB');
    expect(within(panel).queryByTestId('printer-pair')).not.toBeInTheDocument();
  });

  it('shows the app version and lets the language be changed here too', async () => {
    stubStorage({ persisted: true, grantOnRequest: true });
    renderSettings();
    expect(screen.getByTestId('app-version')).toHaveTextContent('Phiên bản ứng dụng: dev');
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'en' } });
    expect(await screen.findByText('Storage on this device')).toBeInTheDocument();
  });
});
