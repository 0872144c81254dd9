import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDateOf,
  businessDaySettingsOf,
  businessDayWindow,
  instantOfWallClock,
  parseBusinessDate,
  parseCutoff,
  zoneOffset,
} from './business-day.ts';

const HANOI = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 };
const at = (iso: string): number => Date.parse(iso);
const iso = (instant: number): string => new Date(instant).toISOString();

describe('a business day in Hà Nội (UTC+7, no daylight saving)', () => {
  it('runs from local midnight to local midnight: 17:00Z the day before to 17:00Z', () => {
    const window = businessDayWindow('2025-11-24', HANOI);
    expect(iso(window.start)).toBe('2025-11-23T17:00:00.000Z');
    expect(iso(window.end)).toBe('2025-11-24T17:00:00.000Z');
  });

  it('a sale at 23:30 local belongs to that day though UTC already says 16:30 of the same date, and 00:30 local to the next', () => {
    expect(businessDateOf(at('2025-11-24T23:30:00+07:00'), HANOI)).toBe('2025-11-24');
    expect(businessDateOf(at('2025-11-25T00:30:00+07:00'), HANOI)).toBe('2025-11-25');
    // 00:30 local on the 25th is 17:30Z on the 24th: same UTC date as the sale before, another business day.
    expect(iso(at('2025-11-25T00:30:00+07:00'))).toBe('2025-11-24T17:30:00.000Z');
  });

  it('with a 04:00 cut-off, a sale at 01:30 counts for the day before', () => {
    const night = { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 240 };
    expect(businessDateOf(at('2025-11-25T01:30:00+07:00'), night)).toBe('2025-11-24');
    expect(businessDateOf(at('2025-11-25T04:00:00+07:00'), night)).toBe('2025-11-25');
    expect(iso(businessDayWindow('2025-11-24', night).start)).toBe('2025-11-23T21:00:00.000Z');
  });
});

describe('zones whose clocks jump', () => {
  it('Berlin’s spring day has 23 hours and its autumn day 25', () => {
    const berlin = { timeZone: 'Europe/Berlin', cutoffMinutes: 0 };
    const spring = businessDayWindow('2025-03-30', berlin);
    const autumn = businessDayWindow('2025-10-26', berlin);
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('a cut-off inside the spring gap moves forward by the gap; one in the repeated hour takes its first pass', () => {
    expect(iso(instantOfWallClock(Date.UTC(2025, 2, 30, 2, 30), 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z');
    expect(iso(instantOfWallClock(Date.UTC(2025, 9, 26, 2, 30), 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('Samoa skipped 30 December 2011: that business day is empty, and the days around it meet', () => {
    const apia = { timeZone: 'Pacific/Apia', cutoffMinutes: 0 };
    const skipped = businessDayWindow('2011-12-30', apia);
    expect(skipped.end - skipped.start).toBe(0);
    expect(businessDayWindow('2011-12-29', apia).end).toBe(businessDayWindow('2011-12-31', apia).start);
  });

  it('offsets in quarter hours (Kathmandu +5:45) and half hours (St John’s -3:30 in winter)', () => {
    expect(zoneOffset(at('2025-01-15T00:00:00Z'), 'Asia/Kathmandu')).toBe((5 * 60 + 45) * 60_000);
    expect(zoneOffset(at('2025-01-15T00:00:00Z'), 'America/St_Johns')).toBe(-(3 * 60 + 30) * 60_000);
    expect(iso(businessDayWindow('2025-01-15', { timeZone: 'Asia/Kathmandu', cutoffMinutes: 0 }).start)).toBe('2025-01-14T18:15:00.000Z');
  });
});

const ZONES = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
const settingsArb = fc.record({ timeZone: fc.constantFrom(...ZONES), cutoffMinutes: fc.integer({ min: 0, max: 1439 }) });
const instantArb = fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2035, 0, 1) });

describe('every instant belongs to exactly one business day, in any zone and with any cut-off', () => {
  it('the day an instant is given holds it in its window', () => {
    fc.assert(
      fc.property(instantArb, settingsArb, (instant, settings) => {
        const window = businessDayWindow(businessDateOf(instant, settings), settings);
        expect(instant).toBeGreaterThanOrEqual(window.start);
        expect(instant).toBeLessThan(window.end);
      }),
      { numRuns: 500 },
    );
  });

  it('consecutive days meet: one ends where the next starts, and a day lasts 0 to 26 hours', () => {
    fc.assert(
      fc.property(instantArb, settingsArb, (instant, settings) => {
        const date = businessDateOf(instant, settings);
        const window = businessDayWindow(date, settings);
        expect(businessDayWindow(addDays(date, 1), settings).start).toBe(window.end);
        expect(window.end - window.start).toBeLessThanOrEqual(26 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });

  it('in a zone without daylight saving a day is 24 hours from the cut-off, shifted by the fixed offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1439 }), (dayNumber, cutoffMinutes) => {
        const date = addDays('2005-01-01', dayNumber);
        const window = businessDayWindow(date, { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes });
        expect(window.start).toBe(Date.parse(`${date}T00:00:00+07:00`) + cutoffMinutes * 60_000);
        expect(window.end - window.start).toBe(86_400_000);
      }),
    );
  });
});

describe('reading dates and settings', () => {
  it('takes calendar days written YYYY-MM-DD and says the format otherwise', () => {
    expect(parseBusinessDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    for (const bad of ['2025-02-29', '2025-13-01', '24-11-2025', '2025-11-24T00:00:00Z', '', '1999-12-31', '2025-1-5']) {
      const parsed = parseBusinessDate(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.detail).toContain('YYYY-MM-DD');
    }
  });

  it('reads a cut-off written HH:MM', () => {
    expect(parseCutoff('04:00')).toEqual({ ok: true, value: 240 });
    expect(parseCutoff('23:59')).toEqual({ ok: true, value: 1439 });
    expect(parseCutoff('24:00').ok).toBe(false);
    expect(parseCutoff('4:00').ok).toBe(false);
  });

  it('defaults to Vietnam at midnight and refuses a zone Intl does not know rather than guess', () => {
    expect(businessDaySettingsOf({})).toEqual({ ok: true, value: { timeZone: 'Asia/Ho_Chi_Minh', cutoffMinutes: 0 } });
    expect(businessDaySettingsOf({ timeZone: 'Europe/Paris', businessDayCutoff: '05:30' })).toEqual({ ok: true, value: { timeZone: 'Europe/Paris', cutoffMinutes: 330 } });
    const wrong = businessDaySettingsOf({ timeZone: 'Asia/Hanoi_City' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.detail).toContain('store.timeZone');
    expect(businessDaySettingsOf({ businessDayCutoff: '4am' }).ok).toBe(false);
  });
});
