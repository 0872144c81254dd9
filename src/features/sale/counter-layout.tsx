import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cartTotals } from '../../domain/cart-totals.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { useCounterPaneStore, type CounterPane } from './counter-pane-store.ts';
import { useCounterStore } from './counter-store.ts';
import { usePaneSwipe } from './use-pane-swipe.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';

/** Under this width (portrait tablets, phones) the cart and the selling area are two panes under tabs. */
export const COUNTER_TABS_QUERY = '(max-width: 899px)';

interface CounterLayoutProps {
  /** What the cashier must see now (a refused scan, a weight to type, an approval): above both halves. */
  readonly notices: ReactNode;
  /** The selling area's top row: search, camera, parked carts, customer display. */
  readonly toolbar: ReactNode;
  /** The panel the cashier opened (search, payment, parked carts, camera), or null for the product grid. */
  readonly panel: ReactNode;
  /**
   * SLOT for the product grid with category tabs and quick keys (src/features/sale/product-grid.tsx): the
   * selling area shows it whenever no panel is open. Null until it exists: a hint takes its place.
   */
  readonly productGrid: ReactNode;
  /**
   * SLOT for the on-screen numeric keypad (src/ui/numeric-keypad.tsx): beside the grid or panel on a
   * landscape screen, under it on a portrait one. Null: no room is kept for it.
   */
  readonly keypad: ReactNode;
  /** The selling area's foot: the last item's stock, the catalog on this device. */
  readonly status: ReactNode;
  /** The cart: full height on one side (landscape), or its own pane (portrait). */
  readonly cart: ReactNode;
}

/**
 * The counter's frame, full-screen and touch-first (counter.css). Landscape tablets and counter PCs: the
 * selling area on the left, the cart on the right at full height (where the customer display would stand).
 * Portrait tablets and phones: the two as panes under a tab bar (counter-pane-store.ts), or a sideways swipe
 * across a pane (use-pane-swipe.ts), both kept mounted so a half-typed search or a tender form survives a switch.
 */
export function CounterLayout({ notices, toolbar, panel, productGrid, keypad, status, cart }: CounterLayoutProps) {
  const { t } = useTranslation();
  const tabs = useMediaQuery(COUNTER_TABS_QUERY);
  const pane = useCounterPaneStore((state) => state.pane);
  const showPane = useCounterPaneStore((state) => state.showPane);
  const swipe = usePaneSwipe(pane, showPane, tabs);
  const shown = (which: CounterPane) => !tabs || pane === which;
  // Side by side, the selling area is a region of its own (the cart panel names itself); under tabs, each half is a tab panel.
  const paneProps = (which: CounterPane) =>
    tabs
      ? { role: 'tabpanel', id: `counter-pane-${which}`, 'aria-labelledby': `counter-tab-${which}`, hidden: !shown(which) }
      : which === 'sell'
        ? { role: 'region', 'aria-label': t('counterLayout.sellingArea') }
        : {};
  return (
    <div className="counter-layout" data-arrangement={tabs ? 'tabs' : 'split'} data-pane={pane} {...swipe}>
      <div className="counter-notices">{notices}</div>
      {tabs && <CounterPaneTabs />}
      <div className="counter-selling" data-testid="counter-selling" {...paneProps('sell')}>
        <div className="counter-toolbar">{toolbar}</div>
        <div className="counter-work" data-keypad={keypad !== null}>
          <div className="counter-stage" data-testid="counter-stage">
            {panel ?? productGrid ?? <p className="counter-idle hint" data-testid="counter-idle">{t('counterLayout.idle')}</p>}
          </div>
          {keypad !== null && <div className="counter-keypad-slot">{keypad}</div>}
        </div>
        <div className="counter-status">{status}</div>
      </div>
      <div className="counter-cart" data-testid="counter-cart" {...paneProps('cart')}>
        {cart}
      </div>
    </div>
  );
}

/** The tab bar of the portrait counter: the cart with its lines and total, and the selling area. Arrow keys move between them. */
function CounterPaneTabs() {
  const { t } = useTranslation();
  const money = useMoney();
  const { taxClasses } = useSaleSettings();
  const pane = useCounterPaneStore((state) => state.pane);
  const showPane = useCounterPaneStore((state) => state.showPane);
  const cart = useCounterStore((state) => state.cart);
  const total = useMemo(() => cartTotals(cart, taxClasses).total, [cart, taxClasses]);
  const tabs = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: CounterPane = pane === 'cart' ? 'sell' : 'cart';
    showPane(next);
    tabs.current?.querySelector<HTMLElement>(`#counter-tab-${next}`)?.focus();
  };
  const tab = (which: CounterPane, label: ReactNode) => (
    <button
      type="button"
      role="tab"
      id={`counter-tab-${which}`}
      aria-controls={`counter-pane-${which}`}
      aria-selected={pane === which}
      tabIndex={pane === which ? 0 : -1}
      onClick={() => showPane(which)}
      data-testid={`counter-tab-${which}`}
    >
      {label}
    </button>
  );
  return (
    <div className="counter-tabs" role="tablist" aria-label={t('counterLayout.panes')} ref={tabs} onKeyDown={onKeyDown}>
      {tab(
        'cart',
        <>
          <span>{t('counterLayout.cartTab', { count: cart.lines.length })}</span>
          <strong className="counter-tab-total">{money(total)}</strong>
        </>,
      )}
      {tab('sell', t('counterLayout.sellTab'))}
    </div>
  );
}
