import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVietQr, crc16Ccitt, parseTlv, parseVietQr, tlv } from './vietqr.ts';

/**
 * CRC-16/CCITT-FALSE one bit at a time, straight from the definition (poly 0x1021, init 0xFFFF, MSB
 * first, no final XOR), to check the table-driven implementation against.
 */
function crcBitwise(text: string): string {
  let crc = 0xffff;
  for (const char of text) {
    crc ^= char.charCodeAt(0) << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function payloadOf(result: ReturnType<typeof buildVietQr>): string {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.payload;
}

// Payloads published as working examples by two independent open-source VietQR libraries (the
// "vietnam-qr-pay" and "napas-qr" npm packages' READMEs); bank 970416 is ACB.
const PUBLISHED_DYNAMIC =
  '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6';
const PUBLISHED_STATIC = '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F';
const PUBLISHED_WITH_BILL =
  '00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13';

describe('the customer pays by bank transfer QR', () => {
  it('the CRC is CRC-16/CCITT-FALSE: the standard check value of "123456789" is 29B1', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
    expect(crcBitwise('123456789')).toBe('29B1');
    expect(crc16Ccitt('')).toBe('FFFF');
  });

  it('builds, character for character, the payloads other VietQR implementations publish', () => {
    expect(payloadOf(buildVietQr({ bankBin: '970416', accountNumber: '257678859', amount: 10_000, purpose: 'Chuyen tien' }))).toBe(PUBLISHED_DYNAMIC);
    expect(payloadOf(buildVietQr({ bankBin: '970416', accountNumber: '257678859' }))).toBe(PUBLISHED_STATIC);
    expect(payloadOf(buildVietQr({ bankBin: '970416', accountNumber: '224528479', amount: 10_000, billNumber: 'NPS6869', purpose: 'TRANSFER TO SOMEONE' }))).toBe(
      PUBLISHED_WITH_BILL,
    );
  });

  it('the sale screen shows a QR for 137,000 dong with the sale number as transfer content', () => {
    const payload = payloadOf(buildVietQr({ bankBin: '970436', accountNumber: '0011004455667', amount: 137_000, purpose: 'Q1-T03-000123' }));
    expect(payload.startsWith('000201010212')).toBe(true);
    expect(parseVietQr(payload)).toEqual({
      ok: true,
      bankBin: '970436',
      accountNumber: '0011004455667',
      service: 'QRIBFTTA',
      dynamic: true,
      amount: 137_000,
      purpose: 'Q1-T03-000123',
    });
    const root = parseTlv(payload);
    expect(root.ok && root.fields.map((field) => field.id)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
  });

  it('refuses bank settings and texts a banking app would not read, with a reason', () => {
    expect(buildVietQr({ bankBin: '97043', accountNumber: '1' })).toMatchObject({ ok: false, reason: 'bad-bank-bin' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '' })).toMatchObject({ ok: false, reason: 'bad-account' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '12 34' })).toMatchObject({ ok: false, reason: 'bad-account' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 0 })).toMatchObject({ ok: false, reason: 'bad-amount' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 10.5 })).toMatchObject({ ok: false, reason: 'bad-amount' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '1', purpose: 'Thanh toán' })).toMatchObject({ ok: false, reason: 'bad-text' });
    expect(buildVietQr({ bankBin: '970436', accountNumber: '1', purpose: 'x'.repeat(26) })).toMatchObject({ ok: false, reason: 'bad-text' });
  });

  it('a misread or altered payload is caught by its CRC; other QR codes are told apart', () => {
    expect(parseVietQr(PUBLISHED_DYNAMIC.replace('10000', '90000'))).toMatchObject({ ok: false, reason: 'bad-crc' });
    expect(parseVietQr('hello')).toMatchObject({ ok: false, reason: 'bad-tlv' });
    const notNapas = tlv('00', '01') + tlv('26', tlv('00', 'com.example')) + tlv('58', 'TH') + '6304';
    expect(parseVietQr(notNapas + crc16Ccitt(notNapas))).toMatchObject({ ok: false, reason: 'not-vietqr' });
    expect(parseTlv('0002')).toMatchObject({ ok: false, reason: 'bad-tlv' });
    expect(parseTlv('00050')).toMatchObject({ ok: false, reason: 'bad-tlv' });
  });
});

const printable = fc.stringMatching(/^[\x20-\x7E]{1,25}$/);

describe('VietQR properties', () => {
  it('the table-driven CRC equals the bitwise definition on any ASCII text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => crc16Ccitt(text) === crcBitwise(text)));
  });

  it('whatever is built parses back to the same content and carries a valid CRC', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
        fc.option(fc.integer({ min: 1, max: 9_999_999_999_999 }), { nil: undefined }),
        fc.option(printable, { nil: undefined }),
        fc.option(printable, { nil: undefined }),
        (bankBin, accountNumber, amount, purpose, billNumber) => {
          const payload = payloadOf(buildVietQr({ bankBin, accountNumber, amount, purpose, billNumber }));
          expect(payload.slice(-4)).toBe(crcBitwise(payload.slice(0, -4)));
          expect(parseVietQr(payload)).toEqual({
            ok: true,
            bankBin,
            accountNumber,
            service: 'QRIBFTTA',
            dynamic: amount !== undefined,
            ...(amount === undefined ? {} : { amount }),
            ...(purpose === undefined ? {} : { purpose }),
            ...(billNumber === undefined ? {} : { billNumber }),
          });
        },
      ),
    );
  });

  it('TLV: any list of data objects serialises and parses back to itself', () => {
    const fieldArb = fc.record({ id: fc.stringMatching(/^\d{2}$/), value: fc.stringMatching(/^[\x20-\x7E]{1,99}$/) });
    fc.assert(
      fc.property(fc.array(fieldArb, { maxLength: 10 }), (fields) => {
        expect(parseTlv(fields.map((field) => tlv(field.id, field.value)).join(''))).toEqual({ ok: true, fields });
      }),
    );
  });

  it('changing any one character of a payload is detected', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 94 }), (pick, shift) => {
        const index = pick % PUBLISHED_DYNAMIC.length;
        const original = PUBLISHED_DYNAMIC.charCodeAt(index);
        const changed = String.fromCharCode(((original - 0x20 + shift) % 95) + 0x20);
        const tampered = PUBLISHED_DYNAMIC.slice(0, index) + changed + PUBLISHED_DYNAMIC.slice(index + 1);
        const result = parseVietQr(tampered);
        if (result.ok) expect(tampered.slice(-4).toUpperCase()).toBe(PUBLISHED_DYNAMIC.slice(-4)); // only a case change of the CRC itself
        else expect(result.ok).toBe(false);
      }),
    );
  });
});
