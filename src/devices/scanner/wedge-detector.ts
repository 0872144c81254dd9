/*
 * Telling a keyboard-wedge scanner from a person at the keyboard. A wedge scanner "types" the code it
 * read: keys a few milliseconds apart, then Enter or Tab. A person types tens to hundreds of ms apart.
 * This is the pure state machine; the edge module that listens to `keydown` feeds it events and
 * carries out its verdicts. No DOM, no timers, no clock of its own: time is the events' timeStamp
 * (and the `now` passed to idle()), so tests replay exact timings.
 *
 * Characters come from KeyboardEvent.code first, because Vietnamese input methods rewrite `key`: with
 * VNI the digits are tone keys, so a scanned "1" after a vowel may arrive as key "Process" or "á"; with
 * Telex, letters do the same. `code` names the physical key (Digit1, KeyA) whatever the IME does. Where
 * `code` cannot say it (shifted symbols such as "(", or unusual keys), `key` is used when it is one
 * printable ASCII character. GS (ASCII 29, the GS1 separator) arrives as Ctrl+] from most scanners.
 *
 * Keeping a scan out of the quantity or search field: the first key of a burst cannot be known to be a
 * scan when it arrives. The strategy, shared between this machine and the edge module:
 *   1. startsBurst: a key opened a possible burst. The edge snapshots the focused field (value and
 *      selection) before the key lands.
 *   2. Keys from the `suppressFrom`-th of a fast run onwards are suppressed (preventDefault): by then
 *      a person is very unlikely. Keys before that land in the field as usual, so human typing is
 *      never delayed and the input method keeps composing Vietnamese normally.
 *   3. On 'scan' the edge restores the snapshot (removing whatever of the burst got in, including
 *      anything an input method did to it) and hands the code to the sale screen. The terminator of a
 *      scan is suppressed too, so Enter does not submit a form and Tab does not move focus.
 *   4. On 'release' (a fast run that ended without being a scan, e.g. a quick typist's rollover) the
 *      edge inserts the suppressed text at the caret, in order, before the next key's own effect.
 *   5. While a burst is open the edge arms a timer for deadline() and calls idle() when it fires, so
 *      held keys come back within about maxGapMs when the person stops.
 * suppressFrom 1 holds back every key (buffer and replay), null none (restore the field afterwards only).
 */

/** The KeyboardEvent fields the detector reads. */
export interface WedgeKey {
  readonly code: string;
  readonly key: string;
  /** ms, same clock as performance.now() (KeyboardEvent.timeStamp). */
  readonly timeStamp: number;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** A key held down auto-repeats: a person. */
  readonly repeat?: boolean;
}

export interface WedgeOptions {
  /** Longest pause between two keys of one scan. Wired scanners send 1-10 ms; some Bluetooth ones need 50. */
  readonly maxGapMs: number;
  /** Shortest code, after prefix/suffix are removed, that counts as a scan. */
  readonly minLength: number;
  /** Key names that end a scan (KeyboardEvent.key values; NumpadEnter counts as Enter). */
  readonly terminators: readonly string[];
  /** false: a fast run ending in silence is a scan too, for scanners set up with no terminator. */
  readonly requireTerminator: boolean;
  /** Characters the scanner is set up to send before/after the code; removed when present. */
  readonly prefix: string;
  readonly suffix: string;
  /** Position in a fast run from which keys are suppressed (see the strategy above); null: never. */
  readonly suppressFrom: number | null;
  /** Extra keys that stand for a character, by code or key, e.g. { F8: '\u001d' } for a scanner sending FNC1 as F8. */
  readonly keyMap: Readonly<Record<string, string>>;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  maxGapMs: 30,
  minLength: 6,
  terminators: ['Enter', 'Tab'],
  requireTerminator: true,
  prefix: '',
  suffix: '',
  suppressFrom: 3,
  keyMap: {},
};

export type WedgeEvent =
  /** A scanned code. `landed`: how many of its keys (with any prefix) were not suppressed and reached the field. */
  | { readonly type: 'scan'; readonly code: string; readonly landed: number; readonly startedAt: number; readonly endedAt: number }
  /** Suppressed keys that turned out to be a person's: type them into the focused field. */
  | { readonly type: 'release'; readonly text: string };

export interface WedgeVerdict {
  /** Call preventDefault(): the key belongs to a probable scan, or ends one. */
  readonly suppress: boolean;
  /** The key opened a possible burst: snapshot the focused field before it lands. */
  readonly startsBurst: boolean;
  /** What this key (or the pause before it) settled; handle these before the key's own effect. */
  readonly events: readonly WedgeEvent[];
}

export interface WedgeDetector {
  key(event: WedgeKey): WedgeVerdict;
  /** Closes a burst whose pause has run out by `now`; call when the deadline() timer fires. */
  idle(now: number): readonly WedgeEvent[];
  /** The first instant at which idle() will close the open burst, or null when none is open. */
  deadline(): number | null;
  /** Closes any open burst as not a scan (focus left the window, the screen changed). */
  reset(): readonly WedgeEvent[];
}

const GS = '\u001d';
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS']);
/** `key` values meaning "an input method has this key", not a key name. */
const IME_KEYS = new Set(['Process', 'Unidentified', 'Dead']);
const US_SHIFTED_DIGITS = ')!@#$%^&*(';
/** US layout characters of the symbol keys, unshifted and shifted, for when `key` was taken by an IME. */
const US_SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  NumpadDecimal: ['.', '.'],
};

