import { useKeypadField } from './keypad-target.ts';
import { NumericKeypad } from './numeric-keypad.tsx';

/** The keypad of the screen, typing into whichever registered field is the keypad's (keypad-target.ts); keys off when none. */
export function FieldKeypad({ testId = 'keypad' }: { readonly testId?: string }) {
  const target = useKeypadField();
  return (
    <NumericKeypad
      field={target?.element ?? null}
      decimalSeparator={target?.decimalSeparator ?? null}
      enterLabel={target?.enterLabel ?? '↵'}
      {...(target === null ? {} : { fieldLabel: target.label })}
      testId={testId}
    />
  );
}
