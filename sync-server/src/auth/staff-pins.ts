/*
 * Staff PINs, stored only as PBKDF2-SHA256 hashes in the store's config document so a tablet can check a
 * PIN offline, and the server checks them the same way when a person signs in (routes/staff-sessions.ts).
 * The format is what the browser's WebCrypto can verify without any library:
 *   deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: base64decode(pinSalt), iterations: pinIterations },
 *              importKey('raw', utf8(pin), 'PBKDF2'), 256) === base64decode(pinHash)
 * A random 16-byte salt per person means equal PINs do not show as equal hashes.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export const PIN_ITERATIONS = 100_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface PinHash {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await pbkdf2Async(pin, salt, iterations, KEY_BYTES, 'sha256');
  return { pinHash: key.toString('base64'), pinSalt: salt.toString('base64'), pinIterations: iterations };
}

/** Whether `pin` matches the stored hash, compared in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.pinHash, 'base64');
  const key = await pbkdf2Async(pin, Buffer.from(stored.pinSalt, 'base64'), stored.pinIterations, expected.length, 'sha256');
  return key.length === expected.length && timingSafeEqual(key, expected);
}
