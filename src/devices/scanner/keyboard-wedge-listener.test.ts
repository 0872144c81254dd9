// A scanner and a cashier share one keyboard: scans go to the sale, typing goes to the field, exactly.
// jsdom gives no default actions for synthetic keys, so `press` plays the browser's part: a key that was
// not prevented types its character (or submits the form on Enter), and an input method edits the field
// whether or not the key was prevented, as real IMEs do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachWedgeScanner } from './keyboard-wedge-listener.ts';
import type { WedgeScannerOptions } from './keyboard-wedge-listener.ts';

interface KeySpec {
  readonly code: string;
  readonly key: string;
  readonly shiftKey?: boolean;
}

function keyOf(char: string): KeySpec {
  if (/\d/.test(char)) return { code: `Digit${char}`, key: char };
  if (/[a-z]/i.test(char)) return { code: `Key${char.toUpperCase()}`, key: char, shiftKey: char !== char.toLowerCase() };
  if (char === '\n') return { code: 'Enter', key: 'Enter' };
  if (char === '\t') return { code: 'Tab', key: 'Tab' };
  if (char === '*') return { code: 'Digit8', key: '*', shiftKey: true };
  if (char === '#') return { code: 'Digit3', key: '#', shiftKey: true };
  throw new Error(`no key for ${JSON.stringify(char)}`);
}

/** What an input method does to the field on its own keys: here, a tone mark on the letter before the caret. */
function imeEdits(field: HTMLInputElement): void {
  const at = field.selectionStart ?? field.value.length;
  field.setRangeText('\u0301', at, at, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText' }));
}

/** One keydown at an exact time on whatever has focus, then the browser's default action unless prevented. */
function press(spec: KeySpec, timeStamp: number): KeyboardEvent {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { ...spec, bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  target.dispatchEvent(event);
  if (target instanceof HTMLInputElement && spec.key === 'Process') imeEdits(target);
  if (event.defaultPrevented) return event;
  if (target instanceof HTMLInputElement && spec.key.length === 1) {
    target.setRangeText(spec.key, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: spec.key }));
  }
  if (target instanceof HTMLInputElement && spec.key === 'Enter') target.form?.requestSubmit();
  return event;
}

/** Sends `text` one key every `gapMs` from `start`; returns the time of the last key. */
function typeText(text: string, start: number, gapMs: number): number {
  [...text].forEach((char, i) => press(keyOf(char), start + i * gapMs));
  return start + (text.length - 1) * gapMs;
}

let detach: (() => void) | undefined;
let scanned: string[];
let submitted: number;
let quantity: HTMLInputElement;

function listen(options: WedgeScannerOptions = {}): void {
  detach = attachWedgeScanner(window, options, (code) => scanned.push(code));
}

beforeEach(() => {
  vi.useFakeTimers();
  scanned = [];
  submitted = 0;
  document.body.innerHTML = '<form id="line"><input id="quantity" inputmode="decimal" value="2"><input id="search"></form>';
  document.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted += 1;
  });
  quantity = document.querySelector<HTMLInputElement>('#quantity') ?? document.createElement('input');
  quantity.focus();
  quantity.setSelectionRange(1, 1);
});

afterEach(() => {
  detach?.();
  detach = undefined;
  vi.useRealTimers();
});

