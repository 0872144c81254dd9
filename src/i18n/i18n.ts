/*
 * Translations for the POS. Vietnamese is the default; the cashier's choice is stored in localStorage
 * (key `pos.language`) on this device only, because a shared counter tablet keeps one language per store,
 * and it is mirrored on <html lang> so screen readers and the browser's hyphenation follow it.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

export const supportedLanguages = ['vi', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

export const defaultLanguage: Language = 'vi';
export const languageStorageKey = 'pos.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch (error) {
    // Storage can be blocked by browser policy; the app still works in the default language.
    console.warn('Could not read the stored language, using the default', error);
    return defaultLanguage;
  }
}

function rememberLanguage(language: string): void {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(languageStorageKey, language);
  } catch (error) {
    console.warn('Could not store the chosen language', error);
  }
}

/** Creates and initialises an i18next instance (synchronously: the resources are bundled). */
export function createI18n(): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', rememberLanguage);
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: readStoredLanguage(),
    fallbackLng: defaultLanguage,
    supportedLngs: [...supportedLanguages],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
