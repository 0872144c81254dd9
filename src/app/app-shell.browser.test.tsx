// The header as a cashier sees it in real Chromium with the app's styles: offline, with sales waiting and
// a problem to report, a manager signed in, on an 800 px counter PC and a 1280 px tablet, in Vietnamese and
// English. It stays one row (every item on the same line, the header one row high), every navigation link
// shows whole, the sync and catalog states are chips of their own, and the staff corner opens from a menu.
import './app.css';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18nIn } from '../i18n/fixed-language.test-helper.ts';
import { useSyncStatusStore } from '../sync/sync-status-store.ts';
import { hoa, setUpTill, tearDownTill, type Till } from '../features/sale/till.test-helper.tsx';
import { renderApp, setNetworkOnline } from './render-app.tsx';

let till: Till | undefined;

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  setNetworkOnline(true);
  await tearDownTill(till);
  till = undefined;
});

/** The till as the issue found it: offline, 12 sales and an audit entry waiting, the server unreachable, a catalog arriving. */
async function openOfflineTill(language: 'vi' | 'en', width: number): Promise<void> {
  await page.viewport(width, 800);
  // The test frame takes its new size a moment after the command (later still on a busy machine).
  await waitFor(() => expect(window.innerWidth).toBe(width), { timeout: 5_000 });
  till = await setUpTill(undefined, hoa);
  renderApp({ databaseOpening: Promise.resolve(till.database), i18n: i18nIn(language) });
  act(() => {
    setNetworkOnline(false);
    const status = useSyncStatusStore.getState();
    status.setPhase('running');
    status.setCatalogProgress({ rows: 45_000, caughtUp: false });
    status.setPending('sales', 12);
    status.setPending('audit', 1);
    status.reportProblem('unreachable');
  });
  await screen.findByTestId('signed-in-staff');
}

/** The header's own row: the boxes of what it shows (hidden items and the folded menu left out). */
function shownItems(header: HTMLElement): DOMRect[] {
  const items = header.querySelectorAll<HTMLElement>('.brand, .shell-nav a, .status-chip, .catalog-chip, .shell-menu-toggle, .shell-tools > *');
  return [...items].filter((item) => item.checkVisibility({ visibilityProperty: true })).map((item) => item.getBoundingClientRect());
}

function expectOneRow(width: number): void {
  const header = screen.getByTestId('shell-header');
  const box = header.getBoundingClientRect();
  const items = shownItems(header);
  expect(items.length).toBeGreaterThan(4);
  const tallest = Math.max(...items.map((item) => item.height));
  // One row: the header is no taller than its tallest item and its padding, and every item sits on the same line.
  expect(box.height).toBeLessThanOrEqual(tallest + 24);
  const middles = items.map((item) => item.top + item.height / 2);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
  // Nothing cut off at the sides, and the navigation shows every link whole.
  for (const item of items) {
    expect(item.left).toBeGreaterThanOrEqual(0);
    expect(item.right).toBeLessThanOrEqual(width);
  }
  const nav = header.querySelector<HTMLElement>('.shell-nav');
  expect(nav?.scrollWidth).toBeLessThanOrEqual(nav?.clientWidth ?? 0);
}

describe('the header on a counter screen', () => {
  for (const language of ['vi', 'en'] as const) {
    for (const width of [800, 1280]) {
      it(`stays one row at ${width} px in ${language === 'vi' ? 'Vietnamese' : 'English'}, offline with sales waiting and a manager signed in`, async () => {
        await openOfflineTill(language, width);
        await waitFor(() => expect(screen.getByTestId('connection-status').dataset.state).toBe('offline'));
        expectOneRow(width);
        // The sync state is a chip of its own, not an underlined run of sentences, and the catalog another.
        const chip = screen.getByTestId('open-sync');
        expect(getComputedStyle(chip).textDecorationLine).toBe('none');
        expect(chip.contains(screen.getByTestId('catalog-progress'))).toBe(false);
        expect(screen.getByTestId('sync-pending-count').dataset.count).toBe('13');
        expect(screen.queryByTestId('sync-error')).toBeNull();
      });
    }
  }

  it('at 800 px the staff corner opens from the signed-in name, and a tap on one of its buttons folds it again', async () => {
    await openOfflineTill('en', 800);
    const toggle = screen.getByTestId('shell-menu-toggle');
    expect(toggle).toHaveTextContent('Hoa');
    expect(screen.getByTestId('staff-sign-out').checkVisibility({ visibilityProperty: true })).toBe(false);
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('staff-sign-out').checkVisibility({ visibilityProperty: true })).toBe(true);
    // The menu opens below the header, whose height does not change.
    expect(screen.getByTestId('shell-tools').getBoundingClientRect().top).toBeGreaterThanOrEqual(screen.getByTestId('shell-header').getBoundingClientRect().bottom);
    // The quick switch: the menu folds, the dialog it opened stays on screen.
    fireEvent.click(screen.getByTestId('staff-switch'));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect((await screen.findByTestId('staff-switch-dialog')).checkVisibility({ visibilityProperty: true })).toBe(true);
    fireEvent.click(screen.getByTestId('staff-switch-cancel'));
    // Opened again, a tap on the screen beside it folds it.
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    fireEvent.pointerDown(document.body);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('at 800 px the screens that do not fit in the row are in the menu, and open from there', async () => {
    await openOfflineTill('en', 800);
    const folded = screen.getByTestId('nav-pickup');
    expect(folded.checkVisibility()).toBe(false);
    fireEvent.click(screen.getByTestId('shell-menu-toggle'));
    const inMenu = screen.getByTestId('menu-nav-pickup');
    expect(inMenu.checkVisibility({ visibilityProperty: true })).toBe(true);
    expect(inMenu).toHaveTextContent('Pickup');
    expect(inMenu.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    fireEvent.click(inMenu);
    await waitFor(() => expect(window.location.pathname).toBe('/pickup'));
    expect(screen.getByTestId('shell-menu-toggle')).toHaveAttribute('aria-expanded', 'false');
  });

  it('at 1280 px every screen is in the row and none in the menu', async () => {
    await openOfflineTill('en', 1280);
    expect(screen.getByTestId('nav-pickup').checkVisibility()).toBe(true);
    expect(screen.getByTestId('menu-nav-pickup').checkVisibility()).toBe(false);
  });
});
