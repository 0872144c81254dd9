// Scanner bursts versus people typing, with exact timings: what is scanned, what is held back, what comes back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { characterOfKey, createWedgeDetector } from './wedge-detector.ts';
import type { WedgeDetector, WedgeEvent, WedgeKey, WedgeOptions, WedgeVerdict } from './wedge-detector.ts';

/** The key event a US keyboard (or a scanner pretending to be one) sends for a character. */
function keyFor(char: string, timeStamp: number): WedgeKey {
  if (/\d/.test(char)) return { code: `Digit${char}`, key: char, timeStamp, shiftKey: false };
  if (/[a-z]/i.test(char)) return { code: `Key${char.toUpperCase()}`, key: char, timeStamp, shiftKey: char !== char.toLowerCase() };
  if (char === '\n') return { code: 'Enter', key: 'Enter', timeStamp };
  if (char === '\t') return { code: 'Tab', key: 'Tab', timeStamp };
  if (char === '-') return { code: 'Minus', key: '-', timeStamp, shiftKey: false };
  if (char === '(') return { code: 'Digit9', key: '(', timeStamp, shiftKey: true };
  if (char === ')') return { code: 'Digit0', key: ')', timeStamp, shiftKey: true };
  if (char === '\u001d') return { code: 'BracketRight', key: ']', timeStamp, ctrlKey: true };
  throw new Error(`no key for ${JSON.stringify(char)} in this test keyboard`);
}

interface Typed {
  readonly verdicts: WedgeVerdict[];
  readonly events: WedgeEvent[];
  readonly end: number;
}

/** Types `text` starting at `start`, one key every `gapMs`, collecting what the detector said. */
function type(detector: WedgeDetector, text: string, start: number, gapMs: number): Typed {
  return typeKeys(detector, [...text].map((char, i) => keyFor(char, start + i * gapMs)));
}

function typeKeys(detector: WedgeDetector, keys: readonly WedgeKey[]): Typed {
  const verdicts = keys.map((k) => detector.key(k));
  return { verdicts, events: verdicts.flatMap((v) => v.events), end: keys.at(-1)?.timeStamp ?? 0 };
}

const scans = (events: readonly WedgeEvent[]) => events.filter((e) => e.type === 'scan').map((e) => e.code);

