// A cashier pairs a Bluetooth scanner that sends its keys 40-55 ms apart. At a wired scanner's 30 ms its
// scans split; Settings learns its pace from one test scan (keeping that scan out of every field), and at
// the counter its scans are then read whole. The wait can also be chosen from a list.
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { readScannerSettings } from '../../devices/scanner/scanner-settings.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import { ScannerPanel } from './scanner-panel.tsx';

/** The Bluetooth scanner's pace: key i at this time (ms); the slowest pause is 55 ms. */
const bluetoothTimes = (start: number, keys: number) => Array.from({ length: keys }, (_, i) => start + i * 45 + (i % 3 === 2 ? 10 : 0));

/** Keys on whatever has focus at exact times; a key not prevented types its digit, as a browser would. */
function scanAt(text: string, times: readonly number[]): void {
  [...text].forEach((char, i) => {
    const target = document.activeElement ?? document.body;
    const key = char === '\n' ? 'Enter' : char;
    const event = new KeyboardEvent('keydown', { key, code: char === '\n' ? 'Enter' : `Digit${char}`, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: times[i] });
    act(() => {
      target.dispatchEvent(event);
      if (!event.defaultPrevented && key.length === 1 && target instanceof HTMLInputElement) {
        target.setRangeText(key, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
        target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: key }));
      }
    });
  });
}

/** The counter's part that matters here: a search box with focus and the scans it hands to the sale. */
function Counter() {
  const [search, setSearch] = useState('');
  const [scans, setScans] = useState<string[]>([]);
  useWedgeScanner((code) => setScans((previous) => [...previous, code]));
  return (
    <>
      <input data-testid="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <output data-testid="scans">{scans.join(',')}</output>
    </>
  );
}

function renderWithI18n(children: React.ReactNode) {
  return render(<I18nextProvider i18n={createI18n()}>{children}</I18nextProvider>);
}

const code = '8934588012228\n';

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('pos.language', 'en');
});
afterEach(cleanup);

describe('Settings: the handheld scanner', () => {
  it('at a wired scanner\'s 30 ms the Bluetooth scanner\'s scan splits into the search box; learnt in Settings, the counter reads it whole', () => {
    // Before: the counter waits 30 ms, and the scan is lost to the search box.
    const before = renderWithI18n(<Counter />);
    screen.getByTestId<HTMLInputElement>('search').focus();
    scanAt(code, bluetoothTimes(0, code.length));
    expect(screen.getByTestId('scans').textContent).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('search').value).not.toBe('');
    before.unmount();

    // Settings: learn from a test scan, with a text field focused that must stay empty.
    renderWithI18n(
      <>
        <input data-testid="other-field" />
        <ScannerPanel />
      </>,
    );
    const panel = screen.getByTestId('scanner-panel');
    expect(panel.dataset.maxGap).toBe('30');
    fireEvent.click(screen.getByTestId('scanner-measure'));
    expect(screen.getByTestId('scanner-listening')).toBeInTheDocument();
    screen.getByTestId<HTMLInputElement>('other-field').focus();
    scanAt(code, bluetoothTimes(10_000, code.length));
    expect(screen.getByTestId<HTMLInputElement>('other-field').value).toBe('');
    expect(screen.getByTestId('scanner-measure-result')).toHaveTextContent('Scanned 8934588012228: keys came up to 55 ms apart. The counter now waits up to 95 ms between keys.');
    expect(panel.dataset.maxGap).toBe('95');
    expect(panel.dataset.source).toBe('measured');
    expect(screen.getByTestId<HTMLSelectElement>('scanner-gap').value).toBe('95');
    expect(readScannerSettings()).toEqual({ maxGapMs: 95, source: 'measured', slowestGapMs: 55 });
    cleanup();

    // After: the same scanner at the counter rings up the whole code, and the search box stays empty.
    renderWithI18n(<Counter />);
    screen.getByTestId<HTMLInputElement>('search').focus();
    scanAt(code, bluetoothTimes(20_000, code.length));
    expect(screen.getByTestId('scans').textContent).toBe('8934588012228');
    expect(screen.getByTestId<HTMLInputElement>('search').value).toBe('');
  });

  it('a test scan too short to learn from says so and changes nothing', () => {
    renderWithI18n(<ScannerPanel />);
    fireEvent.click(screen.getByTestId('scanner-measure'));
    scanAt('123\n', [0, 40, 80, 120]);
    expect(screen.getByTestId('scanner-measure-result')).toHaveTextContent('The scan "123" was too short to learn from.');
    expect(readScannerSettings().maxGapMs).toBe(30);
  });

  it('the wait can be chosen from the list instead, in Vietnamese too', () => {
    localStorage.setItem('pos.language', 'vi');
    renderWithI18n(<ScannerPanel />);
    expect(screen.getByTestId('scanner-panel')).toHaveTextContent('Máy quét cầm tay');
    fireEvent.change(screen.getByTestId('scanner-gap'), { target: { value: '80' } });
    expect(readScannerSettings()).toEqual({ maxGapMs: 80, source: 'chosen' });
    expect(screen.getByTestId<HTMLSelectElement>('scanner-gap').selectedOptions[0]).toHaveTextContent('Máy quét không dây chậm (80 ms)');
  });
});
