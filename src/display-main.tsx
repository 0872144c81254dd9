/*
 * The customer display's own entry (display.html): translations and the display screen, nothing else. No
 * device database, sync or service-worker registration here: the till owns those, and this window only
 * listens to it (src/session/customer-display-channel.ts). The service worker the till registered
 * precaches display.html, so the display opens offline too.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n/i18n.ts';
// The design system's tokens before the display's own styles.
import './ui/theme.css';
import { followThemePreference } from './ui/theme-preference.ts';
import { CustomerDisplayScreen } from './features/customer-display/customer-display-screen.tsx';

// The till's light or dark choice, followed live (the same origin's storage).
followThemePreference();

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n()}>
      <CustomerDisplayScreen />
    </I18nextProvider>
  </StrictMode>,
);
