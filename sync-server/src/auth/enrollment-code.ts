/*
 * Enrollment codes: what staff type (or scan) on a new tablet to join their store. 12 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of four: "K7QM-4XPD-92HT", about 60 bits.
 * Enrollment is rate-limited, so this is far beyond guessing range while still easy to read aloud.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateEnrollmentCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
