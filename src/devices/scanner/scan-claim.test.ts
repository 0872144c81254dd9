import { describe, expect, it } from 'vitest';
import { claimScans, deliverToClaim } from './scan-claim.ts';

describe('scan claims', () => {
  it('leave scans to the counter when nobody claims them', () => {
    expect(deliverToClaim('8930000000019')).toBe(false);
  });

  it('give the scan to the newest claim, and back to the older one when it is released', () => {
    const first: string[] = [];
    const second: string[] = [];
    const releaseFirst = claimScans((code) => first.push(code));
    const releaseSecond = claimScans((code) => second.push(code));
    expect(deliverToClaim('GC-1')).toBe(true);
    releaseSecond();
    expect(deliverToClaim('GC-2')).toBe(true);
    releaseFirst();
    expect(deliverToClaim('GC-3')).toBe(false);
    expect(second).toEqual(['GC-1']);
    expect(first).toEqual(['GC-2']);
  });

  it('releasing twice does not drop someone else\'s claim', () => {
    const seen: string[] = [];
    const release = claimScans(() => undefined);
    const keep = claimScans((code) => seen.push(code));
    release();
    release();
    expect(deliverToClaim('GC-4')).toBe(true);
    keep();
    expect(seen).toEqual(['GC-4']);
  });
});
