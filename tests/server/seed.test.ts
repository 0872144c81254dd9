import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDocument, StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { collectionNames } from '../../src/data/schemas/index.ts';
import type { CollectionName } from '../../src/data/schemas/index.ts';
import { hasValidGtinCheckDigit } from '../../src/domain/gtin.ts';
import { giftCardProductIds } from '../../src/domain/gift-card-sale.ts';
import { foldForSearch } from '../../src/domain/search-text.ts';
import { VIETNAM_TAX_CLASSES } from '../../src/domain/tax-presets.ts';
import { verifyPickupCode } from '../../src/domain/pickup-code.ts';
import { PIN_ITERATIONS, verifyPin } from '../../sync-server/src/auth/staff-pins.ts';
import type { StaffCredential } from '../../sync-server/src/auth/staff-pins.ts';
import { getStaffCredentials } from '../../sync-server/src/store/staff-credentials-repository.ts';
import { createDocumentValidators, describeValidationErrors } from '../../sync-server/src/schemas.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { ensureDemoStore, extendCatalog, readDemoSummary, seedDemoStore } from '../../sync-server/src/seed/demo-store.ts';
import type { DemoSummary } from '../../sync-server/src/seed/demo-store.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import type { StoredDocument } from '../../sync-server/src/store/documents-repository.ts';
import type { Store } from '../../sync-server/src/store/open-store.ts';
import { DATABASE_KINDS, openTestStore } from './helpers/test-databases.test-helper.ts';
import type { TestDatabase } from './helpers/test-databases.test-helper.ts';

const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

async function readAll<C extends CollectionName>(documents: DocumentsRepository, collection: C): Promise<StoredDocument<C>[]> {
  const all: StoredDocument<C>[] = [];
  for (let after = 0; ; ) {
    const page = await documents.readAfter({ collection, afterSeq: after, limit: 5000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1]?.seq ?? after;
  }
}

async function readConfig(documents: DocumentsRepository, storeId: string): Promise<StoreConfigDocument> {
  const stored = await documents.get('config', storeId);
  if (stored === undefined) throw new Error(`The store ${storeId} has no config document`);
  return stored.body;
}

/** What the tablet will do offline: WebCrypto only, no library. */
/** The check a tablet makes offline, written out with WebCrypto as a browser runs it (12 bits of the hash). */
async function passesTabletCheck(pin: string, staff: { pinCheck: number; pinSalt: string; pinIterations: number }): Promise<boolean> {
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from(staff.pinSalt, 'base64'), iterations: staff.pinIterations },
    key,
    256,
  );
  return Buffer.from(bits).readUInt16BE(0) >> 4 === staff.pinCheck;
}

async function credentialOf(store: Store, storeId: string, staffId: string): Promise<StaffCredential> {
  const credential = (await getStaffCredentials(store.db, storeId, [staffId])).get(staffId);
  if (credential === undefined) throw new Error(`no credential for ${staffId}`);
  return credential;
}

