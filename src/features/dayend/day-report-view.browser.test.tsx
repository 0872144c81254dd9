// The day report on the day-end screen splits card by terminal (issue 17), in real Chromium: the rows under
// the card row, by the names the store's config gives, once the store's card tenders name terminals.
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { dayReport } from '../../domain/day-report.ts';
import type { SaleDocument } from '../../domain/documents.ts';
import { cartOf, coffee, saleOf, testTaxClasses } from '../../domain/paid-sale.test-helper.ts';
import { emptyCart, ringUpLine } from '../../domain/cart.ts';
import { buildSaleDocument } from '../../domain/sale-document.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { DayReportView } from './day-report-view.tsx';

afterEach(() => cleanup());

function cardSale(id: string, minute: number, terminal?: string): SaleDocument {
  const context = { id, storeId: 'store-q1', deviceId: 'device-t01', number: `Q1-${id}`, createdAt: new Date(Date.UTC(2025, 10, 24, 2, minute)).toISOString(), staffId: 'staff-lan', currency: 'VND' };
  return saleOf(buildSaleDocument(cartOf(ringUpLine(emptyCart(), coffee)), [{ method: 'card', amount: 29_000, reference: `APPR ${id}`, ...(terminal === undefined ? {} : { terminal }) }], context, { taxClasses: testTaxClasses }));
}

function reportOf(sales: SaleDocument[]) {
  return dayReport({
    date: '2025-11-24',
    storeId: 'store-q1',
    settings: { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0, currency: 'VND', cardTerminals: [{ id: 'vcb-1', name: 'Vietcombank quầy 1' }, { id: 'tcb-2', name: 'Techcombank quầy 2' }] },
    sales,
    shiftEvents: [],
    orders: [],
  });
}

describe('card by terminal on the day-end screen', () => {
  it('lists each terminal under the card row, with its name, count and amount; card tenders naming none have their own row', () => {
    render(
      <I18nextProvider i18n={i18nIn('vi')}>
        <DayReportView report={reportOf([cardSale('a', 1, 'tcb-2'), cardSale('b', 2, 'vcb-1'), cardSale('c', 3, 'vcb-1'), cardSale('d', 4)])} nameOf={(id) => id} />
      </I18nextProvider>,
    );
    const card = screen.getAllByTestId('report-tender').find((row) => row.dataset['method'] === 'card');
    expect(card?.dataset['amount']).toBe('116000');
    const rows = screen.getAllByTestId('report-card-terminal');
    expect(rows.map((row) => [row.dataset['terminal'], Number(row.dataset['amount']), Number(row.dataset['count'])])).toEqual([
      ['vcb-1', 58_000, 2],
      ['tcb-2', 29_000, 1],
      ['', 29_000, 1],
    ]);
    expect(rows[0]?.textContent).toContain('Vietcombank quầy 1 (2)');
    expect(rows[2]?.textContent).toContain('Thẻ không ghi máy quẹt (1)');
    expect(card?.nextElementSibling).toBe(rows[0]);
  });

  it('shows no split while no card tender names a terminal', () => {
    render(
      <I18nextProvider i18n={i18nIn('en')}>
        <DayReportView report={reportOf([cardSale('a', 1), cardSale('b', 2)])} nameOf={(id) => id} />
      </I18nextProvider>,
    );
    expect(screen.getAllByTestId('report-tender').find((row) => row.dataset['method'] === 'card')?.dataset['count']).toBe('2');
    expect(screen.queryAllByTestId('report-card-terminal')).toHaveLength(0);
  });
});
