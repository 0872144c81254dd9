/*
 * What a cashier types about a customer (name, phone, optional e-mail and member card), read into the
 * customer document the counter writes, offline too. The phone is kept in the national form (phone-number.ts:
 * "+84 903 000 003" and "0903.000.003" are "0903000003"), the form the server merges a customer created
 * offline by, so two tablets creating the same person end as one customer. A customer's QR (from the shop's
 * app or a printed member card) carries `KH:<customer id>`, a member card number or the phone.
 */
import type { CustomerDocument } from './documents.ts';
import { fullVietnamPhone, normaliseVietnamPhone, phoneForms } from './phone-number.ts';
import { foldForSearch } from './search-text.ts';

/** The form's fields as typed. */
export interface CustomerInput {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly memberCard: string;
}

/** The fields once read: name trimmed, phone national, the optional ones absent when empty. */
export interface CustomerDetails {
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly memberCard?: string;
}

export type CustomerField = keyof CustomerInput;
export type CustomerProblem = 'required' | 'too-long' | 'not-a-phone' | 'not-an-email' | 'bad-card';

export type CustomerReading = { readonly ok: true; readonly details: CustomerDetails } | { readonly ok: false; readonly problems: Readonly<Partial<Record<CustomerField, CustomerProblem>>> };

const MAX_NAME = 200;
const MAX_EMAIL = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MEMBER_CARD = /^[A-Za-z0-9-]{4,64}$/;

/** The details of a filled form, or what is wrong with each field. */
export function readCustomerInput(input: CustomerInput): CustomerReading {
  const problems: Partial<Record<CustomerField, CustomerProblem>> = {};
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.name = 'required';
  else if (name.length > MAX_NAME) problems.name = 'too-long';
  const phone = fullVietnamPhone(input.phone);
  if (input.phone.trim() === '') problems.phone = 'required';
  else if (phone === undefined) problems.phone = 'not-a-phone';
  const email = input.email.trim();
  if (email !== '' && (email.length > MAX_EMAIL || !EMAIL.test(email))) problems.email = 'not-an-email';
  const memberCard = input.memberCard.trim().toUpperCase();
  if (memberCard !== '' && !MEMBER_CARD.test(memberCard)) problems.memberCard = 'bad-card';
  if (Object.keys(problems).length > 0 || phone === undefined) return { ok: false, problems };
  return { ok: true, details: { name, phone, ...(email === '' ? {} : { email }), ...(memberCard === '' ? {} : { memberCard }) } };
}

/** The form's fields for an existing customer (or empty, with a phone the cashier already typed). */
export function customerInputOf(customer: Pick<CustomerDocument, 'name' | 'phone' | 'email' | 'memberCard'> | undefined, typedPhone = ''): CustomerInput {
  if (customer === undefined) return { name: '', phone: fullVietnamPhone(typedPhone) ?? typedPhone.trim(), email: '', memberCard: '' };
  return { name: customer.name, phone: customer.phone, email: customer.email ?? '', memberCard: customer.memberCard ?? '' };
}

/** A new customer of this store, created at its counter. */
export function newCustomerDocument(details: CustomerDetails, context: { readonly id: string; readonly storeId: string; readonly now: string }): CustomerDocument {
  return { id: context.id, storeId: context.storeId, ...detailFields(details), createdAt: context.now, updatedAt: context.now };
}

/** The customer with the form's details: an emptied e-mail or member card is removed, identity kept. */
export function editedCustomer(customer: CustomerDocument, details: CustomerDetails, now: string): CustomerDocument {
  const { email: _email, memberCard: _memberCard, ...kept } = customer;
  return { ...kept, ...detailFields(details), updatedAt: now };
}

function detailFields(details: CustomerDetails): Pick<CustomerDocument, 'name' | 'searchName' | 'phone' | 'email' | 'memberCard'> {
  return {
    name: details.name,
    searchName: foldForSearch(details.name),
    phone: details.phone,
    ...(details.email === undefined ? {} : { email: details.email }),
    ...(details.memberCard === undefined ? {} : { memberCard: details.memberCard }),
  };
}

/** What a scan or a typed text may name a customer by: an id from a customer QR, phone forms, a member card. */
export interface CustomerCode {
  readonly id?: string;
  /** Values a stored phone may have for it (every form of the number). */
  readonly phones: readonly string[];
  /** Values a member card may have for it. */
  readonly cards: readonly string[];
}

const CUSTOMER_QR = /^KH:([A-Za-z0-9-]{1,64})$/;

/** The customer QR's text for a customer (what a printed member card or the shop's app shows). */
export function customerQrText(customerId: string): string {
  return `KH:${customerId}`;
}

/** What to look a customer up by, from the text typed or scanned; undefined for blank text. */
export function customerCodeOf(text: string): CustomerCode | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const qr = CUSTOMER_QR.exec(trimmed);
  if (qr !== null) return { id: qr[1] as string, phones: [], cards: [] };
  // Only text written like a phone is read as one: a member card's digits ("TV0001") are not a number.
  const phones = /^[\d\s().+-]+$/.test(trimmed) ? phoneForms(normaliseVietnamPhone(trimmed)) : [];
  return { phones: [...new Set([trimmed, ...phones])], cards: [...new Set([trimmed, trimmed.toUpperCase()])] };
}
