/*
 * The blind close: the cashier counts the drawer by denomination without seeing what it should hold; only
 * once the count is in does the screen show expected, counted and the variance. A variance over the store's
 * limit asks a holder of day.close on the spot (the approval dialog) before the close is written. A hand-over
 * closes the same way and opens the next cashier's shift with the counted cash.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosDatabase } from '../../data/database.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { VARIANCE_APPROVAL_PERMISSION } from '../../domain/shift-settings.ts';
import { DenominationGrid } from './denomination-grid.tsx';
import { writeBlindClose } from './shift-writes.ts';
import type { ClosedShift, ShiftWriteProblem, TypedPieces } from './shift-writes.ts';
import type { TillSetup } from './till-setup.ts';
import { useDayEndApproval } from './use-day-end-approval.ts';

export interface BlindCloseFormProps {
  readonly database: PosDatabase;
  readonly setup: TillSetup;
  readonly staffId: string;
  readonly handOver: boolean;
  readonly onCancel: () => void;
  readonly onDone: (outcome: { ok: true; closed: ClosedShift } | { ok: false; problem: ShiftWriteProblem | 'writeFailed' }) => void;
}

export function BlindCloseForm({ database, setup, staffId, handOver, onCancel, onDone }: BlindCloseFormProps) {
  const { t, i18n } = useTranslation();
  const approve = useDayEndApproval(setup.permissions);
  const [pieces, setPieces] = useState<TypedPieces>({});
  const [nextCashier, setNextCashier] = useState('');
  const [busy, setBusy] = useState(false);
  const money = (amount: number) => formatMoney(amount, setup.drawer.currency, i18n.language);
  const others = setup.staff.filter((member) => member.id !== staffId);

  const close = async () => {
    setBusy(true);
    try {
      const written = await writeBlindClose(
        database,
        setup,
        staffId,
        pieces,
        (variance) => approve(VARIANCE_APPROVAL_PERMISSION, t(variance > 0 ? 'dayEnd.close.approveOver' : 'dayEnd.close.approveShort', { amount: money(Math.abs(variance)) })),
        handOver ? { handOverTo: nextCashier } : {},
      );
      onDone(written.ok ? { ok: true, closed: written.value } : { ok: false, problem: written.problem });
    } catch (error) {
      console.error('Closing the shift failed', { handOver, error });
      onDone({ ok: false, problem: 'writeFailed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="dayend-panel" data-testid="blind-close">
      <h2>{t(handOver ? 'dayEnd.close.handOverTitle' : 'dayEnd.close.title')}</h2>
      <p>{t('dayEnd.close.blindHelp')}</p>
      <DenominationGrid setup={setup} pieces={pieces} onChange={setPieces} testId="close-grid" />
      {handOver && (
        <label>
          {t('dayEnd.close.nextCashier')}
          <select data-testid="next-cashier" value={nextCashier} onChange={(event) => setNextCashier(event.target.value)}>
            <option value="">{t('dayEnd.close.chooseCashier')}</option>
            {others.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="dayend-row">
        <button type="button" className="primary" data-testid="close-shift-confirm" disabled={busy || (handOver && nextCashier === '')} onClick={() => void close()}>
          {t(handOver ? 'dayEnd.close.handOver' : 'dayEnd.close.confirm')}
        </button>
        <button type="button" data-testid="close-shift-cancel" disabled={busy} onClick={onCancel}>
          {t('dayEnd.close.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Expected against counted, once the blind count is written. */
export function ClosedShiftResult({ closed, setup, nameOf }: { closed: ClosedShift; setup: TillSetup; nameOf: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number) => formatMoney(amount, setup.drawer.currency, i18n.language);
  return (
    <section className="dayend-panel" data-testid="closed-shift" data-variance={closed.variance}>
      <h2>{t('dayEnd.close.doneTitle')}</h2>
      <dl className="dayend-figures">
        <dt>{t('dayReport.expected')}</dt>
        <dd data-testid="closed-expected" data-amount={closed.expected}>{money(closed.expected)}</dd>
        <dt>{t('dayReport.counted')}</dt>
        <dd data-testid="closed-counted" data-amount={closed.counted}>{money(closed.counted)}</dd>
        <dt>{t('dayReport.variance')}</dt>
        <dd data-testid="closed-variance" data-amount={closed.variance}>{money(closed.variance)}</dd>
        {closed.approverId !== undefined && (
          <>
            <dt>{t('dayReport.approvedBy')}</dt>
            <dd data-testid="closed-approver">{nameOf(closed.approverId)}</dd>
          </>
        )}
      </dl>
      {closed.nextShiftId !== undefined && <p data-testid="handed-over">{t('dayEnd.close.handedOver')}</p>}
    </section>
  );
}
