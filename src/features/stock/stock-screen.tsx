/*
 * The back office's stock (issue 14), for whoever holds `stock.manage` (managers by default): stock per
 * product in this store, a stock count with its variance shown before it is applied, goods received from
 * a supplier, adjustments with a reason and transfers between the chain's stores. The person signed in at
 * the till types their PIN again for a short staff session on the server; online only (the stock is the
 * server's, derived from ledger entries). The staff token stays in this screen's state: never stored, gone
 * at sign-out, when the person at the till changes and when the screen closes.
 */
import './stock.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../data/database-context.ts';
import { useStaffSessionStore, type SignedInStaff } from '../../session/staff-session-store.ts';
import { openStaffSession } from '../../sync/staff-api.ts';
import type { DeviceIdentity } from '../../sync/sync-database.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { useNetworkOnline } from '../../ui/use-network-online.ts';
import type { StockApi } from './stock-api.ts';
import { StockCountPanel } from './stock-count-panel.tsx';
import { StockLevelsPanel } from './stock-levels-panel.tsx';
import { StockMovementPanel } from './stock-movement-panel.tsx';
import { stockProblemOf, type StockProblem } from './stock-problem.ts';
import { StockTransfersPanel } from './stock-transfers-panel.tsx';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { useHoldsPermission } from '../../session/use-holds-permission.ts';
import { useEnrolment } from '../../sync/use-enrolment.ts';

const TABS = ['levels', 'count', 'receive', 'adjust', 'transfers'] as const;
type Tab = (typeof TABS)[number];

export function StockScreen() {
  const { t } = useTranslation();
  const mayManage = useHoldsPermission(useDatabase(), PERMISSIONS.manageStock);
  const staff = useStaffSessionStore((state) => state.staff);
  if (mayManage === undefined) return <p role="status">{t('stock.loading')}</p>;
  if (!mayManage || !staff) {
    return (
      <section className="screen" data-testid="stock-managers-only">
        <h1>{t('stock.title')}</h1>
        <p className="notice">{t('stock.managersOnly')}</p>
      </section>
    );
  }
  return (
    <section className="screen stock-screen" data-testid="stock-screen">
      <h1>{t('stock.title')}</h1>
      <StockBody key={staff.id} staff={staff} />
    </section>
  );
}

function StockBody({ staff }: { staff: SignedInStaff }) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const enrolment = useEnrolment();
  if (!online) {
    return (
      <p className="notice" data-testid="stock-offline">
        {t('stock.offline')}
      </p>
    );
  }
  if (enrolment.state === 'loading') return <p role="status">{t('stock.loading')}</p>;
  if (enrolment.state === 'none' || enrolment.identity.revokedAt !== undefined) return <p data-testid="stock-not-enrolled">{t('stock.notEnrolled')}</p>;
  return <SignedInStock identity={enrolment.identity} staff={staff} />;
}

function SignedInStock({ identity, staff }: { identity: DeviceIdentity; staff: SignedInStaff }) {
  const { t } = useTranslation();
  const [api, setApi] = useState<StockApi>();
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  const [problem, setProblem] = useState<StockProblem>();
  const [tab, setTab] = useState<Tab>('levels');

  const signIn = async (pin: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const opened = await openStaffSession(identity.serverUrl, identity.token, staff.id, pin);
      setApi({ serverUrl: identity.serverUrl, staffToken: opened.token });
    } catch (error) {
      console.warn('Signing in to the stock screens failed', error);
      setProblem(stockProblemOf(error, 'signIn'));
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
  };
  const onProblem = (error: unknown) => {
    const found = stockProblemOf(error, 'call');
    console.warn('A stock call failed', error);
    if (found.kind === 'sessionEnded') setApi(undefined);
    setProblem(found);
  };

  return (
    <>
      {problem && (
        <p className="error" role="alert" data-testid="stock-problem" data-kind={problem.kind}>
          {t(`stock.problem.${problem.kind}`, { minutes: 'minutes' in problem ? problem.minutes : 0 })}
        </p>
      )}
      {api ? (
        <>
          <p className="stock-signed-in" data-testid="stock-signed-in">
            {t('stock.signedInAs', { name: staff.name })}{' '}
            <button type="button" data-testid="stock-sign-out" onClick={() => setApi(undefined)}>
              {t('stock.signOut')}
            </button>
          </p>
          <nav className="stock-tabs" role="tablist" aria-label={t('stock.title')}>
            {TABS.map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`stock-tab-${name}`} onClick={() => setTab(name)}>
                {t(`stock.tab.${name}`)}
              </button>
            ))}
          </nav>
          <div role="tabpanel" className="stock-panel">
            {tab === 'levels' && <StockLevelsPanel api={api} onProblem={onProblem} />}
            {tab === 'count' && <StockCountPanel api={api} onProblem={onProblem} />}
            {tab === 'receive' && <StockMovementPanel kind="receive" api={api} onProblem={onProblem} />}
            {tab === 'adjust' && <StockMovementPanel kind="adjust" api={api} onProblem={onProblem} />}
            {tab === 'transfers' && <StockTransfersPanel api={api} onProblem={onProblem} />}
          </div>
        </>
      ) : (
        <div className="stock-sign-in" data-testid="stock-sign-in" data-answered={answered}>
          <p>{t('stock.signInHint', { name: staff.name })}</p>
          <PinPad busy={busy} onSubmit={(pin) => void signIn(pin)} />
        </div>
      )}
    </>
  );
}
