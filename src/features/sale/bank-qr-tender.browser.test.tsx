// The bank-transfer QR at the till, in real Chromium: drawn for the sale's amount and number, and handed to
// the customer display while it is open (so the customer scans the shop's screen), withdrawn when it closes;
// registered with the server online and taken by itself once the bank's notice confirmed it, confirmed by
// hand otherwise.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tender } from '../../domain/tender-kinds.ts';
import { saveDeviceIdentity } from '../../sync/enrolment.ts';
import { openSyncDatabase, type SyncDatabase } from '../../sync/sync-database.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { currentCustomerQr } from '../../session/customer-display-channel.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { bankQrTender, QrTender } from './tenders/bank-qr.tsx';
import { DEVICE_ID, renderOnTill, setUpTill, STORE_ID, tearDownTill, testConfig } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

afterEach(cleanup);

describe('paying by bank transfer QR', () => {
  it('draws the VietQR for what is due and shows the same QR on the customer display until it closes', async () => {
    const settings = saleSettingsOf(testConfig({ store: { bank: { bin: '970436', accountNumber: '0011223344', accountName: 'CUA HANG Q1' } } }));
    const view = render(
      <I18nextProvider i18n={i18nIn('vi')}>
        <SaleSettingsContext value={settings}>
          <QrTender remaining={88_000} purpose="Q1-T1-000042" onConfirmed={() => undefined} />
        </SaleSettingsContext>
      </I18nextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('qr-tender').querySelector('img')).not.toBeNull());
    const payload = screen.getByTestId('qr-tender').dataset['payload'] ?? '';
    // EMVCo: the amount (tag 54) and the sale number in the purpose (tag 62) are in the payload.
    expect(payload).toContain('540588000');
    expect(payload).toContain('Q1-T1-000042');
    expect(currentCustomerQr()).toEqual({ payload, amount: 88_000 });
    view.unmount();
    expect(currentCustomerQr()).toBeNull();
  });
});

describe("the bank's confirmation of a transfer QR", () => {
  let till: Till | undefined;
  let syncDatabase: SyncDatabase | undefined;
  const bankConfig = testConfig({ store: { bank: { bin: '970436', accountNumber: '0011223344', accountName: 'CUA HANG Q1' } } });

  beforeEach(async () => {
    till = await setUpTill(bankConfig);
    syncDatabase = openSyncDatabase(`${till.database.name}-sync`);
    await saveDeviceIdentity(syncDatabase, { deviceId: DEVICE_ID, storeId: STORE_ID, storeName: 'Cửa hàng Quận 1', deviceName: 'Quầy 3', serverUrl: 'http://localhost:1', token: 't', enrolledAt: '2025-01-01T00:00:00.000Z' });
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    cleanup();
    await syncDatabase?.delete({ disableAutoOpen: true });
    await tearDownTill(till);
  });

  const renderForm = (take: (tender: Tender) => void) =>
    renderOnTill(
      till!,
      <SyncDatabaseContext value={syncDatabase ?? null}>
        <SaleSettingsContext value={saleSettingsOf(bankConfig)}>
          <bankQrTender.Form total={88_000} remaining={88_000} remainingInCash={88_000} tenders={[]} redeemRules={undefined} expectedNumber="Q1-T1-000042" take={take} />
        </SaleSettingsContext>
      </SyncDatabaseContext>,
    );

  it('online, registers the payment it waits for, and turns paid by itself when the server matched the bank notice', async () => {
    const registered: Array<{ id: string; reference: string; amount: number; currency: string }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (init.method === 'POST' && url.endsWith('/api/v1/payments/bank-qr')) {
        registered.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({ payment: { status: 'waiting' } }), { status: 201, headers: { 'content-type': 'application/json' } });
      }
      return new Response('{}', { status: 200 });
    });
    const taken: Tender[] = [];
    renderForm((tender) => taken.push(tender));
    await waitFor(() => expect(screen.getByTestId('qr-bank-status').dataset['state']).toBe('waiting'));
    expect(registered).toEqual([{ id: expect.any(String), reference: 'Q1-T1-000042', amount: 88_000, currency: 'VND' }]);
    expect(taken).toEqual([]);

    // The bank's notice matched on the server; the confirmed payment syncs down to the tablet.
    const at = new Date().toISOString();
    await till!.database.payments.insert({
      id: registered[0]!.id,
      storeId: STORE_ID,
      deviceId: DEVICE_ID,
      method: 'bank_qr',
      reference: 'Q1-T1-000042',
      amount: 88_000,
      currency: 'VND',
      status: 'confirmed',
      createdAt: at,
      updatedAt: at,
      confirmedAt: at,
      bank: { provider: 'sepay', transactionId: 'FT26340123456', amount: 88_000, note: 'Q1-T1-000042 chuyen tien', receivedAt: at },
    });
    await waitFor(() => expect(taken).toEqual([{ method: 'bank_qr', amount: 88_000, reference: 'BANK sepay FT26340123456' }]));
    expect(screen.getByTestId('qr-bank-status').dataset['state']).toBe('confirmed');
    expect((screen.getByTestId('qr-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('when the server cannot be reached, the cashier confirms by hand and the tender keeps the QR reference the day end reconciles', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const taken: Tender[] = [];
    renderForm((tender) => taken.push(tender));
    await waitFor(() => expect(screen.getByTestId('qr-bank-status').dataset['state']).toBe('manual-unreachable'));
    expect(screen.getByTestId('qr-bank-status').textContent).toMatch(/đối soát cuối ngày/);
    fireEvent.click(screen.getByTestId('qr-confirm'));
    fireEvent.click(screen.getByTestId('qr-confirm'));
    expect(taken).toEqual([{ method: 'bank_qr', amount: 88_000, reference: 'QR Q1-T1-000042' }]);
  });
});
