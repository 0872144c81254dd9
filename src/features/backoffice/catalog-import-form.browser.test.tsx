// A manager uploads the catalog in real Chromium: the form, TanStack Query and the file input are real; the
// server is a stand-in fetch that answers as POST /api/v1/catalog/import does (its own tests and the e2e
// test cover the real one). A refused file lists each bad cell by line and column in the manager's language.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import type { Language } from '../../i18n/i18n.ts';
import { CSV_TYPE, XLSX_TYPE, type CatalogImportError } from './back-office-api.ts';
import { CatalogImportForm } from './catalog-import-form.tsx';
import { ImportErrorsTable } from './import-errors-table.tsx';

const SERVER = 'https://pos.example.test';

interface SeenRequest {
  url: string;
  contentType: string | null;
  language: string | null;
  authorization: string | null;
  body: string;
}

/** A stand-in server answering each upload with the next of `answers`, keeping what it was sent. */
function fakeServer(answers: Array<{ status: number; body: unknown }>) {
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({
      url,
      contentType: headers.get('content-type'),
      language: headers.get('accept-language'),
      authorization: headers.get('authorization'),
      body: await new Response(init.body).text(),
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

function renderForm(language: Language, onSessionEnded = vi.fn()) {
  render(
    <I18nextProvider i18n={i18nIn(language)}>
      <QueryClientProvider client={new QueryClient()}>
        <CatalogImportForm serverUrl={SERVER} staffToken="staff-token-1" onSessionEnded={onSessionEnded} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return onSessionEnded;
}

function chooseFile(file: File) {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the catalog import form', () => {
  it('sends a CSV as text/csv in the manager language, lists a refused file by line and column, then shows the counts of the fixed one', async () => {
    const refusal: CatalogImportError[] = [
      { line: 3, column: 'Giá bán', message: 'Giá phải là số nguyên không âm tính bằng đơn vị nhỏ nhất, ví dụ 12500.' },
      { line: 4, column: 'Mã vạch', message: 'Mã vạch 8934567890124 sai số kiểm tra.' },
    ];
    const seen = fakeServer([
      { status: 422, body: { errors: refusal, errorCount: 2 } },
      { status: 200, body: { created: 3, updated: 0, unchanged: 0, openingStock: { set: 2, kept: 0 }, ignoredColumns: ['Ghi chú'] } },
    ]);
    renderForm('vi');
    const bad = 'Mã hàng,Tên hàng,Giá bán,Thuế\nA1,Trà,12000,vat8\nA2,Cà phê,12.5,vat8\n';
    chooseFile(new File([bad], 'danh-muc.csv', { type: 'application/vnd.ms-excel' }));
    fireEvent.click(screen.getByTestId('import-submit'));

    const refused = await screen.findByTestId('import-refused');
    expect(refused.textContent).toContain('Chưa nhập gì: có 2 lỗi cần sửa trong tệp.');
    const rows = within(refused).getAllByTestId('import-error');
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual(refusal.map((e) => [String(e.line), e.column, e.message]));
    expect(screen.queryByTestId('import-done')).toBeNull();
    // Windows calls a CSV an Excel file; the form sends it by its name, as what it is.
    expect(seen[0]).toEqual({ url: `${SERVER}/api/v1/catalog/import`, contentType: CSV_TYPE, language: 'vi', authorization: 'Bearer staff-token-1', body: bad });

    const fixed = bad.replace('12.5', '12500');
    chooseFile(new File([fixed], 'danh-muc-sua.csv', { type: 'text/csv' }));
    expect(screen.queryByTestId('import-refused')).toBeNull();
    fireEvent.click(screen.getByTestId('import-submit'));
    const done = await screen.findByTestId('import-done');
    expect(within(done).getByTestId('import-created').textContent).toBe('3');
    expect(within(done).getByTestId('import-stockSet').textContent).toBe('2');
    expect(within(done).getByTestId('import-ignored-columns').textContent).toBe('Các cột không dùng: Ghi chú');
    expect(seen[1]?.body).toBe(fixed);
  });

  it('sends a workbook as .xlsx bytes, in English for an English screen', async () => {
    const seen = fakeServer([{ status: 200, body: { created: 0, updated: 1, unchanged: 4, openingStock: { set: 0, kept: 1 }, ignoredColumns: [] } }]);
    renderForm('en');
    chooseFile(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'catalog.xlsx', { type: '' }));
    fireEvent.click(screen.getByTestId('import-submit'));
    const done = await screen.findByTestId('import-done');
    expect(done.textContent).toContain('catalog.xlsx is imported.');
    expect(within(done).getByTestId('import-unchanged').textContent).toBe('4');
    expect(done.textContent).toContain('opening stock is set only once');
    expect(seen[0]).toMatchObject({ contentType: XLSX_TYPE, language: 'en' });
  });

  it('does not send an old .xls workbook and says to save it as .xlsx', () => {
    const seen = fakeServer([]);
    renderForm('en');
    chooseFile(new File(['x'], 'old.xls', { type: 'application/vnd.ms-excel' }));
    expect(screen.getByTestId('import-chosen').textContent).toContain('save it as .xlsx');
    expect((screen.getByTestId('import-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(seen).toEqual([]);
  });

  it('hands an expired staff session back to the screen and says so', async () => {
    fakeServer([{ status: 401, body: { error: 'unauthorized', message: 'The staff session expired' } }]);
    const onSessionEnded = renderForm('en');
    chooseFile(new File(['sku,name,price,taxClass\n'], 'c.csv', { type: 'text/csv' }));
    fireEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(onSessionEnded).toHaveBeenCalledWith(expect.objectContaining({ status: 401, code: 'unauthorized' })));
  });
});

describe('the import errors table', () => {
  it('shows each error at its line and column, the whole file where there is no column, and says when only the first are listed', () => {
    const errors: CatalogImportError[] = [
      { line: 1, column: '', message: 'The file is not UTF-8.' },
      { line: 7, column: 'price', message: 'Write the price in whole minor units, e.g. 12500.' },
    ];
    render(
      <I18nextProvider i18n={i18nIn('en')}>
        <ImportErrorsTable errors={errors} errorCount={1234} />
      </I18nextProvider>,
    );
    const table = screen.getByTestId('import-refused');
    expect(table.getAttribute('role')).toBe('alert');
    expect(table.textContent).toContain('Nothing was imported: 1234 problems to fix in the file.');
    expect(table.textContent).toContain('The first 2 problems:');
    const rows = within(table).getAllByTestId('import-error');
    expect(rows.map((row) => [row.dataset['line'], row.dataset['column'], row.textContent])).toEqual([
      ['1', '', '1(the file)The file is not UTF-8.'],
      ['7', 'price', '7priceWrite the price in whole minor units, e.g. 12500.'],
    ]);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Line', 'Column', 'Problem']);
  });
});