describe.each(DATABASE_KINDS)('the demo store on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let documents: DocumentsRepository;
  let demo: DemoSummary;
  let products: ProductDocument[];

  beforeAll(async () => {
    ({ database, store } = await openTestStore(kind, 'seed'));
    documents = new DocumentsRepository(store);
    const first = await ensureDemoStore(store, { products: 2000 });
    expect(first.seeded).toBe(true);
    demo = first.summary;
    products = (await readAll(documents, 'products')).map((d) => d.body);
  });

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('opens with a catalog of 2,000 products, each with a unique SKU', () => {
    expect(products).toHaveLength(2000);
    expect(demo.products).toBe(2000);
    expect(new Set(products.map((p) => p.sku)).size).toBe(2000);
    expect(new Set(products.map((p) => p.name)).size).toBe(2000);
  });

  it('gives every packaged product a valid, unique EAN-13, most of them Vietnamese (893)', () => {
    const barcodes = products.flatMap((p) => p.barcodes);
    expect(barcodes.length).toBeGreaterThan(1900);
    expect(barcodes.every((code) => code.length === 13 && hasValidGtinCheckDigit(code))).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    const vietnamese = barcodes.filter((code) => code.startsWith('893')).length;
    expect(vietnamese / barcodes.length).toBeGreaterThan(0.5);
    expect(vietnamese).toBeLessThan(barcodes.length);
  });

  it('sells about 3% fresh goods by weight: per kg, with a 5-digit PLU for the scale labels', () => {
    const weighed = products.filter((p) => p.weighed);
    expect(weighed.length).toBeGreaterThanOrEqual(40);
    expect(weighed.length).toBeLessThanOrEqual(80);
    for (const item of weighed) {
      expect(item).toMatchObject({ unit: 'kg', barcodes: [] });
      expect(item.plu).toMatch(/^\d{5}$/);
    }
    expect(new Set(weighed.map((p) => p.plu)).size).toBe(weighed.length);
    expect(products.filter((p) => !p.weighed).every((p) => p.unit === 'pcs' && p.plu === undefined)).toBe(true);
  });

  it('prices in whole đồng, rounded to 500 or 1,000, across several tax classes the config knows', async () => {
    const config = await readConfig(documents, demo.storeId);
    // The gift card's price is the amount put on it, typed at the counter (src/domain/gift-card-sale.ts).
    const giftCards = giftCardProductIds(config.loyalty);
    expect(giftCards.size).toBe(1);
    for (const p of products.filter((product) => !giftCards.has(product.id))) {
      expect(Number.isInteger(p.price)).toBe(true);
      expect(p.price % 500).toBe(0);
      expect(p.price).toBeGreaterThanOrEqual(4000);
      expect(p.price).toBeLessThanOrEqual(450_000);
    }
    const usedClasses = new Set(products.map((p) => p.taxClassId));
    expect(usedClasses.size).toBeGreaterThanOrEqual(3);
    const known = new Set(config.taxClasses.map((t) => t.id));
    expect([...usedClasses].every((id) => known.has(id))).toBe(true);
  });

  it('names products in Vietnamese with diacritics, and search finds them without', () => {
    expect(products.filter((p) => VIETNAMESE_LETTERS.test(p.name)).length).toBeGreaterThan(1000);
    for (const p of products) expect(p.searchName).toBe(foldForSearch(p.name));
    expect(products.some((p) => p.searchName.startsWith('sua tuoi'))).toBe(true);
  });

  it('knows the stock of every product in the store, in thousandths of its unit', async () => {
    const stock = (await readAll(documents, 'balances'))
      .map((d) => d.body)
      .filter((b) => b.kind === 'stock');
    expect(stock).toHaveLength(2000);
    expect(new Set(stock.map((b) => b.refId))).toEqual(new Set(products.map((p) => p.id)));
    expect(stock.every((b) => b.storeId === demo.storeId && Number.isInteger(b.value) && b.value >= 0)).toBe(true);
  });

  it('is set up as a store in Ho Chi Minh City: VND, vi-VN, Vietnam VAT, loyalty, returns, scale barcodes, receipt texts', async () => {
    const config = await readConfig(documents, demo.storeId);
    expect(config.store).toMatchObject({ name: demo.storeName, currency: 'VND', locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(config.taxClasses).toEqual(VIETNAM_TAX_CLASSES);
    expect(config.loyalty).toMatchObject({ enabled: true });
    expect(config.returnPolicy).toMatchObject({ windowDays: 7 });
    expect(config.barcodeRules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ prefix: '21', value: 'weight', itemCodeLength: 5, valueLength: 5 }),
        expect.objectContaining({ prefix: '22', value: 'price', itemCodeLength: 5, valueLength: 5 }),
      ]),
    );
    expect(config.receipt).toMatchObject({ header: expect.any(Array), footer: expect.any(Array) });
  });

  it('lets the cashier, supervisor and manager sign in with the printed PINs, hashed on the server and only checked on tablets', async () => {
    const config = await readConfig(documents, demo.storeId);
    expect(config.staff.map((s) => s.role).sort()).toEqual(['cashier', 'manager', 'supervisor']);
    expect(new Set(demo.staff.map((s) => s.pin)).size).toBe(3);
    for (const printed of demo.staff) {
      const member = config.staff.find((s) => s.id === printed.staffId);
      expect(member).toBeDefined();
      if (!member) continue;
      expect(printed.pin).toMatch(/^\d{6}$/);
      expect(member.pinIterations).toBe(PIN_ITERATIONS);
      expect(Buffer.from(member.pinSalt, 'base64')).toHaveLength(16);
      const credential = await credentialOf(store, demo.storeId, printed.staffId);
      expect(credential.pinSalt).toBe(member.pinSalt);
      expect(await verifyPin(printed.pin, credential)).toBeDefined();
      expect(await passesTabletCheck(printed.pin, member)).toBe(true);
      expect(await verifyPin('000000' === printed.pin ? '111111' : '000000', credential)).toBeUndefined();
      expect(JSON.stringify(config)).not.toContain(`"${printed.pin}"`);
      // The tablet's copy holds 12 bits of the hash, never the hash.
      expect(JSON.stringify(config)).not.toContain(credential.pinHash);
      expect(member.pinCheck).toBeLessThan(4096);
    }
    const salts = config.staff.map((s) => s.pinSalt);
    expect(new Set(salts).size).toBe(salts.length);
  });

  it('has about 200 customers with Vietnamese names, unique mobile numbers and points balances', async () => {
    const customers = (await readAll(documents, 'customers')).map((d) => d.body);
    expect(customers).toHaveLength(200);
    expect(customers.every((c) => /^0\d{9}$/.test(c.phone))).toBe(true);
    expect(new Set(customers.map((c) => c.phone)).size).toBe(200);
    expect(customers.filter((c) => VIETNAMESE_LETTERS.test(c.name)).length).toBeGreaterThan(150);
    const points = (await readAll(documents, 'balances'))
      .map((d) => d.body)
      .filter((b) => b.kind === 'points');
    expect(new Set(points.map((b) => b.refId))).toEqual(new Set(customers.map((c) => c.id)));
    expect(points.some((b) => b.value > 0)).toBe(true);
  });

  it('has online orders ready for pickup whose printed codes match the stored hashes', async () => {
    const orders = (await readAll(documents, 'orders')).map((d) => d.body);
    expect(orders.length).toBeGreaterThanOrEqual(5);
    expect(orders.length).toBeLessThanOrEqual(10);
    expect(orders.every((o) => o.status === 'ready' && o.storeId === demo.storeId)).toBe(true);
    expect(demo.pickupCodes).toHaveLength(orders.length);
    for (const printed of demo.pickupCodes) {
      const order = orders.find((o) => o.id === printed.orderId);
      expect(printed.code).toMatch(/^\d{6}$/);
      expect(order?.pickupCodeHash).toMatch(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/);
      expect(await verifyPickupCode(order!.pickupCodeHash!, printed.code)).toBe(true);
      expect(order?.total).toBe(order?.lines.reduce((sum, l) => sum + l.total, 0));
    }
  });

  it('writes only documents that pass their collection schema, as a device would check them', async () => {
    const validators = createDocumentValidators();
    let checked = 0;
    for (const collection of collectionNames) {
      for (const doc of await readAll(documents, collection)) {
        const valid = validators[collection](doc.body);
        if (!valid) throw new Error(`${collection}/${doc.id}: ${describeValidationErrors(validators[collection].errors)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4400);
  });

  it('builds the same catalog on every run, so tests and benchmarks can rely on it', () => {
    for (const index of [0, 7, 1234, 1999]) {
      const regenerated = generateProduct(index, products[index]?.updatedAt ?? '');
      expect(products.find((p) => p.sku === regenerated.sku)).toEqual(regenerated);
    }
  });

  it('keeps its enrollment code across restarts; POS_ENROLLMENT_CODE replaces it', async () => {
    expect(demo.enrollmentCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const restart = await ensureDemoStore(store, { products: 2000 });
    expect(restart.seeded).toBe(false);
    expect(restart.summary.enrollmentCode).toBe(demo.enrollmentCode);
    expect(restart.summary.staff).toEqual(demo.staff);

    const withCode = await ensureDemoStore(store, { products: 2000, enrollmentCode: 'QUAN1-DEMO-2024' });
    expect(withCode.summary.enrollmentCode).toBe('QUAN1-DEMO-2024');
    expect((await readDemoSummary(store))?.enrollmentCode).toBe('QUAN1-DEMO-2024');
  });

  it('takes a fixed cashier PIN from the environment and stores its new hash', async () => {
    const { summary } = await ensureDemoStore(store, { products: 2000, pins: { cashier: '2468' } });
    const cashier = summary.staff.find((s) => s.role === 'cashier');
    expect(cashier?.pin).toBe('2468');
    const config = await readConfig(documents, demo.storeId);
    const member = config.staff.find((s) => s.id === cashier?.staffId);
    expect(member && (await passesTabletCheck('2468', member))).toBe(true);
    expect(await verifyPin('2468', await credentialOf(store, demo.storeId, cashier?.staffId ?? ''))).toBeDefined();
  });

  it('grows the catalog for benchmarks without touching the products it already has', async () => {
    const before = await documents.get('products', products[0]?.id ?? '');
    const result = await extendCatalog(store, { products: 2500 });
    expect(result).toEqual({ written: 500, total: 2500 });
    expect(await documents.count({ collection: 'products', storeId: null })).toBe(2500);
    expect(await documents.get('products', products[0]?.id ?? '')).toEqual(before);
    await expect(seedDemoStore(store, { products: 10 })).rejects.toThrow(/already seeded/);
  });
});

describe.each(DATABASE_KINDS)('a benchmark catalog of 100,000 products on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    ({ database, store } = await openTestStore(kind, 'seed100k'));
  });

  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });

  it('is seeded in well under 30 seconds, with every barcode still unique', { timeout: 120_000 }, async () => {
    const started = performance.now();
    await seedDemoStore(store, { products: 100_000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`seeded 100,000 products on ${kind} in ${seconds.toFixed(1)} s`);
    if (kind === 'sqlite') expect(seconds).toBeLessThan(30);
    const documents = new DocumentsRepository(store);
    expect(await documents.count({ collection: 'products', storeId: null })).toBe(100_000);
    const barcodes = (await readAll(documents, 'products')).flatMap((d) => d.body.barcodes);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(barcodes.length).toBeGreaterThan(95_000);
  });
});
