import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideCustomerPush, mergeCustomer } from './merge-customer.ts';
import type { CustomerPushFacts, HeldCustomer, PushedCustomer } from './merge-customer.ts';
import { normaliseVietnamPhone } from './phone-number.ts';

const base = { id: 'c1', name: 'Nguyễn Văn An', phone: '0901234567', email: 'an@example.vn', updatedAt: '2026-11-01T00:00:00Z' };

describe('merging a customer edited at the counter and online', () => {
  it('keeps the cashier\'s new phone and the web shop\'s new email', () => {
    const local = { ...base, phone: '0912345678' };
    const master = { ...base, email: 'an.nguyen@example.vn', updatedAt: '2026-11-02T00:00:00Z' };
    const { merged, conflictingFields } = mergeCustomer(base, local, master);
    expect(merged).toEqual({ ...base, phone: '0912345678', email: 'an.nguyen@example.vn', updatedAt: '2026-11-02T00:00:00Z' });
    expect(conflictingFields).toEqual([]);
  });

  it('keeps the server\'s value when both changed the same field differently, and says so', () => {
    const local = { ...base, name: 'Nguyễn V. An' };
    const master = { ...base, name: 'Nguyễn Văn Ân' };
    const { merged, conflictingFields } = mergeCustomer(base, local, master);
    expect(merged.name).toBe('Nguyễn Văn Ân');
    expect(conflictingFields).toEqual(['name']);
  });

  it('never lets the device change the id or server timestamps', () => {
    const local = { ...base, id: 'forged', updatedAt: '2099-01-01T00:00:00Z' };
    expect(mergeCustomer(base, local, base).merged).toEqual(base);
  });

  it('removes a field the device cleared when the server left it alone', () => {
    const { email: _email, ...local } = base;
    expect(mergeCustomer(base, local as typeof base, base).merged).not.toHaveProperty('email');
  });

  it('equals the server version when the device changed nothing, and the device version when the server changed nothing', () => {
    const record = fc.record({ name: fc.string(), phone: fc.string(), note: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(record, record, (edit1, edit2) => {
        const b = { id: 'c', ...edit1 };
        const changed = { id: 'c', ...edit2 };
        expect(mergeCustomer(b, b, changed).merged).toEqual(changed);
        const deviceWins = mergeCustomer(b, changed, b).merged;
        for (const key of ['name', 'phone', 'note'] as const) expect(deviceWins[key]).toEqual(changed[key]);
      }),
    );
  });
});

interface Customer {
  id: string;
  storeId: string;
  name: string;
  phone: string;
  updatedAt: string;
  email?: string;
  mergedIntoId?: string;
}

const NOW = '2026-11-05T08:00:00.000Z';
const customer = (id: string, storeId: string, name: string, phone: string, extra: Partial<Customer> = {}): Customer => ({
  id,
  storeId,
  name,
  phone,
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...extra,
});
const held = (body: Customer, storeId: string | null = body.storeId, deleted = false): HeldCustomer<Customer> => ({ id: body.id, storeId, body, deleted });
const asNew = (doc: Customer, deleted = false): PushedCustomer<Customer> => ({ id: doc.id, doc, deleted, assumed: undefined, assumedDeleted: false });
const editOf = (master: Customer, doc: Customer, deleted = false): PushedCustomer<Customer> => ({ id: doc.id, doc, deleted, assumed: master, assumedDeleted: false });
const facts = (storeId: string, extra: Partial<CustomerPushFacts<Customer>> = {}): CustomerPushFacts<Customer> => ({
  storeId,
  now: NOW,
  master: undefined,
  masterVisible: false,
  samePhone: [],
  ...extra,
});

describe('a store\'s customers are its own to change', () => {
  const ha = customer('c-ha', 'store-q1', 'Phạm Thu Hà', '0903000003', { email: 'ha@example.vn' });

  it('a Quận 3 tablet creating "Chị Hà" with her number keeps its own customer and writes nothing of hers', () => {
    const chiHa = customer('c-new', 'store-q3', 'Chị Hà', '+84903000003', { email: 'other@example.vn' });
    expect(decideCustomerPush(asNew(chiHa), facts('store-q3', { samePhone: [held(ha)] }))).toEqual({
      kind: 'write',
      writes: [{ id: 'c-new', storeId: 'store-q3', body: chiHa, deleted: false }],
      possibleDuplicates: 1,
    });
  });

  it('a second Quận 1 tablet creating her again offline is merged into her (its own store\'s customer)', () => {
    const again = customer('c-again', 'store-q1', 'Hà', '0903000003', { email: 'new@example.vn' });
    const decision = decideCustomerPush(asNew(again), facts('store-q1', { samePhone: [held(ha)] }));
    const standIn = { ...again, mergedIntoId: 'c-ha', updatedAt: NOW };
    expect(decision).toEqual({
      kind: 'write',
      writes: [
        { id: 'c-ha', storeId: 'store-q1', body: { ...ha, updatedAt: NOW }, deleted: false },
        { id: 'c-again', storeId: 'store-q1', body: standIn, deleted: true },
      ],
      answer: { body: standIn, deleted: true },
      mergedInto: 'c-ha',
      possibleDuplicates: 0,
    });
  });

  it('when both stores know the number, the new customer joins its own store\'s, never the other\'s', () => {
    const own = customer('c-own', 'store-q3', 'Hà Q3', '0903000003');
    const decision = decideCustomerPush(asNew(customer('c-x', 'store-q3', 'Hà', '0903000003')), facts('store-q3', { samePhone: [held(ha), held(own)] }));
    expect(decision).toMatchObject({ kind: 'write', mergedInto: 'c-own' });
  });

  it('another store may not rename, re-phone, move or delete her, even when it sees her; sending her back unchanged does nothing', () => {
    const master = held(ha);
    for (const [edit, deleted] of [
      [{ ...ha, name: 'Kẻ gian' }, false],
      [{ ...ha, phone: '0999999999' }, false],
      [{ ...ha, storeId: 'store-q3' }, false],
      [ha, true],
    ] as const) {
      for (const masterVisible of [true, false]) {
        expect(decideCustomerPush(editOf(ha, edit, deleted), facts('store-q3', { master, masterVisible }))).toEqual({
          kind: 'refuse',
          why: 'another-store',
          homeStoreId: 'store-q1',
        });
      }
    }
    expect(decideCustomerPush(editOf(ha, ha), facts('store-q3', { master, masterVisible: true }))).toEqual({ kind: 'nothing' });
    // One it cannot see is not confirmed by an identical copy either.
    expect(decideCustomerPush(editOf(ha, ha), facts('store-q3', { master, masterVisible: false }))).toMatchObject({ kind: 'refuse' });
  });

  it('the online shop\'s customers are no store\'s to change', () => {
    const online = customer('c-web', 'store-q1', 'Khách web', '0911000000');
    const decision = decideCustomerPush(editOf(online, { ...online, name: 'Đổi' }), facts('store-q1', { master: held(online, null), masterVisible: true }));
    expect(decision).toEqual({ kind: 'refuse', why: 'another-store', homeStoreId: null });
  });

  it('a new customer is created only for the pushing store, and its home store cannot be moved by its own store either', () => {
    expect(decideCustomerPush(asNew(customer('c-y', 'store-q1', 'Y', '0901')), facts('store-q3'))).toMatchObject({ kind: 'refuse', why: 'new-for-another-store' });
    expect(decideCustomerPush(editOf(ha, { ...ha, storeId: 'store-q3' }), facts('store-q1', { master: held(ha), masterVisible: true }))).toMatchObject({
      kind: 'refuse',
      why: 'home-store-moved',
    });
  });

  it('the home store edits and deletes its customer: stored as sent when up to date, merged field by field when not', () => {
    const renamed = { ...ha, name: 'Phạm Thu Hà (chị)' };
    expect(decideCustomerPush(editOf(ha, renamed), facts('store-q1', { master: held(ha), masterVisible: true }))).toEqual({
      kind: 'write',
      writes: [{ id: 'c-ha', storeId: 'store-q1', body: renamed, deleted: false }],
      possibleDuplicates: 0,
    });
    expect(decideCustomerPush(editOf(ha, ha, true), facts('store-q1', { master: held(ha), masterVisible: true }))).toMatchObject({ writes: [{ deleted: true }] });
    const stale = { ...ha, email: 'old@example.vn' };
    const decision = decideCustomerPush(editOf(stale, { ...stale, name: 'Hà' }), facts('store-q1', { master: held(ha), masterVisible: true }));
    expect(decision).toMatchObject({ kind: 'write', answer: { body: { name: 'Hà', email: 'ha@example.vn', updatedAt: NOW }, deleted: false } });
  });

  it('a deleted customer the server never had writes nothing; a stand-in the device has not adopted is answered again', () => {
    expect(decideCustomerPush(asNew(customer('c-z', 'store-q1', 'Z', '0901'), true), facts('store-q1'))).toEqual({ kind: 'nothing' });
    const standIn = customer('c-s', 'store-q1', 'S', '0903000003', { mergedIntoId: 'c-ha' });
    expect(decideCustomerPush(editOf(standIn, { ...standIn, name: 'S2' }), facts('store-q1', { master: held(standIn, 'store-q1', true), masterVisible: true }))).toEqual({
      kind: 'answer',
      answer: { body: standIn, deleted: true },
    });
  });
});

describe('PROPERTY: no push by store B changes a customer owned by store A', () => {
  const STORES = ['store-a', 'store-b'] as const;
  const PHONES = ['0903000001', '+84903000001', '0903000002', '84903000002', '0903000003'];
  const IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
  const heldArb = fc.record({
    id: fc.constantFrom(...IDS),
    home: fc.constantFrom<string | null>('store-a', 'store-b', null),
    name: fc.string({ maxLength: 6 }),
    phone: fc.constantFrom(...PHONES),
    deleted: fc.boolean(),
    grantedToB: fc.boolean(),
  });
  const pushArb = fc.record({
    id: fc.constantFrom(...IDS),
    storeId: fc.constantFrom(...STORES),
    name: fc.string({ maxLength: 6 }),
    phone: fc.constantFrom(...PHONES),
    email: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    deleted: fc.boolean(),
    basedOn: fc.constantFrom('nothing', 'the server\'s version', 'an old version', 'the server\'s version, edited'),
  });

  it('whatever store B\'s devices push, in whatever order, every customer of store A and of the online shop stays exactly as it was', () => {
    fc.assert(
      fc.property(fc.array(heldArb, { maxLength: 6 }), fc.array(pushArb, { minLength: 1, maxLength: 12 }), (start, pushes) => {
        const server = new Map<string, HeldCustomer<Customer>>();
        const grants = new Set<string>();
        for (const c of start) {
          server.set(c.id, { id: c.id, storeId: c.home, body: customer(c.id, c.home ?? 'store-a', c.name, c.phone), deleted: c.deleted });
          if (c.grantedToB) grants.add(c.id);
        }
        const notB = [...server.values()].filter((c) => c.storeId !== 'store-b').map((c) => structuredClone(c));
        for (const p of pushes) {
          const master = server.get(p.id);
          const doc = customer(p.id, p.storeId, p.name, p.phone, p.email === undefined ? {} : { email: p.email });
          const assumed =
            p.basedOn === 'nothing' ? undefined
            : p.basedOn === 'an old version' ? { ...doc, name: `${p.name}-old` }
            : master?.body;
          const sent = p.basedOn === 'the server\'s version, edited' && master !== undefined ? { ...master.body, name: p.name, phone: p.phone } : doc;
          const national = normaliseVietnamPhone(sent.phone);
          const samePhone = [...server.values()].filter((c) => c.id !== p.id && normaliseVietnamPhone(c.body.phone) === national);
          const decision = decideCustomerPush(
            { id: p.id, doc: sent, deleted: p.deleted, assumed, assumedDeleted: master?.deleted ?? false },
            { storeId: 'store-b', now: NOW, master, masterVisible: master?.storeId === 'store-b' || grants.has(p.id), samePhone },
          );
          if (decision.kind !== 'write') continue;
          for (const write of decision.writes) {
            // Every write is store B's: a customer it creates now, or one whose home is already store B.
            expect(write.storeId).toBe('store-b');
            const before = server.get(write.id);
            if (before !== undefined) expect(before.storeId).toBe('store-b');
            server.set(write.id, { id: write.id, storeId: write.storeId, body: write.body, deleted: write.deleted });
          }
          if (decision.mergedInto !== undefined) expect(server.get(decision.mergedInto)?.storeId).toBe('store-b');
        }
        for (const c of notB) expect(server.get(c.id)).toEqual(c);
      }),
      { numRuns: 500 },
    );
  });
});
