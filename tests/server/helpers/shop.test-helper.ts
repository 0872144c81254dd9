/*
 * A chain for the sync stories: stores with their config (staff with PIN hashes), devices enrolled
 * through the real API, staff sign-in, and documents as tills write them (sales whose amounts add up,
 * with their embedded ledger), plus push and pull calls through inject().
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { CustomerDocument, SaleDocument } from '../../../src/data/schemas/types.ts';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import { lineAmounts } from '../../../src/domain/sale-check.ts';
import { computeTaxes } from '../../../src/domain/tax.ts';
import { staffPinFor } from '../../../sync-server/src/auth/staff-pins.ts';
import { putStaffCredentials } from '../../../sync-server/src/store/staff-credentials-repository.ts';
import { buildStoreConfig } from '../../../sync-server/src/seed/store-config.ts';
import type { StaffMember, StaffRole } from '../../../sync-server/src/seed/store-config.ts';
import { DocumentsRepository } from '../../../sync-server/src/store/documents-repository.ts';
import type { DocumentWrite } from '../../../sync-server/src/store/documents-repository.ts';
import type { Store, StoreKind } from '../../../sync-server/src/store/open-store.ts';
import { insertStoreRecord } from '../../../sync-server/src/store/stores-repository.ts';
import { startTestApp } from './test-app.test-helper.ts';
import type { TestApp } from './test-app.test-helper.ts';

export interface ShopStore {
  id: string;
  name: string;
  enrollmentCode: string;
  staff: Array<{ id: string; role: StaffRole; pin: string; name: string }>;
}

export interface EnrolledDevice {
  deviceId: string;
  storeId: string;
  token: string;
}

/** Creates a store with a cashier (PIN 1111), a supervisor (222222) and a manager (999999). */
export async function openShop(store: Store, id: string, name: string, enrollmentCode: string): Promise<ShopStore> {
  const staff = [
    { id: `${id}-cashier`, role: 'cashier' as const, pin: '1111', name: 'Nguyễn Thị Lan' },
    { id: `${id}-supervisor`, role: 'supervisor' as const, pin: '222222', name: 'Trần Minh Tuấn' },
    { id: `${id}-manager`, role: 'manager' as const, pin: '999999', name: 'Lê Hoàng Nam' },
  ];
  const members: StaffMember[] = [];
  const credentials = [];
  // Few iterations: the stories check the rules, not PBKDF2's cost.
  for (const s of staff) {
    const { credential, tablet } = await staffPinFor(s.pin, s.role, 1000);
    members.push({ id: s.id, name: s.name, role: s.role, active: true, ...tablet });
    credentials.push({ staffId: s.id, ...credential });
  }
  const now = new Date().toISOString();
  await insertStoreRecord(store.db, { id, name, enrollmentCode, createdAt: now });
  await putStaffCredentials(store.db, id, credentials, new Date(now));
  await new DocumentsRepository(store).put([{ collection: 'config', id, storeId: id, body: buildStoreConfig(id, members, now) }]);
  return { id, name, enrollmentCode, staff };
}

export async function enroll(app: FastifyInstance, code: string, deviceName = 'Quầy 1'): Promise<EnrolledDevice> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/devices/enroll', payload: { enrollmentCode: code, deviceName } });
  if (response.statusCode !== 201) throw new Error(`enroll answered ${response.statusCode}: ${response.body}`);
  return response.json<EnrolledDevice>();
}

export async function signIn(app: FastifyInstance, device: EnrolledDevice, staffId: string, pin: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/sessions',
    headers: { authorization: `Bearer ${device.token}` },
    payload: { staffId, pin },
  });
  if (response.statusCode !== 201) throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
  return response.json<{ token: string }>().token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export async function push(
  app: FastifyInstance,
  token: string,
  collection: string,
  rows: Array<{ assumedMasterState?: object | null; newDocumentState: object }>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/v1/sync/${collection}/push`, headers: bearer(token), payload: rows });
}

/** A push whose body is already serialised (or compressed: pass its Content-Encoding), as a tablet sends it. */
export async function pushBody(
  app: FastifyInstance,
  token: string,
  collection: string,
  payload: string | Buffer,
  contentEncoding?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/sync/${collection}/push`,
    headers: { ...bearer(token), 'content-type': 'application/json', ...(contentEncoding === undefined ? {} : { 'content-encoding': contentEncoding }) },
    payload,
  });
}

/** A test app with one store, Quận 1 (code Q1AA-BBCC-DDEE), and one till enrolled there. */
export async function startOneTillShop(kind: StoreKind, name: string): Promise<{ t: TestApp; till: EnrolledDevice }> {
  const t = await startTestApp(kind, name);
  await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
  return { t, till: await enroll(t.app, 'Q1AA-BBCC-DDEE') };
}

export function asNew(docs: readonly object[]): Array<{ newDocumentState: object }> {
  return docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }));
}

export interface PullAnswer {
  documents: Array<Record<string, unknown> & { id: string; _deleted: boolean }>;
  checkpoint: { id: string; seq: number } | null;
}

