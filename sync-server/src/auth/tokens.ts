/*
 * Bearer tokens for devices and staff sessions: 32 random bytes (256 bits) in base64url, shown to the
 * client once. Only their SHA-256 is stored, so a copy of the database does not let anyone sync as a
 * device; a plain hash (not PBKDF2) is enough because the token is random, not chosen by a person.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
