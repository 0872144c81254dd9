// A real shop's first day (issue 14): a server started without the demo, an empty database; the chain's
// admin command creates the store and its manager and prints the enrolment code; a tablet enrols through
// the real enrolment screen; the manager signs in at the counter, opens the back office's catalog import,
// types her PIN again, imports a catalog file with a bad price (refused: nothing written, line and column
// shown in Vietnamese), fixes it and imports again (counts shown); the products reach the tablet through
// sync, and the manager scans an imported barcode and sells it at the imported price. Without network the
// screen says the import needs it. Real server process, real admin command, real Chromium.
import { describe, expect, it } from 'vitest';
import { openNewShop } from './support/new-shop.test-helper.ts';
import { useServerAndBrowser } from './support/tablet.test-helper.ts';
import { backOfficeScreen } from './screens/back-office-screen.test-helper.ts';
import { counterScreen } from './screens/counter-screen.test-helper.ts';
import { shellScreen } from './screens/shell-screen.test-helper.ts';
import { syncStatus } from './screens/sync-status.test-helper.ts';
import { makeEan13 } from '../../src/domain/gtin.ts';
import type { ProductDocument, SaleDocument } from '../../src/data/schemas/types.ts';

const MANAGER_PIN = '602417';
const TEA = makeEan13('893456700001');
const COFFEE = makeEan13('893456700002');
const RICE = makeEan13('893456700003');

/** The catalog as a Vietnamese shop writes it in Excel and saves as "CSV UTF-8", with one price left as typed. */
function catalogCsv(coffeePrice: string): string {
  return [
    'Mã hàng,Tên hàng,Mã vạch,Giá bán,Thuế,Đơn vị tính,Nhóm hàng,Tồn kho',
    `TRA-01,Trà xanh 0 độ,${TEA},10000,vat8,cái,Đồ uống,24`,
    `CF-02,Cà phê sữa đá lon,${COFFEE},${coffeePrice},vat8,cái,Đồ uống,12`,
    `GAO-03,Gạo ST25 túi 5kg,${RICE},185000,vat5,cái,Gạo,`,
  ].join('\r\n');
}

describe('a new store imports its catalog in the back office and sells from it', () => {
  const fixture = useServerAndBrowser({ env: { POS_DEMO: 'off' } });

  it('creates the store and manager with the admin command, refuses a bad file, imports the fixed one and sells an imported item at its price', async () => {
    const server = fixture.server();
    expect(server.output()).toMatch(/create-store/);

    const { tablet } = await openNewShop(fixture.browser(), server, { storeName: 'Cửa hàng Quận 3', address: '45 Võ Văn Tần, Quận 3', managerName: 'Lê Thu Hà', managerPin: MANAGER_PIN });
    const { page, context, problems, client } = tablet;

    await backOfficeScreen.openCatalogImport(page);
    expect(await backOfficeScreen.allOrNothingNotice(page)).toContain('chỉ cần một dòng sai là không ghi gì cả');
    await backOfficeScreen.signIn(page, MANAGER_PIN);

    // A price typed with a thousands separator: the whole file is refused, at its line and column.
    await backOfficeScreen.importFile(page, { name: 'danh-muc.csv', mimeType: 'text/csv', contents: catalogCsv('"15.000"') });
    const refusal = await backOfficeScreen.refusal(page);
    expect(refusal.summary).toBe('Chưa nhập gì: có 1 lỗi cần sửa trong tệp.');
    expect(refusal.errors).toEqual([{ line: 3, column: 'Giá bán', message: expect.stringContaining('không dùng dấu phân cách hàng nghìn') as string }]);
    expect(await client.pullAll<ProductDocument>('products')).toEqual([]);

    // Fixed: every row written, the counts shown.
    await backOfficeScreen.importFile(page, { name: 'danh-muc.csv', mimeType: 'text/csv', contents: catalogCsv('15000') });
    expect(await backOfficeScreen.counts(page)).toEqual({ created: 3, updated: 0, unchanged: 0, stockSet: 2, stockKept: 0 });
    const products = await client.pullAll<ProductDocument>('products');
    expect(products.map((p) => [p.sku, p.price, p.barcodes]).sort()).toEqual([
      ['CF-02', 15000, [COFFEE]],
      ['GAO-03', 185000, [RICE]],
      ['TRA-01', 10000, [TEA]],
    ]);

    // The same file again writes nothing.
    await backOfficeScreen.importFile(page, { name: 'danh-muc.csv', mimeType: 'text/csv', contents: catalogCsv('15000') });
    expect(await backOfficeScreen.counts(page)).toEqual({ created: 0, updated: 0, unchanged: 3, stockSet: 0, stockKept: 0 });

    // At the counter the imported products arrive through sync; the coffee scans at its imported price.
    await shellScreen.goToCounter(page);
    await syncStatus.waitForCatalogCount(page, 3);
    await counterScreen.waitUntilReady(page);
    await counterScreen.scan(page, COFFEE);
    await counterScreen.scan(page, COFFEE);
    expect(await counterScreen.line(page, 'CF-02')).toEqual({ qty: 2000, total: 30000 });
    expect(await counterScreen.total(page)).toBe(30000);
    const receipt = await counterScreen.pay(page, { cash: 50000 });
    // The pending count can read 0 before the new sale is counted; the server is the proof.
    await expect
      .poll(async () => (await client.pullAll<SaleDocument>('sales')).find((sale) => sale.number === receipt), { timeout: 60_000 })
      .toMatchObject({ totals: { total: 30000 }, lines: [expect.objectContaining({ sku: 'CF-02', qty: 2000, unitPrice: 15000, total: 30000 })] });

    // Offline, the import does not pretend: it needs the server.
    await backOfficeScreen.openCatalogImport(page);
    await context.setOffline(true);
    expect(await backOfficeScreen.waitForOfflineMessage(page)).toContain('Trang quản lý cần mạng');
    await context.setOffline(false);

    // The refused file is a 422 in the console (once); nothing else may fail.
    expect(problems.filter((problem) => /status of 422/.test(problem))).toHaveLength(1);
    expect(problems.filter((problem) => !/status of 422|ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(problem))).toEqual([]);
    await context.close();
  });
});
