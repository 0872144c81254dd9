/*
 * POST /api/v1/payments/webhooks/sepay and /payos: the banks' notifiers telling of incoming transfers
 * (integrations/bank-notices.ts), each checked its own way before anything is read or stored:
 *   sepay  Authorization: Apikey <key>  (POS_SEPAY_API_KEY; a comma-separated list while rotating)
 *   payos  the body's `signature`: hex HMAC-SHA256 of its data fields sorted by key (POS_PAYOS_CHECKSUM_KEY)
 * A wrong or missing key or signature answers 401 and stores nothing; unset, the route answers 503. The body
 * is read with lossless-json (amounts from their digits). Every accepted notice answers 200
 * {success: true, result: matched | unmatched | duplicate | ignored, reason?}: SePay retries anything else. A
 * transfer older than the bank notices kept is ignored (integrations/bank-notices.ts, BANK_NOTICE_MAX_AGE_MS).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';
import { readPayosNotice, readSepayNotice, receiveBankNotice, sepayKeyMatches } from '../integrations/bank-notices.ts';
import type { ReadNotice } from '../integrations/bank-notices.ts';
import { parsePlatformJson, PayloadProblem } from '../integrations/platform-json.ts';
import { refuseWhenLimited } from '../plugins/rate-limit.ts';

const BODY_LIMIT = 256 * 1024;
const MAX_REFUSED_PER_MINUTE = 30;

const bankNoticeRoutes: FastifyPluginAsync<{ sepayApiKeys: readonly string[]; payosChecksumKeys: readonly string[] }> = async (app, options) => {
  const failures = app.failureLimit('bank-notice', MAX_REFUSED_PER_MINUTE);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  const refuse = async (request: FastifyRequest, message: string): Promise<HttpError> => {
    await failures.recordFailure(request.ip);
    return new HttpError(401, 'bad_signature', message);
  };
  const read = <T>(raw: Buffer, reader: (payload: unknown) => T): T => {
    try {
      return reader(parsePlatformJson(raw));
    } catch (error) {
      if (error instanceof PayloadProblem) throw new HttpError(400, 'invalid_notice', error.message);
      throw error;
    }
  };
  const accept = async (request: FastifyRequest, raw: Buffer, notice: ReadNotice) => {
    if (notice.kind === 'ignored') return { success: true, result: 'ignored', reason: notice.reason };
    const outcome = await receiveBankNotice(app.store, app.documents, app.changeBus, notice.notice, raw.toString('utf8'), new Date());
    request.log.info({ provider: notice.notice.provider, transactionId: notice.notice.transactionId, amount: notice.notice.amount, ...outcome }, 'bank notice received');
    if (outcome.result === 'unmatched' && outcome.storeIds.length === 0) {
      request.log.warn({ provider: notice.notice.provider, transactionId: notice.notice.transactionId }, 'unmatched bank transfer: no store has its account number (config store.bank.accountNumber); kept in bank_notices');
    }
    if (outcome.result === 'ignored') request.log.warn({ provider: notice.notice.provider, transactionId: notice.notice.transactionId, transactedAt: notice.notice.transactedAt }, 'bank notice ignored: its transfer is older than the bank notices kept (a redelivery of a pruned notice must not apply twice)');
    return { success: true, result: outcome.result, ...(outcome.result === 'ignored' ? { reason: outcome.reason } : {}) };
  };

  app.post<{ Body: Buffer }>('/payments/webhooks/sepay', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (options.sepayApiKeys.length === 0) throw new HttpError(503, 'webhook_disabled', 'The SePay webhook is off: the server has no POS_SEPAY_API_KEY set');
    await refuseWhenLimited(failures, request.ip, reply, 'refused bank notices from this address');
    const authorization = request.headers['authorization'];
    if (typeof authorization !== 'string' || authorization.trim() === '') throw await refuse(request, 'Authorization is missing: SePay sends "Authorization: Apikey <your API key>"');
    if (!sepayKeyMatches(authorization, options.sepayApiKeys)) throw await refuse(request, 'Authorization does not name the API key set in POS_SEPAY_API_KEY');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return reply.code(200).send(await accept(request, raw, read(raw, readSepayNotice)));
  });

  app.post<{ Body: Buffer }>('/payments/webhooks/payos', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    if (options.payosChecksumKeys.length === 0) throw new HttpError(503, 'webhook_disabled', 'The payOS webhook is off: the server has no POS_PAYOS_CHECKSUM_KEY set');
    await refuseWhenLimited(failures, request.ip, reply, 'refused bank notices from this address');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const notice = read(raw, (payload) => readPayosNotice(payload, options.payosChecksumKeys));
    if (notice.kind === 'bad-signature') throw await refuse(request, 'signature is missing or does not match data: payOS signs the data fields sorted by key with the checksum key (POS_PAYOS_CHECKSUM_KEY)');
    return reply.code(200).send(await accept(request, raw, notice));
  });
};

export default bankNoticeRoutes;
