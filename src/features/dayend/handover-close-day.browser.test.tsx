// The shift screen's hand-over and the day end's close-day panel on a real IndexedDB in real Chromium.
// A hand-over is a close and an open: the first cashier counts the drawer blind and the next one's shift
// opens on that count. Closing the day shows what waits to sync; with documents waiting it needs a holder of
// day.close (refused: nothing written; approved: a signed `day.close` audit entry naming both people and what
// was waiting); with everything synced and the cash right, it is recorded by whoever closes, alone.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosDatabase } from '../../data/database.ts';
import type { AuditEntryDocument } from '../../data/schemas/types.ts';
import { rememberApprovalKey } from '../../session/approval-keys.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { signInWithPin } from '../../session/signed-in.test-helper.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { DEVICE_ID, hoa, lan, STORE_ID, tearDownTill } from '../sale/till.test-helper.tsx';
import type { Till } from '../sale/till.test-helper.tsx';
import { DayEndScreen } from './day-end-screen.tsx';
import { dayEndConfig, openDayEndTill, openShiftWithFloat, renderInTill, shiftEvents, type } from './dayend.test-helper.tsx';
import { ShiftScreen } from './shift-screen.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  useApprovalStore.getState().settle(null);
  useSyncStatusStore.setState({ pending: {} });
  await tearDownTill(till);
  till = undefined;
});

// Lan, a cashier, may read the day's report here but not close the day alone; Hoa, the manager, may.
const config = dayEndConfig(['report.view']);

const openTill = () => openDayEndTill(config);

async function dayCloses(database: PosDatabase): Promise<AuditEntryDocument[]> {
  return (await database.audit.find().exec()).map((document) => document.toJSON() as AuditEntryDocument).filter((entry) => entry.action === 'day.close');
}

describe('handing the drawer to the next cashier', () => {
  it('closes the first shift blind on the count and opens the next cashier’s on that same count', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    renderInTill(database, <ShiftScreen />);
    await openShiftWithFloat({ 100000: 3 });
    const firstShiftId = screen.getByTestId('open-shift-summary').dataset['shiftId'];

    fireEvent.click(screen.getByTestId('hand-over'));
    await screen.findByTestId('blind-close');
    // Nobody to hand to yet: the hand-over cannot be confirmed; the list offers everyone but Lan.
    expect(screen.getByTestId('close-shift-confirm')).toBeDisabled();
    const choices = within(screen.getByTestId('next-cashier')).getAllByRole('option').map((option) => (option as HTMLOptionElement).value);
    expect(choices).toEqual(['', hoa.id]);
    type('close-grid-100000', '2');
    type('close-grid-50000', '2');
    type('next-cashier', hoa.id);
    expect(screen.getByTestId('close-shift-confirm')).toBeEnabled();
    fireEvent.click(screen.getByTestId('close-shift-confirm'));

    // Counted 300,000 against 300,000: no approval asked, and the drawer goes on in Hoa's name.
    await screen.findByTestId('handed-over');
    expect(useApprovalStore.getState().pending).toBeNull();
    expect(screen.getByTestId('closed-shift').dataset['variance']).toBe('0');
    await waitFor(() => expect(screen.getByTestId('open-shift-summary').dataset['shiftId']).not.toBe(firstShiftId));
    expect(screen.getByTestId('shift-float').dataset['amount']).toBe('300000');

    // The close and the next open share one moment: found by what they are, not by order.
    const events = await shiftEvents(database);
    expect(events).toHaveLength(3);
    const open = events.find((event) => event.type === 'open' && event.staffId === lan.id);
    const close = events.find((event) => event.type === 'close');
    const next = events.find((event) => event.type === 'open' && event.staffId === hoa.id);
    expect(close?.createdAt).toBe(next?.createdAt);
    expect(open).toMatchObject({ type: 'open', shiftId: firstShiftId, staffId: lan.id, amount: 300_000 });
    expect(close).toMatchObject({ type: 'close', shiftId: firstShiftId, staffId: lan.id, amount: 300_000, expected: 300_000, counts: { '50000': 2, '100000': 2 } });
    expect(next).toMatchObject({ type: 'open', staffId: hoa.id, amount: 300_000, counts: { '50000': 2, '100000': 2 }, storeId: STORE_ID, deviceId: DEVICE_ID });
    expect(next?.shiftId).not.toBe(firstShiftId);
    expect(screen.getByTestId('open-shift-summary').dataset['shiftId']).toBe(next?.shiftId);
  });

  it('a hand-over short beyond the limit waits for the manager, and without her nothing is written', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    renderInTill(database, <ShiftScreen />);
    await openShiftWithFloat({ 100000: 3 });
    fireEvent.click(screen.getByTestId('hand-over'));
    type('close-grid-100000', '2');
    type('next-cashier', hoa.id);
    fireEvent.click(screen.getByTestId('close-shift-confirm'));
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('day.close'));
    act(() => useApprovalStore.getState().settle(null));
    await screen.findByTestId('shift-notice');
    expect((await shiftEvents(database)).map((event) => [event.type, event.staffId])).toEqual([['open', lan.id]]);
  });
});