describe('keyboard-wedge scanner detection', () => {
  it('a scanner sends 13 digits 5 ms apart and Enter: one scan, the rest of it kept out of the field', () => {
    const detector = createWedgeDetector();
    const { verdicts, events } = type(detector, '8934588012228\n', 1000, 5);
    expect(scans(events)).toEqual(['8934588012228']);
    expect(events[0]).toMatchObject({ type: 'scan', landed: 2, startedAt: 1000, endedAt: 1065 });
    expect(verdicts[0]).toMatchObject({ startsBurst: true, suppress: false });
    expect(verdicts.map((v) => v.suppress)).toEqual([false, false, ...Array(12).fill(true)]);
    expect(detector.deadline()).toBeNull();
  });

  it('a cashier types the same digits 120 ms apart into the quantity field: no scan, every key lands', () => {
    const detector = createWedgeDetector();
    const { verdicts, events } = type(detector, '8934588012228\n', 1000, 120);
    expect(events).toEqual([]);
    expect(verdicts.every((v) => !v.suppress)).toBe(true);
  });

  it('a Vietnamese input method (VNI) turns scanned digits into "Process" or accented keys: the code is still right', () => {
    const detector = createWedgeDetector();
    // VNI: 1-9 are tone/diacritic keys; after a vowel the browser reports key 'Process' or the composed letter.
    const keys: WedgeKey[] = [
      { code: 'Digit8', key: '8', timeStamp: 0 },
      { code: 'Digit9', key: 'Process', timeStamp: 4 },
      { code: 'Digit3', key: 'ấ', timeStamp: 8 },
      { code: 'Digit4', key: 'Process', timeStamp: 12 },
      { code: 'Numpad5', key: 'Unidentified', timeStamp: 16 },
      { code: 'Digit8', key: 'ẩ', timeStamp: 20 },
      { code: 'Digit8', key: '8', timeStamp: 24 },
      { code: 'Digit0', key: 'Process', timeStamp: 28 },
      { code: 'Enter', key: 'Process', timeStamp: 32 },
    ];
    expect(scans(typeKeys(detector, keys).events)).toEqual(['89345880']);
  });

  it('Telex turns letters into accented ones: letters come from the key position, case from Shift', () => {
    const detector = createWedgeDetector({ minLength: 4 });
    const keys: WedgeKey[] = [
      { code: 'KeyD', key: 'Đ', timeStamp: 0, shiftKey: true },
      { code: 'KeyW', key: 'ư', timeStamp: 3, shiftKey: false },
      { code: 'KeyA', key: 'A', timeStamp: 6, shiftKey: true },
      { code: 'Minus', key: '-', timeStamp: 9 },
      { code: 'Digit7', key: 'Process', timeStamp: 12 },
      { code: 'Tab', key: 'Tab', timeStamp: 15 },
    ];
    expect(scans(typeKeys(detector, keys).events)).toEqual(['DwA-7']);
  });

  it('strips the prefix and suffix the scanner was set up to send', () => {
    const detector = createWedgeDetector({ prefix: 'A', suffix: 'Z' });
    expect(scans(type(detector, 'A4006381333931Z\n', 0, 3).events)).toEqual(['4006381333931']);
    // Absent ones are not required.
    expect(scans(type(detector, '4006381333931\n', 100, 3).events)).toEqual(['4006381333931']);
  });

  it('a burst shorter than the minimum is no scan: held keys go back to the field, Enter passes', () => {
    const detector = createWedgeDetector({ minLength: 8 });
    const { verdicts, events } = type(detector, '12345\n', 0, 5);
    expect(events).toEqual([{ type: 'release', text: '345' }]);
    expect(verdicts.at(-1)?.suppress).toBe(false);
  });

  it('a quick typist rolls three keys together and stops: the held key comes back when the timer fires', () => {
    const detector = createWedgeDetector();
    const { verdicts, end } = type(detector, 'the', 0, 20);
    expect(verdicts.map((v) => v.suppress)).toEqual([false, false, true]);
    expect(detector.deadline()).toBe(end + 31);
    expect(detector.idle(end + 30)).toEqual([]);
    expect(detector.idle(end + 31)).toEqual([{ type: 'release', text: 'e' }]);
    expect(detector.deadline()).toBeNull();
  });

  it('a held key comes back before a later key if the timer was late', () => {
    const detector = createWedgeDetector();
    type(detector, 'abc', 0, 10);
    expect(detector.key(keyFor('d', 500))).toEqual({ suppress: false, startsBurst: true, events: [{ type: 'release', text: 'c' }] });
  });

  it('reads two scans sent back to back', () => {
    const detector = createWedgeDetector();
    const first = type(detector, '4006381333931\n', 0, 4);
    const second = type(detector, '96385074\n', first.end + 6, 4);
    expect(scans([...first.events, ...second.events])).toEqual(['4006381333931', '96385074']);
    expect(second.verdicts[0]?.startsBurst).toBe(true);
  });

  it('a pause in the middle splits the burst: nothing is scanned from half a code', () => {
    const detector = createWedgeDetector();
    const events = [...type(detector, '4006381', 0, 5).events, ...type(detector, '333931\n', 200, 5).events];
    expect(scans(events)).toEqual(['333931']);
    expect(events[0]).toEqual({ type: 'release', text: '06381' });
  });

  it('Backspace, arrows and held-down keys are a person editing', () => {
    const detector = createWedgeDetector();
    const typed = typeKeys(detector, [
      keyFor('1', 0), keyFor('2', 5), keyFor('3', 10),
      { code: 'Backspace', key: 'Backspace', timeStamp: 15 },
      keyFor('4', 20), { ...keyFor('4', 25), repeat: true },
    ]);
    expect(typed.events).toEqual([{ type: 'release', text: '3' }]);
    expect(typed.verdicts.slice(3).every((v) => !v.suppress)).toBe(true);
  });

  it('Shift between a scanner\'s keys neither breaks the burst nor types anything', () => {
    const detector = createWedgeDetector({ minLength: 3 });
    const keys: WedgeKey[] = [
      { code: 'ShiftLeft', key: 'Shift', timeStamp: 0, shiftKey: true },
      { code: 'KeyS', key: 'S', timeStamp: 2, shiftKey: true },
      { code: 'ShiftLeft', key: 'Shift', timeStamp: 4, shiftKey: true },
      { code: 'KeyK', key: 'K', timeStamp: 6, shiftKey: true },
      keyFor('7', 10), keyFor('\n', 14),
    ];
    expect(scans(typeKeys(detector, keys).events)).toEqual(['SK7']);
  });

  it('carries GS1 element strings: parentheses from shifted digits, GS from Ctrl+]', () => {
    const detector = createWedgeDetector();
    expect(scans(type(detector, '(01)09506000134352(10)AB\n', 0, 2).events)).toEqual(['(01)09506000134352(10)AB']);
    expect(scans(type(detector, '010950600013435210AB\u001d17261231\n', 100, 2).events)).toEqual(['010950600013435210AB\u001d17261231']);
  });

  it('without a terminator, a scanner set up that way is read when the keys stop', () => {
    const detector = createWedgeDetector({ requireTerminator: false });
    const { events, end } = type(detector, '4006381333931', 0, 5);
    expect(events).toEqual([]);
    expect(scans(detector.idle(end + 31))).toEqual(['4006381333931']);
  });

  it('can hold back every key (buffer and replay) or none (clean up afterwards)', () => {
    const holdAll = createWedgeDetector({ suppressFrom: 1 });
    expect(type(holdAll, '4006381333931\n', 0, 5).verdicts.every((v) => v.suppress)).toBe(true);
    const holdNone = createWedgeDetector({ suppressFrom: null });
    const { verdicts, events } = type(holdNone, '4006381333931\n', 0, 5);
    expect(verdicts.map((v) => v.suppress)).toEqual([...Array(13).fill(false), true]);
    expect(events[0]).toMatchObject({ type: 'scan', landed: 13 });
  });

  it('reset gives back held keys when the screen changes mid-burst', () => {
    const detector = createWedgeDetector();
    type(detector, '12345', 0, 5);
    expect(detector.reset()).toEqual([{ type: 'release', text: '345' }]);
    expect(detector.deadline()).toBeNull();
  });
});

