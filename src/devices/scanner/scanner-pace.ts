/*
 * How long the counter waits between two keys of one scan, learnt from the scanner itself. A wired wedge
 * scanner sends its keys 1-10 ms apart; Bluetooth and 2.4 GHz ones 20-70 ms, in bunches, with a longer pause
 * now and then. A wait shorter than the scanner's slowest pause splits a scan in two (the first digits land
 * in the search box as if typed, the rest is read as a code of the wrong length); a wait far longer than
 * needed makes a quick typist's keys wait for that long before they appear. So the counter waits for the
 * slowest pause the scanner showed in a test scan, half as long again and 10 ms more for its jitter,
 * never less than a wired scanner's 30 ms and never more than 150 ms (a person's keys are 100-300 ms apart:
 * past 150 ms, typing a long number quickly would start to look like a scan).
 * Pure: times are the key events' timeStamps, so tests replay exact paces.
 */

/** What a wired scanner needs, and the wait until this device's scanner has been measured or chosen. */
export const WIRED_SCANNER_GAP_MS = 30;
export const LONGEST_SCANNER_GAP_MS = 150;
/** The fewest keys a test scan must carry to say anything about the scanner's pace. */
export const FEWEST_KEYS_TO_MEASURE = 6;

export interface ScannerPace {
  /** The slowest pause between two keys of the test scan, in whole ms. */
  readonly slowestGapMs: number;
  /** How long the counter should wait between two keys of one scan with this scanner. */
  readonly maxGapMs: number;
}

/** The wait the counter should use, from the times of a test scan's keys (its terminator's included); null when too few. */
export function paceOfTestScan(keyTimes: readonly number[]): ScannerPace | null {
  if (keyTimes.length < FEWEST_KEYS_TO_MEASURE) return null;
  let slowest = 0;
  for (let i = 1; i < keyTimes.length; i++) slowest = Math.max(slowest, (keyTimes[i] ?? 0) - (keyTimes[i - 1] ?? 0));
  const slowestGapMs = Math.ceil(slowest);
  // Rounded up to 5 ms: the figure is shown to a person, who reads "75 ms" better than "73 ms".
  const wanted = Math.ceil((slowestGapMs * 1.5 + 10) / 5) * 5;
  return { slowestGapMs, maxGapMs: Math.min(LONGEST_SCANNER_GAP_MS, Math.max(WIRED_SCANNER_GAP_MS, wanted)) };
}
