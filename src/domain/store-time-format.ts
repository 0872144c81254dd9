/*
 * How every screen and the receipt write an instant: on the store's clock (its IANA zone from the config,
 * never the device's: a tablet left on UTC still shows 14:05 for a sale rung up at 14:05 in Hà Nội), as
 * day/month/year and a 24-hour time, in both languages. Vietnamese writes dates 15/03/2025; English uses
 * the en-GB order, not the US one (03/15/2025), because the shop's papers (receipts, VAT invoices) are
 * day-first whatever the reader's language, and a receipt and the screen beside it must read alike.
 * Digits are always Latin. Pure: the same on the tablet and the server.
 */
import { DEFAULT_STORE_TIME_ZONE, isTimeZone } from './business-day.ts';

export type DisplayLanguage = 'vi' | 'en';

/** What of the instant is written: "15/03/2025 14:05", "14:05" or "15/03/2025". */
export type StoreTimeStyle = 'date-time' | 'time' | 'date';

const INTL_LOCALE: Record<DisplayLanguage, string> = { vi: 'vi-VN', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(language: DisplayLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      numberingSystem: 'latn',
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * An instant (ISO 8601 text or epoch milliseconds) on the store's clock. An unknown zone falls back to the
 * default store zone (Vietnam); text that is not a date-time throws, naming it.
 */
export function formatStoreTime(instant: string | number, options: { readonly language: DisplayLanguage; readonly timeZone: string | undefined; readonly style?: StoreTimeStyle }): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${String(instant)}" is not a date-time`);
  const zone = options.timeZone !== undefined && isTimeZone(options.timeZone) ? options.timeZone : DEFAULT_STORE_TIME_ZONE;
  const parts = formatOf(options.language, zone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((item) => item.type === type)?.value ?? '';
  const day = `${part('day')}/${part('month')}/${part('year')}`;
  const time = `${part('hour')}:${part('minute')}`;
  const style = options.style ?? 'date-time';
  if (style === 'date') return day;
  if (style === 'time') return time;
  return `${day} ${time}`;
}

/** The UI language as this module knows it: English, or Vietnamese for anything else. */
export function displayLanguageOf(language: string | undefined): DisplayLanguage {
  return language === 'en' || language?.startsWith('en-') === true ? 'en' : 'vi';
}
