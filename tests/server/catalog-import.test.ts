// A manager puts the shop's own catalog into the POS: a CSV or an Excel file with the products, checked
// whole before anything is written, then written as product documents with new seqs that tablets pull as
// deltas. On SQLite and PostgreSQL.
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../src/domain/gtin.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { CSV, importCatalogFile, openBackOffice, signInCashier } from './helpers/backoffice.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, countDocuments, pull, pullAll } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';
import { openSse } from './helpers/sse.test-helper.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MILK = makeEan13('893467312345');
const NOODLES = makeEan13('893460400001');
const NOODLES_CASE = makeEan13('893460400002');

interface ImportAnswer {
  created: number;
  updated: number;
  unchanged: number;
  openingStock: { set: number; kept: number };
  ignoredColumns: string[];
}
interface Refusal {
  errors: Array<{ line: number; column: string; message: string }>;
  errorCount: number;
}

const goodCsv = [
  'sku,name,barcodes,price,taxClass,unit,weighed,category,stock',
  `SUA-180,Sữa tươi Vinamilk 180ml,${MILK},8500,vat8,pcs,no,Sữa,48`,
  `MI-HH,"Mì Hảo Hảo tôm chua cay, gói 75g",${NOODLES}|${NOODLES_CASE},4500,8%,pcs,,Mì gói,120`,
  'THIT-BO,Thịt bò thăn,,289000,vat5,kg,yes,Thịt,12.5',
].join('\n');

/**
 * A workbook-shaped zip whose one sheet is 300 MB of zeros, a few hundred kilobytes on the wire. Written by
 * hand around Node's native deflate (JSZip's JavaScript deflate takes half a minute over 300 MB).
 */
let bombMade: Buffer | undefined;
function zipBomb(): Buffer {
  bombMade ??= writeZipBomb();
  return bombMade;
}

function writeZipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const plain = Buffer.alloc(300 * 1024 * 1024);
  const packed = deflateRawSync(plain);
  const crc = crc32(plain);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(plain.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(plain.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

describe.each(DATABASE_KINDS)('a manager imports the catalog (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;
  let cashier: string;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    const office = await openBackOffice(kind, 'catalog-import');
    ({ t, till, manager, documents } = office);
    cashier = await signInCashier(office);
  });
  afterAll(async () => t?.close());

  const importFile = (token: string | undefined, body: string | Buffer, type = CSV, language?: string) => importCatalogFile(t.app, token, body, type, language);
  const products = () => countDocuments(t.store, 'products');

  it('only a staff session whose role holds catalog.manage may import: no token, the device token and a cashier are refused, nothing written', async () => {
    const seq = await documents.lastSeq();
    expect((await importFile(undefined, goodCsv)).statusCode).toBe(401);
    const asDevice = await importFile(till.token, goodCsv);
    expect(asDevice.statusCode).toBe(403);
    expect(asDevice.json().message).toMatch(/Importing the catalog needs the permission "catalog\.manage" \(held by: manager\): sign in with the PIN/);
    const asCashier = await importFile(cashier, goodCsv);
    expect(asCashier.statusCode).toBe(403);
    expect(asCashier.json().message).toMatch(/"store-q1-cashier" is a cashier/);
    expect(await products()).toBe(0);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('one bad row and nothing is written: each bad cell comes back at its line (heading = 1) and column', async () => {
    const seq = await documents.lastSeq();
    const withBadRows = `${goodCsv}\nNUOC-MAM,Nước mắm Nam Ngư,,12.5,vat8,pcs,,,\nBIA-333,Bia 333,,1e3,vat7,pcs,,,`;
    const answer = await importFile(manager, withBadRows);
    expect(answer.statusCode).toBe(422);
    expect(answer.json<Refusal>()).toEqual({
      errors: [
        { line: 5, column: 'price', message: expect.stringMatching(/^"12\.5" is not a whole number of minor units: prices are in minor units with no decimals/) },
        { line: 6, column: 'price', message: expect.stringMatching(/^"1e3" is not a whole number of minor units: write the price in full digits/) },
        { line: 6, column: 'taxClass', message: '"vat7" is not one of this store\'s tax classes: write one of "vat10", "vat8", "vat5", "vat0", "exempt"' },
      ],
      errorCount: 3,
    });
    expect(await products()).toBe(0);
    expect(await countDocuments(t.store, 'ledger')).toBe(0);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('answers in Vietnamese when the manager\'s tablet asks for it', async () => {
    const answer = await importFile(manager, 'Mã hàng,Tên hàng,Giá bán,Thuế\nA,,100,vat8', CSV, 'vi-VN,vi;q=0.9,en;q=0.5');
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-language']).toBe('vi');
    expect(answer.json<Refusal>().errors).toEqual([{ line: 2, column: 'Tên hàng', message: 'Ô này không được để trống' }]);
  });

  it('a good file creates every product with its opening stock; the till pulls them and its stream is told', async () => {
    const url = await listen(t);
    const stream = await openSse(`${url}/api/v1/sync/stream`, till.token);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const before = await documents.lastSeq();
      const answer = await importFile(manager, goodCsv);
      expect(answer.statusCode).toBe(200);
      expect(answer.json<ImportAnswer>()).toEqual({ created: 3, updated: 0, unchanged: 0, openingStock: { set: 3, kept: 0 }, ignoredColumns: [] });

      const pulled = await pull(t.app, till.token, 'products', { id: '', seq: before });
      expect(pulled.documents.map((p) => [p['sku'], p['price'], p['barcodes'], p['unit'], p['weighed'], p['taxClassId']])).toEqual([
        ['SUA-180', 8500, [MILK], 'pcs', false, 'vat8'],
        ['MI-HH', 4500, [NOODLES, NOODLES_CASE], 'pcs', false, 'vat8'],
        ['THIT-BO', 289_000, [], 'kg', true, 'vat5'],
      ]);
      expect(pulled.documents[1]).toMatchObject({ name: 'Mì Hảo Hảo tôm chua cay, gói 75g', searchName: 'mi hao hao tom chua cay, goi 75g', category: 'Mì gói', active: true });
      const stock = await pullAll(t.app, till.token, 'balances');
      const beef = pulled.documents[2]!;
      expect(stock).toContainEqual(expect.objectContaining({ kind: 'stock', storeId: 'store-q1', refId: beef.id, value: 12_500 }));
      expect(await countDocuments(t.store, 'ledger')).toBe(3);

      const change = await stream.waitFor((e) => e.event === 'change' && JSON.parse(e.data).collection === 'products');
      expect(JSON.parse(change.data).documents.map((p: { sku: string }) => p.sku)).toEqual(['SUA-180', 'MI-HH', 'THIT-BO']);
    } finally {
      stream.close();
    }
  });

  it('importing the same file again changes nothing and takes no seq; a changed price is one delta for the tablets', async () => {
    const seq = await documents.lastSeq();
    const again = await importFile(manager, goodCsv);
    expect(again.statusCode).toBe(200);
    expect(again.json<ImportAnswer>()).toMatchObject({ created: 0, updated: 0, unchanged: 3, openingStock: { set: 0, kept: 0 } });
    expect(await documents.lastSeq()).toBe(seq);

    // A new price for the noodles, and the count of milk in the file differs from the stock on hand now.
    const repriced = goodCsv.replace(',4500,8%', ',4800,8%').replace(',Sữa,48', ',Sữa,50');
    const answer = await importFile(manager, repriced);
    expect(answer.json<ImportAnswer>()).toEqual({ created: 0, updated: 1, unchanged: 2, openingStock: { set: 0, kept: 1 }, ignoredColumns: [] });
    const delta = await pull(t.app, till.token, 'products', { id: '', seq });
    expect(delta.documents.map((p) => [p['sku'], p['price']])).toEqual([['MI-HH', 4800]]);
    expect(await pull(t.app, till.token, 'balances', { id: '', seq })).toMatchObject({ documents: [] });
  });

  it('reads an Excel workbook with Vietnamese headings, numbers typed as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hàng hóa');
    sheet.addRow(['Mã hàng', 'Tên hàng', 'Mã vạch', 'Giá bán', 'Loại thuế', 'Đơn vị tính', 'Cân', 'Nhóm hàng', 'Tồn kho', 'Giá vốn']);
    sheet.addRow(['SUA-180', 'Sữa tươi Vinamilk 180ml', Number(MILK), 8900, 'VAT 8%', 'cái', 'không', 'Sữa', 48, 6000]);
    sheet.addRow(['CA-PHE', 'Cà phê G7 3in1 hộp 18 gói', '', 52000, 'vat8', 'cái', '', 'Cà phê', 30, 40000]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await importFile(manager, bytes, XLSX);
    expect(answer.statusCode).toBe(200);
    expect(answer.json<ImportAnswer>()).toEqual({ created: 1, updated: 1, unchanged: 0, openingStock: { set: 1, kept: 0 }, ignoredColumns: ['Giá vốn'] });
    const coffee = (await pullAll(t.app, till.token, 'products')).find((p) => p['sku'] === 'CA-PHE');
    expect(coffee).toMatchObject({ name: 'Cà phê G7 3in1 hộp 18 gói', price: 52_000, taxClassId: 'vat8', unit: 'pcs', weighed: false, barcodes: [] });

    const decimals = new ExcelJS.Workbook();
    const bad = decimals.addWorksheet('Hàng hóa');
    bad.addRow(['Mã hàng', 'Tên hàng', 'Giá bán', 'Thuế']);
    bad.addRow(['CA-PHE', 'Cà phê G7', 52000.5, 'vat8']);
    bad.addRow(['SUA-180', 'Sữa', 8.9e12, 'vat8']);
    const refused = await importFile(manager, Buffer.from(await decimals.xlsx.writeBuffer()), XLSX);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Refusal>().errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Giá bán'],
      [3, 'Giá bán'],
    ]);
  });

  it('a barcode already on another product is refused unless the same file moves it', async () => {
    const taken = await importFile(manager, `sku,name,price,taxClass,barcodes\nSUA-HOP,Sữa hộp 1L,32000,vat8,${MILK}`);
    expect(taken.statusCode).toBe(422);
    expect(taken.json<Refusal>().errors).toEqual([{ line: 2, column: 'barcodes', message: `The barcode "${MILK}" belongs to the product SUA-180: remove it there first (or in this file)` }]);
    const moved = await importFile(manager, `sku,name,price,taxClass,barcodes\nSUA-HOP,Sữa hộp 1L,32000,vat8,${MILK}\nSUA-180,Sữa tươi Vinamilk 180ml,8900,vat8,`);
    expect(moved.statusCode).toBe(200);
    expect(moved.json<ImportAnswer>()).toMatchObject({ created: 1, updated: 1 });
  });

  it('refuses a workbook that unzips to far more than a catalog (a zip bomb) before reading it, in the manager\'s language', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await importFile(manager, bomb, XLSX, 'vi');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Refusal>().errors).toEqual([{ line: 1, column: '', message: expect.stringMatching(/^Tệp Excel khi giải nén lớn hơn \d+ MB/) }]);
    expect((await importFile(manager, bomb, XLSX)).json<Refusal>().errors[0]?.message).toMatch(/^The workbook unpacks to more than \d+ MB/);
  });

  it('says what to send instead of a body that is not a catalog file, never a 5xx', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/import', headers: bearer(manager), payload: { sku: 'A' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().message).toMatch(/send the file as text\/csv \(UTF-8\) or as an Excel workbook/);
    const xls = await importFile(manager, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'application/vnd.ms-excel');
    expect(xls.statusCode).toBe(415);
    expect(xls.json().message).toMatch(/an old \.xls workbook: save it as \.xlsx/);
    const empty = await importFile(manager, '');
    expect(empty.statusCode).toBe(400);
    const notAWorkbook = await importFile(manager, 'sku,name', XLSX);
    expect(notAWorkbook.statusCode).toBe(422);
    expect(notAWorkbook.json<Refusal>().errors[0]?.message).toMatch(/^The file is not an Excel workbook \(\.xlsx\) that can be read/);
    const latin1 = await importFile(manager, Buffer.concat([Buffer.from('sku,name,price,taxClass\nA,'), Buffer.from([0x53, 0xfb, 0x61]), Buffer.from(',1,vat8')]));
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json<Refusal>().errors).toEqual([{ line: 2, column: '', message: expect.stringMatching(/^The file is not UTF-8 text/) }]);
    const brokenQuote = await importFile(manager, 'sku,name,price,taxClass\nA,"Sữa,1,vat8\n');
    expect(brokenQuote.statusCode).toBe(422);
    expect(brokenQuote.json<Refusal>().errors[0]).toMatchObject({ line: 2, column: '' });
  });

  it('a semicolon-separated file, as Excel writes CSV in a Vietnamese locale, with a byte-order mark', async () => {
    const answer = await importFile(manager, '\ufeffMã hàng;Tên hàng;Giá bán;Thuế\nMUOI;Muối i-ốt 500g;6000;vat5');
    expect(answer.statusCode).toBe(200);
    expect(answer.json<ImportAnswer>()).toMatchObject({ created: 1 });
  });
});

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}
