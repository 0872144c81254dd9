/*
 * The hourly pruning of the integrations' tables, on both databases (integrations/retention-pruning.ts): a
 * month after, delivered notices to the shops and matched or reconciled bank notices are deleted, while
 * notices still to send, online refunds and transfers a manager must still reconcile stay; the returns desk
 * still reads a refunded return as refunded, the confirmed payment stays as it was, and a very late
 * redelivery of a pruned bank notice is acknowledged but never applies a second time. Each table is read
 * through an index of its finished rows (migration 0020), and the server prunes by itself.
 */
import { CompiledQuery, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnlineRefundRequest } from '../../src/domain/online-refund.ts';
import type { StoreConfigDocument } from '../../src/data/schemas/types.ts';
import { receiveBankNotice, registerBankQrPayment } from '../../sync-server/src/integrations/bank-notices.ts';
import type { BankNotice } from '../../sync-server/src/integrations/bank-notices.ts';
import { ONLINE_REFUND } from '../../sync-server/src/integrations/refunds/refund-notices.ts';
import { deliveredNoticesBefore } from '../../sync-server/src/store/outbox-repository.ts';
import { finishedBankNoticesBefore } from '../../sync-server/src/store/payments-repository.ts';
import { eventually } from './helpers/platform-receivers.test-helper.ts';
import { DATABASE_KINDS } from './helpers/test-databases.test-helper.ts';
import { startTestApp } from './helpers/test-app.test-helper.ts';
import type { TestApp } from './helpers/test-app.test-helper.ts';
import { bearer, enroll, openShop, serverWrites } from './helpers/shop.test-helper.ts';
import type { EnrolledDevice } from './helpers/shop.test-helper.ts';

const SEPAY_KEY = 'sk_live_4R7t1Y9u3I5o7P2a6S8d';
const ACCOUNT = '0123455555';
const DAY_MS = 24 * 60 * 60_000;

