/*
 * The demo store a fresh installation starts with, so `npm start` shows a working shop: one store in
 * Ho Chi Minh City with its config (taxes, loyalty, barcode rules, staff), a catalog with stock, customers
 * with points and a few online orders waiting for pickup.
 * The first seed runs in one transaction: a crash half-way leaves an empty database that the next start
 * seeds again, never half a shop. The plain demo PINs and pickup codes are kept in the meta table ("demo")
 * only so main can print them; the documents hold hashes.
 */
import type { Transaction } from 'kysely';
import type { BalanceDocument, ProductDocument } from '../../../src/data/schemas/types.ts';
import { generateEnrollmentCode } from '../auth/enrollment-code.ts';
import { staffPinFor } from '../auth/staff-pins.ts';
import { putStaffCredentials } from '../store/staff-credentials-repository.ts';
import type { StaffCredentialRow } from '../store/staff-credentials-repository.ts';
import type { DemoPins } from '../config.ts';
import type { Database } from '../store/database-types.ts';
import { DocumentsRepository } from '../store/documents-repository.ts';
import type { DocumentWrite } from '../store/documents-repository.ts';
import { readMeta, writeMeta } from '../store/meta-repository.ts';
import type { Store } from '../store/open-store.ts';
import { findStoreRecord, insertStoreRecord, setEnrollmentCode } from '../store/stores-repository.ts';
import { MAX_CATALOG_SIZE, demoId, generateProduct, generateStock } from './catalog.ts';
import { generateCustomers } from './customers.ts';
import { generatePickupOrders } from './pickup-orders.ts';
import type { DemoPickupCode } from './pickup-orders.ts';
import { buildStoreConfig, DEMO_STORE, withDefaultPermissions } from './store-config.ts';
import type { StaffMember, StaffRole } from './store-config.ts';
import { randomPin } from './staff-pins.ts';

export interface DemoStaffPin {
  staffId: string;
  name: string;
  role: StaffRole;
  pin: string;
}

export interface DemoSummary {
  storeId: string;
  storeName: string;
  enrollmentCode: string;
  staff: DemoStaffPin[];
  pickupCodes: DemoPickupCode[];
  products: number;
}

export interface SeedOptions {
  products: number;
  enrollmentCode?: string | undefined;
  pins?: DemoPins;
  customers?: number;
  pickupOrders?: number;
  now?: Date;
}

interface DemoMeta {
  storeId: string;
  staff: DemoStaffPin[];
  pickupCodes: DemoPickupCode[];
}

const DEMO_META_KEY = 'demo';
const CATALOG_BATCH = 5000;
const DEMO_STAFF: ReadonlyArray<{ role: StaffRole; name: string }> = [
  { role: 'cashier', name: 'Nguyễn Thị Lan' },
  { role: 'supervisor', name: 'Trần Minh Tuấn' },
  { role: 'manager', name: 'Lê Hoàng Nam' },
];

