import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKeypadKey, KEYPAD_MAX_LENGTH, type KeypadKey } from './keypad-entry.ts';

const type = (keys: readonly KeypadKey[], separator: string | null = null, from = '') => keys.reduce((text, key) => applyKeypadKey(text, key, separator), from);

describe('typing on the on-screen keypad', () => {
  it('types 150,000 dong as 1, 5, 0, 000', () => {
    expect(type(['1', '5', '0', '000'])).toBe('150000');
    expect(type(['2', '00'])).toBe('200');
  });

  it('never starts with zeros: 00 on an empty field is nothing, a digit replaces a lone 0', () => {
    expect(type(['000', '00', '0', '7'])).toBe('7');
    expect(type(['0'])).toBe('0');
  });

  it('takes one decimal separator where the field has them (a weight, a percent), none where it has not', () => {
    expect(type(['decimal', '5'], ',')).toBe('0,5');
    expect(type(['1', 'decimal', '2', 'decimal', '5'], ',')).toBe('1,25');
    expect(type(['1', 'decimal', '5'], '.')).toBe('1.5');
    expect(type(['1', 'decimal', '5'], null)).toBe('15');
  });

  it('backspace takes the last character, clear empties; a text already typed on the keyboard goes on', () => {
    expect(type(['backspace'], null, '12345')).toBe('1234');
    expect(type(['clear'], null, '12345')).toBe('');
    expect(type(['backspace'], null, '')).toBe('');
    expect(type(['0', '0'], null, '12.500')).toBe('12.50000');
  });

  it('whatever is typed: digits and at most one separator, never longer than the limit, and clear always empties', () => {
    const keys = fc.constantFrom<KeypadKey>('0', '1', '5', '9', '00', '000', 'decimal', 'backspace');
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 60 }), fc.constantFrom(',', '.', null), (typed, separator) => {
        const text = type(typed, separator);
        expect(text.length).toBeLessThanOrEqual(KEYPAD_MAX_LENGTH);
        expect(text).toMatch(separator === null ? /^\d*$/ : /^\d*[.,]?\d*$/);
        if (separator !== null) expect(text.split(separator).length).toBeLessThanOrEqual(2);
        expect(applyKeypadKey(text, 'clear', separator)).toBe('');
      }),
    );
  });
});
