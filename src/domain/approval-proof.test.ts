import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalKeyOf,
  approvalMac,
  approvalMacValid,
  base64ToBytes,
  bytesToBase64,
  checkPinOnTablet,
  minimumPinLength,
  PIN_CHECK_BITS,
  pinCheckOf,
  pinHash,
  pinProblem,
  splitStaffHashes,
  type ApprovalSubject,
} from './approval-proof.ts';

const SALT = 'c2FsdC1mb3ItbGFuLTAwMQ==';
const subject: ApprovalSubject = { storeId: 'q1', deviceId: 'd1', collection: 'sales', documentId: 's-1', permission: 'sale.void', by: 'nam' };

describe("a tablet's short check of a PIN", () => {
  it('is the first 12 bits of the PBKDF2 hash, so the right PIN passes and a typo almost never does', async () => {
    const hash = await pinHash('482913', SALT, 1_000);
    expect(bytesToBase64(hash)).toBe('we6rVCj08GBfyRicSe+VTCVTsZ4UAzgnPccSNwg9x/o=');
    expect(pinCheckOf(hash)).toBe(0xc1e);
    const stored = { pinSalt: SALT, pinIterations: 1_000, pinCheck: pinCheckOf(hash) };
    expect(await checkPinOnTablet('482913', stored)).toEqual(hash);
    expect(await checkPinOnTablet('482914', stored)).toBeUndefined();
  });

  it('leaves about 10^digits / 4,096 candidates: among all 4-digit PINs only a handful pass', async () => {
    const stored = { pinSalt: SALT, pinIterations: 1_000, pinCheck: pinCheckOf(await pinHash('4829', SALT, 1_000)) };
    let passing = 0;
    for (let pin = 0; pin < 10_000; pin += 1) {
      if (pinCheckOf(await pinHash(String(pin).padStart(4, '0'), SALT, 1_000)) === stored.pinCheck) passing += 1;
    }
    // The right one, and on average 10,000 / 4,096 ≈ 2.4 in all; far from one (which would name the PIN).
    expect(passing).toBeGreaterThanOrEqual(1);
    expect(passing).toBeLessThan(12);
    expect(PIN_CHECK_BITS).toBe(12);
  }, 60_000);

  it('needs six digits from anyone who approves, four from a cashier', () => {
    expect(minimumPinLength('cashier')).toBe(4);
    expect(minimumPinLength('supervisor')).toBe(6);
    expect(pinProblem('1234', 'manager')).toMatch(/at least 6 digits/);
    expect(pinProblem('123456', 'manager')).toBeUndefined();
    expect(pinProblem('1234', 'cashier')).toBeUndefined();
    expect(pinProblem('12a4', 'cashier')).toMatch(/digits only/);
    expect(pinProblem('123456789', 'cashier')).toMatch(/at most 8/);
  });
});

describe('an approval proof', () => {
  it('verifies for the person, document and permission it was made for, and for nothing else', async () => {
    const hash = await pinHash('360258', SALT, 1_000);
    const mac = await approvalMac(await approvalKeyOf(hash), subject);
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await approvalMacValid(hash, subject, mac)).toBe(true);
    const otherPin = await pinHash('360259', SALT, 1_000);
    expect(await approvalMacValid(otherPin, subject, mac)).toBe(false);
    expect(await approvalMacValid(hash, subject, mac.slice(0, 42) + (mac.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(await approvalMacValid(hash, subject, '')).toBe(false);
  });

  it('cannot be moved: changing any field of the subject breaks it (property)', async () => {
    const hash = await pinHash('360258', SALT, 1_000);
    const key = await approvalKeyOf(hash);
    const field = fc.constantFrom<keyof ApprovalSubject>('storeId', 'deviceId', 'collection', 'documentId', 'permission', 'by');
    await fc.assert(
      fc.asyncProperty(field, fc.string({ maxLength: 40 }), async (name, value) => {
        fc.pre(value !== subject[name]);
        const mac = await approvalMac(key, subject);
        return !(await approvalMacValid(hash, { ...subject, [name]: value }, mac));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps fields apart: a value moved across the boundary of two fields is another message', async () => {
    const hash = await pinHash('360258', SALT, 1_000);
    const mac = await approvalMac(await approvalKeyOf(hash), { ...subject, storeId: 'q1', deviceId: 'd1' });
    expect(await approvalMacValid(hash, { ...subject, storeId: 'q1d', deviceId: '1' }, mac)).toBe(false);
  });
});

describe('splitting an old config (full hashes) into the check and the server credential', () => {
  it('keeps every other field, replaces the hash by its check and hands the hash back', () => {
    const hashBase64 = 'we6rVCj08GBfyRicSe+VTCVTsZ4UAzgnPccSNwg9x/o=';
    const config = {
      id: 'q1',
      staff: [{ id: 'lan', name: 'Lan', role: 'cashier', pinHash: hashBase64, pinSalt: SALT, pinIterations: 1_000, active: true }],
    };
    const split = splitStaffHashes(config);
    expect(split.config).toEqual({ id: 'q1', staff: [{ id: 'lan', name: 'Lan', role: 'cashier', pinCheck: 0xc1e, pinSalt: SALT, pinIterations: 1_000, active: true }] });
    expect(split.credentials).toEqual([{ staffId: 'lan', pinHash: hashBase64, pinSalt: SALT, pinIterations: 1_000 }]);
    expect(pinCheckOf(base64ToBytes(hashBase64))).toBe(0xc1e);
    // Already converted: nothing to take out, nothing changes.
    expect(splitStaffHashes(split.config)).toEqual({ config: split.config, credentials: [] });
  });
});
