// "No sale": a manager opens the cash drawer without a sale. Real Chromium, real device database for the
// audit trail, the till's real printer service and WebUSB driver; only the USB printer (whose drawer port
// kicks the drawer) is a fake device that keeps the bytes it receives.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPosDatabase } from '../../data/database.ts';
import type { PosDatabase } from '../../data/database.ts';
import { parsePermissionTable } from '../../domain/permissions.ts';
import { DEFAULT_LOCKOUT } from '../../domain/pin-lockout.ts';
import { codepageNumbers, decodeEscPos } from '../../devices/printer/escpos-decode.test-helper.ts';
import { FakeUsbPrinter, installFakeUsb } from '../../devices/printer/fake-usb-printer.test-helper.ts';
import type { FakeUsb } from '../../devices/printer/fake-usb-printer.test-helper.ts';
import { resolvePrinterProfile } from '../../devices/printer/printer-profile.ts';
import { getPrinterService } from '../../devices/printer/use-printer.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { NoSaleButton } from './no-sale-button.tsx';
import { openStaffDatabase } from './pin-failures.ts';
import type { StaffDatabase } from './pin-failures.ts';
import type { StaffServices } from './use-staff-services.ts';
import { signInWithPin } from '../../session/signed-in.test-helper.ts';

let usb: FakeUsb;
let database: PosDatabase | undefined;
let staffDatabase: StaffDatabase | undefined;

async function servicesForManager(): Promise<StaffServices> {
  database = await createPosDatabase({ name: `no-sale-test-${crypto.randomUUID()}`, devMode: true });
  await signInWithPin({ id: 'manager-hoa', name: 'Hoa', role: 'manager' });
  return {
    database,
    directory: { staff: [], permissions: parsePermissionTable({ manager: ['drawer.open'] }), lockout: DEFAULT_LOCKOUT, idleSignOutMs: 600_000 },
    identity: { storeId: 'store-q1', deviceId: 'counter-1' },
    staffDatabase: (staffDatabase = openStaffDatabase(`no-sale-staff-${crypto.randomUUID()}`)),
  };
}

function renderButton(services: StaffServices) {
  render(
    <I18nextProvider i18n={createI18n()}>
      <NoSaleButton services={services} />
    </I18nextProvider>,
  );
  return screen.getByTestId('no-sale-drawer-open');
}

async function drawerOpenings(): Promise<unknown[]> {
  const entries = (await database?.audit.find({ selector: { action: 'drawer.open' } }).exec()) ?? [];
  return entries.map((entry) => ({ staffId: entry.staffId, details: entry.details }));
}

function pulses(bytes: Uint8Array) {
  const profile = resolvePrinterProfile({ paperWidth: 80, codepageMapping: 'epson', language: 'esc-pos' });
  return decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, [])).pulses;
}

beforeEach(() => {
  usb = installFakeUsb();
  localStorage.clear();
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  cleanup();
  await getPrinterService().forget();
  usb.restore();
  await database?.remove();
  await staffDatabase?.delete();
  database = undefined;
  staffDatabase = undefined;
  useStaffSessionStore.getState().signOut();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('no sale: the manager opens the drawer', () => {
  it('with the USB printer paired, the opening is recorded and the drawer port gets its pulse', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    expect(await getPrinterService().pair()).toBeUndefined();
    const button = renderButton(await servicesForManager());

    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'opened'));
    expect(await drawerOpenings()).toEqual([{ staffId: 'manager-hoa', details: { reason: 'no-sale' } }]);
    expect(epson.jobs).toHaveLength(1);
    expect(pulses(epson.jobs[0] ?? new Uint8Array())).toEqual([{ pin: 0, onMs: 100, offMs: 500 }]);
    expect(screen.queryByTestId('no-sale-problem')).not.toBeInTheDocument();
  });

  it('with no USB printer paired, the opening is recorded and the cashier is told the drawer did not open', async () => {
    const button = renderButton(await servicesForManager());

    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'not-opened'));
    expect(await drawerOpenings()).toHaveLength(1);
    const problem = screen.getByTestId('no-sale-problem');
    expect(problem).toHaveAttribute('data-problem', 'notPaired');
    expect(problem).toHaveTextContent('Két chưa mở được');
    expect(problem).toHaveTextContent('Chưa kết nối máy in. Vào Cài đặt để chọn máy in USB');
  });

  it('the notice of a drawer that did not open closes with its × and is cleared by the next opening that works', async () => {
    const button = renderButton(await servicesForManager());
    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'not-opened'));
    fireEvent.click(screen.getByTestId('no-sale-problem-dismiss'));
    expect(screen.queryByTestId('no-sale-problem')).not.toBeInTheDocument();

    // Again without a printer: the notice is back; then the printer is paired and the next opening clears it.
    fireEvent.click(button);
    await vi.waitFor(() => expect(screen.getByTestId('no-sale-problem')).toBeInTheDocument());
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    expect(await getPrinterService().pair()).toBeUndefined();
    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'opened'));
    expect(screen.queryByTestId('no-sale-problem')).not.toBeInTheDocument();
  });

  it('with the printer unplugged, the cashier is told to check the cable', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    await getPrinterService().pair();
    epson.unplug(usb);
    await vi.waitFor(() => expect(getPrinterService().state.connection).toBe('disconnected'));
    const button = renderButton(await servicesForManager());

    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'not-opened'));
    expect(screen.getByTestId('no-sale-problem')).toHaveTextContent('Máy in đã ngắt kết nối. Kiểm tra dây USB');
    expect(epson.jobs).toEqual([]);
  });
});

describe('no sale during a shift (issue 17: every drawer opening logged)', () => {
  it('is logged in the shift open on this till as a no-sale drawer event, and nothing is added with no shift open', async () => {
    const services = await servicesForManager();
    const button = renderButton(services);
    // No shift open: the audit entry alone.
    fireEvent.click(button);
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'not-opened'));
    expect(await drawerOpenings()).toHaveLength(1);
    expect(await database?.shifts.count().exec()).toBe(0);

    const opened = new Date(Date.now() - 60_000).toISOString();
    await database?.shifts.insert({ id: 'shift-open-1', shiftId: 'shift-1', storeId: 'store-q1', deviceId: 'counter-1', type: 'open', amount: 500_000, currency: 'VND', staffId: 'cashier-lan', createdAt: opened });
    fireEvent.click(button);
    await vi.waitFor(async () => expect(await drawerOpenings()).toHaveLength(2));
    await vi.waitFor(() => expect(button).toHaveAttribute('data-status', 'not-opened'));
    const events = ((await database?.shifts.find({ selector: { type: 'drawer' } }).exec()) ?? []).map((event) => event.toJSON());
    expect(events).toEqual([expect.objectContaining({ shiftId: 'shift-1', storeId: 'store-q1', deviceId: 'counter-1', type: 'drawer', reason: 'no_sale', amount: 0, currency: 'VND', staffId: 'manager-hoa' })]);
    expect(events[0]).not.toHaveProperty('approverId');
  });
});
