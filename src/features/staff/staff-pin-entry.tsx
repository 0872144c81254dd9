import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinAttemptOutcome } from '../../domain/pin-lockout.ts';
import type { StaffDirectory, StaffMember } from '../../session/use-staff-directory.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { StaffChoices } from '../../ui/staff-choices.tsx';
import { checkStaffPin } from './check-staff-pin.ts';
import type { StaffServices } from './use-staff-services.ts';

interface StaffPinEntryProps {
  services: StaffServices & { directory: StaffDirectory; database: NonNullable<StaffServices['database']> };
  /** Who may answer: everyone for a sign-in, approvers for an approval. */
  candidates: StaffMember[];
  /** Written on a lock-out's audit entry: "sign-in" or the permission being approved. */
  purpose: string;
  onAccepted: (member: StaffMember) => Promise<void> | void;
}

type Message = { kind: 'wrong'; triesLeft: number } | { kind: 'locked'; until: number } | { kind: 'failed' };

/** Pick a person, type their PIN: shared by the sign-in screen, the quick switch and the approval dialog. */
export function StaffPinEntry({ services, candidates, purpose, onAccepted }: StaffPinEntryProps) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  // Answered checks so far: lets a test (and a screen reader's live region) know the check is done.
  const [answered, setAnswered] = useState(0);

  const choose = (member: StaffMember) => {
    setChosen(member);
    setMessage(undefined);
  };

  const tryPin = async (pin: string) => {
    if (!chosen) return;
    setBusy(true);
    try {
      const outcome: PinAttemptOutcome = await checkStaffPin(chosen, pin, {
        staffDatabase: services.staffDatabase,
        database: services.database,
        identity: services.identity,
        settings: services.directory.lockout,
        purpose,
      });
      if (outcome.kind === 'accepted') await onAccepted(chosen);
      else if (outcome.kind === 'wrong') setMessage({ kind: 'wrong', triesLeft: outcome.triesLeft });
      else setMessage({ kind: 'locked', until: outcome.lockedUntil });
    } catch (error) {
      console.error('Checking a staff PIN failed', error);
      setMessage({ kind: 'failed' });
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
  };

  const time = (at: number) => new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="staff-pin-entry" data-testid="staff-pin-entry" data-answered={answered}>
      <StaffChoices people={candidates} chosenId={chosen?.id} testIdPrefix="staff-choice-" onChoose={choose} />
      {candidates.length === 0 && <p className="notice">{t('staff.nobodyMayApprove')}</p>}
      {chosen && (
        <>
          <p>{t('staff.enterPinFor', { name: chosen.name })}</p>
          <PinPad key={chosen.id} busy={busy} onSubmit={(pin) => void tryPin(pin)} />
        </>
      )}
      {message && (
        <p className="error" role="alert" data-testid="pin-message" data-kind={message.kind}>
          {message.kind === 'wrong' && t('staff.wrongPin', { count: message.triesLeft })}
          {message.kind === 'locked' && t('staff.lockedOut', { time: time(message.until) })}
          {message.kind === 'failed' && t('staff.checkFailed')}
        </p>
      )}
    </div>
  );
}
