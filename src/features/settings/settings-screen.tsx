import { useTranslation } from 'react-i18next';
import { appVersion } from '../../ui/app-version.ts';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { StoragePanel } from './storage-panel.tsx';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" data-testid="settings-screen">
      <h1>{t('settings.title')}</h1>
      <StoragePanel />
      <section className="panel">
        <h2>{t('settings.languageSection')}</h2>
        <LanguageSwitch testId="settings-language" />
      </section>
      <section className="panel">
        <h2>{t('settings.aboutSection')}</h2>
        <p data-testid="app-version">{t('settings.appVersion', { version: appVersion })}</p>
      </section>
    </section>
  );
}
