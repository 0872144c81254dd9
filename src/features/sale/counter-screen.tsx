import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { buildNameWordIndex } from '../../catalog/name-word-index.ts';
import { useDatabase } from '../../data/database-context.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { attachCustomer } from '../../domain/cart.ts';
import { scanSounds } from '../../devices/feedback/scan-feedback.ts';
import type { ScanCue } from '../../devices/feedback/scan-feedback.ts';
import { useScanFlash } from '../../devices/feedback/use-scan-flash.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import { deliverToClaim } from '../../devices/scanner/scan-claim.ts';
import { useApprovalStore } from '../../session/approval-store.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { takeCustomerForCounter, takePickupOrderForCounter } from '../../session/counter-handoff-store.ts';
import { cartWithPickupOrder } from './pickup-order-cart.ts';
import type { ProductDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import type { CartProduct, RingUpOptions } from '../../domain/cart.ts';
import { ApprovalWaiting } from './approval-waiting.tsx';
import { CartPanel } from './cart-panel.tsx';
import { CounterLayout } from './counter-layout.tsx';
import { CounterNoticeBar } from './counter-notice.tsx';
import { COUNTER_KEYS } from './counter-keys.ts';
import { focusInPane } from './counter-pane-store.ts';
import { useCounterStore } from './counter-store.ts';
import { findCustomer } from './customer-lookup.ts';
import { LastItemStock } from './last-item-stock.tsx';
import { ParkedCartsPanel } from './parked-carts-panel.tsx';
import { PayPanel } from './pay-panel.tsx';
import { catalogProductFinder, ProductFinderContext } from '../../catalog/product-finder.ts';
import { cartProductOf } from '../../catalog/scanned-product.ts';
import { SaleHomeScreen } from './sale-home-screen.tsx';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { SearchPanel } from './search-panel.tsx';
import { useRingUp } from './use-ring-up.ts';
import { useCustomerDisplayFeed } from './use-customer-display-feed.ts';
import { openCustomerDisplay } from '../../session/customer-display-channel.ts';
import { useParkedCartList } from './use-parked-carts.ts';
import { useCounterKeyAction, useCounterKeyboard } from './use-counter-keys.ts';
import { ShortcutHint } from '../../ui/shortcut-hint.tsx';
import { WeightPrompt } from './weight-prompt.tsx';
import { GiftCardLinePrompt } from './gift-card-line.tsx';
import { ProductGrid } from './product-grid.tsx';
import { FieldKeypad } from '../../ui/field-keypad.tsx';
import { useKeypadTargetStore } from '../../ui/keypad-target.ts';
import { CompletedSaleActions, CompletedSaleReceipt } from './completed-sale.tsx';
import './counter.css';

// The camera and its barcode reader are heavy and only tablets without a scanner need them.
const CameraScannerView = lazy(() => import('../../devices/scanner/camera-scanner-view.tsx').then((m) => ({ default: m.CameraScannerView })));

/** The counter: the store's settings and the catalog for the screen, or why it cannot sell yet. */
export function CounterScreen() {
  const { t } = useTranslation();
  const config = useStoreConfig();
  const catalog = useCatalogDatabase();
  const finder = useMemo(() => catalogProductFinder(catalog), [catalog]);
  const settings = useMemo(() => (config ? saleSettingsOf(config) : null), [config]);
  // A name index left unfinished (an upgraded catalog, a reload in the middle of building) goes on in the background.
  useEffect(() => void buildNameWordIndex(catalog), [catalog]);
  // The catalog on this device and, before enrolment, how to set up sync: a line at the foot of the selling area.
  const home = <SaleHomeScreen />;
  return (
    <div className="counter-screen">
      {config === undefined && (
        <>
          {home}
          <p role="status">{t('sale.config.loading')}</p>
        </>
      )}
      {config === null && (
        <>
          {home}
          <p className="notice" data-testid="no-store-config">
            {t('sale.config.missing')}
          </p>
        </>
      )}
      {config && settings && (
        <ProductFinderContext value={finder}>
          <SaleSettingsContext value={settings}>
            <Counter config={config} home={home} />
          </SaleSettingsContext>
        </ProductFinderContext>
      )}
    </div>
  );
}

/**
 * The counter's frame: it owns the scanner, the keyboard and the flash, and changes on every scan
 * (data-scan-count), so it renders only the memoised body below with props that stay the same from scan to
 * scan. A scan then re-renders the cart panel (the new row and the totals) and the last item's stock, not
 * the whole screen.
 */
function Counter({ config, home }: { readonly config: StoreConfigDocument; readonly home: ReactNode }) {
  const database = useDatabase();
  const settings = useMemo(() => saleSettingsOf(config), [config]);
  const lastSaleNumber = useCounterStore((state) => state.lastSale?.number ?? '');
  const lastPayMs = useCounterStore((state) => state.lastSale?.durableMs);
  const approvalPending = useApprovalStore((state) => state.pending !== null);
  const { cue: flashCue, count: flashCount, flash } = useScanFlash();
  const counter = useRef<HTMLElement>(null);
  const cue = useCallback(
    (each: ScanCue) => {
      scanSounds.play(each);
      flash(each);
    },
    [flash],
  );
  const { ringUpScan, ringUpProduct } = useRingUp(settings.barcodeRules, cue, settings.giftCards.productIds);
  useCustomerDisplayFeed(config);
  // A customer handed over from another screen (the pickup counter's "sell more") is attached once.
  useEffect(() => {
    const customerId = takeCustomerForCounter();
    if (customerId !== null) useCounterStore.getState().replaceCart(attachCustomer(useCounterStore.getState().cart, customerId));
  }, []);
  // An unpaid online order handed over by the pickup screen is rung up once, at the order's prices.
  const catalog = useCatalogDatabase();
  useEffect(() => {
    const order = takePickupOrderForCounter();
    if (order === null) return;
    void cartWithPickupOrder(useCounterStore.getState().cart, catalog, order).then(({ cart, missing }) => {
      const store = useCounterStore.getState();
      store.replaceCart(cart);
      if (missing.length > 0) store.tell({ tone: 'error', key: 'pickup.counter.missing', values: { number: order.number, names: missing.join(', ') } });
      else store.tell({ tone: 'info', key: 'pickup.counter.rungUp', values: { number: order.number } });
    });
  }, [catalog]);

  const onScan = useCallback(
    async (code: string) => {
      // A form waiting for a code (a gift card number at payment) takes it instead of the cart.
      if (deliverToClaim(code)) return;
      await ringUpScan(code);
      // Not a product: it may be a member card.
      const store = useCounterStore.getState();
      if (store.notice?.searchFor !== code) return;
      const customer = await findCustomer(database, code).catch((error: unknown) => {
        console.error('Member card lookup failed', error);
        return undefined;
      });
      if (customer === undefined) return;
      store.replaceCart(attachCustomer(useCounterStore.getState().cart, customer.id));
      store.tell({ tone: 'success', key: 'customer.attached', values: { name: customer.name } });
    },
    [ringUpScan, database],
  );
  // A manager typing a PIN owns the keyboard; the camera view delivers its own scans.
  useWedgeScanner((code) => void onScan(code), { enabled: !approvalPending });
  useCounterKeyboard(counter, !approvalPending);

  return (
    <section ref={counter} className="counter" data-testid="counter" data-scan-cue={flashCue ?? ''} data-scan-count={flashCount} data-last-sale={lastSaleNumber} data-last-pay-ms={lastPayMs === undefined ? '' : lastPayMs.toFixed(1)}>
      <CounterBody config={config} onScan={onScan} ringUpProduct={ringUpProduct} home={home} />
    </section>
  );
}

interface CounterBodyProps {
  readonly config: StoreConfigDocument;
  readonly onScan: (code: string) => Promise<void>;
  readonly ringUpProduct: (product: CartProduct, options?: RingUpOptions) => boolean;
  readonly home: ReactNode;
}

const CounterBody = memo(function CounterBody({ config, onScan, ringUpProduct, home }: CounterBodyProps) {
  const { t } = useTranslation();
  const panel = useCounterStore((state) => state.panel);
  const openPanel = useCounterStore((state) => state.openPanel);
  const staff = useStaffSessionStore((state) => state.staff);
  const parkedCount = useParkedCartList()?.length ?? 0;
  const chooseFound = useCallback((product: ProductDocument) => ringUpProduct(cartProductOf(product)) && openPanel('cart'), [ringUpProduct, openPanel]);
  // A tile of the product grid rings up as a scan of the product would; the grid stays for the next one.
  const ringUpTile = useCallback((product: ProductDocument) => void ringUpProduct(cartProductOf(product)), [ringUpProduct]);
  const keypadWanted = useKeypadTargetStore((state) => state.targets.length > 0);
  const openSearch = () => {
    if (useCounterStore.getState().panel === 'search') focusInPane('sell', () => document.getElementById(SEARCH_INPUT_ID));
    else useCounterStore.getState().openSearch('');
  };
  useCounterKeyAction('search', openSearch);
  useCounterKeyAction('back', () => openPanel('cart'), { enabled: panel !== 'cart' });

  const opened =
    panel === 'search' ? (
      <SearchPanel onChoose={chooseFound} inputId={SEARCH_INPUT_ID} />
    ) : panel === 'parked' ? (
      <ParkedCartsPanel />
    ) : panel === 'pay' ? (
      <Suspense fallback={<p role="status">{t('sale.pay.loading')}</p>}>
        <PayPanel config={config} />
      </Suspense>
    ) : panel === 'receipt' ? (
      <CompletedSaleReceipt config={config} />
    ) : panel === 'camera' ? (
      <Suspense fallback={<p role="status">{t('sale.camera.loading')}</p>}>
        <CameraScannerView onScan={(code) => void onScan(code.rawValue)} />
      </Suspense>
    ) : null;

  return (
    <CounterLayout
      notices={
        <>
          {staff === null && <p className="notice error" role="alert" data-testid="staff-signed-out">{t('sale.staff.signInToSell')}</p>}
          <CounterNoticeBar />
          <CompletedSaleActions config={config} />
          <ApprovalWaiting />
          <WeightPrompt onWeighed={ringUpProduct} />
          <GiftCardLinePrompt onLoad={ringUpProduct} />
        </>
      }
      toolbar={
        <>
          <button type="button" className="counter-search-bar" onClick={openSearch} aria-keyshortcuts={COUNTER_KEYS.search} aria-pressed={panel === 'search'} data-testid="open-search">
            <span>{t('sale.search.open')}</span>
            <ShortcutHint keyName={COUNTER_KEYS.search} />
          </button>
          <button type="button" onClick={() => openPanel(panel === 'camera' ? 'cart' : 'camera')} aria-pressed={panel === 'camera'} data-testid="open-camera">{t('sale.camera.open')}</button>
          <button type="button" onClick={() => openPanel('parked')} aria-pressed={panel === 'parked'} data-testid="open-parked" data-count={parkedCount}>{t('sale.park.open', { count: parkedCount })}</button>
          <button type="button" onClick={() => void openCustomerDisplay()} data-testid="open-customer-display">{t('sale.display.open')}</button>
        </>
      }
      panel={opened}
      productGrid={<ProductGrid config={config} onChoose={ringUpTile} />}
      // The keypad stands beside the panel whose field takes it (the cash given: src/ui/keypad-target.ts).
      keypad={keypadWanted ? <FieldKeypad /> : null}
      status={
        <>
          <LastItemStock />
          {home}
        </>
      }
      cart={<CartPanel />}
    />
  );
});

/** The search box's id: F3 pressed while the search is open puts the cursor back in it. */
const SEARCH_INPUT_ID = 'counter-search-input';
