// The bank-transfer QR at the till, in real Chromium: drawn for the sale's amount and number, and handed to
// the customer display while it is open (so the customer scans the shop's screen), withdrawn when it closes.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { currentCustomerQr } from '../../session/customer-display-channel.ts';
import { saleSettingsOf } from './sale-settings.ts';
import { SaleSettingsContext } from './sale-settings-context.ts';
import { QrTender } from './tenders/bank-qr.tsx';
import { testConfig } from './till.test-helper.tsx';

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
