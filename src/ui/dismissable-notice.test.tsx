// A notice the cashier can close: a drawer that did not open must not stay on every screen until a reload.
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { DismissableNotice } from './dismissable-notice.tsx';

function DrawerProblem({ initiallyShown = true }: { readonly initiallyShown?: boolean }) {
  const [shown, setShown] = useState(initiallyShown);
  return shown ? (
    <DismissableNotice tone="error" testId="no-sale-problem" data={{ 'data-problem': 'drawerNotOpened' }} onDismiss={() => setShown(false)}>
      The drawer could not be opened.
    </DismissableNotice>
  ) : null;
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('a notice the cashier can dismiss', () => {
  it('is read out as an alert and closes with its × button, named in the screen\'s language', () => {
    render(
      <I18nextProvider i18n={createI18n()}>
        <DrawerProblem />
      </I18nextProvider>,
    );
    const notice = screen.getByRole('alert');
    expect(notice).toHaveAttribute('data-problem', 'drawerNotOpened');
    expect(notice).toHaveTextContent('The drawer could not be opened.');
    fireEvent.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByTestId('no-sale-problem')).not.toBeInTheDocument();
  });

  it('closes with Escape from its button too, and says "Dismiss" in English', () => {
    localStorage.setItem('pos.language', 'en');
    render(
      <I18nextProvider i18n={createI18n()}>
        <DrawerProblem />
      </I18nextProvider>,
    );
    const close = screen.getByTestId('no-sale-problem-dismiss');
    expect(close).toHaveAccessibleName('Dismiss');
    close.focus();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(screen.queryByTestId('no-sale-problem')).not.toBeInTheDocument();
  });
});
