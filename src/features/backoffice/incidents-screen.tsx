/*
 * The store's incidents in the back office (issue 15), for holders of `report.view` (managers by default):
 * what the server recorded for a manager to look at (GET /api/v1/incidents, read with TanStack Query), newest
 * first, filtered by kind with the online-order kinds one tap away; those still to look at by default, the
 * handled ones on request. A manager marks one handled with an optional note
 * (POST /api/v1/incidents/:id/handled: who and when are the server's). Online only.
 */
import './incidents.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreTimeZone } from '../../data/use-store-time-zone.ts';
import { PERMISSIONS } from '../../domain/permissions.ts';
import { callBackOffice, readBackOffice, tellGateOnce } from './back-office-client.ts';
import { BackOfficeGate, type BackOfficeBodyProps } from './back-office-gate.tsx';
import { IncidentCard } from './incidents-card.tsx';
import { ONLINE_ORDER_KINDS, OTHER_KINDS, type Incident } from './incidents-detail.ts';

/** The newest incidents shown at once; older ones are still there on the server. */
const LIST_LIMIT = 200;

export function IncidentsScreen() {
  return (
    <BackOfficeGate page="incidents" permission={PERMISSIONS.viewReports} titleKey="incidents.title" testId="back-office-incidents" intro={<IncidentsIntro />}>
      {(props) => <IncidentsBody {...props} />}
    </BackOfficeGate>
  );
}

function IncidentsIntro() {
  const { t } = useTranslation();
  return <p className="hint">{t('incidents.intro')}</p>;
}

export function IncidentsBody({ session, onRefused }: BackOfficeBodyProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timeZone = useStoreTimeZone();
  const [kind, setKind] = useState<string>();
  const [showHandled, setShowHandled] = useState(false);
  const [notice, setNotice] = useState<string>();
  const params = new URLSearchParams({ limit: String(LIST_LIMIT) });
  if (kind !== undefined) params.set('kind', kind);
  if (!showHandled) params.set('handled', 'false');
  const list = useQuery({
    queryKey: ['back-office', 'incidents', session.serverUrl, kind ?? 'all', showHandled],
    queryFn: () => readBackOffice<{ incidents: Incident[] }>(session, `/incidents?${params}`),
    retry: false,
  });
  if (list.error) tellGateOnce(list.error, onRefused);

  const mark = async (incident: Incident, note: string): Promise<string | undefined> => {
    setNotice(undefined);
    try {
      const answer = await callBackOffice<{ incident: Incident }>(session, 'POST', `/incidents/${encodeURIComponent(incident.id)}/handled`, note === '' ? {} : { note });
      await queryClient.invalidateQueries({ queryKey: ['back-office', 'incidents'] });
      if (answer.ok) {
        setNotice(t('incidents.handled.done'));
        return undefined;
      }
      if (answer.status === 409) return t('incidents.handled.already');
      if (answer.status === 404) return t('incidents.handled.notFound');
      return t('incidents.handled.failed', { message: answer.message });
    } catch (error) {
      onRefused(error);
      return undefined;
    }
  };

  const choose = (next: string | undefined) => {
    setNotice(undefined);
    setKind(next);
  };

  return (
    <div className="back-office-incidents stack">
      <div className="incident-filters" role="group" aria-label={t('incidents.filter.onlineOrders')}>
        <button type="button" data-testid="incidents-kind-all" aria-pressed={kind === undefined} onClick={() => choose(undefined)}>
          {t('incidents.filter.all')}
        </button>
        {ONLINE_ORDER_KINDS.map((each) => (
          <button key={each} type="button" data-testid={`incidents-kind-${each}`} aria-pressed={kind === each} onClick={() => choose(each)}>
            {t(`incidents.kinds.${each}.name`)}
          </button>
        ))}
      </div>
      <div className="incident-filters">
        <label className="back-office-field">
          <span>{t('incidents.filter.kind')}</span>
          <select data-testid="incidents-kind" value={kind ?? ''} onChange={(event) => choose(event.target.value === '' ? undefined : event.target.value)}>
            <option value="">{t('incidents.filter.all')}</option>
            <optgroup label={t('incidents.filter.onlineOrders')}>
              {ONLINE_ORDER_KINDS.map((each) => (
                <option key={each} value={each}>
                  {t(`incidents.kinds.${each}.name`)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('incidents.filter.other')}>
              {OTHER_KINDS.map((each) => (
                <option key={each} value={each}>
                  {t(`incidents.kinds.${each}.name`)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="back-office-check">
          <input type="checkbox" data-testid="incidents-show-handled" checked={showHandled} onChange={(event) => setShowHandled(event.target.checked)} />
          <span>{t('incidents.filter.showHandled')}</span>
        </label>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="incidents-notice">
          {notice}
        </p>
      )}
      {list.isPending ? (
        <p role="status">{t('incidents.loading')}</p>
      ) : list.error ? (
        <p className="error" role="alert" data-testid="incidents-read-error">
          {t('incidents.readFailed')}
        </p>
      ) : list.data.incidents.length === 0 ? (
        <p data-testid="incidents-none">{showHandled ? t('incidents.noneAtAll') : t('incidents.none')}</p>
      ) : (
        <div className="incident-list stack" data-testid="incidents-list">
          {list.data.incidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} timeZone={timeZone} onMark={mark} />
          ))}
        </div>
      )}
    </div>
  );
}

