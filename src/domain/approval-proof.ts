/*
 * Staff PINs and the proof that a person holding a permission was at the counter, one definition for the
 * tablet and the server (WebCrypto, which browsers and Node 20 both have).
 *
 * A PIN is 4 to 8 digits, so anything a tablet can check a PIN against offline also lets whoever holds the
 * tablet's data find the PIN by trying them all. So a tablet holds only a SHORT check of each PIN of its
 * own store's staff: PIN_CHECK_BITS bits of the PIN's hash (PBKDF2-SHA256, the person's salt and iteration
 * count). A typo is caught 4,095 times in 4,096; trying every PIN against the check leaves about
 * 10^digits / 4,096 candidates (a 6-digit approver PIN: about 244), and nothing on the tablet says which
 * one is right. The full 256-bit hash stays on the server (its staff_credentials table).
 *
 * The approval key is HMAC-SHA256(full hash, APPROVAL_KEY_LABEL): the tablet derives it only from a PIN
 * typed there, the server from the hash it keeps. A document that needs a permission carries
 * `approvalProof: {by, mac}`: `mac` is HMAC-SHA256(approval key of `by`, approvalMessage(subject)), binding
 * the person to this store, device, document and permission. The server recomputes it; a missing or wrong
 * proof is stored and flagged for the manager, never treated as approved (sync-server's role-check).
 * Limits (README, Security model): the proof names the document, not its amounts; a PIN typed on a tablet
 * that runs hostile code is that code's to use.
 */

export const PIN_CHECK_BITS = 12;
export const APPROVAL_KEY_LABEL = 'pos-approval-key/v1';
const MESSAGE_LABEL = 'pos-approval/v1';

/** What an approval is about: bound into the proof, so it cannot be moved to another document or permission. */
export interface ApprovalSubject {
  storeId: string;
  deviceId: string;
  collection: string;
  documentId: string;
  permission: string;
  /** The person proving it: the document's actor or its approver, whoever holds the permission. */
  by: string;
}

/** What a tablet knows of a person's PIN (the config's staff entry). */
export interface TabletPinCheck {
  pinSalt: string;
  pinIterations: number;
  pinCheck: number;
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function bytesToBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The PIN's full PBKDF2-SHA256 hash (32 bytes), as the server stores it and the tablet recomputes it. */
export async function pinHash(pin: string, pinSalt: string, pinIterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(pinSalt), iterations: pinIterations }, key, 256);
  return new Uint8Array(bits);
}

/** The first PIN_CHECK_BITS bits of a PIN hash: all a tablet keeps. */
export function pinCheckOf(hash: Uint8Array): number {
  const first = hash[0] ?? 0;
  const second = hash[1] ?? 0;
  return ((first << 8) | second) >>> (16 - PIN_CHECK_BITS);
}

/** Whether `pin` passes a tablet's short check; the full hash when it does (the approval key comes from it). */
export async function checkPinOnTablet(pin: string, stored: TabletPinCheck): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const hash = await pinHash(pin, stored.pinSalt, stored.pinIterations);
  return pinCheckOf(hash) === stored.pinCheck ? hash : undefined;
}

export async function approvalKeyOf(hash: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const outer = await crypto.subtle.importKey('raw', hash, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const keyBytes = await crypto.subtle.sign('HMAC', outer, new TextEncoder().encode(APPROVAL_KEY_LABEL));
  return crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** The exact text the proof signs: a JSON array, so no field can bleed into the next. */
export function approvalMessage(subject: ApprovalSubject): string {
  return JSON.stringify([MESSAGE_LABEL, subject.storeId, subject.deviceId, subject.collection, subject.documentId, subject.permission, subject.by]);
}

/** The proof's mac (base64url, 43 characters) for `subject` under an approval key. */
export async function approvalMac(key: CryptoKey, subject: ApprovalSubject): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(approvalMessage(subject)));
  return bytesToBase64Url(new Uint8Array(mac));
}

/** Whether `mac` proves `subject` for the person whose full PIN hash is `hash` (compared in constant time). */
export async function approvalMacValid(hash: Uint8Array<ArrayBuffer>, subject: ApprovalSubject, mac: string): Promise<boolean> {
  const expected = await approvalMac(await approvalKeyOf(hash), subject);
  return constantTimeEqual(new TextEncoder().encode(expected), new TextEncoder().encode(mac));
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * The fewest digits a person's PIN may have: roles that approve others' actions need 6 (1,000,000 PINs,
 * about 244 left after a tablet's check), a cashier 4. PINs are digits only, at most 8.
 */
export function minimumPinLength(role: string): number {
  return role === 'cashier' ? 4 : 6;
}

/** Why `pin` cannot be `role`'s PIN, or undefined when it can. */
export function pinProblem(pin: string, role: string): string | undefined {
  const minimum = minimumPinLength(role);
  if (!/^[0-9]+$/.test(pin)) return 'a PIN is digits only';
  if (pin.length < minimum) return `a ${role}'s PIN needs at least ${minimum} digits`;
  if (pin.length > 8) return 'a PIN has at most 8 digits';
  return undefined;
}

/** A full PIN hash as the server keeps it (staff_credentials), by person. */
export interface StaffPinHash {
  staffId: string;
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

/**
 * A config document written before tablets got only a check (config schema version 0): each staff entry's
 * `pinHash` is taken out and replaced by its `pinCheck`. Returns the new config and the hashes taken out.
 * The server's migration 0008 and the tablet's config migration both use it, so both end with one body.
 */
export function splitStaffHashes(config: Record<string, unknown>): { config: Record<string, unknown>; credentials: StaffPinHash[] } {
  const credentials: StaffPinHash[] = [];
  const staff = Array.isArray(config['staff']) ? (config['staff'] as unknown[]) : [];
  const converted = staff.map((entry) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const { pinHash, ...rest } = entry as Record<string, unknown>;
    if (typeof pinHash !== 'string') return entry;
    const { id, pinSalt, pinIterations } = rest;
    if (typeof id === 'string' && typeof pinSalt === 'string' && typeof pinIterations === 'number') {
      credentials.push({ staffId: id, pinHash, pinSalt, pinIterations });
    }
    return { ...rest, pinCheck: pinCheckOf(base64ToBytes(pinHash)) };
  });
  return { config: Array.isArray(config['staff']) ? { ...config, staff: converted } : config, credentials };
}
