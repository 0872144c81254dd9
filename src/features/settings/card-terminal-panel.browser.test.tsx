// A tablet is paired with the store's card terminal beside it (issue 17), in real Chromium on a real device
// database holding the store's config: the choice is kept on this device and the counter's card form reads it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseContext } from '../../data/database-context.ts';
import { createPosDatabase, type PosDatabase } from '../../data/database.ts';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import { readPairedCardTerminal, savePairedCardTerminal } from '../../devices/card-terminal/paired-card-terminal.ts';
import { i18nIn } from '../../i18n/fixed-language.test-helper.ts';
import { CardTerminalPanel } from './card-terminal-panel.tsx';

let database: PosDatabase | undefined;

afterEach(async () => {
  cleanup();
  savePairedCardTerminal(undefined);
  await database?.remove();
  database = undefined;
});

function configWith(store: Record<string, unknown>): StoreConfigDocument {
  return {
    id: 'store-q1',
    storeId: 'store-q1',
    store: { name: 'Cửa hàng Quận 1', currency: 'VND', locale: 'vi-VN', ...store },
    taxClasses: [],
    staff: [],
    updatedAt: '2025-11-24T00:00:00.000Z',
  };
}

async function renderWith(config: StoreConfigDocument): Promise<void> {
  database = await createPosDatabase({ name: `card-terminal-${crypto.randomUUID()}`, devMode: true });
  await database.config.insert(config);
  render(
    <I18nextProvider i18n={i18nIn('vi')}>
      <DatabaseContext value={{ state: 'ready', database }}>
        <CardTerminalPanel />
      </DatabaseContext>
    </I18nextProvider>,
  );
}

describe('the card terminal this tablet is paired with', () => {
  it('is chosen among the store’s terminals and kept on this device', async () => {
    await renderWith(configWith({ cardTerminals: [{ id: 'vcb-1', name: 'Vietcombank quầy 1' }, { id: 'tcb-2', name: 'Techcombank quầy 2' }] }));
    const picker = await screen.findByTestId<HTMLSelectElement>('card-terminal-paired');
    expect(picker.value).toBe('');
    fireEvent.change(picker, { target: { value: 'tcb-2' } });
    expect(readPairedCardTerminal()).toBe('tcb-2');
    expect(screen.getByTestId('card-terminal-panel').dataset['paired']).toBe('tcb-2');
    expect(screen.getByTestId<HTMLSelectElement>('card-terminal-paired').value).toBe('tcb-2');
  });

  it('a store naming no terminal says where a manager adds them', async () => {
    await renderWith(configWith({}));
    expect((await screen.findByTestId('card-terminal-none')).textContent).toContain('Cài đặt cửa hàng');
    expect(screen.queryByTestId('card-terminal-paired')).toBeNull();
  });
});
