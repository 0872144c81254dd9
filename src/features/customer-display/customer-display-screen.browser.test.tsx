// The customer display in real Chromium, fed over a real BroadcastChannel as the till feeds it: it greets,
// shows each line with the one rung up last lit, the total, what is paid and the change, the transfer QR
// drawn for the customer to scan, and thanks with the points; in the till's language.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerDisplayView } from '../../domain/customer-display.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { publishCustomerDisplay } from '../../session/customer-display-channel.ts';
import { CustomerDisplayScreen } from './customer-display-screen.tsx';

afterEach(cleanup);

const sale = (extra: Partial<Extract<CustomerDisplayView, { phase: 'sale' }>> = {}): CustomerDisplayView => ({
  phase: 'sale',
  storeName: 'Cửa hàng Quận 1',
  language: 'vi',
  currency: 'VND',
  lines: [
    { lineId: 'L1', name: 'Cà phê sữa', qty: 2000, unit: 'pcs', unitPrice: 29_000, total: 58_000 },
    { lineId: 'L2', name: 'Chuối', qty: 1250, unit: 'kg', unitPrice: 24_000, total: 30_000 },
  ],
  lastLineId: 'L2',
  discount: 0,
  total: 88_000,
  paid: 0,
  remaining: 88_000,
  change: 0,
  qr: null,
  ...extra,
});

function showDisplay(language: 'vi' | 'en' = 'vi') {
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <CustomerDisplayScreen />
    </I18nextProvider>,
  );
}

describe('the customer display', () => {
  it('opened after the till started, gets the current view at once (its hello is answered)', async () => {
    publishCustomerDisplay({ phase: 'welcome', storeName: 'Cửa hàng Quận 1', language: 'vi' });
    showDisplay();
    await waitFor(() => expect(screen.getByTestId('customer-display').dataset['phase']).toBe('welcome'));
    expect(screen.getByRole('heading').textContent).toContain('Cửa hàng Quận 1');
  });

  it('shows the lines with the last one lit, the total, then the change once paid', async () => {
    showDisplay();
    publishCustomerDisplay(sale());
    await waitFor(() => expect(screen.getAllByTestId('display-line')).toHaveLength(2));
    const lines = screen.getAllByTestId('display-line');
    expect(lines[0]?.textContent).toContain('Cà phê sữa');
    expect(lines[1]?.dataset['last']).toBe('true');
    expect(lines[1]?.textContent).toMatch(/1,250\s*kg/);
    expect(screen.getByTestId('display-total').textContent).toMatch(/88\.000/);

    publishCustomerDisplay(sale({ paid: 100_000, remaining: 0, change: 12_000 }));
    await waitFor(() => expect(screen.getByTestId('display-change').textContent).toMatch(/12\.000/));
    expect(screen.getByTestId('display-paid').textContent).toMatch(/100\.000/);
  });

  it('draws the bank-transfer QR the till shows, for the customer to scan here', async () => {
    showDisplay();
    publishCustomerDisplay(sale({ qr: { payload: '00020101021238570010A000000727', amount: 88_000 } }));
    await waitFor(() => expect(screen.getByTestId('display-qr').querySelector('img')).not.toBeNull());
    expect(screen.getByTestId('display-qr').dataset['payload']).toBe('00020101021238570010A000000727');
    expect(screen.getByTestId('display-qr').textContent).toMatch(/88\.000/);
  });

  it('thanks the customer with the change and the points, in the till’s language (English here)', async () => {
    showDisplay('vi');
    publishCustomerDisplay({ phase: 'thanks', storeName: 'Q1', language: 'en', currency: 'VND', total: 88_000, change: 12_000, pointsEarned: 8 });
    await waitFor(() => expect(screen.getByTestId('customer-display').dataset['phase']).toBe('thanks'));
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('Thank you, see you again!'));
    expect(screen.getByTestId('display-points').textContent).toBe('You earned 8 points');
  });
});
