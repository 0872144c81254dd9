import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '../../src/data/schemas/types.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, openShop, push, ringUpSale, signIn } from './helpers/shop.test-helper.ts';

/** A small RFC 4180 reader for checking what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe.each(DATABASE_KINDS)('the manager exports sales for the ERP (%s)', (kind) => {
  let t: TestApp;
  let manager: string;
  let sales: SaleDocument[];

  beforeAll(async () => {
    t = await startTestApp(kind, 'sync-export');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    const device = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    const other = await enroll(t.app, 'Q3AA-BBCC-DDEE');
    manager = await signIn(t.app, device, 'store-q1-manager', '999999');
    const awkward = ringUpSale(device, [{ productId: 'p-1', qty: 375, unitPrice: 160_000, taxRate: 500 }], { createdAt: '2025-03-02T03:15:00.000Z' });
    awkward.lines[0]!.name = 'Thịt heo "ba rọi", loại 1\nquầy tươi';
    awkward.lines[0]!.sku = '=HYPERLINK("x")';
    sales = [
      ringUpSale(device, [{ productId: 'p-2', qty: 2000, unitPrice: 29_000 }], { createdAt: '2025-03-01T10:00:00.000Z' }),
      awkward,
      ringUpSale(device, [{ productId: 'p-3', qty: 1000, unitPrice: 8_000 }, { productId: 'p-4', qty: 3000, unitPrice: 5_500, discount: 1_000 }], { createdAt: '2025-03-02T23:59:59.000Z' }),
      ringUpSale(device, [{ productId: 'p-5', qty: 1000, unitPrice: 1_000 }], { createdAt: '2025-03-03T00:00:00.000Z' }),
    ];
    expect((await push(t.app, device.token, 'sales', asNew(sales))).statusCode).toBe(200);
    await push(t.app, other.token, 'sales', asNew([ringUpSale(other, [{ productId: 'p-9', qty: 1000, unitPrice: 1 }], { createdAt: '2025-03-02T12:00:00.000Z' })]));
  });
  afterAll(async () => t?.close());

  it('JSON lines: one sale per line, only the store\'s, created in [from, to)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export/sales?from=2025-03-01T12:00:00Z&to=2025-03-03', headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = response.body.trim().split('\n').map((l) => JSON.parse(l) as SaleDocument);
    expect(lines.map((s) => s.id)).toEqual([sales[1]!.id, sales[2]!.id]);
    expect(lines[0]).toEqual(sales[1]);
  });

  it('CSV: a header and one row per sale line, quoted so a spreadsheet reads names with commas, quotes and line breaks', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export/sales?from=2025-03-01&to=2025-03-03&format=csv', headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="sales-2025-03-01-2025-03-03.csv"/);
    const rows = readCsv(response.body);
    const header = rows[0]!;
    expect(header).toEqual(expect.arrayContaining(['sale_number', 'created_at', 'staff_name', 'sku', 'qty', 'unit_price', 'discount', 'tax_rate_percent', 'line_total']));
    const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(records).toHaveLength(4);
    const pork = records.find((r) => r['sale_id'] === sales[1]!.id)!;
    expect(pork).toMatchObject({
      sale_number: sales[1]!.number,
      staff_name: 'Nguyễn Thị Lan',
      product_name: 'Thịt heo "ba rọi", loại 1\nquầy tươi',
      sku: `'=HYPERLINK("x")`,
      qty: '0.375',
      unit_price: '160000',
      tax_rate_percent: '5',
      line_total: '60000',
      currency: 'VND',
    });
    expect(records.filter((r) => r['sale_id'] === sales[2]!.id).map((r) => [r['line_no'], r['discount'], r['line_total']])).toEqual([
      ['1', '0', '8000'],
      ['2', '1000', '15500'],
    ]);
  });

  it('a range that is not a range, or a format it does not know, is 400 with what to fix', async () => {
    for (const query of ['from=2025-03-03&to=2025-03-01', 'from=yesterday&to=2025-03-01', 'to=2025-03-01', 'from=2025-03-01&to=2025-03-02&format=xlsx']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/export/sales?${query}`, headers: bearer(manager) });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message).toMatch(/querystring/);
    }
  });
});
