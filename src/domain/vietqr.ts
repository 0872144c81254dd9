/*
 * VietQR: the bank-transfer QR a customer scans with any Vietnamese banking app to pay the store's
 * account through NAPAS 247, with the amount and the sale number filled in. The payload is an EMVCo
 * merchant-presented QR (EMV QRCPS-MPM) as profiled by NAPAS ("QR Switching" technical specification,
 * v1.5.2): a string of ID-length-value data objects, IDs and lengths as two digits.
 *
 *   00 "01"                  payload format indicator
 *   01 "12" | "11"           point of initiation: 12 dynamic (one payment, amount set), 11 static
 *   38 template              merchant account information, NAPAS:
 *        00 "A000000727"         NAPAS's GUID (AID)
 *        01 template             beneficiary organisation: 00 bank BIN (6 digits), 01 account number
 *        02 "QRIBFTTA"           service: inter-bank fund transfer 24/7 to an account
 *   53 "704"                 transaction currency (ISO 4217 numeric, VND)
 *   54 amount                VND, whole dong (VND has no minor unit), when set
 *   58 "VN"                  country
 *   62 template              additional data: 01 bill number, 08 purpose of transaction (the
 *                            transfer content the store's bank statement shows: the sale number)
 *   63 "04" + CRC            CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final
 *                            XOR) over the whole payload up to and including "6304", 4 upper-case hex
 *
 * Everything is restricted to printable ASCII: banking apps differ on anything else, and the CRC and
 * the lengths then count characters and bytes alike. The parser reads any EMVCo TLV string and is used
 * to check what was built (and by tests); it never throws on what it is given.
 */

const NAPAS_GUID = 'A000000727';
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const VND_NUMERIC = '704';

export interface VietQrRequest {
  /** The receiving bank's 6-digit BIN (e.g. 970436 Vietcombank, 970416 ACB). */
  readonly bankBin: string;
  /** The store's account number at that bank (letters allowed: e-wallet accounts have them). */
  readonly accountNumber: string;
  /** Amount in VND (whole dong); omitted for a static QR the customer types the amount into. */
  readonly amount?: number;
  /** Transfer content, up to 25 characters: the sale number, so the payment is found on the statement. */
  readonly purpose?: string;
  /** Bill number, up to 25 characters (optional). */
  readonly billNumber?: string;
}

export type VietQrFailureReason = 'bad-bank-bin' | 'bad-account' | 'bad-amount' | 'bad-text' | 'bad-tlv' | 'bad-crc' | 'not-vietqr';

export type VietQrResult = { readonly ok: true; readonly payload: string } | { readonly ok: false; readonly reason: VietQrFailureReason; readonly detail: string };

export interface TlvField {
  readonly id: string;
  readonly value: string;
}

export type TlvParse = { readonly ok: true; readonly fields: readonly TlvField[] } | { readonly ok: false; readonly reason: 'bad-tlv'; readonly detail: string };

export interface VietQrContent {
  readonly bankBin: string;
  readonly accountNumber: string;
  readonly service: string;
  readonly dynamic: boolean;
  readonly amount?: number;
  readonly purpose?: string;
  readonly billNumber?: string;
}

export type VietQrParse = ({ readonly ok: true } & VietQrContent) | { readonly ok: false; readonly reason: VietQrFailureReason; readonly detail: string };

