/*
 * The test scan that teaches Settings this device's scanner pace: while it listens, every key the scanner
 * (or anyone) types is caught in the capture phase and kept out of every field and shortcut, its time
 * noted; Enter or Tab ends the test scan and its keys' times go to scanner-pace.ts. A pause of over a
 * second starts the count again (a person pressed a key before scanning).
 */
import { characterOfKey } from './wedge-detector.ts';
import { paceOfTestScan, type ScannerPace } from './scanner-pace.ts';

/** A pause this long between keys is no scanner's: what came before it is forgotten. */
const FORGET_AFTER_MS = 1_000;

export type TestScanResult =
  | { readonly ok: true; readonly pace: ScannerPace; readonly code: string }
  /** The scan ended with fewer keys than a pace can be read from. */
  | { readonly ok: false; readonly code: string };

/**
 * Listens on `target` for one test scan and hands its result to `onDone` (once; it stops listening then).
 * Returns the function that stops listening early.
 */
export function listenForTestScan(target: Window, onDone: (result: TestScanResult) => void): () => void {
  let code = '';
  let times: number[] = [];

  const stop = () => target.removeEventListener('keydown', onKeyDown, { capture: true });

  function onKeyDown(event: KeyboardEvent): void {
    const isEnd = event.key === 'Enter' || event.key === 'Tab' || event.code === 'NumpadEnter';
    const char = isEnd ? null : characterOfKey(event);
    if (!isEnd && char === null) return;
    // Enter or Tab before any code: a person moving about the page, not the end of a scan.
    if (isEnd && code === '') return;
    event.preventDefault();
    event.stopPropagation();
    if (times.length > 0 && event.timeStamp - (times.at(-1) ?? 0) > FORGET_AFTER_MS) {
      code = '';
      times = [];
    }
    times.push(event.timeStamp);
    if (!isEnd) {
      code += char;
      return;
    }
    stop();
    const pace = paceOfTestScan(times);
    onDone(pace === null ? { ok: false, code } : { ok: true, pace, code });
  }

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return stop;
}
