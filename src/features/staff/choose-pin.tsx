/*
 * A person with no PIN yet (a manager reset it, or added them without one) chooses it at the sign-in: typed
 * twice, checked against their role's rule (approvers at least 6 digits, src/domain/approval-proof.ts), sent
 * to the server with the device token (online only: the server keeps the PIN's full hash, the tablets its
 * short check). Once the store's new config reaches this tablet, the same PIN signs them in: they type it
 * only twice. Offline it says so and waits; nothing is written on the tablet.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minimumPinLength, pinProblem } from '../../domain/approval-proof.ts';
import type { StaffMember } from '../../session/use-staff-directory.ts';
import { loadDeviceIdentity } from '../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../sync/sync-database-context.ts';
import { chooseOwnPin, StaffApiError } from '../../sync/staff-api.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { useNetworkOnline } from '../../ui/use-network-online.ts';

type Step =
  | { kind: 'first'; problem?: 'rule' | 'mismatch' }
  | { kind: 'again'; pin: string }
  | { kind: 'sending' }
  | { kind: 'saved'; pin: string }
  | { kind: 'refused'; reason: 'offline' | 'notEnrolled' | 'taken' | 'failed' };

interface ChoosePinProps {
  /** The person as the directory shows them now: pinSetRequired until the new config arrives. */
  member: StaffMember;
  /** Signs the person in with the PIN they chose, once the tablet can check it. */
  onChosen: (pin: string) => void;
}

export function ChoosePin({ member, onChosen }: ChoosePinProps) {
  const { t } = useTranslation();
  const online = useNetworkOnline();
  const syncDatabase = useContext(SyncDatabaseContext);
  const [step, setStep] = useState<Step>({ kind: 'first' });
  const signedIn = useRef(false);

  // The server's answer is in: the tablet takes the PIN as soon as the store's config names it.
  useEffect(() => {
    if (step.kind === 'saved' && !member.pinSetRequired && !signedIn.current) {
      signedIn.current = true;
      onChosen(step.pin);
    }
  }, [step, member.pinSetRequired, onChosen]);

  const send = async (pin: string) => {
    setStep({ kind: 'sending' });
    const device = syncDatabase === null ? undefined : await loadDeviceIdentity(syncDatabase);
    if (device === undefined || device.revokedAt !== undefined) return setStep({ kind: 'refused', reason: 'notEnrolled' });
    try {
      await chooseOwnPin(device.serverUrl, device.token, member.id, pin);
      setStep({ kind: 'saved', pin });
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 0) return setStep({ kind: 'refused', reason: 'offline' });
      if (error instanceof StaffApiError && error.status === 409) return setStep({ kind: 'refused', reason: 'taken' });
      console.error('Choosing a PIN failed', error);
      setStep({ kind: 'refused', reason: 'failed' });
    }
  };

  const submit = (pin: string) => {
    if (step.kind === 'first') {
      if (pinProblem(pin, member.role) !== undefined) return setStep({ kind: 'first', problem: 'rule' });
      return setStep({ kind: 'again', pin });
    }
    if (step.kind === 'again') {
      if (pin !== step.pin) return setStep({ kind: 'first', problem: 'mismatch' });
      void send(pin);
    }
  };

  const minimum = minimumPinLength(member.role);
  if (!online && step.kind !== 'saved') {
    return (
      <p className="notice" role="status" data-testid="choose-pin" data-step="offline">
        {t('staff.choosePin.offline', { name: member.name })}
      </p>
    );
  }
  return (
    <div className="choose-pin" data-testid="choose-pin" data-step={step.kind}>
      {(step.kind === 'first' || step.kind === 'again') && (
        <>
          <p>{step.kind === 'first' ? t('staff.choosePin.first', { name: member.name, digits: minimum }) : t('staff.choosePin.again')}</p>
          <PinPad key={step.kind} busy={false} onSubmit={submit} />
        </>
      )}
      {step.kind === 'sending' && <p role="status">{t('staff.choosePin.sending')}</p>}
      {step.kind === 'saved' && <p role="status" data-testid="choose-pin-saved">{t('staff.choosePin.saved')}</p>}
      {step.kind === 'first' && step.problem !== undefined && (
        <p className="error" role="alert" data-testid="choose-pin-problem" data-kind={step.problem}>
          {step.problem === 'rule' ? t('staff.choosePin.rule', { digits: minimum }) : t('staff.choosePin.mismatch')}
        </p>
      )}
      {step.kind === 'refused' && (
        <>
          <p className="error" role="alert" data-testid="choose-pin-problem" data-kind={step.reason}>
            {t(`staff.choosePin.refused.${step.reason}`)}
          </p>
          <button type="button" data-testid="choose-pin-retry" onClick={() => setStep({ kind: 'first' })}>
            {t('staff.choosePin.retry')}
          </button>
        </>
      )}
    </div>
  );
}
