/*
 * Gift-card numbers: what is printed (and barcoded) on a card and is the key of its balance
 * (giftcard:<store>:<number>, the gift_card tender's reference).
 *
 * Whoever knows a number can spend the card, so a number is random, from the platform's cryptographic random
 * source (WebCrypto's getRandomValues, in browsers and Node alike): 17 random digits (about 56 bits; a
 * thief trying numbers against the balance lookup expects to try 10^17 / cards-in-circulation of them)
 * behind a fixed first digit, then one check digit of the card's own, a Damm check digit (it catches every
 * single wrong digit and every swap of two neighbours, which the Luhn check of bank cards does not): 19
 * digits, printed 4-4-4-4-3.
 *
 * It must never look like a bank card (issue 12: the card-number filter masks anything that does, and a
 * masked gift card would be lost money). So:
 *   - the first digit is 7, which no card network the filter knows starts with (card-number.ts);
 *   - a number is drawn again when the whole of it, or any run of 13-19 of its digits the filter looks at
 *     (written bare or in its printed groups), would pass as a card number: so a number passes Luhn never,
 *     and the filter (findCardNumbers) never trips on one (gift-card-number.test.ts proves it over many).
 */
import { containsCardNumber, passesLuhn } from './card-number.ts';

/** The first digit of every gift-card number: no bank card network's numbers start with it. */
export const GIFT_CARD_PREFIX = '7';
export const GIFT_CARD_DIGITS = 19;
const RANDOM_DIGITS = GIFT_CARD_DIGITS - GIFT_CARD_PREFIX.length - 1;

/** Damm's quasigroup of order 10 (the table of H. M. Damm's 2004 thesis, weakly totally anti-symmetric). */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i += 1) interim = DAMM[interim]![digits.charCodeAt(i) - 48]!;
  return interim;
}

/** The Damm check digit of a string of digits. */
export function dammCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`A Damm check digit is made of digits only, got "${digits}"`);
  return String(dammInterim(digits));
}

/** Whether a string of digits ends in its own Damm check digit. */
export function passesDamm(digits: string): boolean {
  return /^\d+$/.test(digits) && dammInterim(digits) === 0;
}

/** A gift-card number as printed: groups of four digits. */
export function formatGiftCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The digits of a typed or scanned gift-card number (spaces and dashes dropped), or undefined when it is not one of ours. */
export function parseGiftCardNumber(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return isGiftCardNumber(digits) ? digits : undefined;
}

/** Whether `digits` is a gift-card number this POS could have made: length, first digit, Damm check, and no look of a bank card. */
export function isGiftCardNumber(digits: string): boolean {
  return (
    digits.length === GIFT_CARD_DIGITS &&
    digits.startsWith(GIFT_CARD_PREFIX) &&
    passesDamm(digits) &&
    !passesLuhn(digits) &&
    !containsCardNumber(digits) &&
    !containsCardNumber(formatGiftCardNumber(digits))
  );
}

/** Random bytes from a cryptographic source; WebCrypto's by default. */
export type RandomBytes = (length: number) => Uint8Array;

const cryptoRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** `count` uniform random decimal digits (bytes of 250 and above are drawn again, so no digit is likelier). */
function randomDigits(count: number, random: RandomBytes): string {
  let out = '';
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

/**
 * A new gift-card number: 7, 17 random digits, a Damm check digit; drawn again (rarely: a few times in ten)
 * until nothing in it reads as a bank card number. `random` is for tests that need a fixed sequence.
 */
export function generateGiftCardNumber(random: RandomBytes = cryptoRandomBytes): string {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const payload = GIFT_CARD_PREFIX + randomDigits(RANDOM_DIGITS, random);
    const number = payload + dammCheckDigit(payload);
    if (isGiftCardNumber(number)) return number;
  }
  throw new Error('The random source gave 1,000 gift-card numbers that all read as bank cards: it is not random');
}