/** Seeds the demo store on an empty database; main runs it when no demo store exists yet. */
export async function seedDemoStore(store: Store, options: SeedOptions): Promise<DemoSummary> {
  if ((await readMeta<DemoMeta>(store.db, DEMO_META_KEY)) !== undefined) {
    throw new Error('The demo store is already seeded; use extendCatalog to grow its catalog');
  }
  checkCatalogSize(options.products);
  const now = options.now ?? new Date();
  const updatedAt = now.toISOString();
  const storeId = demoId('store', 'demo-q1');
  const enrollmentCode = options.enrollmentCode ?? generateEnrollmentCode();
  const staffPins = choosePins(options.pins ?? {});
  const staff: StaffMember[] = [];
  const credentials: StaffCredentialRow[] = [];
  for (const pin of staffPins) {
    const { credential, tablet } = await staffPinFor(pin.pin, pin.role);
    staff.push({ id: pin.staffId, name: pin.name, role: pin.role, active: true, ...tablet });
    credentials.push({ staffId: pin.staffId, ...credential });
  }
  const customers = generateCustomers(options.customers ?? 200, storeId, now);
  const { orders, codes } = await generatePickupOrders(options.pickupOrders ?? 6, storeId, customers, options.products, now);
  const repository = new DocumentsRepository(store);

  await store.db.transaction().execute(async (trx) => {
    await insertStoreRecord(trx, { id: storeId, name: DEMO_STORE.name, enrollmentCode, createdAt: updatedAt });
    await putStaffCredentials(trx, storeId, credentials, now);
    await repository.putInTransaction(trx, [configWrite(storeId, staff, updatedAt)], now);
    await writeCatalogRange(trx, repository, storeId, 0, options.products, now);
    await repository.putInTransaction(
      trx,
      [
        ...customers.map((c): DocumentWrite => ({ collection: 'customers', id: c.customer.id, storeId, body: c.customer })),
        ...customers.map((c): DocumentWrite => ({ collection: 'balances', id: c.points.id, storeId, body: c.points })),
        ...orders.map((o): DocumentWrite => ({ collection: 'orders', id: o.id, storeId, body: o })),
      ],
      now,
    );
    await writeMeta(trx, DEMO_META_KEY, { storeId, staff: staffPins, pickupCodes: codes } satisfies DemoMeta);
  });
  return { storeId, storeName: DEMO_STORE.name, enrollmentCode, staff: staffPins, pickupCodes: codes, products: options.products };
}

/**
 * What main runs at every start: seeds an empty database, then applies POS_ENROLLMENT_CODE and
 * POS_DEMO_*_PIN when they differ from what is stored. Returns the summary to print.
 */
export async function ensureDemoStore(
  store: Store,
  options: SeedOptions,
): Promise<{ summary: DemoSummary; seeded: boolean }> {
  const meta = await readMeta<DemoMeta>(store.db, DEMO_META_KEY);
  if (meta === undefined) return { summary: await seedDemoStore(store, options), seeded: true };
  const record = await findStoreRecord(store.db, meta.storeId);
  if (record === undefined) throw new Error(`The demo store ${meta.storeId} named in meta is missing from stores`);
  if (options.enrollmentCode !== undefined && options.enrollmentCode !== record.enrollmentCode) {
    await setEnrollmentCode(store.db, meta.storeId, options.enrollmentCode);
  }
  await applyPinOverrides(store, meta, options.pins ?? {}, options.now ?? new Date());
  await upgradePermissions(store, meta.storeId, options.now ?? new Date());
  const summary = await readDemoSummary(store);
  if (summary === undefined) throw new Error('The demo store summary could not be read back');
  return { summary, seeded: false };
}

export async function readDemoSummary(store: Store): Promise<DemoSummary | undefined> {
  const meta = await readMeta<DemoMeta>(store.db, DEMO_META_KEY);
  if (meta === undefined) return undefined;
  const record = await findStoreRecord(store.db, meta.storeId);
  if (record === undefined) return undefined;
  const products = await new DocumentsRepository(store).count({ collection: 'products', storeId: null });
  return {
    storeId: meta.storeId,
    storeName: record.name,
    enrollmentCode: record.enrollmentCode,
    staff: meta.staff,
    pickupCodes: meta.pickupCodes,
    products,
  };
}

/**
 * Grows the demo catalog to `products` items (with the store's stock), in transactions of 5,000 so a
 * large catalog never sits in memory at once. `rewrite` regenerates the existing items too.
 */
export async function extendCatalog(
  store: Store,
  options: { products: number; rewrite?: boolean; now?: Date; onProgress?: (written: number, total: number) => void },
): Promise<{ written: number; total: number }> {
  checkCatalogSize(options.products);
  const meta = await readMeta<DemoMeta>(store.db, DEMO_META_KEY);
  if (meta === undefined) throw new Error('No demo store yet: seed it first');
  const repository = new DocumentsRepository(store);
  const existing = await repository.count({ collection: 'products', storeId: null, includeDeleted: true });
  const from = options.rewrite ? 0 : Math.min(existing, options.products);
  const now = options.now ?? new Date();
  for (let start = from; start < options.products; start += CATALOG_BATCH) {
    const end = Math.min(start + CATALOG_BATCH, options.products);
    await store.db.transaction().execute((trx) => writeCatalogRange(trx, repository, meta.storeId, start, end, now));
    options.onProgress?.(end - from, options.products - from);
  }
  return { written: Math.max(0, options.products - from), total: Math.max(existing, options.products) };
}

