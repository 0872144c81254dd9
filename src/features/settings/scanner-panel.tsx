import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listenForTestScan, type TestScanResult } from '../../devices/scanner/measure-scanner-pace.ts';
import { SCANNER_GAP_CHOICES, saveScannerSettings } from '../../devices/scanner/scanner-settings.ts';
import { useScannerSettings } from '../../devices/scanner/use-scanner-settings.ts';

/** The names of SCANNER_GAP_CHOICES, in their order, for their labels. */
const CHOICE_NAMES = ['wired', 'bluetooth', 'slow', 'verySlow'] as const;

type Measuring = { readonly state: 'idle' } | { readonly state: 'listening' } | { readonly state: 'done'; readonly result: TestScanResult };

/**
 * This device's handheld (keyboard) scanner: how long the counter waits between two keys of one scan,
 * chosen from a list or learnt from a test scan. A Bluetooth scanner needs more than a wired one's 30 ms,
 * or its scans split and their first digits land in the search box.
 */
export function ScannerPanel() {
  const { t } = useTranslation();
  const settings = useScannerSettings();
  const [measuring, setMeasuring] = useState<Measuring>({ state: 'idle' });
  const listening = measuring.state === 'listening';

  useEffect(() => {
    if (!listening) return undefined;
    return listenForTestScan(window, (result) => {
      if (result.ok) saveScannerSettings({ maxGapMs: result.pace.maxGapMs, source: 'measured', slowestGapMs: result.pace.slowestGapMs });
      setMeasuring({ state: 'done', result });
    });
  }, [listening]);

  const choices = SCANNER_GAP_CHOICES.includes(settings.maxGapMs) ? SCANNER_GAP_CHOICES : [...SCANNER_GAP_CHOICES, settings.maxGapMs].sort((a, b) => a - b);
  const choiceLabel = (gap: number) => {
    const kind = CHOICE_NAMES[SCANNER_GAP_CHOICES.indexOf(gap)];
    return kind === undefined ? t('settings.scanner.gapMeasuredOption', { gap }) : t(`settings.scanner.gapOption.${kind}`, { gap });
  };

  return (
    <section className="panel scanner-panel" data-testid="scanner-panel" data-max-gap={settings.maxGapMs} data-source={settings.source}>
      <h2>{t('settings.scanner.title')}</h2>
      <p>{t('settings.scanner.explain')}</p>
      <label>
        {t('settings.scanner.gap')}
        <select
          data-testid="scanner-gap"
          value={settings.maxGapMs}
          disabled={listening}
          onChange={(event) => {
            saveScannerSettings({ maxGapMs: Number(event.target.value), source: 'chosen' });
            setMeasuring({ state: 'idle' });
          }}
        >
          {choices.map((gap) => (
            <option key={gap} value={gap}>
              {choiceLabel(gap)}
            </option>
          ))}
        </select>
      </label>
      {settings.source === 'measured' && settings.slowestGapMs !== undefined && (
        <p data-testid="scanner-measured">{t('settings.scanner.measured', { slowest: settings.slowestGapMs, gap: settings.maxGapMs })}</p>
      )}
      <div className="actions">
        {listening ? (
          <>
            <p role="status" data-testid="scanner-listening">
              {t('settings.scanner.listening')}
            </p>
            <button type="button" data-testid="scanner-measure-cancel" onClick={() => setMeasuring({ state: 'idle' })}>
              {t('settings.scanner.cancel')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="scanner-measure" onClick={() => setMeasuring({ state: 'listening' })}>
            {t('settings.scanner.measure')}
          </button>
        )}
      </div>
      {measuring.state === 'done' && (
        <p role={measuring.result.ok ? 'status' : 'alert'} data-testid="scanner-measure-result">
          {measuring.result.ok
            ? t('settings.scanner.learnt', { code: measuring.result.code, slowest: measuring.result.pace.slowestGapMs, gap: measuring.result.pace.maxGapMs })
            : t('settings.scanner.tooShort', { code: measuring.result.code })}
        </p>
      )}
    </section>
  );
}
