// The on-screen keypad in real Chromium: taps type into an ordinary field through its change handler, as a
// physical keyboard does (real key presses through the browser), Enter submits the field's form, the keys
// are big enough to tap, and a tap leaves the focus in the field. (A wedge scanner's burst beside the keypad:
// the counter's own test, src/features/sale/counter-keypad.browser.test.tsx, where the scanner listens.)
import { useRef, useState, type FormEvent } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { i18nIn } from '../i18n/fixed-language.test-helper.ts';
import { FieldKeypad } from './field-keypad.tsx';
import { useKeypadTarget } from './keypad-target.ts';
import { NumericKeypad } from './numeric-keypad.tsx';
import './theme.css';

afterEach(cleanup);

/** A cash field as a tender form has it, and the keypad beside it. */
function CashForm({ onAdd, decimalSeparator = null }: { readonly onAdd: (text: string) => void; readonly decimalSeparator?: string | null }) {
  const [typed, setTyped] = useState('');
  const [field, setField] = useState<HTMLInputElement | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd(typed);
    setTyped('');
  };
  return (
    <>
      <form onSubmit={submit}>
        <input ref={setField} value={typed} onChange={(event) => setTyped(event.target.value)} inputMode="none" data-testid="cash-amount" aria-label="Cash" />
        <button type="submit" data-testid="cash-add">Add</button>
      </form>
      <NumericKeypad field={field} decimalSeparator={decimalSeparator} enterLabel="Add" fieldLabel="Cash given" />
    </>
  );
}

function renderCashForm(decimalSeparator: string | null = null) {
  const added: string[] = [];
  render(
    <I18nextProvider i18n={i18nIn('vi')}>
      <CashForm onAdd={(text) => added.push(text)} decimalSeparator={decimalSeparator} />
    </I18nextProvider>,
  );
  return { added, field: screen.getByTestId('cash-amount') as HTMLInputElement };
}

const tap = (key: string) => fireEvent.click(screen.getByTestId(`keypad-key-${key}`));

describe('the on-screen numeric keypad', () => {
  it('types 150,000 with 1, 5, 0, 000 into the field; backspace, clear and 00; Enter adds it as the form does', () => {
    const { added, field } = renderCashForm();
    for (const key of ['1', '5', '0', '000']) tap(key);
    expect(field.value).toBe('150000');
    tap('backspace');
    expect(field.value).toBe('15000');
    tap('clear');
    expect(field.value).toBe('');
    for (const key of ['2', '00', '000']) tap(key);
    tap('enter');
    expect(added).toEqual(['200000']);
    expect(field.value).toBe('');
  });

  it('types a decimal separator where the field takes one, and offers 000 instead where it does not', () => {
    const { field } = renderCashForm(',');
    expect(screen.queryByTestId('keypad-key-000')).toBeNull();
    for (const key of ['decimal', '5']) tap(key);
    expect(field.value).toBe('0,5');
    cleanup();
    renderCashForm(null);
    expect(screen.queryByTestId('keypad-key-decimal')).toBeNull();
  });

  it('a physical keyboard types into the same field, and a tap on a key leaves the focus there', async () => {
    const { added, field } = renderCashForm();
    await userEvent.click(field);
    await userEvent.keyboard('12');
    expect(field.value).toBe('12');
    // A real mouse press on a key does not take the focus from the field.
    await userEvent.click(screen.getByTestId('keypad-key-000'));
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('12000');
    await userEvent.keyboard('{Backspace}5{Enter}');
    expect(added).toEqual(['12005']);
  });

  it('every key is at least 44 px each way, a thumb on a tablet', () => {
    renderCashForm();
    const keys = screen.getByTestId('keypad').querySelectorAll('button');
    expect(keys.length).toBe(15);
    for (const key of keys) {
      const { width, height } = key.getBoundingClientRect();
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(44);
    }
  });
});

/** Two fields that register with the screen's keypad, which stands apart from them. */
function TwoFields() {
  const [qty, setQty] = useState('');
  const [price, setPrice] = useState('');
  const qtyRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  useKeypadTarget(qtyRef, { decimalSeparator: ',', label: 'Quantity', enterLabel: 'Apply' });
  useKeypadTarget(priceRef, { decimalSeparator: null, label: 'Price', enterLabel: 'Apply' });
  return (
    <>
      <input ref={qtyRef} value={qty} onChange={(event) => setQty(event.target.value)} data-testid="qty" />
      <input ref={priceRef} value={price} onChange={(event) => setPrice(event.target.value)} data-testid="price" />
    </>
  );
}

describe("the screen's keypad, apart from the fields", () => {
  it('types into the newest field on screen, then into the one the cashier focused; its keys are off when no field is on screen', async () => {
    const { rerender } = render(
      <I18nextProvider i18n={i18nIn('en')}>
        <TwoFields />
        <FieldKeypad />
      </I18nextProvider>,
    );
    await act(async () => undefined);
    expect(screen.getByTestId('keypad')).toHaveAccessibleName('Price');
    tap('7');
    expect((screen.getByTestId('price') as HTMLInputElement).value).toBe('7');
    act(() => screen.getByTestId('qty').focus());
    expect(screen.getByTestId('keypad')).toHaveAccessibleName('Quantity');
    tap('1');
    tap('decimal');
    tap('5');
    expect((screen.getByTestId('qty') as HTMLInputElement).value).toBe('1,5');

    rerender(
      <I18nextProvider i18n={i18nIn('en')}>
        <FieldKeypad />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('keypad')).toHaveAttribute('data-off', 'true');
    expect(screen.getByTestId('keypad-key-1')).toBeDisabled();
  });
});
