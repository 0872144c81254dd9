// The counter's home reads the live product count from the real device database (IndexedDB in Chromium).
import type { ReactNode } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import { useDatabaseStatus } from '../../data/database-context.ts';
import { DatabaseProvider } from '../../data/database-provider.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { SaleHomeScreen } from './sale-home-screen.tsx';

let database: PosDatabase | undefined;

/** The shell renders data screens only once the database is open; this stands in for its gate. */
function WhenOpen({ children }: { children: ReactNode }) {
  return useDatabaseStatus().state === 'ready' ? children : null;
}

afterEach(async () => {
  cleanup();
  await database?.remove();
  database = undefined;
});

describe('the counter home screen', () => {
  it('counts the catalog on this device live, as products arrive', async () => {
    localStorage.clear();
    database = await createPosDatabase({ name: `pos-test-${crypto.randomUUID()}` });
    render(
      <I18nextProvider i18n={createI18n()}>
        <DatabaseProvider opening={Promise.resolve(database)}>
          <WhenOpen>
            <SaleHomeScreen />
          </WhenOpen>
        </DatabaseProvider>
      </I18nextProvider>,
    );
    const count = await screen.findByTestId('catalog-count');
    await waitFor(() => expect(count.dataset.count).toBe('0'));
    expect(screen.getByTestId('sync-not-set-up').textContent).toContain('chưa được thiết lập');

    await database.products.insert({
      id: 'p-1',
      sku: 'SKU-1',
      name: 'Nước mắm Phú Quốc',
      searchName: 'nuoc mam phu quoc',
      barcodes: ['8930000000012'],
      price: 45_000,
      taxClassId: 'vat-8',
      unit: 'pcs',
      weighed: false,
      active: true,
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    await waitFor(() => expect(count.dataset.count).toBe('1'));
    expect(count.textContent).toBe('Danh mục trên máy có 1 sản phẩm.');
  });
});
