/*
 * The customer form, shared by the counter's "new customer" and the customers screen's create and edit:
 * name, phone (any Vietnamese way of writing it: +84 and 0 in front are one number), optional e-mail and
 * member card. It only reads what was typed (domain/customer-details.ts) and hands the details to the
 * caller, which writes them; each field says what is wrong with it, in the user's language.
 */
import { useId, useRef, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readCustomerInput } from '../domain/customer-details.ts';
import type { CustomerDetails, CustomerField, CustomerInput, CustomerProblem } from '../domain/customer-details.ts';
import './customer-form.css';

interface CustomerFormProps {
  readonly initial: CustomerInput;
  /** 'create' or 'edit': the title and the save button say which. */
  readonly mode: 'create' | 'edit';
  /** Writes the details; resolves when written, or rejects (the form then says it could not save). */
  readonly onSave: (details: CustomerDetails) => Promise<void>;
  readonly onCancel: () => void;
  /** Puts the cursor in the name field when the form opens. */
  readonly autoFocus?: boolean;
}

const FIELDS: ReadonlyArray<{ field: CustomerField; inputMode: 'text' | 'tel' | 'email'; autoComplete: string }> = [
  { field: 'name', inputMode: 'text', autoComplete: 'name' },
  { field: 'phone', inputMode: 'tel', autoComplete: 'tel' },
  { field: 'email', inputMode: 'email', autoComplete: 'email' },
  { field: 'memberCard', inputMode: 'text', autoComplete: 'off' },
];

export function CustomerForm({ initial, mode, onSave, onCancel, autoFocus = true }: CustomerFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [input, setInput] = useState<CustomerInput>(initial);
  const [problems, setProblems] = useState<Readonly<Partial<Record<CustomerField, CustomerProblem>>>>({});
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) nameInput.current?.focus();
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readCustomerInput(input);
    if (!read.ok) return setProblems(read.problems);
    setProblems({});
    setSaving(true);
    setSaveFailed(false);
    try {
      await onSave(read.details);
    } catch (error) {
      console.error('Saving the customer failed', error);
      setSaveFailed(true);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="customer-form" onSubmit={(event) => void submit(event)} data-testid="customer-form" data-mode={mode} aria-labelledby={`${formId}-title`} noValidate>
      <h3 id={`${formId}-title`}>{t(mode === 'create' ? 'customers.form.createTitle' : 'customers.form.editTitle')}</h3>
      {FIELDS.map(({ field, inputMode, autoComplete }) => {
        const problem = problems[field];
        const inputId = `${formId}-${field}`;
        return (
          <div className="customer-form-field" key={field}>
            <label htmlFor={inputId}>
              {t(`customers.form.${field}`)}
              {(field === 'email' || field === 'memberCard') && <span className="optional"> {t('customers.form.optional')}</span>}
            </label>
            <input
              id={inputId}
              ref={field === 'name' ? nameInput : undefined}
              value={input[field]}
              onChange={(event) => setInput((current) => ({ ...current, [field]: event.target.value }))}
              inputMode={inputMode}
              autoComplete={autoComplete}
              aria-invalid={problem !== undefined}
              aria-describedby={problem === undefined ? undefined : `${inputId}-problem`}
              data-testid={`customer-form-${field}`}
            />
            {problem !== undefined && (
              <p id={`${inputId}-problem`} className="error" role="alert" data-testid={`customer-form-${field}-problem`} data-problem={problem}>
                {t(`customers.form.problem.${problem}`)}
              </p>
            )}
          </div>
        );
      })}
      {saveFailed && (
        <p className="error" role="alert" data-testid="customer-form-save-failed">
          {t('customers.form.saveFailed')}
        </p>
      )}
      <div className="customer-form-actions">
        <button type="button" onClick={onCancel} disabled={saving} data-testid="customer-form-cancel">
          {t('customers.form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving} data-testid="customer-form-save">
          {t(mode === 'create' ? 'customers.form.create' : 'customers.form.save')}
        </button>
      </div>
    </form>
  );
}
