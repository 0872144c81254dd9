// The customer form in real Chromium, as the counter and the customers screen show it: a cashier types a
// name and a phone written with +84 and spaces, and the details handed over carry the national number;
// missing or wrong fields each say what is wrong (in Vietnamese, the app's default language) and nothing is
// saved; an edit starts from the customer's details; a save the device refuses says so and keeps the form.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerDetails } from '../domain/customer-details.ts';
import { i18nIn } from '../i18n/fixed-language.test-helper.ts';
import { CustomerForm } from './customer-form.tsx';
import './theme.css';

afterEach(cleanup);

function type(testId: string, value: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function renderForm(props: Partial<Parameters<typeof CustomerForm>[0]> & { language?: 'vi' | 'en' } = {}) {
  const onSave = props.onSave ?? vi.fn(async (_details: CustomerDetails) => undefined);
  const onCancel = props.onCancel ?? vi.fn();
  render(
    <I18nextProvider i18n={i18nIn(props.language ?? 'vi')}>
      <CustomerForm mode={props.mode ?? 'create'} initial={props.initial ?? { name: '', phone: '', email: '', memberCard: '' }} onSave={onSave} onCancel={onCancel} />
    </I18nextProvider>,
  );
  return { onSave, onCancel };
}

describe('the customer form', () => {
  it('hands over a new customer with the phone in the national form, however it was typed', async () => {
    const { onSave } = renderForm();
    expect(document.activeElement).toBe(screen.getByTestId('customer-form-name'));
    type('customer-form-name', '  Nguyễn Thị   Lan ');
    type('customer-form-phone', '+84 903 000 003');
    type('customer-form-email', 'lan@example.vn');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ name: 'Nguyễn Thị Lan', phone: '0903000003', email: 'lan@example.vn' }));
  });

  it('says what is wrong with each field, in Vietnamese, and saves nothing', async () => {
    const { onSave } = renderForm();
    type('customer-form-phone', '0903 00');
    type('customer-form-email', 'lan@');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    expect(await screen.findByTestId('customer-form-name-problem')).toHaveProperty('textContent', 'Vui lòng nhập mục này.');
    expect(screen.getByTestId('customer-form-phone-problem').dataset.problem).toBe('not-a-phone');
    expect(screen.getByTestId('customer-form-phone-problem').textContent).toContain('số điện thoại Việt Nam');
    expect(screen.getByTestId('customer-form-email-problem').dataset.problem).toBe('not-an-email');
    expect(screen.getByTestId('customer-form-phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('customer-form-memberCard-problem')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('an edit starts from the customer and can empty the e-mail', async () => {
    const { onSave } = renderForm({ mode: 'edit', language: 'en', initial: { name: 'Trần Anh', phone: '0912345678', email: 'anh@example.vn', memberCard: 'TV0001' } });
    expect(screen.getByRole('heading').textContent).toBe('Edit customer');
    expect((screen.getByTestId('customer-form-phone') as HTMLInputElement).value).toBe('0912345678');
    type('customer-form-email', '');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ name: 'Trần Anh', phone: '0912345678', memberCard: 'TV0001' }));
  });

  it('a save the device refuses is told, and the form keeps what was typed', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderForm({ language: 'en', onSave: () => Promise.reject(new Error('QuotaExceededError')) });
    type('customer-form-name', 'Lan');
    type('customer-form-phone', '0903000003');
    fireEvent.click(screen.getByTestId('customer-form-save'));
    expect((await screen.findByTestId('customer-form-save-failed')).textContent).toContain('could not be saved');
    expect((screen.getByTestId('customer-form-name') as HTMLInputElement).value).toBe('Lan');
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('cancel leaves without saving; the buttons are big enough to tap', () => {
    const { onSave, onCancel } = renderForm();
    for (const id of ['customer-form-save', 'customer-form-cancel', 'customer-form-name']) expect(screen.getByTestId(id).getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    fireEvent.click(screen.getByTestId('customer-form-cancel'));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });
});
