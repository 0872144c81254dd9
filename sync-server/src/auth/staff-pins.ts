/*
 * Staff PINs on the server. A person's full PIN hash (PBKDF2-SHA256 over a random 16-byte salt) is kept only
 * in the staff_credentials table (store/staff-credentials-repository.ts); the store's config document, which
 * every tablet of the store pulls, carries the salt, the iteration count and the hash's first 12 bits, so a
 * tablet can catch a typo offline without holding what would let it find the PIN
 * (src/domain/approval-proof.ts, where the hash and the check are defined for tablet and server alike).
 * The server checks a PIN against the full hash when a person signs in or approves online
 * (routes/staff-sessions.ts), and approval proofs against it on push (policies/approval-proofs.ts).
 */
import { randomBytes } from 'node:crypto';
import { bytesToBase64, base64ToBytes, constantTimeEqual, pinCheckOf, pinHash, pinProblem } from '../../../src/domain/approval-proof.ts';
import type { TabletPinCheck } from '../../../src/domain/approval-proof.ts';

export const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;

/** What only the server keeps of a PIN. */
export interface StaffCredential {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

/** A PIN that cannot be a role's PIN (too short for an approver, not digits): the message says why. */
export class PinRefused extends Error {}

/**
 * Hashes a new PIN for a person of `role`: the credential for the server and the check for the store's
 * config. Refuses a PIN the role may not have (approvers need 6 digits, see minimumPinLength).
 */
export async function staffPinFor(pin: string, role: string, iterations: number = PIN_ITERATIONS): Promise<{ credential: StaffCredential; tablet: TabletPinCheck }> {
  const problem = pinProblem(pin, role);
  if (problem !== undefined) throw new PinRefused(problem);
  const pinSalt = randomBytes(SALT_BYTES).toString('base64');
  const hash = await pinHash(pin, pinSalt, iterations);
  return {
    credential: { pinHash: bytesToBase64(hash), pinSalt, pinIterations: iterations },
    tablet: { pinSalt, pinIterations: iterations, pinCheck: pinCheckOf(hash) },
  };
}

/** The full hash when `pin` is the person's PIN (compared in constant time), undefined otherwise. */
export async function verifyPin(pin: string, stored: StaffCredential): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const expected = base64ToBytes(stored.pinHash);
  const hash = await pinHash(pin, stored.pinSalt, stored.pinIterations);
  return constantTimeEqual(hash, expected) ? hash : undefined;
}
