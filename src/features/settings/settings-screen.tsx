import { useTranslation } from 'react-i18next';
import { appVersion } from '../../ui/app-version.ts';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { ThemeSwitch } from '../../ui/theme-switch.tsx';
import { StoragePanel } from './storage-panel.tsx';
import { PrinterPanel } from './printer-panel.tsx';
import { DevicesPanel } from './devices-panel.tsx';
import { ScannerPanel } from './scanner-panel.tsx';
import { CardTerminalPanel } from './card-terminal-panel.tsx';
import { useDrawerTest } from './use-drawer-test.ts';

export function SettingsScreen() {
  const { t } = useTranslation();
  const drawerTest = useDrawerTest();
  return (
    <section className="screen" data-testid="settings-screen">
      <h1>{t('settings.title')}</h1>
      <PrinterPanel drawerTest={drawerTest} />
      <ScannerPanel />
      <CardTerminalPanel />
      <StoragePanel />
      <DevicesPanel />
      <section className="panel" data-testid="settings-sync">
        <h2>{t('sync.title')}</h2>
        <p>
          <a href="/sync" data-testid="settings-open-sync">
            {t('sync.label')}
          </a>
        </p>
        <p>
          <a href="/enrol" data-testid="settings-open-enrolment">
            {t('enrolment.open')}
          </a>
        </p>
      </section>
      <section className="panel">
        <h2>{t('settings.languageSection')}</h2>
        <LanguageSwitch testId="settings-language" />
      </section>
      <section className="panel">
        <h2>{t('theme.label')}</h2>
        <ThemeSwitch testId="settings-theme" />
      </section>
      <section className="panel">
        <h2>{t('settings.aboutSection')}</h2>
        <p data-testid="app-version">{t('settings.appVersion', { version: appVersion })}</p>
      </section>
    </section>
  );
}
