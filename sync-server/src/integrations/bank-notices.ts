/*
 * Bank transfers confirmed by the bank, not by the customer's phone screen (issue 15): a tablet showing a
 * VietQR registers the payment it waits for (a `payments` document, status waiting); the bank's notifier
 * (SePay, payOS) tells the server of each incoming transfer; the transfer that carries the payment's note and
 * exactly its amount confirms it (src/domain/bank-transfer-match.ts), and the confirmed document streams to
 * the store's tablets, where the pay panel turns paid by itself.
 *   SePay   (developer.sepay.vn, webhooks) {id, gateway, transactionDate, accountNumber, code, content,
 *           transferType "in"|"out", transferAmount, referenceCode}; the note is `content` (and `code`, the
 *           payment code SePay recognised); a transaction is `sepay:<id>`
 *   payOS   (payos.vn/docs/tich-hop-webhook) {code, desc, success, data {orderCode, amount, description,
 *           accountNumber, reference, transactionDateTime, currency, ...}, signature}: the signature is hex
 *           HMAC-SHA256 of data's fields sorted by key as "k=v&...", keyed with the checksum key (null -> "");
 *           the note is `description`; a transaction is `payos:<reference>`
 * A notice told twice is recognised and changes nothing. A transfer that confirms no waiting payment is kept
 * 'unmatched' and reported to the store whose bank account received it ('bank-notice-unmatched'), for the
 * reconciliation at day end; a payment registered after its transfer arrived finds it then.
 * Matched notices are deleted after the retention (retention-pruning.ts): their transaction id is then
 * forgotten, so "told twice" could no longer be recognised. A notice whose transaction is older than
 * BANK_NOTICE_MAX_AGE_MS (the retention less a day, for the banks' clocks and time zones) is therefore
 * acknowledged and ignored, never applied: a redelivery that late is one whose first telling may be pruned,
 * and a first telling that late is for the manager to reconcile from the bank statement anyway. The time is
 * the notifier's own (SePay `transactionDate`, payOS `transactionDateTime`, Vietnam time, signed by payOS);
 * a notice without one is taken as before.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { isLosslessNumber, stringify } from 'lossless-json';
import type { PaymentDocument } from '../../../src/data/schemas/types.ts';
import { matchTransfer, transferNoteKey } from '../../../src/domain/bank-transfer-match.ts';
import type { ChangeBus } from '../live/change-bus.ts';
import type { Database } from '../store/database-types.ts';
import type { DocumentsRepository } from '../store/documents-repository.ts';
import { insertIncidents } from '../store/incidents-repository.ts';
import type { Store } from '../store/open-store.ts';
import {
  insertBankNotice,
  insertPaymentWait,
  markNoticeMatched,
  setNoticeStore,
  setPaymentWaitState,
  unmatchedNoticesOfAmount,
  waitingPaymentsOfAmount,
} from '../store/payments-repository.ts';
import type { BankNoticeRecord } from '../store/payments-repository.ts';
import { lockSequenceCounter } from '../store/visible-documents.ts';
import { FieldReader, PayloadProblem } from './platform-json.ts';
import type { JsonObject } from './platform-json.ts';
import { RETENTION_MS } from './retention-pruning.ts';

export type BankProvider = 'sepay' | 'payos';

export interface BankNotice {
  provider: BankProvider;
  transactionId: string;
  /** VND, whole dong. */
  amount: number;
  note: string;
  accountNumber?: string;
  /** When the bank made the transfer (ISO 8601 UTC), as the notifier says. */
  transactedAt?: string;
}

/** How old a transfer may be for its notice to be applied (see the top of this file). */
export const BANK_NOTICE_MAX_AGE_MS = RETENTION_MS - 24 * 60 * 60_000;

