/*
 * A swipe between the portrait counter's two panes (counter-layout.tsx): a finger (or pen) moved sideways
 * across the pane, clearly more than up or down, shows the other pane, as the tab bar does: right to left from
 * the cart to the selling area, left to right back. Plain pointer events, no library: the panes let the browser
 * pan only vertically (counter.css, touch-action), so a sideways move reaches us instead of being cancelled.
 * A swipe that starts in a field, on the keypad or in something that scrolls sideways (the category tabs) is
 * left to it. The mouse never swipes: a drag there selects text.
 */
import { useRef, type PointerEvent } from 'react';
import type { CounterPane } from './counter-pane-store.ts';

/** At least this far sideways (px), and this many times further sideways than up or down, within this time (ms). */
export const SWIPE_DISTANCE = 60;
const SWIPE_SLOPE = 1.5;
const SWIPE_MAX_MS = 800;

const LEFT_ALONE = 'input, textarea, select, [contenteditable="true"], .numeric-keypad, [data-no-swipe]';

/** Whether the gesture belongs to the element it starts in: a field, the keypad, or a box that scrolls sideways. */
function ownedByTarget(target: EventTarget, root: Element): boolean {
  if (!(target instanceof Element)) return true;
  if (target.closest(LEFT_ALONE) !== null) return true;
  for (let element: Element | null = target; element !== null && element !== root; element = element.parentElement) {
    if (element.scrollWidth > element.clientWidth + 1) {
      const overflow = getComputedStyle(element).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
  }
  return false;
}

interface SwipeStart {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly at: number;
}

/** Pointer handlers for the element holding the panes; `enabled` only while the panes are under tabs. */
export function usePaneSwipe(pane: CounterPane, showPane: (pane: CounterPane) => void, enabled: boolean) {
  const start = useRef<SwipeStart | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    start.current = null;
    if (!enabled || event.pointerType === 'mouse' || !event.isPrimary || ownedByTarget(event.target, event.currentTarget)) return;
    start.current = { id: event.pointerId, x: event.clientX, y: event.clientY, at: event.timeStamp };
  };
  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const from = start.current;
    start.current = null;
    if (from === null || from.id !== event.pointerId || event.timeStamp - from.at > SWIPE_MAX_MS) return;
    const dx = event.clientX - from.x;
    const dy = event.clientY - from.y;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < SWIPE_SLOPE * Math.abs(dy)) return;
    const next: CounterPane = dx < 0 ? 'sell' : 'cart';
    if (next !== pane) showPane(next);
  };
  const onPointerCancel = () => {
    start.current = null;
  };
  return { onPointerDown, onPointerUp, onPointerCancel };
}
