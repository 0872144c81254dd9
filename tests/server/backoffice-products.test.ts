// A manager keeps the catalog by hand in the back office: finds a product by SKU, name or barcode, creates
// one, changes its price and barcodes, takes it off sale. Every change reaches the tablets as a delta and
// leaves an audit entry with who and when; a barcode of another product is refused with what is wrong.
// On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDocument } from '../../src/data/schemas/types.ts';
import { makeEan13 } from '../../src/domain/gtin.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { openBackOffice, signInCashier } from './helpers/backoffice.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, pull } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const MILK = makeEan13('893467312345');
const MILK_BOX = makeEan13('893467312346');
const NOODLES = makeEan13('893460400001');

/** The field-by-field changes an audit entry of a product edit carries. */
function changesOf(entry: Record<string, unknown> | undefined): unknown {
  const details = entry?.['details'];
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>)['changes'] : undefined;
}

interface Page {
  products: ProductDocument[];
  total: number;
}

describe.each(DATABASE_KINDS)('the back office keeps products (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;
  let cashier: string;
  let documents: DocumentsRepository;

  beforeAll(async () => {
    const office = await openBackOffice(kind, 'backoffice-products');
    ({ t, till, manager, documents } = office);
    cashier = await signInCashier(office);
  });
  afterAll(async () => t?.close());

  const create = (token: string, body: object, language = 'en') =>
    t.app.inject({ method: 'POST', url: '/api/v1/backoffice/products', headers: { ...bearer(token), 'accept-language': language }, payload: body });
  const edit = (token: string, id: string, body: object, language = 'en') =>
    t.app.inject({ method: 'PUT', url: `/api/v1/backoffice/products/${id}`, headers: { ...bearer(token), 'accept-language': language }, payload: body });
  const find = async (q: string, extra = ''): Promise<Page> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/backoffice/products?q=${encodeURIComponent(q)}${extra}`, headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    return response.json<Page>();
  };
  const milk = { sku: 'SUA-180', name: 'Sữa tươi Vinamilk 180ml', price: 8500, taxClassId: 'vat8', barcodes: [MILK], unit: 'pcs', category: 'Sữa' };

  it('only a staff session holding catalog.manage may find, create or edit: the device token and a cashier are refused', async () => {
    const seq = await documents.lastSeq();
    expect((await create(till.token, milk)).statusCode).toBe(403);
    const asCashier = await create(cashier, milk);
    expect(asCashier.statusCode).toBe(403);
    expect(asCashier.json().message).toMatch(/Managing products needs the permission "catalog\.manage"/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/products', headers: bearer(cashier) })).statusCode).toBe(403);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('a manager creates a product; the tablet pulls it and the audit says who created it and when', async () => {
    const before = await documents.lastSeq();
    const response = await create(manager, milk);
    expect(response.statusCode).toBe(201);
    const product = response.json<{ product: ProductDocument }>().product;
    expect(product).toMatchObject({ sku: 'SUA-180', name: milk.name, searchName: 'sua tuoi vinamilk 180ml', price: 8500, taxClassId: 'vat8', barcodes: [MILK], unit: 'pcs', weighed: false, category: 'Sữa', active: true });
    const pulled = await pull(t.app, till.token, 'products', { seq: before, id: '' });
    expect(pulled.documents.map((d) => d['id'])).toEqual([product.id]);
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'product.create', staffId: 'store-q1-manager', deviceId: till.deviceId, subjectId: product.id, storeId: 'store-q1' });
    expect(changesOf(audit[0])).toMatchObject({ price: { to: 8500 }, barcodes: { to: [MILK] } });
  });

  it('the same SKU twice is refused with what is wrong, on the sku field', async () => {
    const response = await create(manager, { ...milk, barcodes: [] });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ field: 'sku', message: expect.stringContaining('SUA-180') }]);
  });

  it('every wrong field is named at once, in Vietnamese for a Vietnamese manager; nothing is written', async () => {
    const seq = await documents.lastSeq();
    const response = await create(manager, { sku: 'MI-HH', name: '', price: '12.5', taxClassId: 'vat99', barcodes: ['8934673123 45'] }, 'vi-VN,vi;q=0.9');
    expect(response.statusCode).toBe(422);
    const fields = response.json<{ errors: Array<{ field: string; message: string }> }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual(['barcodes', 'name', 'price', 'taxClassId']);
    expect(response.json().errors.find((e: { field: string }) => e.field === 'price').message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('a barcode another product has is refused (422, naming the barcode and the product that has it)', async () => {
    const noodles = await create(manager, { sku: 'MI-HH', name: 'Mì Hảo Hảo tôm chua cay', price: 4500, taxClassId: 'vat8', barcodes: [NOODLES] });
    expect(noodles.statusCode).toBe(201);
    const id = noodles.json<{ product: ProductDocument }>().product.id;
    const seq = await documents.lastSeq();
    const response = await edit(manager, id, { sku: 'MI-HH', name: 'Mì Hảo Hảo tôm chua cay', price: 4500, taxClassId: 'vat8', barcodes: [NOODLES, MILK] });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ field: 'barcodes', message: expect.stringMatching(new RegExp(`${MILK}.*SUA-180`)) }]);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('a price change, a second barcode and taking it off sale: one delta, the audit names each change from what to what', async () => {
    const { products } = await find('SUA-180');
    const stored = products[0]!;
    const before = await documents.lastSeq();
    const response = await edit(manager, stored.id, { ...milk, price: 9000, barcodes: [MILK, MILK_BOX], active: false, expectedUpdatedAt: stored.updatedAt });
    expect(response.statusCode).toBe(200);
    expect(response.json().product).toMatchObject({ id: stored.id, price: 9000, barcodes: [MILK, MILK_BOX], active: false });
    const pulled = await pull(t.app, till.token, 'products', { seq: before, id: '' });
    expect(pulled.documents).toHaveLength(1);
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(audit[0]).toMatchObject({ action: 'product.edit', staffId: 'store-q1-manager', subjectId: stored.id });
    expect(changesOf(audit[0])).toEqual({ price: { from: 8500, to: 9000 }, barcodes: { from: [MILK], to: [MILK, MILK_BOX] }, active: { from: true, to: false } });
    expect(Date.parse(String(audit[0]?.['createdAt']))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('saving what is stored writes nothing; an edit of a stale copy is refused (409); the SKU cannot change; an unknown id is 404', async () => {
    const stored = (await find(MILK_BOX)).products[0]!;
    const seq = await documents.lastSeq();
    const same = await edit(manager, stored.id, { ...milk, price: 9000, barcodes: [MILK, MILK_BOX], active: false });
    expect(same.statusCode).toBe(200);
    expect(same.json().changed).toBe(false);
    expect(await documents.lastSeq()).toBe(seq);
    expect((await edit(manager, stored.id, { ...milk, price: 9500, expectedUpdatedAt: '2020-01-01T00:00:00.000Z' })).statusCode).toBe(409);
    const renamed = await edit(manager, stored.id, { ...milk, sku: 'SUA-181' });
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().errors[0].field).toBe('sku');
    expect((await edit(manager, 'no-such-product', milk)).statusCode).toBe(404);
    expect(await documents.lastSeq()).toBe(seq);
  });

  it('a picture for the tile: set, kept by a form that does not name it, taken off with null; http or a //host path is refused on the image field', async () => {
    const noodles = { sku: 'MI-HH', name: 'Mì Hảo Hảo tôm chua cay', price: 4500, taxClassId: 'vat8', barcodes: [NOODLES] };
    const id = (await find('MI-HH')).products[0]!.id;
    const set = await edit(manager, id, { ...noodles, image: 'https://cdn.quan.vn/mi-hao-hao.webp' });
    expect(set.statusCode).toBe(200);
    expect(set.json().product.image).toBe('https://cdn.quan.vn/mi-hao-hao.webp');
    const kept = await edit(manager, id, noodles);
    expect(kept.json()).toMatchObject({ changed: false, product: { image: 'https://cdn.quan.vn/mi-hao-hao.webp' } });
    const seq = await documents.lastSeq();
    for (const image of ['http://cdn.quan.vn/a.png', '//evil.example/a.png']) {
      const refused = await edit(manager, id, { ...noodles, image }, 'vi');
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([{ field: 'image', message: expect.stringContaining('https://') }]);
    }
    expect(await documents.lastSeq()).toBe(seq);
    const off = await edit(manager, id, { ...noodles, image: null });
    expect(off.statusCode).toBe(200);
    expect(off.json().product.image).toBeUndefined();
  });

  it('two products created at once with the same barcode: one is created, the other refused naming it', async () => {
    const code = makeEan13('893460400099');
    const answers = await Promise.all([
      create(manager, { sku: 'KEO-1', name: 'Kẹo dừa Bến Tre', price: 25000, taxClassId: 'vat8', barcodes: [code] }),
      create(manager, { sku: 'KEO-2', name: 'Kẹo dừa sầu riêng', price: 27000, taxClassId: 'vat8', barcodes: [code] }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.statusCode === 422);
    expect(refused?.json().errors).toEqual([{ field: 'barcodes', message: expect.stringContaining(code) }]);
    const created = (await find(code)).products;
    expect(created).toHaveLength(1);
  });

  it('finds by the start of a SKU, of a barcode or of the name without diacritics, paged', async () => {
    expect((await find('sua-1')).products.map((p) => p.sku)).toEqual(['SUA-180']);
    expect((await find(NOODLES)).products.map((p) => p.sku)).toEqual(['MI-HH']);
    expect((await find(NOODLES.slice(0, 11))).products.map((p) => p.sku)).toEqual(['MI-HH']);
    expect((await find('mi hao')).products.map((p) => p.sku)).toEqual(['MI-HH']);
    expect((await find('Mì Hảo')).products.map((p) => p.sku)).toEqual(['MI-HH']);
    expect((await find('hao hao')).total).toBe(0);
    expect((await find('nothing like it')).total).toBe(0);
    const all = await find('', '&limit=1');
    expect(all.total).toBe(3);
    expect(all.products).toHaveLength(1);
    const second = await find('', '&limit=1&offset=1');
    expect(second.products[0]?.id).not.toBe(all.products[0]?.id);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/products?limit=5000', headers: bearer(manager) });
    expect(bad.statusCode).toBe(400);
  });
  it('another tax class and category for a product: one delta the tablet reads, the audit names both from what to what', async () => {
    const stored = (await find('KEO-')).products[0]!;
    const before = await documents.lastSeq();
    const form = { sku: stored.sku, name: stored.name, price: stored.price, barcodes: stored.barcodes, taxClassId: 'vat10', category: 'Bánh kẹo', expectedUpdatedAt: stored.updatedAt };
    const response = await edit(manager, stored.id, form);
    expect(response.statusCode).toBe(200);
    const pulled = (await pull(t.app, till.token, 'products', { seq: before, id: '' })).documents;
    expect(pulled).toEqual([expect.objectContaining({ id: stored.id, taxClassId: 'vat10', category: 'Bánh kẹo' })]);
    const audit = (await pull(t.app, till.token, 'audit', { seq: before, id: '' })).documents;
    expect(changesOf(audit[0])).toEqual({ taxClassId: { from: 'vat8', to: 'vat10' }, category: { to: 'Bánh kẹo' } });
    const unknownTax = await edit(manager, stored.id, { ...form, taxClassId: 'vat7', expectedUpdatedAt: undefined });
    expect(unknownTax.statusCode).toBe(422);
    expect(unknownTax.json().errors).toEqual([{ field: 'taxClassId', message: expect.stringContaining('vat7') }]);
  });
});