export async function pull(
  app: FastifyInstance,
  token: string,
  collection: string,
  checkpoint: { id: string; seq: number } | null = null,
  limit = 1000,
): Promise<PullAnswer> {
  const query = new URLSearchParams({ id: checkpoint?.id ?? '', seq: String(checkpoint?.seq ?? 0), limit: String(limit) });
  const response = await app.inject({ method: 'GET', url: `/api/v1/sync/${collection}/pull?${query}`, headers: bearer(token) });
  if (response.statusCode !== 200) throw new Error(`pull answered ${response.statusCode}: ${response.body}`);
  return response.json<PullAnswer>();
}

/** Pulls a collection to the end, page by page. */
export async function pullAll(app: FastifyInstance, token: string, collection: string, limit = 1000): Promise<PullAnswer['documents']> {
  const all: PullAnswer['documents'] = [];
  let checkpoint: PullAnswer['checkpoint'] = null;
  for (;;) {
    const page = await pull(app, token, collection, checkpoint, limit);
    all.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return all;
  }
}

export interface SaleLineInput {
  productId: string;
  qty: number;
  unitPrice: number;
  discount?: number;
  taxRate?: number;
}

let receipt = 0;

/** A sale as a correct till rings it up, with its stock (and optional points) movements embedded. */
export function ringUpSale(
  device: EnrolledDevice,
  lines: readonly SaleLineInput[],
  options: { customerId?: string; points?: number; staffId?: string; createdAt?: string; cashGiven?: number } = {},
): SaleDocument {
  const id = uuidv7();
  const priced = lines.map((l) => {
    const line = { qty: l.qty, unitPrice: l.unitPrice, discount: l.discount ?? 0, taxRate: l.taxRate ?? 800, total: 0 };
    return {
      productId: l.productId,
      sku: `SKU-${l.productId}`,
      name: `Sản phẩm ${l.productId}`,
      ...line,
      total: lineAmounts(line).total,
    };
  });
  const taxes = computeTaxes(priced.map((l) => ({ amount: l.total, rateBasisPoints: l.taxRate, pricesIncludeTax: true })));
  const total = taxes.totals.gross;
  const ledger: NonNullable<SaleDocument['ledger']> = priced.map((l) => ({ id: uuidv7(), kind: 'stock' as const, refId: l.productId, delta: -l.qty, reason: 'sale' }));
  if (options.customerId !== undefined && options.points !== undefined) {
    ledger.push({ id: uuidv7(), kind: 'points', refId: options.customerId, delta: options.points, reason: options.points < 0 ? 'redeem' : 'earn' });
  }
  receipt += 1;
  return {
    id,
    kind: 'sale',
    storeId: device.storeId,
    deviceId: device.deviceId,
    number: `${device.storeId}-${device.deviceId.slice(-4)}-${String(receipt).padStart(6, '0')}`,
    createdAt: options.createdAt ?? new Date().toISOString(),
    staffId: options.staffId ?? `${device.storeId}-cashier`,
    ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
    currency: 'VND',
    lines: priced as SaleDocument['lines'],
    tenders: [{ method: 'cash', amount: options.cashGiven ?? total }],
    totals: {
      subtotal: priced.reduce((s, l) => s + lineAmounts(l).gross, 0),
      discount: priced.reduce((s, l) => s + lineAmounts(l).discount, 0),
      tax: taxes.totals.tax,
      total,
    },
    ledger,
  };
}

/** A realistic basket: 3 to 8 lines, some weighed, some discounted. */
export function realisticSale(device: EnrolledDevice, n: number): SaleDocument {
  const count = 3 + (n % 6);
  const lines: SaleLineInput[] = [];
  for (let i = 0; i < count; i++) {
    const weighed = (n + i) % 5 === 0;
    lines.push({
      productId: `p-${(n * 7 + i * 13) % 500}`,
      qty: weighed ? 250 + ((n * 31 + i) % 900) : 1000 * (1 + ((n + i) % 3)),
      unitPrice: 5_000 + ((n * 97 + i * 1_013) % 200) * 500,
      discount: (n + i) % 7 === 0 ? 1_000 : 0,
      taxRate: [0, 500, 800, 1000][(n + i) % 4],
    });
  }
  return ringUpSale(device, lines);
}

export function newCustomer(storeId: string, name: string, phone: string, extra: Partial<CustomerDocument> = {}): CustomerDocument {
  const at = new Date().toISOString();
  return { id: uuidv7(), storeId, name, searchName: foldForSearch(name), phone, createdAt: at, updatedAt: at, ...extra };
}

/** Server-side writes the online shop would make (orders, customers), straight into the store. */
export async function serverWrites(store: Store, writes: DocumentWrite[]): Promise<void> {
  await new DocumentsRepository(store).put(writes);
}

/** Every stored row of a collection, deleted ones too, across stores (ledger entries have their own table). */
export async function countDocuments(store: Store, collection: string): Promise<number> {
  const row =
    collection === 'ledger'
      ? await store.db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : await store.db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('collection', '=', collection)
          .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAll(store: Store): Promise<{ documents: number; incidents: number; seq: number }> {
  const documents = await store.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ledger = await countDocuments(store, 'ledger');
  const incidents = await store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const seq = await new DocumentsRepository(store).lastSeq();
  return { documents: Number(documents.n) + ledger, incidents: Number(incidents.n), seq };
}
