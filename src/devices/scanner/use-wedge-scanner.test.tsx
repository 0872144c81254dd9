// On a React screen: a scan does not leak into a controlled quantity field's state, typing does reach it;
// a Bluetooth scanner's slower keys are read whole once this device's scanner setting says how slow it is.
import { useState } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveScannerSettings } from './scanner-settings.ts';
import { useWedgeScanner } from './use-wedge-scanner.ts';
import type { UseWedgeScannerOptions } from './use-wedge-scanner.ts';

function SaleLine({ options = {} }: { readonly options?: UseWedgeScannerOptions }) {
  const [quantity, setQuantity] = useState('1');
  const [scans, setScans] = useState<string[]>([]);
  useWedgeScanner((code) => setScans((previous) => [...previous, code]), options);
  return (
    <>
      <input data-testid="quantity" value={quantity} onChange={(event) => setQuantity(event.target.value)} />
      <output data-testid="state">{`${quantity}|${scans.join(',')}`}</output>
    </>
  );
}

/** A key on the focused field at an exact time; unless prevented, the browser types it (with an input event). */
function press(char: string, timeStamp: number): void {
  const field = document.activeElement as HTMLInputElement;
  const key = char === '\n' ? 'Enter' : char;
  const event = new KeyboardEvent('keydown', { key, code: char === '\n' ? 'Enter' : `Digit${char}`, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  act(() => {
    field.dispatchEvent(event);
    if (!event.defaultPrevented && key.length === 1) {
      field.setRangeText(key, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: key }));
    }
  });
}

const typeAt = (text: string, start: number, gap: number) => [...text].forEach((c, i) => press(c, start + i * gap));

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('useWedgeScanner on a sale screen', () => {
  it('a scan while the controlled quantity field has focus reaches the sale, not the field state', () => {
    render(<SaleLine />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    field.setSelectionRange(1, 1);
    typeAt('8934588012228\n', 0, 4);
    expect(screen.getByTestId('state').textContent).toBe('1|8934588012228');
    expect(field.value).toBe('1');
  });

  it('slow typing reaches the state; re-renders with equal options keep one listener', () => {
    const view = render(<SaleLine options={{ minLength: 8 }} />);
    view.rerender(<SaleLine options={{ minLength: 8 }} />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    field.setSelectionRange(0, 1);
    typeAt('25', 0, 200);
    typeAt('89345880\n', 1000, 3);
    expect(screen.getByTestId('state').textContent).toBe('25|89345880');
  });

  it('does nothing while disabled', () => {
    render(<SaleLine options={{ enabled: false }} />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    field.setSelectionRange(1, 1);
    typeAt('8934588012228\n', 0, 4);
    expect(screen.getByTestId('state').textContent).toBe('18934588012228|');
  });

  it('a Bluetooth scanner 55 ms between keys: with this device set to wait 80 ms, one whole scan and nothing in the field', () => {
    saveScannerSettings({ maxGapMs: 80, source: 'chosen' });
    render(<SaleLine />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    field.setSelectionRange(1, 1);
    typeAt('0000015893458\n', 0, 55);
    expect(screen.getByTestId('state').textContent).toBe('1|0000015893458');
    expect(field.value).toBe('1');
  });

  it('a setting changed while the counter is open (Settings, or another tab) applies to the next scan', () => {
    render(<SaleLine />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    act(() => saveScannerSettings({ maxGapMs: 120, source: 'measured', slowestGapMs: 70 }));
    field.setSelectionRange(1, 1);
    typeAt('8934588012228\n', 0, 70);
    expect(screen.getByTestId('state').textContent).toBe('1|8934588012228');
  });

  it('a caller naming its own wait keeps it, whatever the device setting', () => {
    saveScannerSettings({ maxGapMs: 120, source: 'chosen' });
    render(<SaleLine options={{ maxGapMs: 30 }} />);
    const field = screen.getByTestId<HTMLInputElement>('quantity');
    field.focus();
    field.setSelectionRange(1, 1);
    typeAt('8934588012228\n', 0, 70);
    expect(screen.getByTestId('state').textContent).toBe('18934588012228|');
  });
});
