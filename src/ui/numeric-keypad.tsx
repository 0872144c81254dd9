import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKeypadKey, type KeypadKey } from './keypad-entry.ts';
import './numeric-keypad.css';

interface NumericKeypadProps {
  /** The field the keys type into; null: the keys are off. */
  readonly field: HTMLInputElement | null;
  /** The field's decimal separator (a weight, a percent), or null for whole numbers (dong). */
  readonly decimalSeparator: string | null;
  /** What Enter does, written on its key ("Add", "Apply"); it submits the field's form, as Enter in the field does. */
  readonly enterLabel: string;
  /** What the keys type into, said above them ("Cash given"). */
  readonly fieldLabel?: string;
  /** data-testid of the keypad; each key is `<testId>-key-<key>` (keypad-key-7, keypad-key-000, keypad-key-enter). */
  readonly testId?: string;
}

const DIGIT_ROWS: ReadonlyArray<readonly KeypadKey[]> = [
  ['7', '8', '9'],
  ['4', '5', '6'],
  ['1', '2', '3'],
];

/**
 * Sets a field's text the way typing does: through the prototype's value setter (React's value tracker sits
 * on the element, so a plain assignment would hide the change from onChange) and an input event.
 */
function typeIntoField(field: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  if (setter === undefined) field.value = text;
  else setter.call(field, text);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** A tap on a key leaves the focus where it was: in the field, so a physical keyboard goes on typing there. */
function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}

/**
 * The on-screen numeric keypad of a touch till: digits, 00 and 000 (dong amounts end in zeros), the decimal
 * separator where the field takes one, backspace, clear and Enter, each at least 44 px (--touch-target).
 * It types into an ordinary input through the input's own change handler, so the field reads a tap exactly
 * as it reads a key of a physical keyboard, which keeps typing into the focused field as always. It listens
 * to no key itself: a keyboard-wedge scanner's burst reaches only the field, where the scanner's listener
 * takes it back (src/devices/scanner/keyboard-wedge-listener.ts), so a scan never lands in the keypad's text.
 */
export function NumericKeypad({ field, decimalSeparator, enterLabel, fieldLabel, testId = 'keypad' }: NumericKeypadProps) {
  const { t } = useTranslation();
  const off = field === null || field.disabled || field.readOnly;
  const press = (key: KeypadKey) => {
    if (field === null) return;
    const next = applyKeypadKey(field.value, key, decimalSeparator);
    if (next !== field.value) typeIntoField(field, next);
  };
  const enter = () => field?.form?.requestSubmit();
  const key = (each: KeypadKey, label: string = each, name?: string) => (
    <button key={each} type="button" className="keypad-key" disabled={off} onMouseDown={keepFocus} onClick={() => press(each)} aria-label={name} data-testid={`${testId}-key-${each}`}>
      {label}
    </button>
  );
  return (
    <div className="numeric-keypad" role="group" aria-label={fieldLabel ?? t('keypad.label')} data-testid={testId} data-off={off}>
      {fieldLabel !== undefined && <p className="keypad-field-label">{fieldLabel}</p>}
      <div className="keypad-keys">
        {DIGIT_ROWS.map((row) => row.map((each) => key(each)))}
        {key('0')}
        {key('00')}
        {decimalSeparator === null ? key('000') : key('decimal', decimalSeparator, t('keypad.decimal'))}
        {key('backspace', '⌫', t('keypad.backspace'))}
        {key('clear', 'C', t('keypad.clear'))}
        <button type="button" className="keypad-key keypad-enter primary" disabled={off} onMouseDown={keepFocus} onClick={enter} data-testid={`${testId}-key-enter`}>
          {enterLabel}
        </button>
      </div>
    </div>
  );
}
