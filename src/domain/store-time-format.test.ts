// An instant as the shop reads it: on the store's clock, day first, 24 hours, whatever the device's zone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { businessDateOf } from './business-day.ts';
import { displayLanguageOf, formatStoreTime } from './store-time-format.ts';

const hanoi = 'Asia/Ho_Chi_Minh';

describe('writing a time on the store\'s clock', () => {
  it('a sale at 07:05 UTC is 14:05 in Hà Nội, written 15/03/2025 in Vietnamese and in English (not US-style 03/15)', () => {
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'vi', timeZone: hanoi })).toBe('15/03/2025 14:05');
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'en', timeZone: hanoi })).toBe('15/03/2025 14:05');
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'en', timeZone: hanoi, style: 'time' })).toBe('14:05');
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'vi', timeZone: hanoi, style: 'date' })).toBe('15/03/2025');
  });

  it('late in the evening the shop\'s date is already the next day\'s, though UTC\'s is not', () => {
    expect(formatStoreTime('2025-11-24T17:30:00.000Z', { language: 'en', timeZone: hanoi })).toBe('25/11/2025 00:30');
  });

  it('follows the store\'s zone, not a fixed one: the same instant in London and in Hà Nội', () => {
    const at = Date.UTC(2025, 6, 1, 12, 0);
    expect(formatStoreTime(at, { language: 'en', timeZone: 'Europe/London', style: 'time' })).toBe('13:00');
    expect(formatStoreTime(at, { language: 'en', timeZone: hanoi, style: 'time' })).toBe('19:00');
  });

  it('a store without a known zone keeps Vietnam\'s; text that is no date-time is refused by name', () => {
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'vi', timeZone: undefined })).toBe('15/03/2025 14:05');
    expect(formatStoreTime('2025-03-15T07:05:00.000Z', { language: 'vi', timeZone: 'Mars/Olympus' })).toBe('15/03/2025 14:05');
    expect(() => formatStoreTime('yesterday', { language: 'vi', timeZone: hanoi })).toThrow('"yesterday" is not a date-time');
  });

  it('names the UI language it writes for', () => {
    expect(displayLanguageOf('en')).toBe('en');
    expect(displayLanguageOf('en-US')).toBe('en');
    expect(displayLanguageOf('vi')).toBe('vi');
    expect(displayLanguageOf(undefined)).toBe('vi');
  });

  it('for any instant, the written date is the store\'s calendar day (its business day at midnight) in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom('vi' as const, 'en' as const), (at, language) => {
        const [year, month, day] = businessDateOf(at, { timeZone: hanoi, cutoffMinutes: 0 }).split('-');
        expect(formatStoreTime(at, { language, timeZone: hanoi, style: 'date' })).toBe(`${day}/${month}/${year}`);
        expect(formatStoreTime(at, { language, timeZone: hanoi })).toMatch(/^\d{2}\/\d{2}\/\d{4} ([01]\d|2[0-3]):[0-5]\d$/);
      }),
    );
  });
});
