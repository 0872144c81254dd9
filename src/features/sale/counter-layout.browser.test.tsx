// The portrait counter's two panes in real Chromium at 800x1280: a finger swiped right to left across the cart
// shows the selling area, left to right brings the cart back, as the tab bar does; a short or mostly vertical move,
// a swipe that starts in a field, and a mouse drag change nothing.
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { page } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../ui/theme.css';
import { openCounterOnTill } from './counter.test-helper.tsx';
import { resetProductGrid } from './product-grid-store.ts';
import { tearDownTill, type Till } from './till.test-helper.tsx';
import { SWIPE_DISTANCE } from './use-pane-swipe.ts';

let till: Till | undefined;

beforeEach(async () => {
  await page.viewport(800, 1280);
});

afterEach(async () => {
  cleanup();
  resetProductGrid();
  await tearDownTill(till);
  till = undefined;
});

const layout = () => document.querySelector<HTMLElement>('.counter-layout')!;

/** A one-finger move from one point to another on `target` (pointer events, as a touch screen sends them). */
function swipe(target: Element, from: [number, number], to: [number, number], pointerType = 'touch'): void {
  act(() => {
    const init = { bubbles: true, cancelable: true, pointerId: 7, isPrimary: true, pointerType };
    target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: from[0], clientY: from[1] }));
    target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: (from[0] + to[0]) / 2, clientY: (from[1] + to[1]) / 2 }));
    target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: to[0], clientY: to[1] }));
  });
}

describe('the portrait counter', () => {
  it('switches pane with a sideways swipe, as the tabs do, and leaves alone what is not a swipe', async () => {
    till = await openCounterOnTill();
    await waitFor(() => expect(layout().dataset.arrangement).toBe('tabs'));
    expect(layout().dataset.pane).toBe('cart');
    const cart = screen.getByTestId('counter-cart');

    swipe(cart, [600, 500], [600 - SWIPE_DISTANCE / 2, 505]);
    swipe(cart, [600, 500], [450, 700]);
    swipe(screen.getByTestId('customer-phone'), [600, 500], [300, 500]);
    swipe(cart, [600, 500], [300, 500], 'mouse');
    expect(layout().dataset.pane).toBe('cart');

    swipe(cart, [600, 500], [350, 520]);
    await waitFor(() => expect(layout().dataset.pane).toBe('sell'));
    expect(screen.getByTestId('counter-tab-sell')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('counter-cart')).not.toBeVisible();

    swipe(screen.getByTestId('counter-selling'), [200, 800], [500, 790]);
    await waitFor(() => expect(layout().dataset.pane).toBe('cart'));
    expect(screen.getByTestId('counter-tab-cart')).toHaveAttribute('aria-selected', 'true');
    expect(getComputedStyle(screen.getByTestId('counter-cart')).touchAction).toBe('pan-y pinch-zoom');
  });
});
