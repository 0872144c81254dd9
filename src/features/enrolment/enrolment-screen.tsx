import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrolmentError, enrolDevice } from '../../sync/enrolment.ts';
import { useSyncController } from '../../sync/sync-controller-context.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';

type Outcome =
  | { state: 'editing' }
  | { state: 'submitting' }
  | { state: 'failed'; messageKey: string; detail: string }
  | { state: 'done'; storeName: string; deviceName: string };

/**
 * Enrols this tablet with its store: server address (this page's origin unless the app is hosted
 * elsewhere), the store's enrolment code and a name for the device. On success sync starts at once.
 */
export function EnrolmentScreen() {
  const { t } = useTranslation();
  const controller = useSyncController();
  const current = useSyncStatusStore((state) => state.enrolment);
  const [serverUrl, setServerUrl] = useState(() => window.location.origin);
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'editing' });
  const ids = { server: useId(), code: useId(), name: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.trim() === '' || deviceName.trim() === '') {
      setOutcome({ state: 'failed', messageKey: 'enrolment.errors.missing', detail: '' });
      return;
    }
    setOutcome({ state: 'submitting' });
    try {
      const identity = await enrolDevice({ serverUrl, enrollmentCode: code, deviceName });
      await controller.completeEnrolment(identity);
      setOutcome({ state: 'done', storeName: identity.storeName, deviceName: identity.deviceName });
    } catch (error) {
      if (error instanceof EnrolmentError) {
        console.warn('Enrolment was refused or failed', error.reason, error.detail);
        setOutcome({ state: 'failed', messageKey: `enrolment.errors.${error.reason}`, detail: error.detail });
      } else {
        console.error('Storing the enrolment failed', error);
        setOutcome({ state: 'failed', messageKey: 'enrolment.errors.storage', detail: '' });
      }
    }
  }

  if (outcome.state === 'done') {
    return (
      <section className="screen" data-testid="enrolment-screen">
        <h1>{t('enrolment.title')}</h1>
        <p className="panel" role="status" data-testid="enrolment-done">
          {t('enrolment.done', { storeName: outcome.storeName, deviceName: outcome.deviceName })}
        </p>
        <a href="/" data-testid="enrolment-go-to-counter">
          {t('enrolment.goToCounter')}
        </a>
      </section>
    );
  }

  return (
    <section className="screen" data-testid="enrolment-screen">
      <h1>{t('enrolment.title')}</h1>
      <form className="panel enrolment-form" onSubmit={(event) => void submit(event)}>
        <p>{t('enrolment.intro')}</p>
        {current && <p className="notice">{t('enrolment.current', { storeName: current.storeName, deviceName: current.deviceName })}</p>}
        <label htmlFor={ids.server}>{t('enrolment.serverUrl')}</label>
        <input id={ids.server} type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} data-testid="enrolment-server-url" required />
        <label htmlFor={ids.code}>{t('enrolment.code')}</label>
        <input
          id={ids.code}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('enrolment.codeHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="enrolment-code"
        />
        <label htmlFor={ids.name}>{t('enrolment.deviceName')}</label>
        <input
          id={ids.name}
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
          placeholder={t('enrolment.deviceNameHint')}
          maxLength={100}
          data-testid="enrolment-device-name"
        />
        {outcome.state === 'failed' && (
          <p className="error" role="alert" data-testid="enrolment-error">
            {t(outcome.messageKey, { detail: outcome.detail })}
          </p>
        )}
        <button type="submit" disabled={outcome.state === 'submitting'} data-testid="enrolment-submit">
          {outcome.state === 'submitting' ? t('enrolment.submitting') : t('enrolment.submit')}
        </button>
      </form>
    </section>
  );
}
