/*
 * Checks a typed PIN against the PBKDF2-SHA256 hash in the store's config, offline, with WebCrypto: the same
 * parameters the server hashes with (sync-server/src/auth/staff-pins.ts): base64 salt and hash, the stored
 * iteration count, a key as long as the stored hash. The comparison looks at every byte whatever differs, so
 * its timing says nothing about how close a guess was. The PIN itself is never stored or logged.
 */

export interface StoredPin {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export async function pinMatches(pin: string, stored: StoredPin): Promise<boolean> {
  const expected = base64ToBytes(stored.pinHash);
  if (expected.length === 0) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const derived = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(stored.pinSalt), iterations: stored.pinIterations },
    key,
    expected.length * 8,
  );
  return constantTimeEqual(new Uint8Array(derived), expected);
}
