import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { saveThemePreference, THEME_CHOICES, useThemePreference } from './theme-preference.ts';

/** Light, dark, or as the device prefers: this device's choice (theme-preference.ts). */
export function ThemeSwitch({ testId = 'theme-switch' }: { testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const preference = useThemePreference();
  return (
    <span className="theme-switch">
      <label htmlFor={id}>{t('theme.label')} </label>
      <select id={id} data-testid={testId} value={preference} onChange={(event) => saveThemePreference(THEME_CHOICES.find((choice) => choice === event.target.value) ?? 'system')}>
        {THEME_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`theme.${choice}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
