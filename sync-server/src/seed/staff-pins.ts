/*
 * The demo staff's PINs: random, never shared by two people. They are hashed for the config document with
 * auth/staff-pins.ts, like any PIN.
 */
import { randomInt } from 'node:crypto';

/** A random PIN of `length` digits that is not in `taken` (so demo staff never share one). */
export function randomPin(length: number, taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const pin = String(randomInt(0, 10 ** length)).padStart(length, '0');
    if (!taken.has(pin)) return pin;
  }
}
