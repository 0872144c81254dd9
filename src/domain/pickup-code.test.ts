import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPickupCodeWith, isSlowPickupCodeHash, newPickupCodeHash, PICKUP_CODE_ITERATIONS, pickupQrText, readPickupQr, verifyPickupCode } from './pickup-code.ts';

describe('a pickup code is kept as a salted, slow hash', () => {
  it('names its scheme, iteration count and salt, and checks the code it was made from only', async () => {
    const stored = await newPickupCodeHash('482913');
    expect(stored).toMatch(new RegExp(`^pbkdf2-sha256\\$${PICKUP_CODE_ITERATIONS}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(stored.length).toBeLessThanOrEqual(200);
    expect(isSlowPickupCodeHash(stored)).toBe(true);
    expect(await verifyPickupCode(stored, '482913')).toBe(true);
    expect(await verifyPickupCode(stored, '482914')).toBe(false);
    expect(await verifyPickupCode(stored, '')).toBe(false);
  });

  it('gives two orders with the same code different hashes (a salt of their own), both checking', async () => {
    const [a, b] = [await newPickupCodeHash('777001', 1_000), await newPickupCodeHash('777001', 1_000)];
    expect(a).not.toBe(b);
    expect(await verifyPickupCode(a, '777001')).toBe(true);
    expect(await verifyPickupCode(b, '777001')).toBe(true);
  });

  it('is the same hash for the same salt and count, the count read back from the stored text', async () => {
    const salt = new Uint8Array(16).fill(3);
    expect(await hashPickupCodeWith('ABC123', salt, 2_000)).toBe(await hashPickupCodeWith('ABC123', salt, 2_000));
    expect(await verifyPickupCode(await hashPickupCodeWith('ABC123', salt, 2_000), 'abc123')).toBe(false);
  });

  it('matches nothing against a stored text it does not know or a tampered one', async () => {
    const stored = await hashPickupCodeWith('482913', new Uint8Array(16).fill(1), 1_000);
    expect(await verifyPickupCode(stored.replace('$1000$', '$999$'), '482913')).toBe(false);
    expect(await verifyPickupCode('scrypt$secret-hash', '482913')).toBe(false);
    expect(await verifyPickupCode('pbkdf2-sha256$0$AAAA$AAAA', '482913')).toBe(false);
    expect(await verifyPickupCode('pbkdf2-sha256$1000$!!$??', '482913')).toBe(false);
    expect(isSlowPickupCodeHash('4a8eec4925826f4b60526d7ac3c0a9b61ef54ac19233bafce2f4a13eb49395d2')).toBe(false);
  });
});

describe("the customer's pickup QR", () => {
  it("carries the order's number and the code, read back whatever the number holds", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^#?[A-Za-z0-9][A-Za-z0-9-]{0,12}$/), fc.stringMatching(/^[0-9A-Za-z]{4,16}$/), (number, code) => {
        expect(readPickupQr(pickupQrText(number, code))).toEqual({ number: number.replace(/^#/, ''), code });
      }),
    );
  });

  it('is not any other scan', () => {
    expect(readPickupQr('482913')).toBeUndefined();
    expect(readPickupQr('8934563123458')).toBeUndefined();
    expect(readPickupQr('PICKUP-1042')).toBeUndefined();
    expect(readPickupQr('PICKUP-1042-12')).toBeUndefined();
    expect(readPickupQr(' pickup-1042-482913 ')).toEqual({ number: '1042', code: '482913' });
  });
});
