import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerCodeOf, customerInputOf, customerQrText, editedCustomer, newCustomerDocument, readCustomerInput } from './customer-details.ts';

const blank = { name: '', phone: '', email: '', memberCard: '' };
const nationalMobile = fc
  .record({ first: fc.constantFrom('3', '5', '7', '8', '9'), rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }) })
  .map(({ first, rest }) => `0${first}${rest.join('')}`);

describe('a cashier fills in a new customer', () => {
  it('keeps the name tidy and the phone in the national form, whichever way it was typed', () => {
    const read = readCustomerInput({ ...blank, name: '  Nguyễn   Thị  Lan ', phone: '+84 903 000 003' });
    expect(read).toEqual({ ok: true, details: { name: 'Nguyễn Thị Lan', phone: '0903000003' } });
  });

  it('+84 and 0 in front give the same customer phone (property)', () => {
    fc.assert(
      fc.property(nationalMobile, (national) => {
        const withZero = readCustomerInput({ ...blank, name: 'Lan', phone: national });
        const withCountry = readCustomerInput({ ...blank, name: 'Lan', phone: `+84${national.slice(1)}` });
        expect(withZero).toEqual(withCountry);
        expect(withZero.ok && withZero.details.phone).toBe(national);
      }),
    );
  });

  it('says what is wrong with each field: no name, a part of a number, a bad e-mail, a bad card', () => {
    expect(readCustomerInput({ name: ' ', phone: '0903', email: 'lan@', memberCard: 'a b' })).toEqual({
      ok: false,
      problems: { name: 'required', phone: 'not-a-phone', email: 'not-an-email', memberCard: 'bad-card' },
    });
    expect(readCustomerInput({ ...blank, name: 'Lan' })).toEqual({ ok: false, problems: { phone: 'required' } });
    expect(readCustomerInput({ ...blank, name: 'x'.repeat(201), phone: '0903000003' })).toEqual({ ok: false, problems: { name: 'too-long' } });
  });

  it('keeps an optional e-mail and a member card (upper case) when given', () => {
    const read = readCustomerInput({ name: 'Lan', phone: '0903000003', email: 'lan@example.vn', memberCard: 'tv-0001' });
    expect(read).toEqual({ ok: true, details: { name: 'Lan', phone: '0903000003', email: 'lan@example.vn', memberCard: 'TV-0001' } });
  });
});

describe('the customer document the counter writes', () => {
  const now = '2026-12-07T03:00:00.000Z';
  it('a new customer carries the folded name for search and this store as home', () => {
    const doc = newCustomerDocument({ name: 'Trần Đức Anh', phone: '0912345678' }, { id: 'c1', storeId: 's1', now });
    expect(doc).toEqual({ id: 'c1', storeId: 's1', name: 'Trần Đức Anh', searchName: 'tran duc anh', phone: '0912345678', createdAt: now, updatedAt: now });
  });

  it('an edit changes the details and drops an emptied e-mail, keeping id, store and creation', () => {
    const doc = newCustomerDocument({ name: 'Anh', phone: '0912345678', email: 'a@b.vn' }, { id: 'c1', storeId: 's1', now });
    const later = '2026-12-08T03:00:00.000Z';
    const edited = editedCustomer(doc, { name: 'Trần Anh', phone: '0912345679' }, later);
    expect(edited).toEqual({ id: 'c1', storeId: 's1', name: 'Trần Anh', searchName: 'tran anh', phone: '0912345679', createdAt: now, updatedAt: later });
    expect(customerInputOf(edited)).toEqual({ name: 'Trần Anh', phone: '0912345679', email: '', memberCard: '' });
  });

  it('a form opened from a typed phone starts with it in the national form', () => {
    expect(customerInputOf(undefined, '+84 912 345 678')).toEqual({ ...blank, phone: '0912345678' });
    expect(customerInputOf(undefined, '0912')).toEqual({ ...blank, phone: '0912' });
  });
});

describe('finding a customer by what is scanned or typed', () => {
  it("a customer QR names the customer's id", () => {
    expect(customerCodeOf(customerQrText('0193-abc'))).toEqual({ id: '0193-abc', phones: [], cards: [] });
  });

  it('a phone is looked up in every form it may be stored in, a member card as typed and in upper case', () => {
    expect(customerCodeOf(' +84903000003 ')).toEqual({ phones: ['+84903000003', '0903000003', '84903000003'], cards: ['+84903000003'] });
    expect(customerCodeOf('tv0001')).toEqual({ phones: ['tv0001'], cards: ['tv0001', 'TV0001'] });
    expect(customerCodeOf('   ')).toBeUndefined();
  });
});
