/*
 * The store's business day: which instants belong to "24 November" in the store's time zone, with its
 * cut-off (a store open past midnight may end its day at 04:00, so a sale at 01:30 counts for the day
 * before). A sale at 23:30 in Hà Nội belongs to that day, whatever UTC says: 23:30 on the 24th in
 * Asia/Ho_Chi_Minh is 16:30Z on the 24th, and 00:30 on the 25th there is 17:30Z on the 24th, a day
 * later by the shop's clock though the same UTC date.
 *
 * The arithmetic uses Intl only (no time zone library, no Temporal): Intl.DateTimeFormat gives an
 * instant's wall clock in any IANA zone, from which the zone's offset at that instant follows; a wall
 * time is turned back into an instant by trying the offsets in force around it. Where the wall clock
 * jumps (daylight saving), a cut-off inside the gap moves forward by the gap and a cut-off in the repeated
 * hour takes its first occurrence (Temporal's 'compatible' choice), so consecutive days always meet:
 * the end of one is the start of the next, and every instant belongs to exactly one business day.
 * A day the zone skipped (Samoa skipped 30 December 2011) is empty.
 *
 * Settings come from the store's config document (`store.timeZone`, IANA name, Vietnam by default;
 * `store.businessDayCutoff`, "HH:MM" on the shop's clock, midnight by default), read defensively.
 */

/** The zone a store without one in its config keeps (receipts print in it too). */
export const DEFAULT_STORE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar day, as the API and the report name it: "2025-11-24". */
export type BusinessDate = string;

export interface BusinessDaySettings {
  /** IANA zone of the store. */
  readonly timeZone: string;
  /** Minutes after local midnight at which a business day ends and the next begins (0..1439). */
  readonly cutoffMinutes: number;
}

/** A business day's instants: [start, end) in milliseconds since the epoch. */
export interface BusinessDayWindow {
  readonly start: number;
  readonly end: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

const MINUTE = 60_000;
const DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CUTOFF_PATTERN = /^(\d{2}):(\d{2})$/;

/** What a bad date is told, in the format's own words. */
export const BUSINESS_DATE_FORMAT = 'YYYY-MM-DD (a calendar day, e.g. 2025-11-24)';

/** A calendar day written YYYY-MM-DD that exists (2025-02-29 does not), years 2000-2999. */
export function parseBusinessDate(text: unknown): Parsed<BusinessDate> {
  if (typeof text !== 'string') return { ok: false, detail: `date must be written ${BUSINESS_DATE_FORMAT}` };
  const match = DATE_PATTERN.exec(text);
  if (match === null) return { ok: false, detail: `date must be written ${BUSINESS_DATE_FORMAT}, got "${text.slice(0, 40)}"` };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2999) return { ok: false, detail: `date must be a day of the years 2000 to 2999 written ${BUSINESS_DATE_FORMAT}, got "${text}"` };
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, detail: `date ${text} is not a day of the calendar: write ${BUSINESS_DATE_FORMAT}` };
  }
  return { ok: true, value: text };
}

/** "04:00" -> 240; the cut-off of a business day on the shop's clock. */
export function parseCutoff(text: unknown): Parsed<number> {
  if (typeof text !== 'string') return { ok: false, detail: 'the business day cut-off must be written HH:MM, e.g. "04:00"' };
  const match = CUTOFF_PATTERN.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || hours > 23 || minutes > 59) return { ok: false, detail: `the business day cut-off must be a time of day written HH:MM, e.g. "04:00", got "${text.slice(0, 20)}"` };
  return { ok: true, value: hours * 60 + minutes };
}

/** 240 -> "04:00". */
export function formatCutoff(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows `timeZone` as an IANA zone. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '' || timeZone.length > 64) return false;
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    // RangeError: not a zone Intl knows; the caller says so.
    return false;
  }
}

/**
 * The wall clock of `instant` in `timeZone`, as if it were UTC: Date.UTC(local year, month, day, hour,
 * minute, second). Subtracting the instant gives the zone's offset then (seconds included: a few zones
 * had offsets in seconds before 1900).
 */
function wallClock(instant: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const whole = Math.floor(instant / 1000) * 1000;
  const utc = new Date(0);
  utc.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  utc.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
  return utc.getTime() + (instant - whole);
}

/** The zone's offset from UTC at `instant`, in milliseconds (Hà Nội: +7 h). */
export function zoneOffset(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - instant;
}

/**
 * The instant at which the shop's clock in `timeZone` reads `wall` (a wall time written as a UTC epoch):
 * the earlier one when the clock passes it twice, the time after the gap when it never does.
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const candidates = [...new Set([before, after, zoneOffset(wall, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => wallClock(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  // In a gap no instant reads `wall`: the offset before the jump carries it past the gap, by the gap's length.
  return candidates[0] ?? wall - before;
}

function dateParts(date: BusinessDate): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (match === null) throw new Error(`A business date is written YYYY-MM-DD, got "${date}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function wallEpochOf(date: BusinessDate, minutes: number): number {
  const [year, month, day] = dateParts(date);
  return Date.UTC(year, month - 1, day) + minutes * MINUTE;
}

/** The calendar day after (or `days` after) a business date. */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [year, month, day] = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The instants of business day `date`: from its cut-off on the shop's clock to the next day's. */
export function businessDayWindow(date: BusinessDate, settings: BusinessDaySettings): BusinessDayWindow {
  const start = instantOfWallClock(wallEpochOf(date, settings.cutoffMinutes), settings.timeZone);
  const end = instantOfWallClock(wallEpochOf(addDays(date, 1), settings.cutoffMinutes), settings.timeZone);
  return { start, end: Math.max(start, end) };
}

/** The business day `instant` belongs to (the one whose window holds it). */
export function businessDateOf(instant: number, settings: BusinessDaySettings): BusinessDate {
  const shifted = wallClock(instant, settings.timeZone) - settings.cutoffMinutes * MINUTE;
  let date = new Date(Math.floor(shifted / DAY) * DAY).toISOString().slice(0, 10);
  // Around a clock jump the wall clock and the windows can disagree by a day: the windows decide.
  for (let step = 0; step < 3; step++) {
    const window = businessDayWindow(date, settings);
    if (instant < window.start) date = addDays(date, -1);
    else if (instant >= window.end) date = addDays(date, 1);
    else return date;
  }
  return date;
}

/**
 * The business-day settings of a store's config (`store.timeZone`, `store.businessDayCutoff`), or what is
 * wrong with them. Absent means the defaults (Vietnam, midnight); present but wrong is never guessed.
 */
export function businessDaySettingsOf(store: Readonly<Record<string, unknown>>): Parsed<BusinessDaySettings> {
  const zone = store['timeZone'] ?? DEFAULT_STORE_TIME_ZONE;
  if (!isTimeZone(zone)) return { ok: false, detail: `store.timeZone must be an IANA time zone such as "Asia/Ho_Chi_Minh", got ${JSON.stringify(zone)}` };
  const rawCutoff = store['businessDayCutoff'];
  const cutoff = rawCutoff === undefined ? { ok: true as const, value: 0 } : parseCutoff(rawCutoff);
  if (!cutoff.ok) return { ok: false, detail: `store.businessDayCutoff: ${cutoff.detail}` };
  return { ok: true, value: { timeZone: zone, cutoffMinutes: cutoff.value } };
}
