// The counter's keyboard map: function keys everywhere, never a scanner's characters, never a held repeat.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTER_KEYS, counterActionOf, isFunctionKey, type CounterKeyPress } from './counter-keys.ts';

const press = (key: string, extra: Partial<CounterKeyPress> = {}): CounterKeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, repeat: false, defaultPrevented: false, ...extra });

describe('the counter keyboard map', () => {
  it('gives each action its own key, as KiotViet and Sapo cashiers know them', () => {
    expect(counterActionOf(press('F9'), false)).toBe('pay');
    expect(counterActionOf(press('F8'), false)).toBe('cashExact');
    expect(counterActionOf(press('F3'), false)).toBe('search');
    expect(counterActionOf(press('F4'), false)).toBe('customer');
    expect(counterActionOf(press('F1'), false)).toBe('park');
    expect(new Set(Object.values(COUNTER_KEYS)).size).toBe(Object.keys(COUNTER_KEYS).length);
  });

  it('lets function keys through while the cashier types, and nothing else', () => {
    expect(counterActionOf(press('F9'), true)).toBe('pay');
    expect(counterActionOf(press('Escape'), true)).toBeNull();
    expect(counterActionOf(press('Escape'), false)).toBe('back');
  });

  it('never acts on a key the scanner held back, a held key repeating, or a system combination', () => {
    expect(counterActionOf(press('F9', { defaultPrevented: true }), false)).toBeNull();
    expect(counterActionOf(press('F9', { repeat: true }), false)).toBeNull();
    expect(counterActionOf(press('F4', { altKey: true }), false)).toBeNull();
    expect(counterActionOf(press('F4', { ctrlKey: true }), false)).toBeNull();
    expect(counterActionOf(press('F9', { isComposing: true }), false)).toBeNull();
  });

  it('maps no key a wedge scanner types (any printable character, Enter, Tab), focused or not', () => {
    const scannerKey = fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('Enter', 'Tab', 'Shift', 'Process', 'Unidentified'));
    fc.assert(
      fc.property(scannerKey, fc.boolean(), (key, typing) => {
        expect(counterActionOf(press(key), typing)).toBeNull();
      }),
    );
  });

  it('knows the function keys', () => {
    expect(['F1', 'F9', 'F12'].every(isFunctionKey)).toBe(true);
    expect(['F', 'F0', 'F13', 'Escape', '1'].some(isFunctionKey)).toBe(false);
  });
});
