/*
 * "Save for the whole store" while a manager sets the quick keys on the tablet (issue 13): the manager who
 * approved the edit types their PIN again for a short staff session on the server (POST /staff/sessions, as
 * the back office opens one), and the tablet's list is PUT as the store's (PUT /backoffice/quick-keys, with
 * the config's `updatedAt` this tablet holds, so a list changed elsewhere meanwhile is refused). The staff
 * token lives only in this call. The store's config then comes back through sync and every tablet shows the
 * list. Online only; the list kept on this tablet stays either way.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { apiUrl } from '../../sync/sync-api.ts';
import { openStaffSession, StaffApiError, staffApiFetch, staffApiRefusal } from '../../sync/staff-api.ts';
import { useEnrolment } from '../../sync/use-enrolment.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { useNetworkOnline } from '../../ui/use-network-online.ts';

const PUT_TIMEOUT_MS = 30_000;

type Problem = 'unreachable' | 'wrongPin' | 'locked' | 'notAllowed' | 'stale' | 'unknownProducts' | 'serverError';

function problemOf(error: unknown, step: 'signIn' | 'save'): Problem {
  if (!(error instanceof StaffApiError)) return 'serverError';
  if (error.status === 0) return 'unreachable';
  if (step === 'signIn' && (error.status === 401 || error.status === 400)) return 'wrongPin';
  if (error.status === 423 || error.status === 429) return 'locked';
  if (error.status === 401 || error.status === 403) return 'notAllowed';
  if (error.status === 409) return 'stale';
  if (error.status === 422) return 'unknownProducts';
  return 'serverError';
}

interface StoreSaveProps {
  readonly ids: readonly string[];
  readonly config: StoreConfigDocument;
  /** The manager who approved the edit: their PIN opens the session. */
  readonly approvedBy: string;
}

export function QuickKeysStoreSave({ ids, config, approvedBy }: StoreSaveProps) {
  const { t, i18n } = useTranslation();
  const online = useNetworkOnline();
  const enrolled = useEnrolment();
  const enrolment = enrolled.state === 'enrolled' && enrolled.identity.revokedAt === undefined ? enrolled.identity : undefined;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const name = config.staff.find((member) => member.id === approvedBy)?.name ?? approvedBy;

  const save = async (pin: string) => {
    if (enrolment === undefined) return;
    setBusy(true);
    setProblem(undefined);
    let step: 'signIn' | 'save' = 'signIn';
    try {
      const session = await openStaffSession(enrolment.serverUrl, enrolment.token, approvedBy, pin);
      step = 'save';
      const path = '/backoffice/quick-keys';
      const response = await staffApiFetch(
        apiUrl(enrolment.serverUrl, path),
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${session.token}`, accept: 'application/json', 'accept-language': i18n.resolvedLanguage ?? i18n.language, 'content-type': 'application/json' },
          body: JSON.stringify({ productIds: [...ids], expectedUpdatedAt: config.updatedAt }),
        },
        PUT_TIMEOUT_MS,
      );
      if (!response.ok) throw await staffApiRefusal(response, path);
      setSaved(true);
      setAsking(false);
    } catch (error) {
      console.warn('Saving the quick keys for the whole store failed', { step, error });
      setProblem(problemOf(error, step));
    } finally {
      setBusy(false);
    }
  };

  const possible = online && enrolment !== undefined;
  return (
    <>
      <button
        type="button"
        data-testid="grid-quick-keys-save-store"
        disabled={!possible || busy}
        title={possible ? undefined : t('quickKeys.storeWide.offline')}
        onClick={() => {
          setSaved(false);
          setProblem(undefined);
          setAsking(true);
        }}
      >
        {t('quickKeys.storeWide.button')}
      </button>
      {saved && (
        <p className="notice" role="status" data-testid="grid-quick-keys-store-saved">
          {t('quickKeys.storeWide.saved')}
        </p>
      )}
      {!asking && problem && (
        <p className="error" role="alert" data-testid="grid-quick-keys-store-problem" data-kind={problem}>
          {t(`quickKeys.storeWide.problem.${problem}`)}
        </p>
      )}
      {asking && (
        <div className="dialog-backdrop">
          <section className="dialog panel stack" role="dialog" aria-modal="true" aria-labelledby="quick-keys-store-title" data-testid="grid-quick-keys-store-dialog">
            <h2 id="quick-keys-store-title">{t('quickKeys.storeWide.title')}</h2>
            <p>{t('quickKeys.storeWide.pinHint', { name, count: ids.length })}</p>
            {problem && (
              <p className="error" role="alert" data-testid="grid-quick-keys-store-problem" data-kind={problem}>
                {t(`quickKeys.storeWide.problem.${problem}`)}
              </p>
            )}
            <PinPad busy={busy} onSubmit={(pin) => void save(pin)} />
            <button type="button" data-testid="grid-quick-keys-store-cancel" disabled={busy} onClick={() => setAsking(false)}>
              {t('backOffice.cancel')}
            </button>
          </section>
        </div>
      )}
    </>
  );
}
