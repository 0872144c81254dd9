/*
 * The one way screens write an instant: on the store's clock (store.timeZone of the config synced to this
 * device, Vietnam's until it is known) in the UI language's format (src/domain/store-time-format.ts). Works
 * on screens shown before the device database is open (Settings, Sync): the default zone until it is.
 * Dates are day first in both languages; store-time-format.ts says why.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayLanguageOf, formatStoreTime, type StoreTimeStyle } from '../domain/store-time-format.ts';
import { useStoreTimeZone } from './use-store-time-zone.ts';

export type StoreTimeWriter = (instant: string | number, style?: StoreTimeStyle) => string;

export function useStoreTime(): StoreTimeWriter {
  const { i18n } = useTranslation();
  const timeZone = useStoreTimeZone();
  const language = displayLanguageOf(i18n.resolvedLanguage ?? i18n.language);
  return useCallback((instant, style) => formatStoreTime(instant, { language, timeZone, style }), [language, timeZone]);
}