function isPrintableAscii(key: string): boolean {
  return key.length === 1 && key >= ' ' && key <= '~';
}

/** A key name such as "End" or "ArrowLeft" (NumLock off turns Numpad1 into End), not an IME placeholder. */
function isNamedKey(key: string): boolean {
  return /^[A-Z][A-Za-z0-9]+$/.test(key) && !IME_KEYS.has(key);
}

/** The character a key event types, read so that an input method cannot change it; null for non-character keys. */
export function characterOfKey(event: WedgeKey, keyMap: Readonly<Record<string, string>> = {}): string | null {
  const { code, key } = event;
  const mapped = keyMap[code] ?? keyMap[key];
  if (mapped !== undefined) return mapped;
  // Ctrl+] is ASCII 29 on a terminal keyboard, which is how most wedge scanners send FNC1/GS.
  if ((event.ctrlKey === true && code === 'BracketRight') || key === GS) return GS;
  if (event.ctrlKey === true || event.altKey === true || event.metaKey === true) return null;

  const digit = /^(Digit|Numpad)(\d)$/.exec(code);
  if (digit !== null) {
    const [, row = '', d = '0'] = digit;
    if (row === 'Numpad') return isNamedKey(key) ? null : d;
    const shifted = event.shiftKey ?? (isPrintableAscii(key) && !/\d/.test(key));
    if (!shifted) return d;
    return isPrintableAscii(key) ? key : (US_SHIFTED_DIGITS[Number(d)] ?? null);
  }
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter !== undefined) {
    // `key` already carries Shift and Caps Lock when no IME touched it; otherwise rebuild the case from Shift.
    if (key.length === 1 && key.toUpperCase() === letter) return key;
    return event.shiftKey === true ? letter : letter.toLowerCase();
  }
  if (code.startsWith('Numpad') && isNamedKey(key)) return null;
  if (isPrintableAscii(key)) return key;
  const symbol = US_SYMBOLS[code];
  return symbol === undefined ? null : symbol[event.shiftKey === true ? 1 : 0];
}

interface HeldChar {
  readonly char: string;
  readonly suppressed: boolean;
}

export function createWedgeDetector(overrides: Partial<WedgeOptions> = {}): WedgeDetector {
  const options: WedgeOptions = { ...DEFAULT_WEDGE_OPTIONS, ...overrides };
  let burst: HeldChar[] = [];
  let startedAt = 0;
  let lastAt = 0;

  const isTerminator = ({ key, code }: WedgeKey) =>
    options.terminators.includes(key) || options.terminators.includes(code === 'NumpadEnter' ? 'Enter' : code);

  /** The burst's text with the scanner's prefix and suffix taken off. */
  function scannedCode(): string {
    let text = burst.map((held) => held.char).join('');
    if (options.prefix !== '' && text.startsWith(options.prefix)) text = text.slice(options.prefix.length);
    if (options.suffix !== '' && text.endsWith(options.suffix)) text = text.slice(0, -options.suffix.length);
    return text;
  }

  /** Ends the open burst: a scan when `asScan` and long enough, otherwise its held keys go back. */
  function close(asScan: boolean, endedAt: number): WedgeEvent[] {
    if (burst.length === 0) return [];
    const code = scannedCode();
    const held = burst;
    burst = [];
    if (asScan && code.length >= options.minLength) {
      return [{ type: 'scan', code, landed: held.filter((h) => !h.suppressed).length, startedAt, endedAt }];
    }
    const text = held.filter((h) => h.suppressed).map((h) => h.char).join('');
    return text === '' ? [] : [{ type: 'release', text }];
  }

  function key(event: WedgeKey): WedgeVerdict {
    const t = event.timeStamp;
    const events: WedgeEvent[] = [];
    if (burst.length > 0 && t - lastAt > options.maxGapMs) events.push(...close(!options.requireTerminator, lastAt));
    const pass = (startsBurst = false): WedgeVerdict => ({ suppress: false, startsBurst, events });

    // Shift and friends come between a scanner's keys (uppercase letters): neither part of it nor a break.
    if (MODIFIER_KEYS.has(event.key) || /^(Shift|Control|Alt|Meta|CapsLock)(Left|Right)?$/.test(event.code)) return pass();
    if (event.repeat === true) {
      events.push(...close(false, t));
      return pass();
    }
    if (isTerminator(event)) {
      if (burst.length === 0) return pass();
      const endedBy = close(true, t);
      events.push(...endedBy);
      return { suppress: endedBy[0]?.type === 'scan', startsBurst: false, events };
    }
    const char = characterOfKey(event, options.keyMap);
    if (char === null) {
      // Backspace, arrows, shortcuts: a person is editing.
      events.push(...close(false, t));
      return pass();
    }
    const startsBurst = burst.length === 0;
    if (startsBurst) startedAt = t;
    lastAt = t;
    const suppressed = options.suppressFrom !== null && burst.length + 1 >= options.suppressFrom;
    burst.push({ char, suppressed });
    return { suppress: suppressed, startsBurst, events };
  }

  return {
    key,
    idle(now) {
      return burst.length > 0 && now - lastAt > options.maxGapMs ? close(!options.requireTerminator, lastAt) : [];
    },
    deadline() {
      return burst.length > 0 ? lastAt + options.maxGapMs + 1 : null;
    },
    reset() {
      return close(false, lastAt);
    },
  };
}
