import './printer-panel.css';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../domain/money-format.ts';
import { resolvePrinterProfile } from '../../devices/printer/printer-profile.ts';
import type { PrinterProfile, PrinterSettings } from '../../devices/printer/printer-profile.ts';
import type { TestPageTexts } from '../../devices/printer/test-page.ts';
import { getPrinterService } from '../../devices/printer/use-printer.ts';
import type { PairedPrinter, PrintOutcome, PrinterProblem, UsbPrinterService } from '../../devices/printer/usb-printer-service.ts';
import { PrinterSettingsForm } from './printer-settings-form.tsx';
import type { DrawerTest } from './use-drawer-test.ts';

type ActionResult =
  | { readonly kind: 'done'; readonly message: 'testPagePrinted' | 'drawerOpened' | 'forgotten' | 'drawerNotRecorded' | 'settingsRejected' }
  | { readonly kind: 'problem'; readonly problem: PrinterProblem };

function printerName(printer: PairedPrinter | undefined): string {
  if (!printer) return '';
  const name = [printer.manufacturerName, printer.productName].filter(Boolean).join(' ');
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  return name || `USB ${hex(printer.vendorId)}:${hex(printer.productId)}`;
}

function profileOf(service: UsbPrinterService): PrinterProfile | undefined {
  try {
    return resolvePrinterProfile(service.profileSettings());
  } catch (error) {
    console.error('The printer settings cannot be resolved', service.state.settings, error);
    return undefined;
  }
}

interface PrinterPanelProps {
  readonly drawerTest: DrawerTest;
  /** The till's printer service; tests pass their own. */
  readonly service?: UsbPrinterService;
}

/**
 * Settings for this till's receipt printer: pair a USB printer (the browser's chooser needs the tap),
 * paper width, model and Vietnamese printing, a test page, a drawer test, forget; and plainly, what
 * happens to receipts when no USB printer is paired. Everything is kept on this device only.
 */
export function PrinterPanel({ drawerTest, service = getPrinterService() }: PrinterPanelProps) {
  const { t, i18n } = useTranslation();
  const subscribe = useCallback((listener: () => void) => service.subscribe(listener), [service]);
  const state = useSyncExternalStore(subscribe, () => service.state);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult>();
  const paired = state.connection !== 'unpaired';
  const name = printerName(state.printer);
  const profile = profileOf(service);

  useEffect(() => {
    service.preload().catch((error: unknown) => console.error('Loading the USB printer driver failed', error));
  }, [service]);

  const run = (action: () => Promise<ActionResult | undefined>) => {
    setBusy(true);
    setResult(undefined);
    action()
      .then(setResult, (error: unknown) => {
        console.error('A printer action failed', error);
        setResult({ kind: 'problem', problem: 'printFailed' });
      })
      .finally(() => setBusy(false));
  };
  const fromOutcome = (outcome: PrintOutcome, message: 'testPagePrinted' | 'drawerOpened'): ActionResult =>
    outcome.ok ? { kind: 'done', message } : { kind: 'problem', problem: outcome.problem };

  const testPageTexts = (): TestPageTexts => {
    const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
    const key = (name: string) => `settings.printer.testPageText.${name}`;
    return {
      title: t(key('title')),
      printer: t(key('printer'), { name: name || '-', width: profile?.paperWidth ?? state.settings.paperWidth, columns: profile?.columns ?? '-' }),
      vietnamese: t(`settings.printer.vietnameseResolved.${profile?.vietnamese ?? 'raster'}`),
      rulerCaption: t(key('rulerCaption')),
      sample: t(key('sample')),
      money: t(key('money'), { amount: formatMoney(1_234_500, 'VND', locale) }),
      barcodeCaption: t(key('barcodeCaption')),
    };
  };

  const pair = () => run(async () => {
    const problem = await service.pair();
    return problem ? { kind: 'problem', problem } : undefined;
  });
  const reconnect = () => run(async () => {
    await service.start();
    return service.state.problem ? { kind: 'problem', problem: service.state.problem } : undefined;
  });
  const printTestPage = () => run(async () => fromOutcome(await service.printTestPage(testPageTexts()), 'testPagePrinted'));
  const openDrawer = () => run(async () => {
    // The audit entry first: a drawer that opened unrecorded is worse than one that did not open.
    if (!(await drawerTest.record())) return { kind: 'done', message: 'drawerNotRecorded' };
    return fromOutcome(await service.openDrawer(), 'drawerOpened');
  });
  const forget = () => run(async () => {
    await service.forget();
    return { kind: 'done', message: 'forgotten' };
  });
  const changeSettings = (change: Partial<PrinterSettings>) => {
    try {
      service.updateSettings(change);
      setResult(undefined);
    } catch (error) {
      console.error('Printer settings refused', change, error);
      setResult({ kind: 'done', message: 'settingsRejected' });
    }
  };

  return (
    <section className="panel printer-panel" data-testid="printer-panel" data-connection={state.connection} aria-busy={busy}>
      <h2>{t('settings.printer.title')}</h2>
      <p role="status" data-testid="printer-status">
        {t(`settings.printer.status.${state.connection}`, { name })}
      </p>
      {!service.usbSupported && <p className="notice">{t('receipt.printer.unsupported')}</p>}
      {!paired && <p className="notice" data-testid="printer-browser-fallback">{t('settings.printer.browserFallback')}</p>}
      {state.problem && (
        <p className="notice error" role="alert" data-testid="printer-problem" data-problem={state.problem}>
          {t(`receipt.printer.${state.problem}`)}
        </p>
      )}
      <div className="actions">
        {service.usbSupported && (
          <button type="button" data-testid="printer-pair" disabled={busy} onClick={pair}>
            {paired ? t('settings.printer.pairAnother') : t('settings.printer.pair')}
          </button>
        )}
        {state.connection === 'disconnected' && (
          <button type="button" data-testid="printer-reconnect" disabled={busy} onClick={reconnect}>
            {t('settings.printer.reconnect')}
          </button>
        )}
        {paired && (
          <>
            <button type="button" data-testid="printer-test-page" disabled={busy} onClick={printTestPage}>
              {t('settings.printer.testPage')}
            </button>
            <button type="button" data-testid="printer-open-drawer" disabled={busy || !drawerTest.allowed} onClick={openDrawer}>
              {t('settings.printer.openDrawer')}
            </button>
            <button type="button" data-testid="printer-forget" disabled={busy} onClick={forget}>
              {t('settings.printer.forget')}
            </button>
          </>
        )}
      </div>
      {!paired && service.usbSupported && <p className="hint">{t('settings.printer.pairHint')}</p>}
      {paired && !drawerTest.allowed && <p className="hint">{t('settings.printer.drawerNeedsManager')}</p>}
      {result && (
        <p
          className={result.kind === 'problem' || result.message === 'drawerNotRecorded' || result.message === 'settingsRejected' ? 'notice error' : 'notice'}
          role={result.kind === 'problem' ? 'alert' : 'status'}
          data-testid="printer-action-result"
          data-result={result.kind === 'problem' ? result.problem : result.message}
        >
          {result.kind === 'problem' ? t(`receipt.printer.${result.problem}`) : t(`settings.printer.${result.message}`)}
        </p>
      )}
      <PrinterSettingsForm
        settings={state.settings}
        reportedMapping={state.printer?.codepageMapping}
        // Without a paired printer or a chosen model there is no printer to say anything about.
        profile={paired || state.settings.printerModel !== undefined ? profile : undefined}
        onChange={changeSettings}
      />
    </section>
  );
}
