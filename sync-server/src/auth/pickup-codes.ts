/*
 * Pickup codes of online orders: the customer shows a 6-digit code at the counter; an order carries only
 * its SHA-256 (hex, `pickupCodeHash`) so a tablet can check the code offline and a copy of the database
 * does not hand out the codes. The orders webhook hashes the code the shop sends; the seed hashes the demo
 * orders' codes the same way.
 */
import { createHash } from 'node:crypto';

export function hashPickupCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
