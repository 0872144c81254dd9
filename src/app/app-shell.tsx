import { lazy, Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { ConnectionStatus } from './connection-status.tsx';
import { SyncStatusBadge } from './sync-status-badge.tsx';
import { MainArea } from './main-area.tsx';
import { routeRegistry } from './route-registry.ts';
import { UpdatePrompt } from './update-prompt.tsx';
import { navigate, useLocationPath } from './use-location-path.ts';

// Lazy: the staff corner needs the device database and the PIN check, which the first paint does not.
const StaffHeaderControl = lazy(() => import('../features/staff/staff-header-control.tsx').then((m) => ({ default: m.StaffHeaderControl })));

function followLink(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  // Let the browser handle new-tab and modified clicks; plain clicks stay in the app.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

export function AppShell() {
  const { t } = useTranslation();
  const current = routeRegistry.match(useLocationPath());
  return (
    <div className="pos-shell" data-testid="pos-shell">
      <header className="shell-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="shell-nav" aria-label={t('app.mainNavigation')}>
          {routeRegistry.nav.map((route) => (
            <a
              key={route.id}
              href={route.path}
              data-testid={`nav-${route.id}`}
              aria-current={route.id === current.id ? 'page' : undefined}
              onClick={(event) => followLink(event, route.path)}
            >
              {t(route.titleKey)}
            </a>
          ))}
        </nav>
        <div className="shell-status">
          <Suspense fallback={null}>
            <StaffHeaderControl screens={routeRegistry.restricted} onOpen={navigate} />
          </Suspense>
          <ConnectionStatus />
          <SyncStatusBadge onOpen={(event) => followLink(event, '/sync')} />
          <LanguageSwitch />
        </div>
      </header>
      <UpdatePrompt />
      <MainArea route={current} />
    </div>
  );
}
