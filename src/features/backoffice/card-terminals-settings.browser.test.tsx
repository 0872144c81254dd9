// A manager lists the store's card terminals in the back office's settings (issue 17), in real Chromium; the
// server is a stand-in fetch answering as the settings route does (tests/server/backoffice-settings.test.ts
// covers the real one): terminals added and renamed are sent with the form, and a repeated id the server
// names is shown next to its terminal, in the manager's language.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { standInStaffServer } from '../../sync/staff-server-stand-in.test-helper.ts';
import { SettingsBody, type StoreSettings } from './settings-screen.tsx';

const session = { serverUrl: 'https://pos.example.test', token: 'staff-token-1', language: 'vi' as const };

const settings: StoreSettings = {
  receiptHeader: ['CỬA HÀNG QUẬN 1'],
  receiptFooter: ['Cảm ơn quý khách!'],
  taxCode: '0312345678',
  bank: null,
  loyalty: { enabled: false, earnAmountPerPoint: 10_000, pointValue: 0, minRedeemPoints: 1, maxRedeemBasisPoints: 10_000, offlineRedeemCapPoints: 0, offlineRedeemCapAmount: null, nonEarningCategories: [] },
  returns: { windowDays: 7, refundMethods: ['original_tender', 'cash'], managerApprovalAbove: null, nonReturnableCategories: [] },
  timeZone: 'Asia/Ho_Chi_Minh',
  businessDayCutoff: '00:00',
  pickupAllowUnpaidHandover: false,
  cardTerminals: [{ id: 'vcb-1', name: 'Vietcombank quầy 1' }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the store’s card terminals in the back office', () => {
  it('a manager adds a second terminal; the id the server finds repeated is named next to it, and nothing else changes', async () => {
    const seen = standInStaffServer((call) =>
      call.method === 'GET'
        ? { status: 200, body: { settings, updatedAt: '2025-11-24T00:00:00.000Z' } }
        : { status: 422, body: { error: 'invalid_settings', message: 'cardTerminals.1.id', errors: [{ field: 'cardTerminals.1.id', message: 'Máy 2: mã "vcb-1" đã dùng cho máy khác' }] } },
    );
    render(
      <I18nextProvider i18n={i18nIn('vi')}>
        <QueryClientProvider client={new QueryClient()}>
          <SettingsBody session={session} onRefused={vi.fn()} />
        </QueryClientProvider>
      </I18nextProvider>,
    );
    await screen.findByTestId('settings-form');
    expect(screen.getByTestId<HTMLInputElement>('settings-card-terminal-name-0').value).toBe('Vietcombank quầy 1');
    fireEvent.click(screen.getByTestId('settings-card-terminal-add'));
    fireEvent.change(screen.getByTestId('settings-card-terminal-id-1'), { target: { value: 'vcb-1' } });
    fireEvent.change(screen.getByTestId('settings-card-terminal-name-1'), { target: { value: 'Techcombank quầy 2' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect((await screen.findByTestId('settings-error-card-terminal-1')).textContent).toBe('Máy 2: mã "vcb-1" đã dùng cho máy khác');
    expect(screen.queryByTestId('settings-error-card-terminal-0')).toBeNull();
    const put = seen.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({
      settings: {
        cardTerminals: [
          { id: 'vcb-1', name: 'Vietcombank quầy 1' },
          { id: 'vcb-1', name: 'Techcombank quầy 2' },
        ],
        taxCode: '0312345678',
      },
    });
    fireEvent.click(screen.getByTestId('settings-card-terminal-remove-0'));
    expect(screen.getAllByTestId('settings-card-terminal')).toHaveLength(1);
    expect(screen.getByTestId<HTMLInputElement>('settings-card-terminal-name-0').value).toBe('Techcombank quầy 2');
  });
});