describe('characterOfKey', () => {
  it('reads digits from the key position, whatever an input method did to `key`', () => {
    for (const key of ['7', 'Process', 'Unidentified', 'ầ', 'Dead']) expect(characterOfKey({ code: 'Digit7', key, timeStamp: 0 })).toBe('7');
    expect(characterOfKey({ code: 'Numpad7', key: 'Process', timeStamp: 0 })).toBe('7');
  });

  it('reads shifted digits as their symbols, from `key` or the US layout', () => {
    expect(characterOfKey({ code: 'Digit9', key: '(', timeStamp: 0 })).toBe('(');
    expect(characterOfKey({ code: 'Digit9', key: 'Process', timeStamp: 0, shiftKey: true })).toBe('(');
    expect(characterOfKey({ code: 'Minus', key: 'Process', timeStamp: 0, shiftKey: true })).toBe('_');
  });

  it('returns null for keys that type nothing', () => {
    expect(characterOfKey({ code: 'Numpad1', key: 'End', timeStamp: 0 })).toBeNull(); // NumLock off
    expect(characterOfKey({ code: 'ArrowLeft', key: 'ArrowLeft', timeStamp: 0 })).toBeNull();
    expect(characterOfKey({ code: 'KeyC', key: 'c', timeStamp: 0, ctrlKey: true })).toBeNull();
    expect(characterOfKey({ code: 'F8', key: 'F8', timeStamp: 0 })).toBeNull();
  });

  it('maps configured keys, e.g. a scanner sending GS as F8', () => {
    expect(characterOfKey({ code: 'F8', key: 'F8', timeStamp: 0 }, { F8: '\u001d' })).toBe('\u001d');
  });
});

describe('wedge detector properties', () => {
  const options = fc.record({
    maxGapMs: fc.integer({ min: 10, max: 60 }),
    minLength: fc.integer({ min: 1, max: 8 }),
    suppressFrom: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });

  it('any code of digits typed as a burst comes back unchanged, once', () => {
    fc.assert(fc.property(
      options,
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 40 }),
      fc.double({ min: 0, max: 1e9, noNaN: true }),
      fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      (opts: Partial<WedgeOptions>, code, start, jitter) => {
        const detector = createWedgeDetector(opts);
        const maxGap = opts.maxGapMs ?? 30;
        let t = start;
        // Any pause up to the gap (less a millisecond: float timestamps make the exact edge a coin toss).
        const keys = [...code, '\n'].map((char) => keyFor(char, (t += jitter.next().value * (maxGap - 1))));
        const { events, verdicts } = typeKeys(detector, keys);
        expect(events.filter((e) => e.type !== 'release')).toEqual([expect.objectContaining({ type: 'scan', code })]);
        expect(verdicts.at(-1)?.suppress).toBe(true);
      },
    ));
  });

  it('a person typing slower than the gap is never scanned; held keys (if any) all come back, in order', () => {
    fc.assert(fc.property(
      options,
      fc.array(fc.tuple(fc.constantFrom(...'0123456789abcXYZ-\n'), fc.integer({ min: 1, max: 400 })), { maxLength: 40 }),
      (opts: Partial<WedgeOptions>, typing) => {
        const detector = createWedgeDetector(opts);
        let t = 0;
        const keys = typing.map(([char, extra]) => keyFor(char, (t += (opts.maxGapMs ?? 30) + extra)));
        const { events, verdicts } = typeKeys(detector, keys);
        const after = [...events, ...detector.reset()];
        expect(scans(after)).toEqual([]);
        const held = keys.filter((_, i) => verdicts[i]?.suppress).map((k) => k.key).join('');
        expect(after.map((e) => (e.type === 'release' ? e.text : '')).join('')).toBe(held);
        if (opts.suppressFrom !== 1) expect(held).toBe('');
      },
    ));
  });
});
