// What the day-end screens' browser tests share: a till whose shift events naming an approver are signed on
// insert (as main.tsx opens it), the store's cash-drawer limit, the screens rendered over its database, and
// the steps every shift starts with.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { expect } from 'vitest';
import { DatabaseContext } from '../../data/database-context.ts';
import type { PosDatabase } from '../../data/database.ts';
import type { ShiftEventDocument } from '../../data/schemas/types.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { signApprovalsOnInsert } from '../../session/approval-keys.ts';
import { lan, setUpTill, testConfig } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';

/** A variance beyond 20,000 needs a manager; Hoa, the manager, may close the day; cashierMay adds to Lan's role. */
export function dayEndConfig(cashierMay: readonly string[] = []) {
  return {
    ...testConfig({ store: { cashDrawer: { varianceNeedsApprovalAbove: 20_000 } } }),
    permissions: {
      cashier: ['sale.ring_up', 'sale.tender', ...cashierMay],
      supervisor: ['sale.ring_up', 'sale.tender'],
      manager: ['sale.ring_up', 'sale.tender', 'report.view', 'day.close'],
    },
  };
}

/** The till as the app opens it, Lan at the counter: shift events naming an approver are signed on insert. */
export async function openDayEndTill(config: ReturnType<typeof dayEndConfig>): Promise<Till> {
  const opened = await setUpTill(config, lan);
  signApprovalsOnInsert(opened.database);
  return opened;
}

export function renderInTill(database: PosDatabase, element: React.ReactElement) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <DatabaseContext value={{ state: 'ready', database }}>{element}</DatabaseContext>
    </I18nextProvider>,
  );
}

export function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

export async function shiftEvents(database: PosDatabase): Promise<ShiftEventDocument[]> {
  return (await database.shifts.find({ sort: [{ createdAt: 'asc' }] }).exec()).map((document) => document.toJSON() as ShiftEventDocument);
}

/** On the shift screen with no shift open: counts the float note by note (denomination -> notes) and opens it. */
export async function openShiftWithFloat(notes: Readonly<Record<number, number>>): Promise<void> {
  await screen.findByTestId('open-shift');
  for (const [denomination, count] of Object.entries(notes)) type(`float-grid-${denomination}`, String(count));
  fireEvent.click(screen.getByTestId('open-shift-button'));
  // The first write of a fresh IndexedDB can take seconds on a loaded machine.
  await waitFor(() => expect(screen.getByTestId('shift-screen').dataset['shiftState']).toBe('open'), { timeout: 10_000 });
}
