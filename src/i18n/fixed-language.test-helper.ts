// Test helper: the app's translations in one language, without reading or writing the stored choice
// (localStorage is shared by the browser test files running side by side; a test that stored "en" would
// turn another file's Vietnamese screen English under it). Not bundled: only tests import it.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { defaultLanguage, type Language } from './i18n.ts';

export function i18nIn(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
