// The camera sees a code on every frame; the cart should get it once per showing.
import { describe, expect, it } from 'vitest';
import { createRepeatGuard } from './repeat-guard.ts';

/** Sightings of `code` every `everyMs` from `from` to `to` (inclusive); which ones counted. */
function showFor(guard: ReturnType<typeof createRepeatGuard>, code: string, from: number, to: number, everyMs: number, needed = 1): number[] {
  const counted: number[] = [];
  for (let t = from; t <= to; t += everyMs) if (guard.accept(code, t, needed)) counted.push(t);
  return counted;
}

describe('counting a barcode held in front of the camera', () => {
  it('a box held in view for five seconds is added once', () => {
    const guard = createRepeatGuard(1500);
    expect(showFor(guard, '8934588012228', 0, 5000, 120)).toEqual([0]);
  });

  it('taken away and shown again after the quiet time, it is added again; sooner, it is not', () => {
    const guard = createRepeatGuard(1500);
    expect(showFor(guard, '8934588012228', 0, 600, 120)).toEqual([0]);
    expect(showFor(guard, '8934588012228', 1600, 1800, 120)).toEqual([]);
    expect(showFor(guard, '8934588012228', 3400, 3600, 120)).toEqual([3400]);
  });

  it('two different products one after the other both count', () => {
    const guard = createRepeatGuard(1500);
    expect(guard.accept('8934588012228', 0)).toBe(true);
    expect(guard.accept('8936036020373', 200)).toBe(true);
    expect(guard.accept('8934588012228', 400)).toBe(false);
  });

  it('a code that needs two sightings counts on the second, and a one-frame misread never counts', () => {
    const guard = createRepeatGuard(1500);
    expect(guard.accept('3940528012222', 0, 2)).toBe(false);
    expect(showFor(guard, '8934588012228', 120, 1000, 120, 2)).toEqual([240]);
    expect(guard.accept('3940528012222', 2000, 2)).toBe(false);
  });
});
