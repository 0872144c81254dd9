/*
 * Issue 12, findings 6 and 7, on both databases: what an enrolled tablet (or anyone holding its token) could
 * push and have stored. Card numbers typed into a reference, however they are written, are masked before
 * anything is stored or exported and the sale is flagged for the manager, never refused; fields the sale
 * schema does not name (a `pan`, an `expiry`) are refused; hostile shapes (10,000-deep nesting, a
 * 1,000,000-element array, a lone surrogate) are refused with a 400 that names the row, never a 500; and a
 * sale dated in year 9999 or before the store existed is stored but flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { SaleDocument } from '../../src/data/schemas/types.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { asNew, bearer, countAll, enroll, newCustomer, openShop, pullAll, push, ringUpSale, signIn } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

type Json = Record<string, unknown>;

interface IncidentRow {
  kind: string;
  collection: string;
  document_id: string;
  detail: string;
}

/** A sale of one coffee paid by card with the given terminal reference. */
function cardSale(device: EnrolledDevice, reference: string, extra: Json = {}): SaleDocument {
  const sale = ringUpSale(device, [{ productId: 'p-coffee', qty: 1000, unitPrice: 29_000 }]);
  return { ...sale, tenders: [{ method: 'card', amount: sale.totals.total, reference }], ...extra };
}

