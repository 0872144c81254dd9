import { useTranslation } from 'react-i18next';

/** The shell's navigation event (app/use-location-path.ts listens for it). */
const NAVIGATE_EVENT = 'pos:navigate';

const PAGES = [
  { path: '/back-office/products', key: 'backOffice.products.title', id: 'products' },
  { path: '/back-office/quick-keys', key: 'quickKeys.title', id: 'quick-keys' },
  { path: '/back-office/staff', key: 'backOffice.staff.title', id: 'staff' },
  { path: '/back-office/settings', key: 'backOffice.settings.title', id: 'settings' },
  { path: '/back-office/import', key: 'backOffice.import.title', id: 'import' },
  { path: '/back-office/incidents', key: 'incidents.title', id: 'incidents' },
] as const;

function open(path: string): void {
  if (window.location.pathname === path) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The back office's pages, one tap apart; the server still checks each page's permission. */
export function BackOfficeNav({ current }: { current: (typeof PAGES)[number]['id'] }) {
  const { t } = useTranslation();
  return (
    <nav className="back-office-nav" aria-label={t('backOffice.nav')}>
      {PAGES.map((page) => (
        <a
          key={page.id}
          href={page.path}
          data-testid={`back-office-nav-${page.id}`}
          aria-current={page.id === current ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            open(page.path);
          }}
        >
          {t(page.key)}
        </a>
      ))}
    </nav>
  );
}