describe('the keyboard-wedge listener at the counter', () => {
  it('a scanner fires 13 digits and Enter into the quantity field: one scan, the field untouched, nothing submitted', () => {
    listen();
    const inputs: string[] = [];
    quantity.addEventListener('input', () => inputs.push(quantity.value));
    const end = typeText('8934588012228', 1000, 4);
    const enter = press(keyOf('\n'), end + 4);

    expect(scanned).toEqual(['8934588012228']);
    expect(quantity.value).toBe('2');
    expect([quantity.selectionStart, quantity.selectionEnd]).toEqual([1, 1]);
    expect(enter.defaultPrevented).toBe(true);
    expect(submitted).toBe(0);
    // The two digits that landed before the burst was recognised were taken out again, with an input event
    // so a React-controlled field's state follows.
    expect(inputs.at(-1)).toBe('2');
    vi.runAllTimers();
    expect(scanned).toEqual(['8934588012228']);
  });

  it('app key handlers never see the keys of a scan', () => {
    listen();
    const seen: string[] = [];
    quantity.addEventListener('keydown', (event) => seen.push(event.key));
    const end = typeText('8934588012228', 0, 5);
    press(keyOf('\n'), end + 5);
    expect(seen).toEqual(['8', '9']);
  });

  it('a cashier types a quantity slowly and presses Enter: every key lands and the form submits', () => {
    listen();
    quantity.setSelectionRange(0, 1);
    const end = typeText('12', 0, 150);
    press(keyOf('\n'), end + 200);
    expect(quantity.value).toBe('12');
    expect(scanned).toEqual([]);
    expect(submitted).toBe(1);
  });

  it('a fast typist rolls keys together in the search field: held keys come back, in order, when they stop', () => {
    listen();
    const search = document.querySelector<HTMLInputElement>('#search') ?? document.createElement('input');
    search.focus();
    const inputs: string[] = [];
    search.addEventListener('input', () => inputs.push(search.value));
    typeText('cafe', 0, 10);
    // The 3rd and 4th keys were held back as a possible scan.
    expect(search.value).toBe('ca');
    vi.advanceTimersByTime(40);
    expect(search.value).toBe('cafe');
    expect(inputs.at(-1)).toBe('cafe');
    // The person goes on typing: the next key lands after the released ones.
    press(keyOf('s'), 400);
    expect(search.value).toBe('cafes');
    expect(scanned).toEqual([]);
  });

  it('a short fast run ending in Enter is typing: held keys return before the Enter, which submits', () => {
    listen();
    quantity.setSelectionRange(0, 1);
    const end = typeText('125', 0, 8);
    press(keyOf('\n'), end + 8);
    expect(quantity.value).toBe('125');
    expect(submitted).toBe(1);
    expect(scanned).toEqual([]);
  });

  it('with VNI on, digits arrive as "Process" and the input method edits the field: the code is right and the field restored', () => {
    listen();
    const vniKeys: KeySpec[] = [
      { code: 'Digit8', key: '8' },
      { code: 'Digit9', key: 'Process' },
      { code: 'Digit3', key: 'Process' },
      { code: 'Digit4', key: 'ấ' },
      { code: 'Digit5', key: 'Process' },
      { code: 'Digit8', key: '8' },
      { code: 'Digit8', key: 'Process' },
      { code: 'Digit0', key: '0' },
      { code: 'Numpad1', key: 'Unidentified' },
      { code: 'Digit2', key: 'Process' },
      { code: 'Digit2', key: '2' },
      { code: 'Digit2', key: 'Process' },
      { code: 'Digit8', key: 'Process' },
      { code: 'Enter', key: 'Process' },
    ];
    vniKeys.forEach((spec, i) => press(spec, 100 + i * 3));
    expect(scanned).toEqual(['8934588012228']);
    expect(quantity.value).toBe('2');
    expect(submitted).toBe(0);
  });

  it('strips the configured prefix and suffix, and honours a longer minimum length', () => {
    listen({ prefix: '*', suffix: '#', minLength: 8 });
    let end = typeText('*89345880#', 0, 3);
    press(keyOf('\n'), end + 3);
    expect(scanned).toEqual(['89345880']);
    // 7 characters after the prefix is below the minimum: typing, so it lands.
    end = typeText('*1234567', 1000, 3);
    press(keyOf('\n'), end + 3);
    expect(scanned).toEqual(['89345880']);
    expect(quantity.value).toBe('2*1234567');
    expect(submitted).toBe(1);
  });

  it('a scanner set to end with Tab does not move the focus', () => {
    listen();
    const end = typeText('89345880', 0, 2);
    const tab = press(keyOf('\t'), end + 2);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(quantity);
    expect(scanned).toEqual(['89345880']);
  });

  it('a scanner with no terminator is read once its keys stop, when so configured', () => {
    listen({ requireTerminator: false });
    typeText('8934588012228', 0, 4);
    expect(scanned).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(scanned).toEqual(['8934588012228']);
    expect(quantity.value).toBe('2');
  });

  it('the cashier switches windows mid-run: what was held back goes into the field it was typed in', () => {
    listen();
    quantity.setSelectionRange(0, 1);
    typeText('1234', 0, 5);
    expect(quantity.value).toBe('12');
    window.dispatchEvent(new FocusEvent('blur'));
    expect(quantity.value).toBe('1234');
    vi.runAllTimers();
    expect(quantity.value).toBe('1234');
    expect(scanned).toEqual([]);
  });

  it('scans with nothing focused reach the sale too', () => {
    listen();
    quantity.blur();
    const end = typeText('8934588012228', 0, 4);
    press(keyOf('\n'), end + 4);
    expect(scanned).toEqual(['8934588012228']);
  });

  it('after detaching, keys are left alone', () => {
    listen();
    detach?.();
    detach = undefined;
    const end = typeText('8934588012228', 0, 4);
    const enter = press(keyOf('\n'), end + 4);
    expect(scanned).toEqual([]);
    expect(enter.defaultPrevented).toBe(false);
    expect(quantity.value).toBe('28934588012228');
  });
});
