// The screen flashes after each scan: green-ish for a good one, red-ish for an unknown code (styles are the screen's).
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useScanFlash } from './use-scan-flash.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the scan flash', () => {
  it('shows the cue for a moment, and a new scan restarts it', () => {
    const { result } = renderHook(() => useScanFlash(600));
    expect(result.current.cue).toBeNull();
    act(() => result.current.flash('rejected'));
    expect(result.current).toMatchObject({ cue: 'rejected', count: 1 });
    act(() => vi.advanceTimersByTime(400));
    act(() => result.current.flash('accepted'));
    act(() => vi.advanceTimersByTime(400));
    expect(result.current).toMatchObject({ cue: 'accepted', count: 2 });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current.cue).toBeNull();
  });
});
