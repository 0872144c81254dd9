/*
 * Issue 12, finding 5 (customer take-over across stores), on both databases: a store's customers are its own
 * to change. A Quận 3 tablet that pushes a new customer with the phone of a Quận 1 customer keeps its own
 * customer and learns nothing of hers (the push answers as for any new number; the manager sees a possible
 * duplicate); it may not rename, re-phone or delete her, even once she shops there and its tablets hold her
 * (403 that says whose customer she is). The chain-wide lookup takes only a whole phone number (+84 and 0
 * are the same), shows another store's customer as an id, initials and given name and the last three digits,
 * is limited per device (429 with Retry-After) and every lookup is audited ('customer-lookup' incidents of
 * the store that looked, naming the device, the person signed in and whose records were shown).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDocument } from '../../src/data/schemas/types.ts';
import { CHAIN_LOOKUP_LIMIT } from '../../sync-server/src/routes/customers-search.ts';
import { DocumentsRepository } from '../../sync-server/src/store/documents-repository.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, enroll, newCustomer, openShop, pullAll, push, ringUpSale } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

interface IncidentRow {
  id: string;
  store_id: string;
  kind: string;
  document_id: string;
  detail: string;
}

interface LookupAnswer {
  customers: Array<Record<string, unknown>>;
}

describe.each(DATABASE_KINDS)('a store\'s customers are its own to change (%s)', (kind) => {
  let t: TestApp;
  /** Quận 1's tablets: the home store of the customers below. */
  let q1a: EnrolledDevice;
  let q1b: EnrolledDevice;
  /** A Quận 3 tablet, the other store. */
  let q3: EnrolledDevice;
  let phoneNumber = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, 'trust-customers');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    await openShop(t.store, 'store-q3', 'Quận 3', 'Q3AA-BBCC-DDEE');
    q1a = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 1');
    q1b = await enroll(t.app, 'Q1AA-BBCC-DDEE', 'Quầy 2');
    q3 = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy Q3');
  });
  afterAll(async () => t?.close());

  /** A new mobile number for each story: 0903 000 001, 0903 000 002, ... */
  const nextPhone = (): string => `0903${String(++phoneNumber).padStart(6, '0')}`;

  /** A customer of Quận 1, created at its counter and synced. */
  async function quan1Customer(name: string, extra: Partial<CustomerDocument> = {}): Promise<CustomerDocument> {
    const customer = newCustomer('store-q1', name, nextPhone(), { email: 'ha.pham@example.vn', memberCard: `TV-${phoneNumber}`, ...extra });
    const response = await push(t.app, q1a.token, 'customers', asNew([customer]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    return customer;
  }

  const stored = async (id: string) => new DocumentsRepository(t.store).get('customers', id);

  const incidents = async (storeId: string, kindOf: string): Promise<IncidentRow[]> =>
    t.store.db.selectFrom('incidents').select(['id', 'store_id', 'kind', 'document_id', 'detail']).where('store_id', '=', storeId).where('kind', '=', kindOf).execute();

  const lookUp = (device: EnrolledDevice, q: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/customers/search?q=${encodeURIComponent(q)}`, headers: bearer(device.token) });

  /** Makes a Quận 1 customer visible to Quận 3 the way the shop does: she buys there. */
  async function shopsAtQuan3(customer: CustomerDocument): Promise<void> {
    const sale = ringUpSale(q3, [{ productId: 'p-1', qty: 1000, unitPrice: 20_000 }], { customerId: customer.id });
    expect((await push(t.app, q3.token, 'sales', asNew([sale]))).statusCode).toBe(200);
    expect((await pullAll(t.app, q3.token, 'customers')).map((c) => c.id)).toContain(customer.id);
  }

  describe('merging by phone never hands another store\'s customer to the pusher', () => {
    it('a Quận 3 tablet creating "Chị Hà" with the number of Quận 1\'s Phạm Thu Hà keeps its own customer and changes nothing of hers', async () => {
      const ha = await quan1Customer('Phạm Thu Hà');
      const before = await stored(ha.id);
      const international = `+84 ${ha.phone.slice(1, 4)} ${ha.phone.slice(4, 7)} ${ha.phone.slice(7)}`;
      const offline = newCustomer('store-q3', 'Chị Hà', international, { email: 'attacker@example.vn' });
      const fresh = newCustomer('store-q3', 'Anh Tuấn', nextPhone());

      const response = await push(t.app, q3.token, 'customers', asNew([offline]));
      const control = await push(t.app, q3.token, 'customers', asNew([fresh]));
      // Answered exactly as a number nobody has: the push is no way to learn who is a customer elsewhere.
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([]);
      expect(control.json()).toEqual(response.json());

      // Her record is untouched (same body, same seq: not even rewritten), and not handed to Quận 3.
      expect(await stored(ha.id)).toEqual(before);
      expect((await pullAll(t.app, q3.token, 'customers')).map((c) => c.id)).not.toContain(ha.id);
      const grants = await t.store.db.selectFrom('customer_stores').select('store_id').where('customer_id', '=', ha.id).execute();
      expect(grants).toEqual([]);
      const aliases = await t.store.db.selectFrom('customer_aliases').select('customer_id').where('alias_id', '=', offline.id).execute();
      expect(aliases).toEqual([]);

      // Quận 3's customer is its own, as it was pushed, and flagged as a possible duplicate for its manager.
      const own = await stored(offline.id);
      expect(own).toMatchObject({ storeId: 'store-q3', deleted: false, body: offline });
      const flags = await incidents('store-q3', 'customer-duplicate');
      expect(flags.map((f) => f.document_id)).toEqual([offline.id]);
      expect(JSON.parse(flags[0]!.detail)).toMatchObject({ match: 'phone', otherCustomers: 1 });
      // The flag names neither her id nor anything she told Quận 1.
      expect(flags[0]!.detail).not.toContain(ha.id);
      expect(flags[0]!.detail).not.toContain('Phạm');
    });

    it('points Quận 3 counts for its own "Chị Hà" stay on its own customer and never reach Quận 1\'s', async () => {
      const ha = await quan1Customer('Phạm Thu Hà (2)');
      const offline = newCustomer('store-q3', 'Chị Hà', ha.phone);
      expect((await push(t.app, q3.token, 'customers', asNew([offline]))).json()).toEqual([]);
      const sale = ringUpSale(q3, [{ productId: 'p-2', qty: 1000, unitPrice: 120_000 }], { customerId: offline.id });
      expect((await push(t.app, q3.token, 'sales', asNew([sale]))).statusCode).toBe(200);
      const balances = await t.store.db.selectFrom('balances').select(['id', 'ref_id']).where('kind', '=', 'points').where('ref_id', 'in', [ha.id, offline.id]).execute();
      // 120,000 VND earns 12 points (one per 10,000 VND): on Quận 3's own customer, none on hers.
      expect(balances.map((b) => b.ref_id)).toEqual([offline.id]);
    });

    it('a second tablet of the SAME store creating her again offline is still merged into her (+84 and 0 are one number)', async () => {
      const lan = await quan1Customer('Nguyễn Thị Lan');
      const again = newCustomer('store-q1', 'Lan', `+84${lan.phone.slice(1)}`);
      const answer = (await push(t.app, q1b.token, 'customers', asNew([again]))).json<Array<Record<string, unknown>>>();
      expect(answer).toEqual([expect.objectContaining({ id: again.id, mergedIntoId: lan.id, _deleted: true })]);
      expect(await stored(lan.id)).toMatchObject({ storeId: 'store-q1', body: { name: 'Nguyễn Thị Lan' } });
    });
  });

  describe('a device changes or deletes only its own store\'s customers', () => {
    it('a Quận 3 tablet that holds a Quận 1 customer (she shops there) may not rename, re-phone or delete her: 403 that says whose she is', async () => {
      const hai = await quan1Customer('Đỗ Văn Hải');
      await shopsAtQuan3(hai);
      const before = await stored(hai.id);
      const master = { ...before!.body, _deleted: false };
      const attempts = [
        // Based on the server's current version (would be stored as it is).
        { assumedMasterState: master, newDocumentState: { ...master, name: 'Kẻ gian', searchName: 'ke gian' } },
        // Based on an older version (would be merged field by field).
        { assumedMasterState: { ...master, email: 'old@example.vn' }, newDocumentState: { ...master, email: 'old@example.vn', phone: '0999999999' } },
        // Deleted.
        { assumedMasterState: master, newDocumentState: { ...master, _deleted: true } },
        // Moved to the pushing store.
        { assumedMasterState: master, newDocumentState: { ...master, storeId: 'store-q3', phone: '0999999998' } },
      ];
      for (const [index, attempt] of attempts.entries()) {
        const response = await push(t.app, q3.token, 'customers', [attempt]);
        expect(response.statusCode, `attempt ${index}`).toBe(403);
        expect(response.json<{ message: string }>().message).toMatch(new RegExp(`customer "${hai.id}" belongs to store "store-q1".*only that store's devices may change or delete`));
      }
      expect(await stored(hai.id)).toEqual(before);
      // Sending her back unchanged (what the tablet already holds) changes nothing and is not an error.
      expect((await push(t.app, q3.token, 'customers', [{ assumedMasterState: master, newDocumentState: master }])).json()).toEqual([]);
      // Her own store still edits her.
      const renamed = { ...master, name: 'Đỗ Văn Hải (anh)', searchName: 'do van hai (anh)' };
      expect((await push(t.app, q1b.token, 'customers', [{ assumedMasterState: master, newDocumentState: renamed }])).json()).toEqual([]);
      expect((await stored(hai.id))?.body.name).toBe('Đỗ Văn Hải (anh)');
    });

    it('a Quận 3 tablet naming a Quận 1 customer it cannot see is refused the same way, and a refused row takes the rest of its push with it', async () => {
      const khoa = await quan1Customer('Lý Minh Khoa');
      const before = await stored(khoa.id);
      const own = newCustomer('store-q3', 'Trần Văn Hùng', nextPhone());
      const response = await push(t.app, q3.token, 'customers', [
        { newDocumentState: { ...own, _deleted: false } },
        { newDocumentState: { ...khoa, name: 'Kẻ gian', _deleted: false } },
      ]);
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: string }>().message).toMatch(/body\/1\/newDocumentState.*belongs to store "store-q1"/);
      expect(await stored(khoa.id)).toEqual(before);
      expect(await stored(own.id)).toBeUndefined();
    });
  });

  describe('the chain-wide lookup: a whole number, few fields, limited and audited', () => {
    it('takes only a whole phone number: a part of one or a name is a 400 that says what to type', async () => {
      for (const q of ['0903', '0903 000', 'Phạm Thu Hà', 'lan', 'TV-1']) {
        const response = await lookUp(q3, q);
        expect(response.statusCode, q).toBe(400);
        expect(response.json<{ message: string }>().message).toMatch(/whole phone number/);
      }
    });

    it('finds a Quận 1 customer by her whole number however it is written, showing Quận 3 only her id, initials and given name, and last three digits', async () => {
      const ha = await quan1Customer('Phạm Thu Hà', { email: 'secret@example.vn' });
      for (const q of [ha.phone, `+84 ${ha.phone.slice(1)}`, `${ha.phone.slice(0, 4)}.${ha.phone.slice(4, 7)}.${ha.phone.slice(7)}`]) {
        const response = await lookUp(q3, q);
        expect(response.statusCode, q).toBe(200);
        expect(response.json<LookupAnswer>()).toEqual({
          customers: [{ id: ha.id, storeId: 'store-q1', ownStore: false, name: 'P. T. Hà', phoneLast3: ha.phone.slice(-3) }],
        });
        expect(response.body).not.toContain('secret@example.vn');
        expect(response.body).not.toContain(ha.phone);
        expect(response.body).not.toContain('TV-');
      }
      // Her own store is told she is its own.
      expect((await lookUp(q1a, ha.phone)).json<LookupAnswer>().customers).toEqual([expect.objectContaining({ id: ha.id, ownStore: true })]);
      // A number nobody has: an empty list.
      expect((await lookUp(q3, '0399 999 999')).json()).toEqual({ customers: [] });
    });

    it('a customer found that way who buys at Quận 3 reaches Quận 3\'s tablets read-only, without her email or member card', async () => {
      const yen = await quan1Customer('Bùi Ngọc Yến');
      const found = (await lookUp(q3, yen.phone)).json<LookupAnswer>().customers;
      expect(found.map((c) => c['id'])).toEqual([yen.id]);
      await shopsAtQuan3(yen);
      const held = (await pullAll(t.app, q3.token, 'customers')).find((c) => c.id === yen.id)!;
      // What Quận 3 needs to serve her (name, the number it found her by, her id); the rest is Quận 1's.
      expect(held).toMatchObject({ id: yen.id, name: 'Bùi Ngọc Yến', phone: yen.phone, storeId: 'store-q1' });
      expect(held).not.toHaveProperty('email');
      expect(held).not.toHaveProperty('memberCard');
      const own = (await pullAll(t.app, q1a.token, 'customers')).find((c) => c.id === yen.id)!;
      expect(own).toMatchObject({ email: 'ha.pham@example.vn', memberCard: expect.stringMatching(/^TV-/) });
      expect((await push(t.app, q3.token, 'customers', [{ assumedMasterState: held, newDocumentState: { ...held, name: 'Yến' } }])).statusCode).toBe(403);
    });

    it('every lookup is audited for the store that looked: the device, and whose records were shown', async () => {
      const mai = await quan1Customer('Hồ Thị Mai');
      const before = new Set((await incidents('store-q3', 'customer-lookup')).map((row) => row.id));
      expect((await lookUp(q3, mai.phone)).statusCode).toBe(200);
      expect((await lookUp(q3, '0388 888 888')).statusCode).toBe(200);
      // A refused query looked nothing up.
      expect((await lookUp(q3, '0903')).statusCode).toBe(400);
      const audited = (await incidents('store-q3', 'customer-lookup')).filter((row) => !before.has(row.id));
      expect(audited).toHaveLength(2);
      const details = audited.map((row) => JSON.parse(row.detail) as Record<string, unknown>);
      expect(audited.every((row) => row.document_id === q3.deviceId)).toBe(true);
      expect(details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ deviceId: q3.deviceId, deviceName: 'Quầy Q3', staffId: null, phone: mai.phone, shown: [{ customerId: mai.id, storeId: 'store-q1' }] }),
          expect.objectContaining({ deviceId: q3.deviceId, phone: '0388888888', shown: [] }),
        ]),
      );
      // Quận 1 is not told of Quận 3's lookups in its own list (they are Quận 3's to answer for).
      expect((await incidents('store-q1', 'customer-lookup')).some((row) => row.document_id === q3.deviceId)).toBe(false);
    });

    it(`is limited per device: the lookup after ${CHAIN_LOOKUP_LIMIT.maxTries} in ${CHAIN_LOOKUP_LIMIT.windowMinutes} minutes is a 429 with Retry-After, and another tablet may still look`, async () => {
      const busy = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy bận');
      const other = await enroll(t.app, 'Q3AA-BBCC-DDEE', 'Quầy khác');
      const before = (await incidents('store-q3', 'customer-lookup')).length;
      for (let i = 0; i < CHAIN_LOOKUP_LIMIT.maxTries; i++) {
        expect((await lookUp(busy, `0377 000 ${String(i).padStart(3, '0')}`)).statusCode, `lookup ${i + 1}`).toBe(200);
      }
      const limited = await lookUp(busy, '0377 000 999');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json<{ message: string }>().message).toMatch(/Too many chain-wide customer lookups from this device: try again in \d+ minutes?/);
      expect((await lookUp(other, '0377 000 999')).statusCode).toBe(200);
      // The refused lookup showed nothing and so is not in the audit.
      expect((await incidents('store-q3', 'customer-lookup')).length - before).toBe(CHAIN_LOOKUP_LIMIT.maxTries + 1);
    });
  });
});
