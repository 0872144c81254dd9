// A manager sets up the till's receipt printer in Settings, in real Chromium: the panel, the printer
// service, the WebUSB driver library and navigator.usb are real; only the USB printer itself is a fake
// device that keeps the bytes it is sent, read back here as a printer would print them.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { codepageNumbers, decodeEscPos, readPaper } from '../../devices/printer/escpos-decode.test-helper.ts';
import { FakeUsbPrinter, installFakeUsb } from '../../devices/printer/fake-usb-printer.test-helper.ts';
import type { FakeUsb } from '../../devices/printer/fake-usb-printer.test-helper.ts';
import { resolvePrinterProfile } from '../../devices/printer/printer-profile.ts';
import { PRINTER_STORAGE_KEY } from '../../devices/printer/printer-start.ts';
import { rulerRow, TEST_PAGE_BARCODE } from '../../devices/printer/test-page.ts';
import { createBrowserPrinterService } from '../../devices/printer/use-printer.ts';
import type { UsbPrinterService } from '../../devices/printer/usb-printer-service.ts';
import { PrinterPanel } from './printer-panel.tsx';
import type { DrawerTest } from './use-drawer-test.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
}

function decode(bytes: Uint8Array) {
  const profile = resolvePrinterProfile({ paperWidth: 58, codepageMapping: 'epson', language: 'esc-pos' });
  return decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, ['tcvn3', 'tcvn3capitals']));
}

/** A signed-in manager whose drawer tests land in `recorded` (the audit trail has its own browser test). */
function managerDrawerTest(allowed = true, recordSucceeds = true): DrawerTest & { recorded: number } {
  const test = {
    allowed,
    recorded: 0,
    record: async () => {
      if (recordSucceeds) test.recorded += 1;
      return recordSucceeds;
    },
  };
  return test;
}

let usb: FakeUsb;
let service: UsbPrinterService;

function renderPanel(drawerTest: DrawerTest, storage = memoryStorage()) {
  service = createBrowserPrinterService(storage);
  render(
    <I18nextProvider i18n={createI18n()}>
      <PrinterPanel drawerTest={drawerTest} service={service} />
    </I18nextProvider>,
  );
  return { panel: screen.getByTestId('printer-panel'), storage };
}