/** `value` nested `depth` objects deep: {"x":{"x":...{"x":1}}}, written as text (JSON.stringify would recurse). */
function nestedJson(depth: number): string {
  return `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe.each(DATABASE_KINDS)('trust boundaries: card data and hostile shapes (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp(kind, 'trust-card-shapes');
    await openShop(t.store, 'store-q1', 'Quận 1', 'Q1AA-BBCC-DDEE');
    till = await enroll(t.app, 'Q1AA-BBCC-DDEE');
    manager = await signIn(t.app, till, 'store-q1-manager', '999999');
  });
  afterAll(async () => t?.close());

  const incidentsOf = async (documentId: string): Promise<IncidentRow[]> =>
    t.store.db.selectFrom('incidents').select(['kind', 'collection', 'document_id', 'detail']).where('document_id', '=', documentId).execute();

  const exported = async (): Promise<string> => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export/sales?from=2000-01-01&to=2100-01-01', headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  const rawPush = (collection: string, body: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/sync/${collection}/push`, headers: { ...bearer(till.token), 'content-type': 'application/json' }, payload: body });

  describe('finding 6: card numbers stored', () => {
    const written = ['4111.1111.1111.1111', '4111/1111/1111/1111', '4111_1111_1111_1111', 'APPR 4111111111111111 5', '9704 0000 0000 0018'];

    it.each(written)('a card tender reference "%s" is stored, pulled and exported masked, and the sale is flagged without the digits', async (reference) => {
      const sale = cardSale(till, reference);
      const response = await push(t.app, till.token, 'sales', asNew([sale]));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual([]);

      const pulled = (await pullAll(t.app, till.token, 'sales')).find((doc) => doc.id === sale.id);
      expect(pulled, 'the sale is kept: no sale is lost for a card number').toBeDefined();
      const stored = (pulled?.['tenders'] as Array<{ reference: string }>)[0]!.reference;
      const digits = reference.includes('9704') ? '9704000000000018' : '4111111111111111';
      expect(stored).toContain(`${digits.slice(0, 6)}******${digits.slice(-4)}`);
      expect(stored.replace(/\D/g, '')).not.toContain(digits);

      const body = await exported();
      expect(body).toContain(sale.id);
      expect(body.replace(/\D/g, '')).not.toContain(digits);

      const incidents = await incidentsOf(sale.id);
      expect(incidents.map((i) => i.kind)).toContain('card-number-masked');
      const flag = incidents.find((i) => i.kind === 'card-number-masked')!;
      expect(flag.collection).toBe('sales');
      expect(JSON.parse(flag.detail)).toMatchObject({ number: sale.number, paths: ['tenders/0/reference'] });
      // The sale's own number is no card's: left out, its digits (a sequence, a time) may hold any run.
      expect(flag.detail.replace(sale.number, '').replace(/\D/g, '')).not.toContain(digits.slice(6, 12));
    });

    it('a retried push stores nothing twice and flags the sale once', async () => {
      const sale = cardSale(till, '4111-1111-1111-1111');
      for (let i = 0; i < 3; i++) expect((await push(t.app, till.token, 'sales', asNew([sale]))).json()).toEqual([]);
      expect((await incidentsOf(sale.id)).filter((i) => i.kind === 'card-number-masked')).toHaveLength(1);
    });

    it('a card number in an audit entry, a shift note or a customer is masked and flagged the same way', async () => {
      const now = new Date().toISOString();
      const audit = { id: uuidv7(), storeId: 'store-q1', deviceId: till.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: now, details: { note: 'khách đọc số thẻ 5555 5555 5555 4444' } };
      expect((await push(t.app, till.token, 'audit', asNew([audit]))).statusCode).toBe(200);
      const shift = { id: uuidv7(), shiftId: uuidv7(), storeId: 'store-q1', deviceId: till.deviceId, type: 'cash_in', amount: 1000, staffId: 'store-q1-cashier', note: 'the.card 4111.1111.1111.1111', createdAt: now };
      expect((await push(t.app, till.token, 'shifts', asNew([shift]))).statusCode).toBe(200);
      const customer = newCustomer('store-q1', 'Thẻ 4111 1111 1111 1111', '0901234567');
      expect((await push(t.app, till.token, 'customers', asNew([customer]))).statusCode).toBe(200);

      const pulledAudit = (await pullAll(t.app, till.token, 'audit')).find((d) => d.id === audit.id);
      expect(pulledAudit?.['details']).toEqual({ note: 'khách đọc số thẻ 555555******4444' });
      expect((await pullAll(t.app, till.token, 'shifts')).find((d) => d.id === shift.id)?.['note']).toBe('the.card 411111******1111');
      expect((await pullAll(t.app, till.token, 'customers')).find((d) => d.id === customer.id)?.['name']).toBe('Thẻ 411111******1111');
      for (const [id, path] of [[audit.id, 'details/note'], [shift.id, 'note'], [customer.id, 'name']] as const) {
        const flag = (await incidentsOf(id)).find((i) => i.kind === 'card-number-masked');
        expect(flag, id).toBeDefined();
        expect((JSON.parse(flag!.detail) as { paths: string[] }).paths).toContain(path);
      }
    });

    it('ids, receipt numbers, product codes, gift-card numbers and dates never trip it', async () => {
      // A gift card numbered like a card (Luhn-valid, 16 digits from a network's range) is its balance's key.
      const giftCard = '6011111111111117';
      const base = ringUpSale(till, [{ productId: '4006381333931', qty: 1000, unitPrice: 29_000 }]);
      const sale: SaleDocument = {
        ...base,
        number: '4021-123456-000042',
        lines: [{ ...base.lines[0]!, sku: '04006381333931' }],
        tenders: [{ method: 'gift_card', amount: base.totals.total, reference: giftCard }],
        ledger: [...(base.ledger ?? []), { id: `${base.id}-giftcard-0`, kind: 'giftcard', refId: giftCard, delta: -base.totals.total, reason: 'redeem' }],
      };
      expect((await push(t.app, till.token, 'sales', asNew([sale]))).statusCode).toBe(200);
      const pulled = (await pullAll(t.app, till.token, 'sales')).find((d) => d.id === sale.id);
      expect(pulled).toMatchObject({ number: sale.number, tenders: sale.tenders, lines: sale.lines, ledger: sale.ledger });
      expect((await incidentsOf(sale.id)).map((i) => i.kind)).not.toContain('card-number-masked');
    });

    it.each([
      ['the sale', '', { pan: '4111111111111111', expiry: '12/30' }],
      ['a line', 'lines/0/', { pan: '4111111111111111' }],
      ['a tender', 'tenders/0/', { expiry: '12/30' }],
      ['the totals', 'totals/', { pan: '4111111111111111' }],
    ])('a field the sale schema does not name on %s is refused with 400 naming it, and never stored or exported', async (_where, prefix, extra) => {
      const sale = cardSale(till, 'APPR 123456') as unknown as Json;
      const target = prefix === '' ? sale : prefix === 'totals/' ? (sale['totals'] as Json) : ((sale[prefix.split('/')[0]!] as Json[])[0] as Json);
      Object.assign(target, extra);
      const before = await countAll(t.store);
      const response = await push(t.app, till.token, 'sales', asNew([sale]));
      expect(response.statusCode, response.body).toBe(400);
      const field = Object.keys(extra)[0]!;
      expect(response.json().message).toContain(`body/0/newDocumentState${prefix === '' ? '' : `/${prefix.slice(0, -1)}`} has unknown field "${field}"`);
      expect(await countAll(t.store)).toEqual(before);
      expect(await exported()).not.toContain('4111111111111111');
    });
  });

  describe('finding 7: hostile shapes', () => {
    it('an extra field nested 10,000 deep answers 400 naming the row, not 500', async () => {
      const audit = { id: uuidv7(), storeId: 'store-q1', deviceId: till.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: new Date().toISOString() };
      const before = await countAll(t.store);
      const text = JSON.stringify([{ newDocumentState: { ...audit, details: { deep: '@' } } }]).replace('"@"', nestedJson(10_000));
      const response = await rawPush('audit', text);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
      expect(response.json().message).toMatch(/^body\/0\/newDocumentState\/details\/deep(\/x)+ is nested deeper than 32 levels/);
      const sale = JSON.stringify([{ newDocumentState: { ...cardSale(till, 'APPR 1'), _deleted: false, junk: '@' } }]).replace('"@"', nestedJson(10_000));
      expect((await rawPush('sales', sale)).statusCode).toBe(400);
      expect(await countAll(t.store)).toEqual(before);
    });

    it('a 1,000,000-element junk array answers 400 naming the row', async () => {
      const audit = { id: uuidv7(), storeId: 'store-q1', deviceId: till.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: new Date().toISOString() };
      const before = await countAll(t.store);
      const text = JSON.stringify([{ newDocumentState: { ...audit, details: { junk: '@' } } }]).replace('"@"', `[${'0,'.repeat(999_999)}0]`);
      const response = await rawPush('audit', text);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
      expect(response.json().message).toMatch(/^body\/0\/newDocumentState is larger than/);
      expect(await countAll(t.store)).toEqual(before);
    });

    it('a lone surrogate in any string or field name answers 400 naming its path', async () => {
      const before = await countAll(t.store);
      const sale = cardSale(till, 'APPR 1') as unknown as Json;
      (sale['lines'] as Json[])[0]!['name'] = 'Cà phê \ud83d';
      const response = await push(t.app, till.token, 'sales', asNew([sale]));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toBe('body/0/newDocumentState/lines/0/name contains a lone surrogate (U+D83D), which is not text');
      const audit = { id: uuidv7(), storeId: 'store-q1', deviceId: till.deviceId, action: 'drawer.count', staffId: 'store-q1-cashier', createdAt: new Date().toISOString(), details: { ['k\udc00']: 1 } };
      const key = await push(t.app, till.token, 'audit', asNew([audit]));
      expect(key.statusCode, key.body).toBe(400);
      expect(key.json().message).toMatch(/^body\/0\/newDocumentState\/details .*field name.*lone surrogate/);
      expect(await countAll(t.store)).toEqual(before);
    });

    it('a sale dated in year 9999, or before the store existed, is stored and flagged once', async () => {
      const future = ringUpSale(till, [{ productId: 'p-1', qty: 1000, unitPrice: 5_000 }], { createdAt: '9999-12-31T23:59:59.000Z' });
      const past = ringUpSale(till, [{ productId: 'p-1', qty: 1000, unitPrice: 5_000 }], { createdAt: '2001-01-01T00:00:00.000Z' });
      const fine = ringUpSale(till, [{ productId: 'p-1', qty: 1000, unitPrice: 5_000 }]);
      for (let i = 0; i < 2; i++) expect((await push(t.app, till.token, 'sales', asNew([future, past, fine]))).json()).toEqual([]);
      const ids = (await pullAll(t.app, till.token, 'sales')).map((d) => d.id);
      expect(ids).toEqual(expect.arrayContaining([future.id, past.id, fine.id]));
      for (const [sale, why] of [[future, 'future'], [past, 'before-store']] as const) {
        const flags = (await incidentsOf(sale.id)).filter((i) => i.kind === 'implausible-date');
        expect(flags, sale.createdAt).toHaveLength(1);
        expect(JSON.parse(flags[0]!.detail)).toMatchObject({ path: 'createdAt', value: sale.createdAt, why });
      }
      expect((await incidentsOf(fine.id)).map((i) => i.kind)).not.toContain('implausible-date');
    });
  });
});
