/*
 * Pickup codes of online orders, on the server. The customer shows a code (or its QR) at the counter; an
 * order carries only its salted, slow hash (`pickupCodeHash`, src/domain/pickup-code.ts) so a tablet can
 * check the code offline while a copy of its data costs tens of ms per guess per order.
 *
 * Where codes come from:
 *   - the generic webhook: the shop sends its own `pickupCode`, hashed before the order is written;
 *   - platform orders (Shopify, WooCommerce, Haravan): the server makes a 6-digit code per order, derived
 *     from the order's id with a key of this installation (HMAC-SHA256, the key made once and kept in the
 *     meta table, never sent anywhere), so the code is never stored in clear and can be made again for the
 *     ready-for-pickup notice that tells the shop (and through it the customer). Its hash is written by the
 *     pickup-code worker (integrations/pickup-code-keeper.ts) after the delivery was applied, never on the
 *     webhook's way to its answer.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newPickupCodeHash, verifyPickupCode } from '../../../src/domain/pickup-code.ts';
import type { Database } from '../store/database-types.ts';
import { insertMetaIfAbsent, readMeta } from '../store/meta-repository.ts';

export const PICKUP_CODE_META_KEY = 'pickup-code-key';
const CODE_LABEL = 'pos-pickup-code/v1:';

/** A pickup code's stored form: salted PBKDF2-SHA256 (off the event loop: WebCrypto runs it on a worker thread). */
export async function hashPickupCode(code: string): Promise<string> {
  return newPickupCodeHash(code);
}

/** `stored` when it is already the hash of `code` (so a redelivery changes nothing), else a new hash of it. */
export async function pickupCodeHashKeeping(stored: string | undefined, code: string): Promise<string> {
  if (stored !== undefined && (await verifyPickupCode(stored, code))) return stored;
  return hashPickupCode(code);
}

/** The key platform orders' codes are derived with: made on first use, the same for every server instance. */
export async function loadPickupCodeKey(db: Kysely<Database>): Promise<Buffer> {
  let stored = await readMeta<string>(db, PICKUP_CODE_META_KEY);
  if (stored === undefined) {
    await insertMetaIfAbsent(db, PICKUP_CODE_META_KEY, randomBytes(32).toString('base64'));
    stored = await readMeta<string>(db, PICKUP_CODE_META_KEY);
    if (stored === undefined) throw new Error('The pickup-code key could not be stored');
  }
  return Buffer.from(stored, 'base64');
}

/** The 6-digit pickup code of a platform order: the same for the same order id, whenever it is asked. */
export function platformPickupCode(key: Buffer, orderId: string): string {
  const mac = createHmac('sha256', key).update(CODE_LABEL + orderId, 'utf8').digest();
  // 2^32 over 10^6 leaves a bias of one in 4,295 on the lowest codes: no help to a guesser.
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