beforeEach(() => {
  usb = installFakeUsb();
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  cleanup();
  await service.forget();
  usb.restore();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('Settings: the receipt printer', () => {
  it('a manager pairs the Epson, sets a 58 mm roll, prints a test page, tests the drawer, survives a pulled cable and forgets it', async () => {
    const drawerTest = managerDrawerTest();
    const { panel, storage } = renderPanel(drawerTest);
    const ui = within(panel);
    expect(panel).toHaveAttribute('data-connection', 'unpaired');
    expect(ui.getByTestId('printer-status')).toHaveTextContent('Chưa ghép máy in USB.');
    expect(ui.getByTestId('printer-browser-fallback')).toHaveTextContent('hóa đơn sẽ được in qua hộp thoại in của trình duyệt');
    // No printer yet: nothing is claimed about code pages or row widths.
    expect(ui.queryByTestId('printer-resolved')).not.toBeInTheDocument();

    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    fireEvent.click(ui.getByTestId('printer-pair'));
    await vi.waitFor(() => expect(panel).toHaveAttribute('data-connection', 'connected'));
    expect(ui.getByTestId('printer-status')).toHaveTextContent('Đã kết nối máy in EPSON TM-T20III.');
    expect(ui.queryByTestId('printer-browser-fallback')).not.toBeInTheDocument();
    expect(ui.getByTestId('printer-resolved')).toHaveAttribute('data-vietnamese', 'tcvn3');

    fireEvent.click(ui.getByTestId('printer-paper-58'));
    expect(ui.getByTestId('printer-resolved')).toHaveAttribute('data-columns', '32');
    expect(JSON.parse(storage.items.get(PRINTER_STORAGE_KEY) ?? '{}')).toMatchObject({ settings: { paperWidth: 58 }, printer: { serialNumber: 'X5E1234567' } });

    fireEvent.change(ui.getByTestId('printer-vietnamese'), { target: { value: 'raster' } });
    expect(ui.getByTestId('printer-resolved')).toHaveTextContent('Tiếng Việt sẽ được in bằng hình ảnh');
    fireEvent.change(ui.getByTestId('printer-vietnamese'), { target: { value: 'auto' } });

    fireEvent.click(ui.getByTestId('printer-test-page'));
    await vi.waitFor(() => expect(ui.getByTestId('printer-action-result')).toHaveAttribute('data-result', 'testPagePrinted'));
    const testPage = readPaper(decode(epson.allBytes())).map((row) => row.normalize('NFC'));
    expect(testPage).toContain(rulerRow(32));
    // Centred and wrapped to the 32-character row: read as one line of words.
    expect(testPage.join(' ').replace(/\s+/g, ' ')).toContain('EPSON TM-T20III, khổ 58 mm, 32 ký tự/dòng');
    expect(testPage).toContain(`[CODE128 ${TEST_PAGE_BARCODE}]`);

    fireEvent.click(ui.getByTestId('printer-open-drawer'));
    await vi.waitFor(() => expect(ui.getByTestId('printer-action-result')).toHaveAttribute('data-result', 'drawerOpened'));
    expect(drawerTest.recorded).toBe(1);
    expect(decode(epson.jobs.at(-1) ?? new Uint8Array()).commands).toEqual(['pulse']);

    act(() => epson.unplug(usb));
    await vi.waitFor(() => expect(panel).toHaveAttribute('data-connection', 'disconnected'));
    expect(ui.getByTestId('printer-problem')).toHaveTextContent('Máy in đã ngắt kết nối. Kiểm tra dây USB và nguồn máy in');
    expect(ui.getByTestId('printer-reconnect')).toBeInTheDocument();
    act(() => epson.plugIn(usb));
    await vi.waitFor(() => expect(panel).toHaveAttribute('data-connection', 'connected'));
    expect(ui.queryByTestId('printer-problem')).not.toBeInTheDocument();

    epson.status = { offline: 0x12 | 0x20, paper: 0x12 | 0x60 };
    fireEvent.click(ui.getByTestId('printer-test-page'));
    await vi.waitFor(() => expect(ui.getByTestId('printer-action-result')).toHaveAttribute('data-result', 'paperOut'));
    expect(ui.getByTestId('printer-action-result')).toHaveTextContent('Máy in hết giấy. Thay cuộn giấy mới rồi bấm In lại.');

    fireEvent.click(ui.getByTestId('printer-forget'));
    await vi.waitFor(() => expect(ui.getByTestId('printer-action-result')).toHaveAttribute('data-result', 'forgotten'));
    expect(panel).toHaveAttribute('data-connection', 'unpaired');
    expect(ui.getByTestId('printer-browser-fallback')).toBeInTheDocument();
    expect(epson.forgotten).toBe(true);
    expect(JSON.parse(storage.items.get(PRINTER_STORAGE_KEY) ?? '{}')).toEqual({ settings: { paperWidth: 58, vietnamese: 'auto' } });
  });

  it('the paired printer and its settings are there again after a restart, and it reconnects without the chooser', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const first = renderPanel(managerDrawerTest());
    fireEvent.click(within(first.panel).getByTestId('printer-pair'));
    await vi.waitFor(() => expect(first.panel).toHaveAttribute('data-connection', 'connected'));
    fireEvent.click(within(first.panel).getByTestId('printer-paper-58'));
    cleanup();
    await epson.close();
    usb.chooserPicks = undefined;

    const { panel } = renderPanel(managerDrawerTest(), first.storage);
    expect(panel).toHaveAttribute('data-connection', 'disconnected');
    expect(within(panel).getByTestId('printer-paper-58')).toBeChecked();
    await act(() => service.start());
    expect(panel).toHaveAttribute('data-connection', 'connected');
  });

  it('a cashier cannot open the drawer from here, and when the audit entry cannot be written the drawer stays shut', async () => {
    const epson = new FakeUsbPrinter();
    usb.chooserPicks = epson;
    const { panel } = renderPanel(managerDrawerTest(false));
    fireEvent.click(within(panel).getByTestId('printer-pair'));
    await vi.waitFor(() => expect(panel).toHaveAttribute('data-connection', 'connected'));
    expect(within(panel).getByTestId('printer-open-drawer')).toBeDisabled();
    expect(panel).toHaveTextContent('Chỉ quản lý đã đăng nhập mới được mở két để thử');
    cleanup();

    const unrecorded = renderPanel(managerDrawerTest(true, false));
    fireEvent.click(within(unrecorded.panel).getByTestId('printer-pair'));
    await vi.waitFor(() => expect(unrecorded.panel).toHaveAttribute('data-connection', 'connected'));
    fireEvent.click(within(unrecorded.panel).getByTestId('printer-open-drawer'));
    await vi.waitFor(() => expect(within(unrecorded.panel).getByTestId('printer-action-result')).toHaveAttribute('data-result', 'drawerNotRecorded'));
    expect(epson.jobs.filter((job) => decode(job).commands.includes('pulse'))).toEqual([]);
  });

  it('closing the chooser without picking says how to pair, and receipts still go to the print dialog', async () => {
    const { panel } = renderPanel(managerDrawerTest());
    fireEvent.click(within(panel).getByTestId('printer-pair'));
    await vi.waitFor(() => expect(within(panel).getByTestId('printer-action-result')).toHaveAttribute('data-result', 'chooserClosed'));
    expect(within(panel).getByTestId('printer-action-result')).toHaveTextContent('Bấm Kết nối máy in và chọn máy in trong danh sách');
    expect(within(panel).getByTestId('printer-browser-fallback')).toBeInTheDocument();
  });
});