describe('closing the day', () => {
  it('with documents waiting to sync, a cashier needs the manager: refused, nothing is recorded; approved, a signed day.close names both', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    act(() => {
      useSyncStatusStore.getState().setPending('sales', 2);
      useSyncStatusStore.getState().setPending('shifts', 1);
    });
    renderInTill(database, <DayEndScreen />);
    const panel = await screen.findByTestId('close-day');
    expect(panel.dataset['unsynced']).toBe('3');
    expect(screen.getByTestId('close-day-pending-sales').dataset['count']).toBe('2');
    expect(screen.getByTestId('close-day-pending-shifts').dataset['count']).toBe('1');
    expect(screen.queryByTestId('close-day-synced')).toBeNull();
    const date = (screen.getByTestId('report-date') as HTMLInputElement).value;

    fireEvent.click(screen.getByTestId('close-day-button'));
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('day.close'));
    act(() => useApprovalStore.getState().settle(null));
    await waitFor(() => expect(screen.getByTestId('close-day-outcome').getAttribute('role')).toBe('alert'));
    expect(await dayCloses(database)).toEqual([]);

    fireEvent.click(screen.getByTestId('close-day-button'));
    await waitFor(() => expect(useApprovalStore.getState().pending?.permission).toBe('day.close'));
    await rememberApprovalKey(hoa.id, new Uint8Array(32).fill(9), Date.now() + 60_000);
    act(() => useApprovalStore.getState().settle({ id: hoa.id, name: hoa.name, role: 'manager' }));
    await waitFor(() => expect(screen.getByTestId('close-day-outcome').getAttribute('role')).toBe('status'));
    const [entry, ...more] = await dayCloses(database);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'day.close', staffId: lan.id, approverId: hoa.id, subjectId: date, storeId: STORE_ID, deviceId: DEVICE_ID });
    expect(entry?.details).toMatchObject({ date, unsynced: 3, pending: { sales: 2, shifts: 1 }, variance: 0, salesCount: 0 });
    expect(entry?.approvalProof?.by).toBe(hoa.id);
  });

  it('with everything synced and no cash variance, the close is recorded without asking anyone', async () => {
    till = await openTill();
    await signInWithPin(lan);
    const { database } = till;
    renderInTill(database, <DayEndScreen />);
    await screen.findByTestId('close-day-synced');
    expect(screen.getByTestId('close-day').dataset['unsynced']).toBe('0');
    fireEvent.click(screen.getByTestId('close-day-button'));
    await waitFor(() => expect(screen.getByTestId('close-day-outcome').getAttribute('role')).toBe('status'));
    expect(useApprovalStore.getState().pending).toBeNull();
    const [entry] = await dayCloses(database);
    expect(entry).toMatchObject({ action: 'day.close', staffId: lan.id, details: { unsynced: 0, pending: {}, variance: 0 } });
    expect(entry?.approverId).toBeUndefined();
  });
});
