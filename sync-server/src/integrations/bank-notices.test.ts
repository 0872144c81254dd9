// The banks' notifiers read as their public docs show them: payOS's own example signs, SePay's body reads.
import { describe, expect, it } from 'vitest';
import { bankTransferTime, payosSignatureMatches, readPayosNotice, readSepayNotice, sepayKeyMatches } from './bank-notices.ts';
import { parsePlatformJson } from './platform-json.ts';

// payos.vn/docs/tich-hop-webhook/kiem-tra-du-lieu-voi-signature: the checksum key, data and signature of its example.
const PAYOS_KEY = '1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675';
const PAYOS_EXAMPLE = `{"code":"00","desc":"success","success":true,"data":{"orderCode":123,"amount":3000,"description":"VQRIO123","accountNumber":"12345678","reference":"TF230204212323","transactionDateTime":"2023-02-04 18:25:00","currency":"VND","paymentLinkId":"124c33293c43417ab7879e14c8d9eb18","code":"00","desc":"Thành công","counterAccountBankId":"","counterAccountBankName":"","counterAccountName":"","counterAccountNumber":"","virtualAccountName":"","virtualAccountNumber":""},"signature":"412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03"}`;

describe('bank notices', () => {
  it("payOS's documented example verifies with its checksum key, and not with another", () => {
    const payload = parsePlatformJson(PAYOS_EXAMPLE) as { data: Record<string, unknown>; signature: string };
    expect(payosSignatureMatches(payload.data, payload.signature, [PAYOS_KEY])).toBe(true);
    expect(payosSignatureMatches(payload.data, payload.signature, ['0'.repeat(64)])).toBe(false);
    expect(readPayosNotice(payload, ['0'.repeat(64), PAYOS_KEY])).toEqual({
      kind: 'transfer',
      notice: { provider: 'payos', transactionId: 'TF230204212323', amount: 3000, note: 'VQRIO123', accountNumber: '12345678', transactedAt: '2023-02-04T11:25:00.000Z' },
    });
    expect(readPayosNotice(parsePlatformJson(PAYOS_EXAMPLE.replace('"amount":3000', '"amount":30000')), [PAYOS_KEY])).toEqual({ kind: 'bad-signature' });
  });

  it('a SePay money-in notice reads its amount, content and account; money out is left alone', () => {
    const body = '{"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37","accountNumber":"0123499999","code":null,"content":"chuyen tien mua iphone","transferType":"in","transferAmount":2277000,"accumulated":19077000,"subAccount":null,"referenceCode":"MBVCB.3278907687","description":""}';
    expect(readSepayNotice(parsePlatformJson(body))).toEqual({
      kind: 'transfer',
      notice: { provider: 'sepay', transactionId: '92704', amount: 2_277_000, note: 'chuyen tien mua iphone', accountNumber: '0123499999', transactedAt: '2023-03-25T07:02:37.000Z' },
    });
    expect(readSepayNotice(parsePlatformJson(body.replace('"in"', '"out"')))).toMatchObject({ kind: 'ignored' });
    expect(() => readSepayNotice(parsePlatformJson(body.replace('2277000', '2277000.5')))).toThrow(/transferAmount/);
  });

  it('SePay\'s key is "Apikey <key>", any listed key, nothing else', () => {
    expect(sepayKeyMatches('Apikey sk_live_0123456789abcdef', ['sk_old_fedcba9876543210', 'sk_live_0123456789abcdef'])).toBe(true);
    expect(sepayKeyMatches('Bearer sk_live_0123456789abcdef', ['sk_live_0123456789abcdef'])).toBe(false);
    expect(sepayKeyMatches('Apikey sk_live_0123456789abcdeX', ['sk_live_0123456789abcdef'])).toBe(false);
    expect(sepayKeyMatches(undefined, ['sk_live_0123456789abcdef'])).toBe(false);
  });

  it("a transfer's time is the notifier's Vietnam time unless it names its zone; anything else is no time", () => {
    expect(bankTransferTime('2026-12-07 08:15:00')).toBe('2026-12-07T01:15:00.000Z');
    expect(bankTransferTime('2026-12-07T08:15:00Z')).toBe('2026-12-07T08:15:00.000Z');
    expect(bankTransferTime('2026-12-07T08:15:00+07:00')).toBe('2026-12-07T01:15:00.000Z');
    expect(bankTransferTime('07/12/2026 08:15')).toBeUndefined();
    expect(bankTransferTime('2026-13-45 08:15:00')).toBeUndefined();
    expect(bankTransferTime(undefined)).toBeUndefined();
  });
});
