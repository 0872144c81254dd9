import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DatabaseGate } from './database-gate.tsx';
import { ScreenErrorBoundary } from './screen-error-boundary.tsx';
import type { ScreenRoute } from '../ui/screen-route.ts';

// Nobody sells before signing in: screens on device data sit behind the staff sign-in (lazy, like them).
const StaffGate = lazy(() => import('../features/staff/staff-gate.tsx').then((m) => ({ default: m.StaffGate })));

/** The current screen, loaded lazily, behind the database gate when it reads device data. */
export function MainArea({ route }: { route: ScreenRoute }) {
  const { t } = useTranslation();
  const Screen = route.screen;
  const screen = route.needsDatabase ? (
    <DatabaseGate>
      <StaffGate>
        <Screen />
      </StaffGate>
    </DatabaseGate>
  ) : (
    <Screen />
  );
  const failed = (
    <section className="screen-message error" role="alert">
      <p>{t('app.screenLoadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </section>
  );
  return (
    <main className="main-area" id="main">
      <ScreenErrorBoundary key={route.id} fallback={failed}>
        <Suspense fallback={<p className="screen-message" role="status">{t('app.loadingScreen')}</p>}>{screen}</Suspense>
      </ScreenErrorBoundary>
    </main>
  );
}
