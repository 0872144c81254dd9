import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinAttemptOutcome } from '../../domain/pin-lockout.ts';
import type { StaffDirectory, StaffMember } from '../../session/use-staff-directory.ts';
import { useStoreTime } from '../../data/use-store-time.ts';
import { PinPad } from '../../ui/pin-pad.tsx';
import { StaffChoices } from '../../ui/staff-choices.tsx';
import { forgetApprovalKey } from '../../session/approval-keys.ts';
import type { OnlineApproval } from '../../sync/approval-check-api.ts';
import { checkStaffPin } from './check-staff-pin.ts';
import { ChoosePin } from './choose-pin.tsx';
import type { StaffServices } from './use-staff-services.ts';

interface StaffPinEntryProps {
  services: StaffServices & { directory: StaffDirectory; database: NonNullable<StaffServices['database']> };
  /** Who may answer: everyone for a sign-in, approvers for an approval. */
  candidates: StaffMember[];
  /** Written on a lock-out's audit entry: "sign-in" or the permission being approved. */
  purpose: string;
  onAccepted: (member: StaffMember) => Promise<void> | void;
  /**
   * For an approval: asks the server once the tablet's short check passed (sync/approval-check-api.ts). The
   * server's "wrong" or "locked" wins; when it cannot be reached the tablet's check stands.
   */
  confirmOnline?: (member: StaffMember, pin: string) => Promise<OnlineApproval>;
}

type Message =
  | { kind: 'wrong'; triesLeft: number }
  | { kind: 'serverWrong' }
  | { kind: 'refused' }
  | { kind: 'locked'; until: number }
  | { kind: 'failed' };

/** Pick a person, type their PIN: shared by the sign-in screen, the quick switch and the approval dialog. */
export function StaffPinEntry({ services, candidates, purpose, onAccepted, confirmOnline }: StaffPinEntryProps) {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<string>();
  // The person as the store's config shows them now (a PIN just chosen changes their entry).
  const chosen = candidates.find((member) => member.id === chosenId);
  // Chosen while they had no PIN: they choose one first, and keep this step until it signs them in.
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  // Answered checks so far: lets a test (and a screen reader's live region) know the check is done.
  const [answered, setAnswered] = useState(0);

  const choose = (member: StaffMember) => {
    setChosenId(member.id);
    setChoosing(member.pinSetRequired);
    setMessage(undefined);
  };

  const tryPin = async (pin: string) => {
    // Nobody signs in as a person without a PIN: the short check of their entry checks no PIN.
    if (!chosen || chosen.pinSetRequired) return;
    setBusy(true);
    try {
      const outcome: PinAttemptOutcome = await checkStaffPin(chosen, pin, {
        staffDatabase: services.staffDatabase,
        database: services.database,
        identity: services.identity,
        settings: services.directory.lockout,
        purpose,
      });
      if (outcome.kind === 'accepted') {
        const online = confirmOnline ? await confirmOnline(chosen, pin) : ({ kind: 'accepted' } as const);
        if (online.kind === 'accepted' || online.kind === 'unreachable') await onAccepted(chosen);
        else {
          // The server said no: the key the tablet's check let through must not sign anything.
          forgetApprovalKey(chosen.id);
          if (online.kind === 'wrong') setMessage({ kind: 'serverWrong' });
          else if (online.kind === 'refused') setMessage({ kind: 'refused' });
          else setMessage({ kind: 'locked', until: Date.now() + (online.retryAfterSeconds ?? 60) * 1000 });
        }
      } else if (outcome.kind === 'wrong') setMessage({ kind: 'wrong', triesLeft: outcome.triesLeft });
      else setMessage({ kind: 'locked', until: outcome.lockedUntil });
    } catch (error) {
      console.error('Checking a staff PIN failed', error);
      setMessage({ kind: 'failed' });
    } finally {
      setBusy(false);
      setAnswered((count) => count + 1);
    }
  };

  const storeTime = useStoreTime();
  const time = (at: number) => storeTime(at, 'time');
  return (
    <div className="staff-pin-entry" data-testid="staff-pin-entry" data-answered={answered}>
      <StaffChoices people={candidates} chosenId={chosen?.id} testIdPrefix="staff-choice-" onChoose={choose} />
      {candidates.length === 0 && <p className="notice">{t('staff.nobodyMayApprove')}</p>}
      {chosen && choosing && <ChoosePin key={chosen.id} member={chosen} onChosen={(pin) => void tryPin(pin)} />}
      {chosen && !choosing && (
        <>
          <p>{t('staff.enterPinFor', { name: chosen.name })}</p>
          <PinPad key={chosen.id} busy={busy} onSubmit={(pin) => void tryPin(pin)} />
        </>
      )}
      {message && (
        <p className="error" role="alert" data-testid="pin-message" data-kind={message.kind}>
          {message.kind === 'wrong' && t('staff.wrongPin', { count: message.triesLeft })}
          {message.kind === 'serverWrong' && t('staff.wrongPinServer')}
          {message.kind === 'refused' && t('staff.approverRefused')}
          {message.kind === 'locked' && t('staff.lockedOut', { time: time(message.until) })}
          {message.kind === 'failed' && t('staff.checkFailed')}
        </p>
      )}
    </div>
  );
}
