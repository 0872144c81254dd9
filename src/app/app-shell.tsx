import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffSessionStore } from '../session/staff-session-store.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { ConnectionStatus } from './connection-status.tsx';
import { SyncStatusBadge } from './sync-status-badge.tsx';
import { MainArea } from './main-area.tsx';
import { routeRegistry } from './route-registry.ts';
import { UpdatePrompt } from './update-prompt.tsx';
import { navigate, useLocationPath } from './use-location-path.ts';
// The design system's tokens and base look first, then the shell's own styles (screens bring theirs).
import '../ui/theme.css';
import './app.css';

// Lazy: the staff corner needs the device database and the PIN check, which the first paint does not.
const StaffHeaderControl = lazy(() => import('../features/staff/staff-header-control.tsx').then((m) => ({ default: m.StaffHeaderControl })));

/** The navigation links every width shows (the counter and today's receipts); the rest fold into the menu under 1100 px. */
const ALWAYS_SHOWN_LINKS = 2;

function followLink(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  // Let the browser handle new-tab and modified clicks; plain clicks stay in the app.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

/**
 * The shell: one header row (brand, navigation, connection and sync chips, the staff corner and the
 * language), the update prompt and the current screen. Under 1440 px (a 1280 px tablet, an 800 px counter
 * PC) the staff corner and the language fold into a menu opened from the signed-in person's name, so the
 * header never wraps (app.css); their dialogs still open over the screen, and a tap on any of the menu's
 * buttons, a tap outside it or Escape closes it.
 */
export function AppShell() {
  const { t } = useTranslation();
  const path = useLocationPath();
  const current = routeRegistry.match(path);
  const staffName = useStaffSessionStore((state) => state.staff?.name);
  const [menu, setMenu] = useState<{ open: boolean; path: string }>({ open: false, path });
  // The menu closes when the screen changes, on a tap outside it and on Escape.
  const menuOpen = menu.open && menu.path === path;
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menuOpen) return undefined;
    const close = () => setMenu({ open: false, path });
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !status.current?.contains(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [menuOpen, path]);
  return (
    <div className="pos-shell" data-testid="pos-shell" data-layout={current.layout ?? 'page'}>
      <header className="shell-header" data-testid="shell-header" data-menu-open={menuOpen}>
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="shell-nav" aria-label={t('app.mainNavigation')}>
          {routeRegistry.nav.map((route, index) => (
            <a
              key={route.id}
              href={route.path}
              data-testid={`nav-${route.id}`}
              // On narrow screens the screens after the first few are reached from the menu (app.css).
              data-folds={index >= ALWAYS_SHOWN_LINKS ? 'true' : undefined}
              aria-current={route.id === current.id ? 'page' : undefined}
              onClick={(event) => followLink(event, route.path)}
            >
              {t(route.titleKey)}
            </a>
          ))}
        </nav>
        <div className="shell-status" ref={status}>
          <ConnectionStatus />
          <SyncStatusBadge onOpen={(event) => followLink(event, '/sync')} />
          <button
            type="button"
            className="shell-menu-toggle"
            data-testid="shell-menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="shell-tools"
            title={t('app.menuLabel')}
            onClick={() => setMenu({ open: !menuOpen, path })}
          >
            <span className="shell-menu-name">{staffName ?? t('app.menu')}</span>
            <span aria-hidden="true"> ▾</span>
          </button>
          <div
            className="shell-tools"
            id="shell-tools"
            data-testid="shell-tools"
            onClick={(event) => {
              if (menuOpen && event.target instanceof Element && event.target.closest('button') !== null) setMenu({ open: false, path });
            }}
          >
            <nav className="menu-nav" aria-label={t('app.moreScreens')}>
              {routeRegistry.nav.slice(ALWAYS_SHOWN_LINKS).map((route) => (
                <a
                  key={route.id}
                  href={route.path}
                  data-testid={`menu-nav-${route.id}`}
                  aria-current={route.id === current.id ? 'page' : undefined}
                  onClick={(event) => {
                    followLink(event, route.path);
                    setMenu({ open: false, path });
                  }}
                >
                  {t(route.titleKey)}
                </a>
              ))}
            </nav>
            <Suspense fallback={null}>
              <StaffHeaderControl screens={routeRegistry.restricted} onOpen={navigate} />
            </Suspense>
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <UpdatePrompt />
      <MainArea route={current} />
    </div>
  );
}