async function writeCatalogRange(
  trx: Transaction<Database>,
  repository: DocumentsRepository,
  storeId: string,
  from: number,
  to: number,
  now: Date,
): Promise<void> {
  const updatedAt = now.toISOString();
  for (let start = from; start < to; start += CATALOG_BATCH) {
    const end = Math.min(start + CATALOG_BATCH, to);
    const products: DocumentWrite[] = [];
    const stock: DocumentWrite[] = [];
    for (let index = start; index < end; index++) {
      const product: ProductDocument = generateProduct(index, updatedAt);
      const balance: BalanceDocument = generateStock(index, product, storeId, updatedAt);
      products.push({ collection: 'products', id: product.id, storeId: null, body: product });
      stock.push({ collection: 'balances', id: balance.id, storeId, body: balance });
    }
    await repository.putInTransaction(trx, products, now);
    await repository.putInTransaction(trx, stock, now);
  }
}

async function applyPinOverrides(store: Store, meta: DemoMeta, pins: DemoPins, now: Date): Promise<void> {
  const changed = meta.staff.filter((s) => pins[s.role] !== undefined && pins[s.role] !== s.pin);
  if (changed.length === 0) return;
  const repository = new DocumentsRepository(store);
  const current = await repository.get('config', meta.storeId);
  if (current === undefined) throw new Error(`The demo store's config document ${meta.storeId} is missing`);
  const staff = [...(current.body['staff'] as StaffMember[])];
  const credentials: StaffCredentialRow[] = [];
  for (const member of changed) {
    const pin = pins[member.role] as string;
    const { credential, tablet } = await staffPinFor(pin, member.role);
    const at = staff.findIndex((s) => s.id === member.staffId);
    if (at >= 0) staff[at] = { ...(staff[at] as StaffMember), ...tablet };
    credentials.push({ staffId: member.staffId, ...credential });
    member.pin = pin;
  }
  const body = { ...current.body, staff, updatedAt: now.toISOString() };
  await store.db.transaction().execute(async (trx) => {
    await putStaffCredentials(trx, meta.storeId, credentials, now);
    await repository.putInTransaction(trx, [{ collection: 'config', id: meta.storeId, storeId: meta.storeId, body }], now);
    await writeMeta(trx, DEMO_META_KEY, meta);
  });
}

/** A demo store seeded by an older version gets the permissions and settings added since (sale.void, lock-out times). */
async function upgradePermissions(store: Store, storeId: string, now: Date): Promise<void> {
  const repository = new DocumentsRepository(store);
  const current = await repository.get('config', storeId);
  if (current === undefined) throw new Error(`The demo store's config document ${storeId} is missing`);
  const permissions = withDefaultPermissions(current.body['permissions']);
  if (permissions === undefined) return;
  const body = { ...current.body, permissions, updatedAt: now.toISOString() };
  await repository.put([{ collection: 'config', id: storeId, storeId, body }], now);
}

function choosePins(fixed: DemoPins): DemoStaffPin[] {
  const taken = new Set(Object.values(fixed).filter((p): p is string => p !== undefined));
  return DEMO_STAFF.map(({ role, name }) => {
    const pin = fixed[role] ?? randomPin(6, taken);
    taken.add(pin);
    return { staffId: demoId('staff', role), name, role, pin };
  });
}

function configWrite(storeId: string, staff: StaffMember[], updatedAt: string): DocumentWrite {
  return { collection: 'config', id: storeId, storeId, body: buildStoreConfig(storeId, staff, updatedAt) };
}

function checkCatalogSize(products: number): void {
  if (!Number.isInteger(products) || products < 1 || products > MAX_CATALOG_SIZE) {
    throw new RangeError(`The demo catalog size must be 1..${MAX_CATALOG_SIZE}, got ${products}`);
  }
}
