/*
 * Numbers and times as a receipt prints them, per locale: quantities kept in thousandths ("0,375 kg"),
 * VAT rates kept in basis points ("8%"), and the sale's time in the store's time zone, never the
 * device's (a tablet set to UTC must still print the time on the shop's clock).
 */
import { DEFAULT_STORE_TIME_ZONE } from '../../domain/business-day.ts';
import { formatStoreTime } from '../../domain/store-time-format.ts';
import type { ReceiptLocale } from './receipt-texts.ts';

export const DEFAULT_TIME_ZONE = DEFAULT_STORE_TIME_ZONE;

const INTL_LOCALE: Record<ReceiptLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

function decimalFromThousandths(value: number, minimumDigits: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(4, '0');
  const whole = digits.slice(0, -3);
  const fraction = digits.slice(-3).replace(/0+$/, '').padEnd(minimumDigits, '0');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** A decimal string ("1234.5") grouped and punctuated for the locale, digits untouched. */
function localiseDecimal(decimal: string, locale: ReceiptLocale): string {
  const format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 3, numberingSystem: 'latn' });
  // Intl reads the exact decimal string, so no float ever stands between the stored integer and the paper.
  return format.format(decimal as `${number}`);
}

/**
 * A quantity in thousandths of the unit: pieces as whole numbers ("2"), weights with three decimals
 * and the unit ("0,375 kg", "1,000 kg") so a weighed item always reads as a weight.
 */
export function formatQuantity(qtyThousandths: number, unit: 'pcs' | 'kg', locale: ReceiptLocale): string {
  if (unit === 'kg') return `${localiseDecimal(decimalFromThousandths(qtyThousandths, 3), locale)} kg`;
  return localiseDecimal(decimalFromThousandths(qtyThousandths, 0), locale);
}

/** A VAT rate in basis points: 1000 -> "10%", 525 -> "5,25%" (vi). */
export function formatRate(basisPoints: number, locale: ReceiptLocale): string {
  const sign = basisPoints < 0 ? '-' : '';
  const digits = String(Math.abs(basisPoints)).padStart(3, '0');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  const decimal = `${sign}${digits.slice(0, -2)}${fraction === '' ? '' : `.${fraction}`}`;
  return `${localiseDecimal(decimal, locale)}%`;
}

/** "15/03/2025 14:05" on the store's clock, as every screen writes it too (src/domain/store-time-format.ts). */
export function formatReceiptTime(isoTime: string, locale: ReceiptLocale, timeZone: string): string {
  if (Number.isNaN(new Date(isoTime).getTime())) throw new Error(`The sale time "${isoTime}" is not an ISO 8601 date-time`);
  return formatStoreTime(isoTime, { language: locale, timeZone });
}

/**
 * A tender reference fit to print. References come from the card terminal's slip and are checked when
 * typed, but a receipt can be reprinted from any stored document, so any run of 12 or more digits (the
 * shortest card number) is masked to its last four here as a second line of defence.
 */
export function printableReference(reference: string): string {
  return reference.replace(/\d(?:[ -]?\d){11,}/g, (run) => `****${run.replace(/\D/g, '').slice(-4)}`);
}
