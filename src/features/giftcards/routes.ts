// Gift cards: a card's balance as this tablet knows it and as the server holds it, and a reload at the counter.
// Not in the header's row (it is full at 1280 px in Vietnamese): opened from the counter's gift-card prompt.
import { lazy } from 'react';
import type { ScreenRoute } from '../../ui/screen-route.ts';

export const routes: readonly ScreenRoute[] = [
  {
    id: 'gift-cards',
    path: '/gift-cards',
    titleKey: 'giftCards.title',
    needsDatabase: true,
    screen: lazy(() => import('./gift-cards-screen.tsx').then((m) => ({ default: m.GiftCardsScreen }))),
  },
];
