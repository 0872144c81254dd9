/*
 * How an online refund notice (refund-notices.ts) reaches the order's shop, in the request shapes of the
 * platforms' public docs. Every request carries the notice's id as `Idempotency-Key`, the same on every
 * attempt, and each platform is read first so that a retry after a lost answer refunds nothing twice:
 *
 * Shopify (REST Admin API, X-Shopify-Access-Token):
 *   GET  <admin>/admin/api/<version>/orders/<id>/refunds.json       a refund whose note names the notice
 *                                                                     id is this one, already made: done
 *   GET  <admin>/admin/api/<version>/orders/<id>/transactions.json  the successful sale or capture to refund
 *   POST <admin>/admin/api/<version>/orders/<id>/refunds.json
 *        {refund: {currency, notify: true, note: "... [pos-refund <notice id>]",
 *                  refund_line_items: [{line_item_id, quantity, restock_type: "no_restock"}],
 *                  transactions: [{parent_id, amount: "<decimal>", kind: "refund", gateway}]}}
 *   (the goods came back to the store, which restocked them itself: Shopify restocks nothing)
 * WooCommerce (REST API v3, basic auth with the REST API key):
 *   GET  <site>/wp-json/wc/v3/orders/<id>/refunds   a refund whose meta _pos_notice_id is this notice: done
 *   POST <site>/wp-json/wc/v3/orders/<id>/refunds
 *        {amount: "<decimal>", reason, api_refund: true (through the payment gateway), api_restock: false,
 *         meta_data: [{key: "_pos_notice_id"}, {key: "_pos_return"}]}
 *   (line_items are left out: `amount` takes precedence over them, and their refund shape has differed
 *   between API versions)
 * Haravan and the generic shop: the signed callback of the other notices (POST <configured url>, X-POS-*
 * headers, sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">) with the refund as JSON: {id, kind:
 * "online-refund", orderId, number, storeId, source, sourceOrderId, returnId, returnNumber, currency, amount
 * (minor units), amountText (decimal), lines, at}; the shop refunds and answers 2xx.
 */
import { createHmac } from 'node:crypto';
import type { OnlineRefundRequest } from '../../../../src/domain/online-refund.ts';
import type { CallbackNotices, IntegrationsConfig, ShopifyNotices, WooCommerceNotices } from '../../integrations-config.ts';
import type { OutboxNotice } from '../../store/outbox-repository.ts';
import { failedCall, isSendResult, platformRequest, type HttpAnswer, type SendResult } from '../platform-http.ts';

export type RefundSender = (notice: OutboxNotice) => Promise<SendResult>;

/** The sender of online refunds to `target`, or undefined when this server has no such target configured. */
export function refundSenderFor(target: string, config: IntegrationsConfig['notices']): RefundSender | undefined {
  const timeoutMs = config.timeoutMs;
  const shopify = config.shopify;
  const woocommerce = config.woocommerce;
  const haravan = config.haravan;
  const generic = config.generic;
  switch (target) {
    case 'shopify':
      return shopify && ((notice) => refundOnShopify(shopify, notice, timeoutMs));
    case 'woocommerce':
      return woocommerce && ((notice) => refundOnWooCommerce(woocommerce, notice, timeoutMs));
    case 'haravan':
      return haravan && ((notice) => refundByCallback(haravan, notice, timeoutMs));
    case 'generic':
      return generic && ((notice) => refundByCallback(generic, notice, timeoutMs));
    default:
      return undefined;
  }
}

function requestOf(notice: OutboxNotice): OnlineRefundRequest {
  // The payload is what refund-notices.ts enqueued, read back from its JSON.
  return JSON.parse(notice.payloadJson) as OnlineRefundRequest;
}

function json<T>(answer: HttpAnswer, what: string): T | SendResult {
  try {
    return JSON.parse(answer.text) as T;
  } catch {
    return { ok: false, status: answer.status, error: `${what} answered with something that is not JSON` };
  }
}

/** The marker a refund made for this notice carries, to know it again on a retry. */
export function refundMarker(noticeId: string): string {
  return `[pos-refund ${noticeId}]`;
}

// --- Shopify -----------------------------------------------------------------------------------------------

interface ShopifyTransaction {
  id: number | string;
  kind: string;
  status: string;
  gateway?: string;
}

