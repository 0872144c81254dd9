// Opening a shift: the float counted by denomination, then one tap.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosDatabase } from '../../data/database.ts';
import { DenominationGrid } from './denomination-grid.tsx';
import { writeOpenShift } from './shift-writes.ts';
import type { ShiftWriteProblem, TypedPieces } from './shift-writes.ts';
import type { TillSetup } from './till-setup.ts';

export function OpenShiftForm({ database, setup, staffId, onProblem }: { database: PosDatabase; setup: TillSetup; staffId: string; onProblem: (problem: ShiftWriteProblem | 'writeFailed') => void }) {
  const { t } = useTranslation();
  const [pieces, setPieces] = useState<TypedPieces>({});
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const written = await writeOpenShift(database, setup, staffId, pieces);
      if (!written.ok) onProblem(written.problem);
    } catch (error) {
      console.error('Opening the shift failed', error);
      onProblem('writeFailed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="dayend-panel" data-testid="open-shift">
      <h2>{t('dayEnd.shift.openTitle')}</h2>
      <p>{t('dayEnd.shift.openHelp')}</p>
      <DenominationGrid setup={setup} pieces={pieces} onChange={setPieces} testId="float-grid" />
      <button type="button" className="primary" data-testid="open-shift-button" disabled={busy} onClick={() => void open()}>
        {t('dayEnd.shift.open')}
      </button>
    </section>
  );
}
