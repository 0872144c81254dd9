// A chain with a big catalog sends big files: a file of 20,000 rows or more is planned against the whole
// catalog, read once in seq order page by page (sync-server/src/catalog/import-catalog.ts), instead of the
// products its rows name. That read must decide exactly as the named read does: a barcode held by a product
// the file does not name is refused at its line and column and nothing is written; a re-import of the same
// file writes nothing, even once the catalog spans more than one page of the read; a product on the read's
// second page is found by SKU and by barcode. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../src/domain/gtin.ts';
import { READ_PAGE, WHOLE_CATALOG_ROWS } from '../../sync-server/src/catalog/import-catalog.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { importCatalogFile, openBackOffice } from './helpers/backoffice.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { countDocuments, pull } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const HEADER = 'sku,name,barcodes,price,taxClass,unit,weighed,category,stock';
const MILK = makeEan13('893467312345');
const MILK_ROW = (price: number) => `SUA-180,Sữa tươi Vinamilk 180ml,${MILK},${price},vat8,pcs,no,Sữa,48`;
/** As many rows as take the whole-catalog read, so that with the milk the stored catalog spans two pages. */
const BIG = Math.max(WHOLE_CATALOG_ROWS, READ_PAGE);
const sku = (n: number) => `HANG-${String(n).padStart(6, '0')}`;
const barcode = (n: number) => makeEan13(`8935${String(n).padStart(8, '0')}`);
const bigRow = (n: number) => `${sku(n)},Hàng số ${n},${barcode(n)},${10_000 + n},vat8,pcs,,Tạp hóa,${n % 50}`;
const bigFile = (lines: string[]) => [HEADER, ...lines].join('\n');

interface ImportAnswer {
  created: number;
  updated: number;
  unchanged: number;
  openingStock: { set: number; kept: number };
}

describe.each(DATABASE_KINDS)('a file of 20,000 rows or more is planned against the whole catalog (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;
  let documents: DocumentsRepository;
  const rows = Array.from({ length: BIG }, (_, i) => bigRow(i + 1));

  beforeAll(async () => {
    ({ t, till, manager, documents } = await openBackOffice(kind, 'catalog-import-whole'));
    // The milk is stored first (a small file, the named read): the big files meet it only in the whole read.
    const milk = await importCatalogFile(t.app, manager, bigFile([MILK_ROW(8500)]));
    expect(milk.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => t?.close());

  it('a row taking the barcode of a stored product the file does not name is refused at its line, nothing written', async () => {
    const seq = await documents.lastSeq();
    const answer = await importCatalogFile(t.app, manager, bigFile([...rows, `SUA-HOP,Sữa hộp 1L,${MILK},32000,vat8,pcs,,Sữa,`]));
    expect(answer.statusCode).toBe(422);
    expect(answer.json().errors).toEqual([{ line: BIG + 2, column: 'barcodes', message: `The barcode "${MILK}" belongs to the product SUA-180: remove it there first (or in this file)` }]);
    expect(await documents.lastSeq()).toBe(seq);
    expect(await countDocuments(t.store, 'products')).toBe(1);
  }, 120_000);

  it('the fixed file creates every row and updates the stored milk found by SKU; the same file again writes nothing', async () => {
    const first = await importCatalogFile(t.app, manager, bigFile([...rows, MILK_ROW(8900)]));
    expect(first.statusCode).toBe(200);
    expect(first.json<ImportAnswer>()).toMatchObject({ created: BIG, updated: 1, unchanged: 0, openingStock: { set: BIG, kept: 0 } });
    expect(await countDocuments(t.store, 'products')).toBe(BIG + 1);

    // The catalog now spans two pages of the whole read; nothing of it is taken for new.
    const seq = await documents.lastSeq();
    const again = await importCatalogFile(t.app, manager, bigFile([...rows, MILK_ROW(8900)]));
    expect(again.statusCode).toBe(200);
    expect(again.json<ImportAnswer>()).toMatchObject({ created: 0, updated: 0, unchanged: BIG + 1, openingStock: { set: 0, kept: 0 } });
    expect(await documents.lastSeq()).toBe(seq);
  }, 180_000);

  it("the milk, written last and so alone on the read's second page, is found by barcode and by SKU: its barcode is refused to another row, its new price is one delta", async () => {
    const seq = await documents.lastSeq();
    const taken = await importCatalogFile(t.app, manager, bigFile([...rows, `SUA-HOP,Sữa hộp 1L,${MILK},32000,vat8,pcs,,Sữa,`]));
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors).toEqual([{ line: BIG + 2, column: 'barcodes', message: `The barcode "${MILK}" belongs to the product SUA-180: remove it there first (or in this file)` }]);
    expect(await documents.lastSeq()).toBe(seq);

    const repriced = await importCatalogFile(t.app, manager, bigFile([...rows, MILK_ROW(9200)]));
    expect(repriced.statusCode).toBe(200);
    expect(repriced.json<ImportAnswer>()).toMatchObject({ created: 0, updated: 1, unchanged: BIG });
    const delta = await pull(t.app, till.token, 'products', { id: '', seq });
    expect(delta.documents.map((p) => [p['sku'], p['price']])).toEqual([['SUA-180', 9200]]);
  }, 120_000);
});
