// Times on the store's clock, everywhere: a tablet whose own zone is not the store's (here the store is on
// Kiritimati, UTC+14, so no test machine's zone can hide a mistake) lists today's receipts and the audit trail
// with the time the receipt prints, day first, in Vietnamese and in English.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import { formatStoreTime } from '../../domain/store-time-format.ts';
import { formatReceiptTime } from '../../devices/printer/receipt-format.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { AuditViewerScreen } from '../audit/audit-viewer-screen.tsx';
import { ReceiptsScreen } from './receipts-screen.tsx';
import { DEVICE_ID, STORE_ID, completeOnTill, hoa, renderOnTill, setUpTill, tearDownTill, testConfig, type Till } from './till.test-helper.tsx';

const STORE_ZONE = 'Pacific/Kiritimati';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  await tearDownTill(till);
  till = undefined;
});

/** A store on Kiritimati whose managers may read the audit trail. */
function kiritimatiConfig(): StoreConfigDocument {
  const config = testConfig({ store: { timeZone: STORE_ZONE } });
  const manager = (config.permissions?.manager ?? []) as string[];
  return { ...config, permissions: { ...config.permissions, manager: [...manager, 'report.view'] } };
}

async function sellCoffee(current: Till) {
  const cart = ringUpLine(emptyCart(), { id: 'p-coffee', sku: 'CF01', name: 'Cà phê sữa', price: 29_000, taxClassId: 'vat10', weighed: false });
  if (!cart.ok) throw new Error(cart.detail);
  return completeOnTill(current, cart.cart, [{ method: 'cash', amount: 29_000 }], hoa.id);
}

describe('times on the store\'s clock', () => {
  it('the device\'s own zone is not the store\'s (else this test could not fail)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe(STORE_ZONE);
  });

  for (const language of ['vi', 'en'] as const) {
    it(`today's receipts show the time the receipt prints, day first, in ${language === 'vi' ? 'Vietnamese' : 'English'}`, async () => {
      till = await setUpTill(kiritimatiConfig(), hoa);
      const sale = await sellCoffee(till);
      renderOnTill(
        till,
        <I18nextProvider i18n={i18nIn(language)}>
          <ReceiptsScreen />
        </I18nextProvider>,
      );
      const row = await waitFor(() => {
        const found = screen.getAllByTestId('receipt-row').find((each) => each.dataset.number === sale.number);
        if (found === undefined) throw new Error('the sale is not listed yet');
        return found;
      });
      const printed = formatReceiptTime(sale.createdAt, language, STORE_ZONE);
      await waitFor(() => expect(within(row).getByTestId('receipt-time').textContent).toBe(printed));
      expect(printed).toBe(formatStoreTime(sale.createdAt, { language, timeZone: STORE_ZONE }));
      expect(printed).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    });
  }

  it('the audit trail shows each entry on the store\'s clock', async () => {
    till = await setUpTill(kiritimatiConfig(), hoa);
    const createdAt = '2025-03-15T07:05:00.000Z';
    await till.database.audit.insert({ id: 'audit-1', storeId: STORE_ID, deviceId: DEVICE_ID, action: 'drawer.open', staffId: hoa.id, details: { reason: 'no-sale' }, createdAt });
    renderOnTill(
      till,
      <I18nextProvider i18n={i18nIn('en')}>
        <AuditViewerScreen />
      </I18nextProvider>,
    );
    const time = await screen.findByTestId('audit-time', {}, { timeout: 5_000 });
    // 07:05 UTC is 21:05 on Kiritimati, the same day.
    await waitFor(() => expect(time.textContent).toBe('15/03/2025 21:05'));
    await act(async () => undefined);
  });
});