const CRC_TABLE: readonly number[] = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC-16/CCITT-FALSE of an ASCII string, as 4 upper-case hex digits (EMVCo ID 63). */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (let index = 0; index < text.length; index += 1) {
    const byte = text.charCodeAt(index);
    if (byte > 0x7f) throw new Error('crc16Ccitt takes ASCII text only');
    crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One data object: id, two-digit length, value (1-99 characters). */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`An EMVCo id is two digits, got ${JSON.stringify(id)}`);
  if (value.length < 1 || value.length > 99) throw new Error(`EMVCo value of id ${id} must be 1-99 characters, got ${value.length}`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Splits an EMVCo TLV string into its data objects (one level; parse a template's value again). */
export function parseTlv(text: string): TlvParse {
  const fields: TlvField[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) return { ok: false, reason: 'bad-tlv', detail: `no id and length at position ${at}` };
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (length === 0 || value.length !== length) return { ok: false, reason: 'bad-tlv', detail: `id ${head.slice(0, 2)} at position ${at} claims ${length} characters` };
    fields.push({ id: head.slice(0, 2), value });
    at += 4 + length;
  }
  return { ok: true, fields };
}

const PRINTABLE = /^[\x20-\x7E]+$/;

function refuse(reason: VietQrFailureReason, detail: string): { ok: false; reason: VietQrFailureReason; detail: string } {
  return { ok: false, reason, detail };
}

/** The VietQR payload for a transfer to the store's account (see the file header for the layout). */
export function buildVietQr(request: VietQrRequest): VietQrResult {
  const { bankBin, accountNumber, amount, purpose, billNumber } = request;
  if (!/^\d{6}$/.test(bankBin)) return refuse('bad-bank-bin', `a bank BIN is 6 digits, got ${JSON.stringify(bankBin)}`);
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) return refuse('bad-account', 'an account number is 1-19 letters or digits');
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || String(amount).length > 13)) {
    return refuse('bad-amount', `the amount must be whole dong, 1 to 13 digits, got ${String(amount)}`);
  }
  for (const [name, text] of [['purpose', purpose], ['bill number', billNumber]] as const) {
    if (text !== undefined && (text.length > 25 || !PRINTABLE.test(text))) {
      return refuse('bad-text', `the ${name} must be 1-25 characters without accents (ASCII)`);
    }
  }
  const beneficiary = tlv('00', bankBin) + tlv('01', accountNumber);
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT);
  const additional = (billNumber === undefined ? '' : tlv('01', billNumber)) + (purpose === undefined ? '' : tlv('08', purpose));
  const body =
    tlv('00', '01') +
    tlv('01', amount === undefined ? '11' : '12') +
    tlv('38', merchant) +
    tlv('53', VND_NUMERIC) +
    (amount === undefined ? '' : tlv('54', String(amount))) +
    tlv('58', 'VN') +
    (additional === '' ? '' : tlv('62', additional)) +
    '6304';
  return { ok: true, payload: body + crc16Ccitt(body) };
}

function field(fields: readonly TlvField[], id: string): string | undefined {
  return fields.find((each) => each.id === id)?.value;
}

/** Reads a VietQR payload back (CRC checked first), e.g. to verify what is about to be shown. */
export function parseVietQr(payload: string): VietQrParse {
  if (typeof payload !== 'string' || payload.length < 8 || !PRINTABLE.test(payload)) return refuse('bad-tlv', 'not an EMVCo QR payload');
  const body = payload.slice(0, -4);
  if (!body.endsWith('6304')) return refuse('bad-tlv', 'the payload does not end with its CRC (6304....)');
  if (crc16Ccitt(body) !== payload.slice(-4).toUpperCase()) return refuse('bad-crc', 'the CRC does not match: the payload was changed or misread');
  const root = parseTlv(payload);
  if (!root.ok) return root;
  const merchant = parseTlv(field(root.fields, '38') ?? '');
  if (!merchant.ok || field(merchant.fields, '00') !== NAPAS_GUID) return refuse('not-vietqr', 'no NAPAS merchant account information (id 38)');
  const beneficiary = parseTlv(field(merchant.fields, '01') ?? '');
  const bankBin = beneficiary.ok ? field(beneficiary.fields, '00') : undefined;
  const accountNumber = beneficiary.ok ? field(beneficiary.fields, '01') : undefined;
  if (bankBin === undefined || accountNumber === undefined) return refuse('not-vietqr', 'no bank BIN and account in id 38/01');
  const amountText = field(root.fields, '54');
  const additional = parseTlv(field(root.fields, '62') ?? '');
  const extra = additional.ok ? additional.fields : [];
  const purpose = field(extra, '08');
  const billNumber = field(extra, '01');
  return {
    ok: true,
    bankBin,
    accountNumber,
    service: field(merchant.fields, '02') ?? '',
    dynamic: field(root.fields, '01') === '12',
    ...(amountText === undefined ? {} : { amount: Number(amountText) }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(billNumber === undefined ? {} : { billNumber }),
  };
}
