/*
 * The pickup counter (issue 15): online orders to prepare, ready, handed over today, and problems, from the
 * device's own orders, offline. A scan (the keyboard-wedge scanner) or what the cashier types finds an order
 * by its number, the customer's phone or the pickup code (the customer's QR carries it); while an order is
 * being prepared, a scan counts an item instead, a wrong one refused aloud. A handover checks the code
 * against the hash the order carries, records the signed-in staff and this tablet, hands over the lines
 * taken now and takes their stock out of the store (pickup-writes.ts). An order not paid online is handed
 * to the counter to be paid ("take payment at the counter": its lines at the order's prices, its customer);
 * the handover is refused until a sale of this tablet has paid it (use-counter-payment.ts), unless the store
 * allows handing over unpaid: then the handover records the amount due and the order is flagged.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { findProductByBarcode } from '../../catalog/catalog-lookup.ts';
import { useDatabase } from '../../data/database-context.ts';
import type { OrderDocument } from '../../data/schemas/types.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { scanSounds } from '../../devices/feedback/scan-feedback.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import type { HandedLine } from '../../domain/merge-order.ts';
import { allowsUnpaidHandover, findPickupOrders, findPickupOrdersByCode, isPickupCodeOf, markedReadyEvent, planHandover } from '../../domain/pickup-order.ts';
import type { PickupMatch } from '../../domain/pickup-order.ts';
import { PICKUP_CODE_PATTERN } from '../../domain/pickup-code.ts';
import type { CounterAct } from '../../domain/pickup-order.ts';
import { markLineShort, scanIntoPreparation, shortfall, startPreparation } from '../../domain/pickup-preparation.ts';
import type { Preparation } from '../../domain/pickup-preparation.ts';
import { handCustomerToCounter, handPickupOrderToCounter } from '../../session/counter-handoff-store.ts';
import { orderLinesForCounter, PAID_AT_COUNTER_EVENT } from '../../domain/pickup-payment.ts';
import { useCounterPayment } from './use-counter-payment.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { appendOrderEvent, handOverOrder, writeMissingPickupStock } from './pickup-writes.ts';
import { handoverSlipOf } from '../../domain/handover-slip.ts';
import type { HandoverSlip } from '../../domain/handover-slip.ts';
import { printHandoverSlip } from './handover-slip-print.ts';
import { PickupLists } from './pickup-lists.tsx';
import { PickupOrderPanel } from './pickup-order-panel.tsx';
import { storeDayOf, usePickupOrders } from './use-pickup-orders.ts';
import './pickup.css';

interface Notice {
  readonly tone: 'success' | 'error' | 'info';
  readonly key: string;
  readonly values?: Record<string, string>;
}

export function PickupScreen() {
  const { t } = useTranslation();
  const database = useDatabase();
  const catalog = useCatalogDatabase();
  const config = useStoreConfig();
  const staff = useStaffSessionStore((state) => state.staff);
  const deviceId = useSyncStatusStore((state) => state.enrolment?.deviceId);
  // The day the screen was opened on: a tablet left on the screen past the cut-off shows yesterday until reopened.
  const [openedAt] = useState(() => Date.now());
  const day = useMemo(() => storeDayOf(config, openedAt), [config, openedAt]);
  const { orders, lists, loaded } = usePickupOrders(day);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [preparation, setPreparation] = useState<Preparation | null>(null);
  const [checkedCodeFor, setCheckedCodeFor] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<readonly OrderDocument[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  // The slip of the last handover at this screen, to print (or print again) for the customer.
  const [slip, setSlip] = useState<HandoverSlip | null>(null);
  // The open order as the counter sees it: paid once a sale of this tablet paid it (use-counter-payment.ts).
  const stored = orders.find((order) => order.id === selectedId) ?? null;
  const selected = useCounterPayment(stored);
  const paidAtCounter = selected !== null && (stored?.paid === false || selected.events.some((event) => event.type === PAID_AT_COUNTER_EVENT));

  // A handover of this tablet whose stock movements were cut short (the tab closed between the writes) gets them now.
  useEffect(() => {
    if (!loaded || deviceId === undefined) return;
    writeMissingPickupStock(database, orders, deviceId).catch((error: unknown) => console.error('Writing the stock of earlier handovers failed', error));
    // Once per opening of the screen, on the orders it first sees.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, deviceId, database]);

  const open = useCallback((order: OrderDocument, codeChecked = false) => {
    setSelectedId(order.id);
    setMatches(null);
    setCheckedCodeFor(codeChecked ? order.id : null);
    setPreparation(order.status === 'pending' ? startPreparation(order) : null);
  }, []);

  // A QR opens its order at once (found by the number it carries); its code is then checked against the
  // order's slow hash, tens of ms, and proves the customer when it matches.
  const proveQrCode = useCallback(async (order: OrderDocument, code: string) => {
    if (order.pickupCodeHash === undefined) return;
    // The code proves this order's customer, whichever order is open by the time the check ends.
    if (await isPickupCodeOf(order, code)) return setCheckedCodeFor(order.id);
    scanSounds.play('rejected');
    setNotice({ tone: 'error', key: 'pickup.handover.codeWrong' });
  }, []);

  const findOrder = useCallback(
    async (text: string) => {
      let matched: PickupMatch[] = findPickupOrders(orders, text);
      if (matched.length === 0 && PICKUP_CODE_PATTERN.test(text)) {
        setNotice({ tone: 'info', key: 'pickup.find.checkingCode' });
        matched = await findPickupOrdersByCode(orders, text);
      }
      if (matched.length === 0) {
        scanSounds.play('rejected');
        setMatches(null);
        return setNotice({ tone: 'error', key: 'pickup.find.none', values: { text } });
      }
      setNotice(null);
      if (matched.length === 1) {
        const [match] = matched as [PickupMatch];
        open(match.order as OrderDocument, match.by === 'code');
        if (match.by === 'qr') await proveQrCode(match.order as OrderDocument, match.code);
        return;
      }
      setMatches(matched.map((each) => each.order as OrderDocument));
    },
    [orders, open, proveQrCode],
  );

  // Scans come faster than the catalog answers: each counts on the preparation as the one before left it.
  const preparationRef = useRef<Preparation | null>(null);
  useEffect(() => {
    preparationRef.current = preparation;
  }, [preparation]);

  const scanItem = useCallback(
    async (order: OrderDocument, code: string) => {
      const product = await findProductByBarcode(catalog, code);
      const current = preparationRef.current;
      if (current === null || current.orderId !== order.id) return;
      const outcome = scanIntoPreparation(order, current, { code, ...(product ? { productId: product.id } : {}) });
      if (!outcome.ok) {
        scanSounds.play('rejected');
        return setNotice({ tone: 'error', key: `pickup.prepare.refused.${outcome.reason}`, values: { name: product?.name ?? code } });
      }
      scanSounds.play('accepted');
      preparationRef.current = outcome.preparation;
      setPreparation(outcome.preparation);
      setNotice({ tone: 'success', key: 'pickup.prepare.scanned', values: { name: order.lines[outcome.line]?.name ?? code } });
    },
    [catalog],
  );

  const onScan = useCallback(
    async (code: string) => {
      if (selected !== null && preparation !== null && preparation.orderId === selected.id) return scanItem(selected, code);
      if (selected !== null && selected.status === 'ready' && checkedCodeFor !== selected.id && (await isPickupCodeOf(selected, code))) {
        setCheckedCodeFor(selected.id);
        return setNotice({ tone: 'success', key: 'pickup.handover.codeOk' });
      }
      return findOrder(code);
    },
    [selected, preparation, checkedCodeFor, scanItem, findOrder],
  );
  useWedgeScanner((code) => void onScan(code).catch((error: unknown) => console.error('Handling a scan at the pickup counter failed', { code, error })));

  const actOf = (): CounterAct | null => {
    if (staff === null) {
      setNotice({ tone: 'error', key: 'pickup.signIn' });
      return null;
    }
    if (deviceId === undefined) {
      setNotice({ tone: 'error', key: 'pickup.notEnrolled' });
      return null;
    }
    return { id: uuidv7(), at: new Date().toISOString(), staffId: staff.id, deviceId };
  };

  const write = async (work: () => Promise<void>, failure: string) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      console.error('Writing at the pickup counter failed', error);
      setNotice({ tone: 'error', key: failure });
    } finally {
      setBusy(false);
    }
  };

  const markReady = (order: OrderDocument, current: Preparation) => {
    const act = actOf();
    if (act === null) return;
    void write(async () => {
      await appendOrderEvent(database, order.id, markedReadyEvent(act, shortfall(order, current)));
      setPreparation(null);
      setNotice({ tone: 'success', key: 'pickup.prepare.ready', values: { number: order.number } });
    }, 'pickup.writeFailed');
  };

  const handOver = (order: OrderDocument, lines: HandedLine[]) => {
    const act = actOf();
    if (act === null) return;
    const plan = planHandover(order, act, { lines, codeChecked: checkedCodeFor === order.id, allowUnpaid: allowsUnpaidHandover(config) });
    if (!plan.ok) return setNotice({ tone: 'error', key: `pickup.handover.refused.${plan.reason}` });
    void write(async () => {
      await handOverOrder(database, order.id, plan.event, act.deviceId);
      setSlip(handoverSlipOf(order, plan.event, { storeName: config?.store.name ?? '', staffName: staff?.name ?? act.staffId }) ?? null);
      setNotice({ tone: 'success', key: plan.complete ? 'pickup.handover.done' : 'pickup.handover.partDone', values: { number: order.number } });
    }, 'pickup.writeFailed');
  };

  const checkCode = async (order: OrderDocument, code: string) => {
    if (await isPickupCodeOf(order, code)) {
      setCheckedCodeFor(order.id);
      setNotice({ tone: 'success', key: 'pickup.handover.codeOk' });
    } else {
      scanSounds.play('rejected');
      setNotice({ tone: 'error', key: 'pickup.handover.codeWrong' });
    }
  };

  return (
    <section className="pickup" data-testid="pickup-screen" data-loaded={loaded ? 'yes' : 'no'}>
      <h1>{t('pickup.title')}</h1>
      <form
        className="pickup-find"
        onSubmit={(event) => {
          event.preventDefault();
          void findOrder(search.trim());
        }}
      >
        <label>
          {t('pickup.find.label')}
          <input data-testid="pickup-search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('pickup.find.placeholder')} />
        </label>
        <button type="submit">{t('pickup.find.submit')}</button>
      </form>
      {notice && (
        <p className={`pickup-notice pickup-notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="pickup-notice" data-tone={notice.tone}>
          {t(notice.key, notice.values)}
        </p>
      )}
      {slip && (
        <p className="pickup-slip">
          <button
            type="button"
            data-testid="pickup-print-slip"
            data-order={slip.orderNumber}
            onClick={() =>
              void printHandoverSlip(slip, config?.store.locale ?? 'vi', config?.store.timeZone).then((outcome) =>
                setNotice(outcome.ok ? { tone: 'success', key: 'pickup.slipPrinted', values: { number: slip.orderNumber } } : { tone: 'error', key: `receipt.printer.${outcome.problem}` }),
              )
            }
          >
            {t('pickup.printSlip', { number: slip.orderNumber })}
          </button>
        </p>
      )}
      {matches && <PickupLists lists={{ matches }} onOpen={open} />}
      {selected && (
        <PickupOrderPanel
          key={`${selected.id}-${selected.events.length}`}
          order={selected}
          preparation={preparation?.orderId === selected.id ? preparation : null}
          codeChecked={checkedCodeFor === selected.id}
          busy={busy}
          onMarkShort={(line, short) => preparation && setPreparation(markLineShort(preparation, line, short))}
          onMarkReady={() => preparation && markReady(selected, preparation)}
          onCheckCode={(code) => void checkCode(selected, code)}
          onHandOver={(lines) => handOver(selected, lines)}
          onSellMore={selected.customerId === undefined ? null : () => handCustomerToCounter(selected.customerId!)}
          paidAtCounter={paidAtCounter}
          allowUnpaid={allowsUnpaidHandover(config)}
          onTakePayment={() => handPickupOrderToCounter({ orderId: selected.id, number: selected.number, customerId: selected.customerId ?? null, lines: orderLinesForCounter(selected) })}
          onClose={() => {
            setSelectedId(null);
            setPreparation(null);
          }}
        />
      )}
      {!loaded ? <p role="status">{t('pickup.loading')}</p> : <PickupLists lists={lists} onOpen={open} />}
    </section>
  );
}
