/*
 * What a key of the on-screen numeric keypad does to the text of the field it types into, calculator
 * style: digits and 00 / 000 go at the end, one decimal separator at most, backspace takes the last
 * character, clear empties. The field then reads the text as it reads typing (money, a quantity, a
 * discount), so the keypad never needs to know which.
 */

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '000' | 'decimal' | 'backspace' | 'clear';

/** Longer than any amount or quantity a till types; a key past it changes nothing. */
export const KEYPAD_MAX_LENGTH = 16;

/** The text after `key`; `decimalSeparator` null: the field takes whole numbers (the separator key does nothing). */
export function applyKeypadKey(text: string, key: KeypadKey, decimalSeparator: string | null): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return text.slice(0, -1);
  if (key === 'decimal') {
    if (decimalSeparator === null || text.includes(decimalSeparator)) return text;
    return (text === '' ? '0' : text) + decimalSeparator;
  }
  // No leading zeros: 00 on an empty field is nothing, a digit replaces a lone 0.
  if ((key === '00' || key === '000') && (text === '' || text === '0')) return text;
  const next = text === '0' ? key : text + key;
  return next.length > KEYPAD_MAX_LENGTH ? text : next;
}