/** A notifier's transfer time, "YYYY-MM-DD HH:MM:SS" in Vietnam time (or ISO 8601 with its zone), as ISO UTC. */
export function bankTransferTime(text: string | undefined): string | undefined {
  const parts = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(text?.trim() ?? '');
  if (parts === null) return undefined;
  const at = new Date(`${parts[1]}T${parts[2]}${parts[3] ?? '+07:00'}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export type ReadNotice = { kind: 'transfer'; notice: BankNotice } | { kind: 'ignored'; reason: string };

/** A SePay notice (pure): money in only. */
export function readSepayNotice(payload: unknown): ReadNotice {
  const body = FieldReader.of(payload);
  const type = body.optionalText('transferType') ?? 'in';
  if (type !== 'in') return { kind: 'ignored', reason: `transferType "${type}" is money leaving the account` };
  const content = body.optionalText('content') ?? '';
  const code = body.optionalText('code');
  const account = body.optionalText('accountNumber');
  const transactedAt = bankTransferTime(body.optionalText('transactionDate'));
  return {
    kind: 'transfer',
    notice: {
      provider: 'sepay',
      transactionId: body.id('id'),
      amount: body.amount('transferAmount', 0),
      note: (code !== undefined && !content.includes(code) ? `${content} ${code}` : content).slice(0, 500),
      ...(account !== undefined ? { accountNumber: account.slice(0, 40) } : {}),
      ...(transactedAt !== undefined ? { transactedAt } : {}),
    },
  };
}

/** A payOS notice (pure), its signature checked first against each checksum key. */
export function readPayosNotice(payload: unknown, checksumKeys: readonly string[]): ReadNotice | { kind: 'bad-signature' } {
  const body = FieldReader.of(payload);
  const data = body.object('data');
  const signature = body.optionalText('signature');
  if (data === undefined || signature === undefined || !payosSignatureMatches(data.value, signature, checksumKeys)) return { kind: 'bad-signature' };
  const code = data.optionalText('code') ?? body.optionalText('code');
  if (code !== undefined && code !== '00') return { kind: 'ignored', reason: `payOS code "${code}" is not a successful payment` };
  const currency = data.optionalText('currency') ?? 'VND';
  if (currency !== 'VND') throw new PayloadProblem(data.at('currency'), `"${currency}": bank QR transfers are in VND`);
  const account = data.optionalText('accountNumber');
  const transactedAt = bankTransferTime(data.optionalText('transactionDateTime'));
  return {
    kind: 'transfer',
    notice: {
      provider: 'payos',
      transactionId: data.optionalText('reference') ?? data.id('orderCode'),
      amount: data.amount('amount', 0),
      note: (data.optionalText('description') ?? '').slice(0, 500),
      ...(account !== undefined ? { accountNumber: account.slice(0, 40) } : {}),
      ...(transactedAt !== undefined ? { transactedAt } : {}),
    },
  };
}

/** payOS's data signature: "k=v&..." over the keys in order, null as "", arrays as JSON of key-sorted objects. */
export function payosSignedText(data: JsonObject): string {
  return Object.keys(data)
    .sort()
    .map((key) => {
      const value = data[key];
      let text: string;
      if (value === null || value === undefined || value === 'null' || value === 'undefined') text = '';
      else if (isLosslessNumber(value)) text = value.value;
      else if (Array.isArray(value)) text = stringify(value.map((item) => (typeof item === 'object' && item !== null ? sortKeys(item as JsonObject) : item))) ?? '';
      else if (typeof value === 'object') text = stringify(value) ?? '';
      else text = String(value);
      return `${key}=${text}`;
    })
    .join('&');
}

function sortKeys(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

export function payosSignatureMatches(data: JsonObject, signature: string, checksumKeys: readonly string[]): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  const given = Buffer.from(signature, 'hex');
  const text = payosSignedText(data);
  let matched = false;
  for (const key of checksumKeys) if (timingSafeEqual(createHmac('sha256', key).update(text, 'utf8').digest(), given)) matched = true;
  return matched;
}

/** Whether a SePay Authorization header ("Apikey <key>") names one of the keys (constant time). */
export function sepayKeyMatches(header: string | undefined, keys: readonly string[]): boolean {
  const given = /^Apikey\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (text: string) => createHmac('sha256', 'sepay-key').update(text).digest();
  let matched = false;
  for (const key of keys) if (timingSafeEqual(digest(key), digest(given))) matched = true;
  return matched;
}

export type NoticeOutcome =
  | { result: 'matched'; paymentId: string; storeId: string }
  | { result: 'unmatched'; reason: string; storeIds: string[] }
  | { result: 'duplicate' }
  | { result: 'ignored'; reason: string };

export async function receiveBankNotice(store: Store, documents: DocumentsRepository, bus: ChangeBus | undefined, notice: BankNotice, rawBody: string, now: Date): Promise<NoticeOutcome> {
  if (notice.transactedAt !== undefined && now.getTime() - Date.parse(notice.transactedAt) > BANK_NOTICE_MAX_AGE_MS) {
    return { result: 'ignored', reason: `the transfer was made at ${notice.transactedAt}, more than ${Math.round(BANK_NOTICE_MAX_AGE_MS / 86_400_000)} days ago: too old to apply (reconcile it from the bank statement)` };
  }
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const record: BankNoticeRecord = {
      id: `${notice.provider}:${notice.transactionId}`,
      provider: notice.provider,
      amount: notice.amount,
      note: notice.note,
      accountNumber: notice.accountNumber,
      body: rawBody,
      receivedAt: now.toISOString(),
    };
    if ((await insertBankNotice(trx, record)) === 'duplicate') return { result: 'duplicate' };
    const candidates = await waitingPaymentsOfAmount(trx, notice.amount);
    const accounts = await bankAccounts(trx, documents, [...new Set(candidates.map((c) => c.storeId))]);
    const eligible = candidates.filter((c) => notice.accountNumber === undefined || accounts.get(c.storeId) === undefined || accounts.get(c.storeId) === notice.accountNumber);
    const match = matchTransfer(notice, eligible);
    if (match.kind === 'matched') {
      const storeId = eligible.find((c) => c.paymentId === match.paymentId)!.storeId;
      await confirmPayment(trx, documents, bus, match.paymentId, record, now);
      await markNoticeMatched(trx, record.id, storeId, match.paymentId);
      return { result: 'matched', paymentId: match.paymentId, storeId };
    }
    const storeIds = await storesOfAccount(trx, documents, notice.accountNumber);
    if (storeIds.length === 1) await setNoticeStore(trx, record.id, storeIds[0]!);
    await insertIncidents(
      trx,
      storeIds.map((storeId) => ({
        storeId,
        kind: 'bank-notice-unmatched' as const,
        collection: 'payments',
        documentId: record.id,
        detail: { provider: notice.provider, transactionId: notice.transactionId, amount: notice.amount, note: notice.note, accountNumber: notice.accountNumber, why: match.reason },
      })),
      record.receivedAt,
    );
    return { result: 'unmatched', reason: match.reason, storeIds };
  });
}

async function confirmPayment(trx: Transaction<Database>, documents: DocumentsRepository, bus: ChangeBus | undefined, paymentId: string, notice: BankNoticeRecord, now: Date): Promise<void> {
  const stored = (await documents.getMany(trx, 'payments', [paymentId])).get(paymentId);
  if (stored === undefined) throw new Error(`payment ${paymentId} is waiting but has no document`);
  const at = now.toISOString();
  const body: PaymentDocument = {
    ...stored.body,
    status: 'confirmed',
    confirmedAt: at,
    updatedAt: at,
    bank: {
      provider: notice.provider as BankProvider,
      transactionId: notice.id.slice(notice.provider.length + 1),
      amount: notice.amount,
      note: notice.note,
      ...(notice.accountNumber !== undefined ? { accountNumber: notice.accountNumber } : {}),
      receivedAt: notice.receivedAt,
    },
  };
  await writePayment(trx, documents, bus, body, now);
  await setPaymentWaitState(trx, paymentId, 'confirmed');
}

async function writePayment(trx: Transaction<Database>, documents: DocumentsRepository, bus: ChangeBus | undefined, body: PaymentDocument, now: Date): Promise<void> {
  const written = await documents.putInTransaction(trx, [{ collection: 'payments', id: body.id, storeId: body.storeId, body }], now);
  if (bus !== undefined && written.count > 0) await bus.announce(trx, [{ collection: 'payments', storeIds: [body.storeId], fromSeq: written.firstSeq, toSeq: written.lastSeq }]);
}

/** Each store's bank account number (config `store.bank.accountNumber`), where set. */
async function bankAccounts(trx: Transaction<Database>, documents: DocumentsRepository, storeIds: readonly string[]): Promise<Map<string, string>> {
  const accounts = new Map<string, string>();
  for (const [storeId, config] of await documents.getMany(trx, 'config', storeIds)) {
    const bank = config.body.store['bank'];
    const account = typeof bank === 'object' && bank !== null ? (bank as Record<string, unknown>)['accountNumber'] : undefined;
    if (typeof account === 'string') accounts.set(storeId, account);
  }
  return accounts;
}

/** The stores an unmatched transfer concerns: those with its account, or the only store of the chain. */
async function storesOfAccount(trx: Transaction<Database>, documents: DocumentsRepository, accountNumber: string | undefined): Promise<string[]> {
  const ids = (await trx.selectFrom('stores').select('id').execute()).map((row) => row.id);
  if (accountNumber !== undefined) {
    const accounts = await bankAccounts(trx, documents, ids);
    const owners = ids.filter((id) => accounts.get(id) === accountNumber);
    if (owners.length > 0) return owners;
  }
  return ids.length === 1 ? ids : [];
}

export interface BankQrRequest {
  id: string;
  storeId: string;
  deviceId: string;
  reference: string;
  amount: number;
  currency: string;
}

export type RegisterOutcome = { result: 'created' | 'existing'; payment: PaymentDocument } | { result: 'conflict'; payment: PaymentDocument };

const LATE_NOTICE_WINDOW_MS = 24 * 60 * 60_000;

/** Registers a waiting bank-QR payment (idempotent by id); a transfer that already arrived for it confirms it at once. */
export async function registerBankQrPayment(store: Store, documents: DocumentsRepository, bus: ChangeBus | undefined, request: BankQrRequest, now: Date): Promise<RegisterOutcome> {
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const stored = (await documents.getMany(trx, 'payments', [request.id])).get(request.id)?.body;
    if (stored !== undefined) {
      const same = stored.storeId === request.storeId && stored.reference === request.reference && stored.amount === request.amount && stored.currency === request.currency;
      return { result: same ? 'existing' : 'conflict', payment: stored };
    }
    const at = now.toISOString();
    const payment: PaymentDocument = {
      id: request.id,
      storeId: request.storeId,
      deviceId: request.deviceId,
      method: 'bank_qr',
      reference: request.reference,
      amount: request.amount,
      currency: request.currency,
      status: 'waiting',
      createdAt: at,
      updatedAt: at,
    };
    await writePayment(trx, documents, bus, payment, now);
    const referenceKey = transferNoteKey(request.reference);
    await insertPaymentWait(trx, { paymentId: payment.id, storeId: payment.storeId, referenceKey, amount: payment.amount }, at);
    const since = new Date(now.getTime() - LATE_NOTICE_WINDOW_MS).toISOString();
    const account = (await bankAccounts(trx, documents, [request.storeId])).get(request.storeId);
    for (const notice of await unmatchedNoticesOfAmount(trx, request.amount, since)) {
      if (account !== undefined && notice.accountNumber !== undefined && notice.accountNumber !== account) continue;
      const match = matchTransfer(notice, [{ paymentId: payment.id, referenceKey, amount: payment.amount }]);
      if (match.kind !== 'matched') continue;
      await confirmPayment(trx, documents, bus, payment.id, notice, now);
      await markNoticeMatched(trx, notice.id, payment.storeId, payment.id);
      const confirmed = (await documents.getMany(trx, 'payments', [payment.id])).get(payment.id)!.body;
      return { result: 'created', payment: confirmed };
    }
    return { result: 'created', payment };
  });
}

export type CancelOutcome = { result: 'cancelled' | 'unchanged'; payment: PaymentDocument } | { result: 'confirmed'; payment: PaymentDocument } | { result: 'not-found' };

/** The customer paid another way: a waiting payment is cancelled (a transfer arriving later stays unmatched). */
export async function cancelBankQrPayment(store: Store, documents: DocumentsRepository, bus: ChangeBus | undefined, storeId: string, id: string, now: Date): Promise<CancelOutcome> {
  return store.db.transaction().execute(async (trx) => {
    await lockSequenceCounter(trx);
    const stored = (await documents.getMany(trx, 'payments', [id])).get(id);
    if (stored === undefined || stored.storeId !== storeId) return { result: 'not-found' };
    if (stored.body.status === 'confirmed') return { result: 'confirmed', payment: stored.body };
    if (stored.body.status === 'cancelled') return { result: 'unchanged', payment: stored.body };
    const body: PaymentDocument = { ...stored.body, status: 'cancelled', updatedAt: now.toISOString() };
    await writePayment(trx, documents, bus, body, now);
    await setPaymentWaitState(trx, id, 'cancelled');
    return { result: 'cancelled', payment: body };
  });
}
