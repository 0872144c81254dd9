// Learning a scanner's pace from one test scan: the wait covers its slowest pause, within bounds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LONGEST_SCANNER_GAP_MS, paceOfTestScan, WIRED_SCANNER_GAP_MS } from './scanner-pace.ts';

const timesEvery = (gapMs: number, keys: number) => Array.from({ length: keys }, (_, i) => 1_000 + i * gapMs);

describe('learning the scanner\'s pace from a test scan', () => {
  it('a wired scanner (keys 4 ms apart) keeps the 30 ms wait', () => {
    expect(paceOfTestScan(timesEvery(4, 14))).toEqual({ slowestGapMs: 4, maxGapMs: WIRED_SCANNER_GAP_MS });
  });

  it('a Bluetooth scanner whose keys come 40-55 ms apart gets a wait above its slowest pause', () => {
    const times = [0, 40, 85, 140, 180, 222, 270, 312, 360, 402, 450, 495, 540, 585];
    expect(paceOfTestScan(times)).toEqual({ slowestGapMs: 55, maxGapMs: 95 });
  });

  it('a scanner slower than a person is capped at 150 ms', () => {
    expect(paceOfTestScan(timesEvery(140, 14))?.maxGapMs).toBe(LONGEST_SCANNER_GAP_MS);
  });

  it('a test scan of fewer than six keys says nothing', () => {
    expect(paceOfTestScan(timesEvery(50, 5))).toBeNull();
  });

  it('whatever the pace, the wait is at least the slowest pause (up to the cap), between the bounds, in 5 ms steps', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 5, maxLength: 40 }), (gaps) => {
      const times = gaps.reduce<number[]>((all, gap) => [...all, (all.at(-1) ?? 0) + gap], [0]);
      const pace = paceOfTestScan(times);
      expect(pace).not.toBeNull();
      const maxGapMs = pace?.maxGapMs ?? 0;
      expect(maxGapMs).toBeGreaterThanOrEqual(Math.min(LONGEST_SCANNER_GAP_MS, Math.max(...gaps)));
      expect(maxGapMs).toBeGreaterThanOrEqual(WIRED_SCANNER_GAP_MS);
      expect(maxGapMs).toBeLessThanOrEqual(LONGEST_SCANNER_GAP_MS);
      expect(maxGapMs % 5).toBe(0);
    }));
  });
});