async function refundOnShopify(config: ShopifyNotices, notice: OutboxNotice, timeoutMs: number): Promise<SendResult> {
  const request = requestOf(notice);
  if (request.sourceOrderId === undefined) return { ok: false, status: null, error: 'the order has no Shopify order id' };
  const base = `${config.adminUrl}/admin/api/${config.apiVersion}/orders/${encodeURIComponent(request.sourceOrderId)}`;
  const headers = { 'content-type': 'application/json', 'x-shopify-access-token': config.accessToken, 'idempotency-key': notice.id };
  const marker = refundMarker(notice.id);

  const refunds = await platformRequest(`${base}/refunds.json`, { method: 'GET', headers }, timeoutMs);
  const refundsFailed = failedCall(refunds);
  if (refundsFailed !== undefined || isSendResult(refunds)) return refundsFailed ?? { ok: false, status: null, error: 'no answer' };
  const made = json<{ refunds?: Array<{ note?: string | null }> }>(refunds, 'Shopify');
  if (isSendResult(made)) return made;
  if ((made.refunds ?? []).some((refund) => (refund.note ?? '').includes(marker))) return { ok: true, status: refunds.status };

  const transactions = await platformRequest(`${base}/transactions.json`, { method: 'GET', headers }, timeoutMs);
  const transactionsFailed = failedCall(transactions);
  if (transactionsFailed !== undefined || isSendResult(transactions)) return transactionsFailed ?? { ok: false, status: null, error: 'no answer' };
  const paid = json<{ transactions?: ShopifyTransaction[] }>(transactions, 'Shopify');
  if (isSendResult(paid)) return paid;
  const parent = (paid.transactions ?? []).find((t) => (t.kind === 'sale' || t.kind === 'capture') && t.status === 'success');
  if (parent === undefined) return { ok: false, status: transactions.status, error: `Shopify order ${request.sourceOrderId} has no successful payment to refund` };

  const refundLineItems = request.lines.flatMap((line) => {
    const quantity = Math.floor(line.qty / 1000);
    return line.sourceLineId === undefined || quantity <= 0 ? [] : [{ line_item_id: Number(line.sourceLineId), quantity, restock_type: 'no_restock' }];
  });
  const body = {
    refund: {
      currency: request.currency,
      notify: true,
      note: `Returned in store: ${request.returnNumber} ${marker}`,
      refund_line_items: refundLineItems,
      transactions: [{ parent_id: parent.id, amount: request.amountText, kind: 'refund', gateway: parent.gateway ?? 'manual' }],
    },
  };
  const created = await platformRequest(`${base}/refunds.json`, { method: 'POST', headers, body: JSON.stringify(body) }, timeoutMs);
  return failedCall(created) ?? { ok: true, status: isSendResult(created) ? null : created.status };
}

// --- WooCommerce -------------------------------------------------------------------------------------------

async function refundOnWooCommerce(config: WooCommerceNotices, notice: OutboxNotice, timeoutMs: number): Promise<SendResult> {
  const request = requestOf(notice);
  if (request.sourceOrderId === undefined) return { ok: false, status: null, error: 'the order has no WooCommerce order id' };
  const url = `${config.url}/wp-json/wc/v3/orders/${encodeURIComponent(request.sourceOrderId)}/refunds`;
  const headers = {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(`${config.consumerKey}:${config.consumerSecret}`).toString('base64')}`,
    'idempotency-key': notice.id,
  };
  const listed = await platformRequest(url, { method: 'GET', headers }, timeoutMs);
  const listFailed = failedCall(listed);
  if (listFailed !== undefined || isSendResult(listed)) return listFailed ?? { ok: false, status: null, error: 'no answer' };
  const refunds = json<Array<{ meta_data?: Array<{ key?: string; value?: unknown }> }>>(listed, 'WooCommerce');
  if (isSendResult(refunds)) return refunds;
  if (Array.isArray(refunds) && refunds.some((r) => (r.meta_data ?? []).some((m) => m.key === '_pos_notice_id' && m.value === notice.id))) return { ok: true, status: listed.status };
  const body = {
    amount: request.amountText,
    reason: `Returned in store: ${request.returnNumber} ${refundMarker(notice.id)}`,
    api_refund: true,
    api_restock: false,
    meta_data: [
      { key: '_pos_notice_id', value: notice.id },
      { key: '_pos_return', value: request.returnNumber },
    ],
  };
  const created = await platformRequest(url, { method: 'POST', headers, body: JSON.stringify(body) }, timeoutMs);
  return failedCall(created) ?? { ok: true, status: isSendResult(created) ? null : created.status };
}

// --- Signed callbacks (Haravan, generic) -------------------------------------------------------------------

async function refundByCallback(config: CallbackNotices, notice: OutboxNotice, timeoutMs: number): Promise<SendResult> {
  const body = JSON.stringify({ id: notice.id, ...requestOf(notice) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', config.secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  const answer = await platformRequest(
    config.url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notice.id, 'x-pos-notice-id': notice.id, 'x-pos-timestamp': timestamp, 'x-pos-signature': `sha256=${signature}` },
      body,
    },
    timeoutMs,
  );
  return failedCall(answer) ?? { ok: true, status: isSendResult(answer) ? null : answer.status };
}
