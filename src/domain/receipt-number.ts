/*
 * Receipt numbers a device can hand out with no network: "<store>-<device>-<sequence>", e.g.
 * "Q1-T03-000123", the 123rd sale of till T03 in store Q1. Printed on the receipt, typed or scanned
 * for a return, searched on the server.
 *
 * Why two devices can never give out the same number, even offline for days:
 *   - the store code is unique in the chain and the device code unique in its store: both are assigned
 *     by the server at enrolment, the only moment the device must be online, and a device code is never
 *     given to another device (a re-enrolled or reset tablet gets a new code, never its old one);
 *   - the sequence is this device's own counter, read and incremented in the same IndexedDB transaction
 *     that writes the sale, so a crash either keeps both or neither, and it never goes back;
 *   - the parts cannot run into each other: codes are letters and digits only, never "-", so every
 *     number splits back into exactly one (store, device, sequence), and the sequence is written in one
 *     canonical way (at least 6 digits, zero-padded, no other leading zeros).
 * What this does not cover (and the device must): restoring an old IndexedDB copy onto a device would
 * replay its counter; such a device must enrol again for a new device code.
 */

export interface ReceiptNumberParts {
  /** The store's code, 1-8 upper-case letters or digits. */
  readonly storeCode: string;
  /** The device's code within the store, 1-8 upper-case letters or digits. */
  readonly deviceCode: string;
  /** 1, 2, 3, ... per device. */
  readonly sequence: number;
}

export type ReceiptNumberParse = ({ readonly ok: true } & ReceiptNumberParts) | { readonly ok: false; readonly detail: string };

const CODE = /^[A-Z0-9]{1,8}$/;
const RECEIPT_NUMBER = /^([A-Z0-9]{1,8})-([A-Z0-9]{1,8})-(\d{6}|[1-9]\d{6,15})$/;
const SEQUENCE_DIGITS = 6;

/** "Q1-T03-000123". Throws on codes or sequences that could not be read back unambiguously. */
export function formatReceiptNumber({ storeCode, deviceCode, sequence }: ReceiptNumberParts): string {
  if (!CODE.test(storeCode)) throw new Error(`A store code is 1-8 upper-case letters or digits, got ${JSON.stringify(storeCode)}`);
  if (!CODE.test(deviceCode)) throw new Error(`A device code is 1-8 upper-case letters or digits, got ${JSON.stringify(deviceCode)}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`A receipt sequence starts at 1, got ${String(sequence)}`);
  return `${storeCode}-${deviceCode}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of a receipt number, as typed or scanned (case and surrounding spaces forgiven). */
export function parseReceiptNumber(text: string): ReceiptNumberParse {
  const typed = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const match = RECEIPT_NUMBER.exec(typed);
  const sequence = Number(match?.[3] ?? '0');
  if (match === null || sequence < 1 || !Number.isSafeInteger(sequence)) {
    return { ok: false, detail: `${JSON.stringify(typed.slice(0, 40))} is not a receipt number such as Q1-T03-000123` };
  }
  return { ok: true, storeCode: match[1] ?? '', deviceCode: match[2] ?? '', sequence };
}