/** A time as SePay writes it: Vietnam time, "YYYY-MM-DD HH:MM:SS". */
function vietnamTime(at: Date): string {
  return new Date(at.getTime() + 7 * 60 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

describe.each(DATABASE_KINDS)('pruning what the integrations finished (%s)', (kind) => {
  let t: TestApp;
  let till: EnrolledDevice;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  beforeAll(async () => {
    t = await startTestApp(kind, 'retention-pruning', { env: { POS_SEPAY_API_KEY: SEPAY_KEY, POS_TRUST_PROXY: '127.0.0.1' } });
    await openShop(t.store, 'store-q7', 'Quận 7', 'Q7AA-BBCC-DDEE');
    const config = (await t.app.documents.get('config', 'store-q7'))!.body as StoreConfigDocument;
    await serverWrites(t.store, [{ collection: 'config', id: 'store-q7', storeId: 'store-q7', body: { ...config, store: { ...config.store, bank: { bin: '970436', accountNumber: ACCOUNT, accountName: 'CUA HANG Q7' } } } }]);
    till = await enroll(t.app, 'Q7AA-BBCC-DDEE');
  });
  afterAll(async () => t?.close());

  describe('the outbox', () => {
    const orderId = uuidv7();
    const refundedOrderId = uuidv7();

    async function notice(kind: string, state: 'pending' | 'failing' | 'delivered', createdDaysAgo: number, deliveredDaysAgo?: number, payload: object = { kind, number: '#2041' }): Promise<string> {
      const id = uuidv7({ msecs: daysAgo(createdDaysAgo).getTime() });
      const forOrder = kind === 'online-refund' ? refundedOrderId : orderId;
      await t.store.db
        .insertInto('outbox')
        .values({
          id,
          event_key: `${forOrder}|${id}|${kind}`,
          store_id: 'store-q7',
          order_id: forOrder,
          target: 'shopify',
          kind,
          payload: JSON.stringify(payload),
          state,
          attempts: state === 'failing' ? 9 : 1,
          // Not due for a day: no worker of this app sends them while the story runs.
          next_attempt_at: new Date(now.getTime() + DAY_MS).toISOString(),
          lease_until: null,
          last_error: state === 'failing' ? 'Shopify answered 503' : null,
          last_status: state === 'failing' ? 503 : 200,
          created_at: daysAgo(createdDaysAgo).toISOString(),
          delivered_at: deliveredDaysAgo === undefined ? null : daysAgo(deliveredDaysAgo).toISOString(),
        })
        .execute();
      return id;
    }

    it('delivered notices older than 30 days go; pending, failing, recent ones and online refunds stay, and the returns desk still reads the refund as refunded', async () => {
      const refund: OnlineRefundRequest = {
        kind: 'online-refund',
        orderId: refundedOrderId,
        number: '#2042',
        storeId: 'store-q7',
        source: 'shopify',
        sourceOrderId: '820982911946154508',
        returnId: uuidv7(),
        returnNumber: 'Q7-T01-000088',
        currency: 'VND',
        amount: 185_000,
        amountText: '185000',
        lines: [{ sku: 'AO-M', qty: 1000 }],
        at: daysAgo(45).toISOString(),
      };
      const rows = [
        { label: 'ready, delivered 40 days ago', id: await notice('ready-for-pickup', 'delivered', 41, 40), stays: false },
        { label: 'handed over, delivered 31 days ago', id: await notice('handed-over', 'delivered', 35, 31), stays: false },
        { label: 'delivered 29 days ago', id: await notice('handed-over', 'delivered', 40, 29), stays: true },
        { label: 'pending for 40 days', id: await notice('cancelled-in-store', 'pending', 40), stays: true },
        { label: 'failing for 40 days', id: await notice('handed-over', 'failing', 40), stays: true },
        { label: 'refund delivered 44 days ago', id: await notice('online-refund', 'delivered', 45, 44, refund), stays: true },
      ];
      const before = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${refundedOrderId}/refunds`, headers: bearer(till.token) });
      expect(before.statusCode, before.body).toBe(200);

      expect((await t.app.pruning.pruneOnce(now)).outbox).toBe(2);
      const left = new Set((await t.store.db.selectFrom('outbox').select('id').execute()).map((row) => row.id));
      expect(Object.fromEntries(rows.map((row) => [row.label, left.has(row.id)]))).toEqual(Object.fromEntries(rows.map((row) => [row.label, row.stays])));

      const after = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${refundedOrderId}/refunds`, headers: bearer(till.token) });
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json().refunds).toEqual([expect.objectContaining({ returnNumber: 'Q7-T01-000088', amount: 185_000, currency: 'VND', state: 'delivered' })]);
      expect(after.json()).toEqual(before.json());
      expect((await t.app.pruning.pruneOnce(now)).outbox).toBe(0);
    });
  });

  it('each table is read through an index of its finished rows, not whole', async () => {
    const reads = [deliveredNoticesBefore(t.store.db, now, 1000, ONLINE_REFUND), ...finishedBankNoticesBefore(t.store.db, now, 1000)];
    const plans = await t.store.db.transaction().execute(async (trx) => {
      // PostgreSQL would read tables this small whole anyway: forbid that, so the plan shows what a big one gets.
      if (kind === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      const explained: string[] = [];
      for (const read of reads) {
        const { sql: text, parameters } = read.compile();
        explained.push(JSON.stringify((await trx.executeQuery(CompiledQuery.raw(`${kind === 'postgres' ? 'explain' : 'explain query plan'} ${text}`, [...parameters]))).rows));
      }
      return explained;
    });
    expect(plans[0]).toContain('outbox_delivered_idx');
    expect(plans[1]).toContain('bank_notices_received_idx');
    expect(plans[2]).toContain('bank_notices_received_idx');
    expect(plans[2]).toContain('incidents_bank_notice_idx');
  });

  it('the server prunes by itself once it is ready (then every hour), with no platform configured', async () => {
    const lone = await startTestApp(kind, 'retention-pruning-job');
    try {
      const id = uuidv7({ msecs: daysAgo(40).getTime() });
      const at = daysAgo(40).toISOString();
      await lone.store.db
        .insertInto('outbox')
        .values({ id, event_key: `${id}|ready-for-pickup`, store_id: 'store-q7', order_id: uuidv7(), target: 'generic', kind: 'ready-for-pickup', payload: '{"number":"#2043"}', state: 'delivered', attempts: 1, next_attempt_at: at, lease_until: null, last_error: null, last_status: 200, created_at: at, delivered_at: at })
        .execute();
      await lone.app.ready();
      await eventually(async () => (await lone.store.db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst()) === undefined, 'the old delivered notice pruned at start');
    } finally {
      await lone.close();
    }
  });

  describe('the bank notices', () => {
    const old = daysAgo(31);
    let transaction = 770_000;

    /** A waiting bank-QR payment and SePay's notice of its transfer, as they happened at `at`. */
    async function paidByTransfer(at: Date, reference: string, amount: number): Promise<{ paymentId: string; notice: BankNotice }> {
      const paymentId = uuidv7({ msecs: at.getTime() });
      const registered = await registerBankQrPayment(t.store, t.app.documents, t.app.changeBus, { id: paymentId, storeId: 'store-q7', deviceId: till.deviceId, reference, amount, currency: 'VND' }, at);
      expect(registered.result).toBe('created');
      const notice = transfer(at, amount, reference.replaceAll('-', ''));
      expect(await receiveBankNotice(t.store, t.app.documents, t.app.changeBus, notice, sepayBody(notice), at)).toMatchObject({ result: 'matched', paymentId });
      return { paymentId, notice };
    }

    function transfer(at: Date, amount: number, note: string): BankNotice {
      return { provider: 'sepay', transactionId: String((transaction += 1)), amount, note, accountNumber: ACCOUNT, transactedAt: new Date(at.getTime() - 60_000).toISOString() };
    }

    function sepayBody(notice: BankNotice): string {
      const transactedAt = new Date(notice.transactedAt!);
      return JSON.stringify({ id: Number(notice.transactionId), gateway: 'Vietcombank', transactionDate: vietnamTime(transactedAt), accountNumber: ACCOUNT, code: null, content: notice.note, transferType: 'in', transferAmount: notice.amount, accumulated: 52_000_000, subAccount: null, referenceCode: `FT${notice.transactionId}`, description: '' });
    }

    /** A transfer that pays nothing, reported to the store as 'bank-notice-unmatched', handled by a manager when given. */
    async function unmatchedTransfer(at: Date, amount: number, handledAt?: Date): Promise<string> {
      const notice = transfer(at, amount, 'CHUYEN KHOAN KHONG GHI CHU');
      expect(await receiveBankNotice(t.store, t.app.documents, t.app.changeBus, notice, sepayBody(notice), at)).toMatchObject({ result: 'unmatched', storeIds: ['store-q7'] });
      const id = `sepay:${notice.transactionId}`;
      if (handledAt !== undefined) {
        const handled = await t.store.db
          .updateTable('incidents')
          .set({ handled_at: handledAt.toISOString(), handled_by: 'store-q7-manager', handled_by_name: 'Lê Hoàng Nam', handled_note: 'khách chuyển nhầm, đã hoàn tiền' })
          .where('kind', '=', 'bank-notice-unmatched')
          .where('document_id', '=', id)
          .executeTakeFirst();
        expect(Number(handled.numUpdatedRows)).toBe(1);
      }
      return id;
    }

    const noticeIds = async () => new Set((await t.store.db.selectFrom('bank_notices').select('id').execute()).map((row) => row.id));
    const unmatchedIncidents = async () => Number((await t.store.db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'bank-notice-unmatched').executeTakeFirstOrThrow()).n);

    it('matched and reconciled notices older than 30 days go; those still to reconcile and recent ones stay; the confirmed payment is as it was; a late redelivery of a pruned one is ignored', async () => {
      const paidLongAgo = await paidByTransfer(old, 'Q7-T01-000071', 125_000);
      const paidYesterday = await paidByTransfer(daysAgo(1), 'Q7-T01-000072', 98_000);
      const toReconcile = await unmatchedTransfer(old, 77_000);
      const reconciledLongAgo = await unmatchedTransfer(old, 66_000, daysAgo(30.5));
      const reconciledYesterday = await unmatchedTransfer(old, 55_000, daysAgo(1));
      const payment = (await t.app.documents.get('payments', paidLongAgo.paymentId))!;
      expect(payment.body).toMatchObject({ status: 'confirmed', bank: { provider: 'sepay', transactionId: paidLongAgo.notice.transactionId, amount: 125_000 } });

      expect((await t.app.pruning.pruneOnce(now)).bankNotices).toBe(2);
      const left = await noticeIds();
      expect({
        paidLongAgo: left.has(`sepay:${paidLongAgo.notice.transactionId}`),
        paidYesterday: left.has(`sepay:${paidYesterday.notice.transactionId}`),
        toReconcile: left.has(toReconcile),
        reconciledLongAgo: left.has(reconciledLongAgo),
        reconciledYesterday: left.has(reconciledYesterday),
      }).toEqual({ paidLongAgo: false, paidYesterday: true, toReconcile: true, reconciledLongAgo: false, reconciledYesterday: true });
      // Payments are documents, never pruned: the confirmation and its transfer stay, unchanged.
      expect(await t.app.documents.get('payments', paidLongAgo.paymentId)).toEqual(payment);
      expect((await t.app.pruning.pruneOnce(now)).bankNotices).toBe(0);

      // SePay tells the pruned transfer again: acknowledged (no retries), applied to nothing, nothing stored.
      const incidents = await unmatchedIncidents();
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/webhooks/sepay',
        headers: { 'content-type': 'application/json', authorization: `Apikey ${SEPAY_KEY}`, 'x-forwarded-for': '10.9.0.1' },
        payload: sepayBody(paidLongAgo.notice),
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({ success: true, result: 'ignored', reason: expect.stringMatching(/more than 29 days ago/) });
      expect(await noticeIds()).toEqual(left);
      expect(await unmatchedIncidents()).toBe(incidents);
      expect(await t.app.documents.get('payments', paidLongAgo.paymentId)).toEqual(payment);

      // A redelivery within the window is still known by its transaction id.
      const recent = await t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/webhooks/sepay',
        headers: { 'content-type': 'application/json', authorization: `Apikey ${SEPAY_KEY}`, 'x-forwarded-for': '10.9.0.2' },
        payload: sepayBody(paidYesterday.notice),
      });
      expect(recent.json()).toEqual({ success: true, result: 'duplicate' });
    });
  });
});
