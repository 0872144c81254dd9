/*
 * Pickup codes of online orders, one definition for the server (which hashes them) and the tablet (which
 * checks a code offline), through WebCrypto, which browsers and Node 20 both have.
 *
 * An order carries its code only as `pickupCodeHash`. A pickup code is short (6 digits for the codes the
 * server makes), so whoever holds a tablet's data can try every code against the hash; the hash makes each
 * try costly: PBKDF2-SHA256 with a salt of the order's own (so the work done for one order is no use for
 * another) and PICKUP_CODE_ITERATIONS iterations, about 20 ms a try on a 2-core server and tens of ms on a
 * tablet (`npm run bench -- pin_guessing` measures the tries a second). The stored text names its scheme:
 *   pbkdf2-sha256$<iterations>$<salt, base64url>$<32-byte hash, base64url>
 * so the count can be raised later without breaking older orders. Orders hashed before (64 hex digits, a
 * plain SHA-256 of the code) are still checked as they were, until they leave the tablet.
 *
 * The customer's QR carries the order's number and the code ("PICKUP-<number>-<code>"): the tablet finds
 * the order by its number at once and checks the one hash it carries, rather than trying every order's.
 */
import { base64ToBytes, bytesToBase64 } from './approval-proof.ts';

export const PICKUP_CODE_ITERATIONS = 40_000;
export const PICKUP_CODE_SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const LEGACY_SHA256 = /^[0-9a-f]{64}$/;

/** A pickup code as the shop or the server makes it: 4 to 16 letters or digits. */
export const PICKUP_CODE_PATTERN = /^[0-9A-Za-z]{4,16}$/;

export const PICKUP_QR_PREFIX = 'PICKUP-';

function toBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
}

async function pbkdf2(code: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(code), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** The stored form of `code` hashed with `salt` (the server draws a new salt per order: newPickupCodeHash). */
export async function hashPickupCodeWith(code: string, salt: Uint8Array<ArrayBuffer>, iterations: number = PICKUP_CODE_ITERATIONS): Promise<string> {
  const hash = await pbkdf2(code.trim(), salt, iterations);
  return `${PICKUP_CODE_SCHEME}$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** The stored form of `code` with a salt of its own. */
export async function newPickupCodeHash(code: string, iterations: number = PICKUP_CODE_ITERATIONS): Promise<string> {
  return hashPickupCodeWith(code, crypto.getRandomValues(new Uint8Array(SALT_BYTES)), iterations);
}

interface ParsedHash {
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly hash: Uint8Array;
}

function parseStored(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PICKUP_CODE_SCHEME) return undefined;
  const iterations = Number(parts[1]);
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000) return undefined;
  try {
    const salt = fromBase64Url(parts[2]!);
    const hash = fromBase64Url(parts[3]!);
    return salt.length > 0 && hash.length === 32 ? { iterations, salt, hash } : undefined;
  } catch {
    // Not base64url: not a hash this code wrote; no code matches it.
    return undefined;
  }
}

/** Whether a stored hash is one this module writes (a legacy SHA-256 is not). */
export function isSlowPickupCodeHash(stored: string): boolean {
  return parseStored(stored) !== undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

async function legacySha256(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether `code` (as typed or scanned; trimmed, case kept) is the code `stored` was made from. */
export async function verifyPickupCode(stored: string, code: string): Promise<boolean> {
  const typed = code.trim();
  if (typed === '') return false;
  const parsed = parseStored(stored);
  if (parsed !== undefined) return sameBytes(await pbkdf2(typed, parsed.salt, parsed.iterations), parsed.hash);
  if (LEGACY_SHA256.test(stored)) return (await legacySha256(typed)) === stored;
  return false;
}

/** The text of the customer's pickup QR: the order's number (without '#') and its code. */
export function pickupQrText(number: string, code: string): string {
  return `${PICKUP_QR_PREFIX}${number.trim().replace(/^#/, '')}-${code}`;
}

/** A pickup QR's order number and code, or undefined when `text` is no pickup QR. */
export function readPickupQr(text: string): { readonly number: string; readonly code: string } | undefined {
  const trimmed = text.trim();
  if (!trimmed.toUpperCase().startsWith(PICKUP_QR_PREFIX)) return undefined;
  const rest = trimmed.slice(PICKUP_QR_PREFIX.length);
  const cut = rest.lastIndexOf('-');
  if (cut <= 0) return undefined;
  const number = rest.slice(0, cut);
  const code = rest.slice(cut + 1);
  return PICKUP_CODE_PATTERN.test(code) ? { number, code } : undefined;
}
