// One order at the pickup counter: its lines with what was scanned and handed over, preparing it (scan each
// item, mark a line short, mark ready) and handing it over (the pickup code, the lines taken now). Money due
// blocks the handover unless the store allows handing over unpaid (then it says the amount is recorded).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../data/schemas/types.ts';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { balanceDue, remainingQuantities, shortLinesOf } from '../../domain/pickup-order.ts';
import type { HandedLine } from '../../domain/merge-order.ts';
import { isPrepared } from '../../domain/pickup-preparation.ts';
import type { Preparation } from '../../domain/pickup-preparation.ts';

export interface PickupOrderPanelProps {
  readonly order: OrderDocument;
  readonly preparation: Preparation | null;
  readonly codeChecked: boolean;
  readonly busy: boolean;
  readonly onMarkShort: (line: number, short: boolean) => void;
  readonly onMarkReady: () => void;
  readonly onCheckCode: (code: string) => void;
  readonly onHandOver: (lines: HandedLine[]) => void;
  readonly onSellMore: (() => void) | null;
  /** Hands the order to the counter to take its balance due (shown while money is due). */
  readonly onTakePayment: () => void;
  /** The order was paid at the counter (a sale of this tablet, or the server's paid_at_counter event), not online. */
  readonly paidAtCounter: boolean;
  /** The store allows handing over with money due (store.pickupAllowUnpaidHandover). */
  readonly allowUnpaid: boolean;
  readonly onClose: () => void;
}

export function PickupOrderPanel(props: PickupOrderPanelProps) {
  const { t, i18n } = useTranslation();
  const { order, preparation } = props;
  const left = remainingQuantities(order);
  const short = new Map(shortLinesOf(order).map((each) => [each.line, each.qty]));
  const [taking, setTaking] = useState<Record<number, number>>({});
  const [code, setCode] = useState('');
  const due = balanceDue(order);
  const blockedByDue = due > 0 && !props.allowUnpaid;
  const takeNow = (index: number): number => taking[index] ?? Math.max(0, (left[index] ?? 0) - (short.get(index) ?? 0));
  const money = (amount: number) => formatMoney(amount, order.currency, i18n.language);

  return (
    <section className="pickup-order" data-testid="pickup-order" data-number={order.number} data-status={order.status} aria-label={t('pickup.order.title', { number: order.number })}>
      <header>
        <h2>{t('pickup.order.title', { number: order.number })}</h2>
        <p>
          {order.customerName || t('pickup.order.noName')}
          {order.customerPhone ? ` · ${order.customerPhone}` : ''}
        </p>
        <p data-testid="pickup-order-status">{t(`pickup.status.${order.status}`)}</p>
        <button type="button" onClick={props.onClose}>
          {t('pickup.order.close')}
        </button>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('pickup.line.name')}</th>
            <th>{t('pickup.line.ordered')}</th>
            <th>{preparation ? t('pickup.line.scanned') : t('pickup.line.left')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, index) => (
            <tr key={index} data-testid="pickup-line" data-line={index} data-short={preparation?.short[index] === true || short.has(index) ? 'yes' : 'no'}>
              <td>
                {line.name}
                {line.unknownProduct === true && <span className="pickup-flag"> {t('pickup.line.unknownProduct')}</span>}
                {short.has(index) && <span className="pickup-flag"> {t('pickup.line.wasShort', { qty: formatQuantity(short.get(index) ?? 0, false) })}</span>}
              </td>
              <td>{formatQuantity(line.qty, false)}</td>
              <td data-testid={preparation ? 'pickup-line-scanned' : 'pickup-line-left'}>{formatQuantity(preparation ? (preparation.scanned[index] ?? 0) : (left[index] ?? 0), false)}</td>
              <td>
                {preparation && (
                  <label>
                    <input type="checkbox" data-testid="pickup-line-short" checked={preparation.short[index] === true} onChange={(event) => props.onMarkShort(index, event.target.checked)} />
                    {t('pickup.prepare.short')}
                  </label>
                )}
                {order.status === 'ready' && (left[index] ?? 0) > 0 && (
                  <label>
                    {t('pickup.handover.takeNow')}
                    <input
                      type="number"
                      min={0}
                      max={(left[index] ?? 0) / 1000}
                      step={1}
                      data-testid="pickup-take-now"
                      value={takeNow(index) / 1000}
                      onChange={(event) => setTaking({ ...taking, [index]: Math.max(0, Math.round(Number(event.target.value) || 0)) * 1000 })}
                    />
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="pickup-order-total">
        {t('pickup.order.total', { total: money(order.total) })} · {order.paid ? t(props.paidAtCounter ? 'pickup.order.paidAtCounter' : 'pickup.order.paidOnline') : t('pickup.order.due', { due: money(due) })}
      </p>
      {due > 0 && (order.status === 'pending' || order.status === 'ready') && (
        <div className="pickup-actions">
          <button type="button" data-testid="pickup-take-payment" onClick={props.onTakePayment}>
            {t('pickup.payment.take', { due: money(due) })}
          </button>
        </div>
      )}
      {preparation && (
        <div className="pickup-actions">
          <p>{t('pickup.prepare.hint')}</p>
          <button type="button" data-testid="pickup-mark-ready" disabled={props.busy || !isPrepared(order, preparation)} onClick={props.onMarkReady}>
            {t('pickup.prepare.markReady')}
          </button>
        </div>
      )}
      {order.status === 'ready' && (
        <div className="pickup-actions">
          {due > 0 && (
            <p className="notice" role="alert" data-testid="pickup-balance-due" data-allowed={props.allowUnpaid ? 'yes' : 'no'}>
              {t(props.allowUnpaid ? 'pickup.handover.unpaidAllowed' : 'pickup.handover.payFirst', { due: money(due) })}
            </p>
          )}
          {order.pickupCodeHash === undefined ? (
            <p>{t('pickup.handover.noCode')}</p>
          ) : props.codeChecked ? (
            <p data-testid="pickup-code-ok">{t('pickup.handover.codeOk')}</p>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                props.onCheckCode(code);
              }}
            >
              <label>
                {t('pickup.handover.code')}
                <input data-testid="pickup-code" inputMode="numeric" autoComplete="off" value={code} onChange={(event) => setCode(event.target.value)} />
              </label>
              <button type="submit" data-testid="pickup-code-check">
                {t('pickup.handover.checkCode')}
              </button>
            </form>
          )}
          <button
            type="button"
            data-testid="pickup-hand-over"
            disabled={props.busy || blockedByDue || (order.pickupCodeHash !== undefined && !props.codeChecked)}
            onClick={() => props.onHandOver(order.lines.map((_, index) => ({ line: index, qty: takeNow(index) })).filter((each) => each.qty > 0))}
          >
            {t('pickup.handover.handOver')}
          </button>
        </div>
      )}
      {props.onSellMore && (
        <button type="button" data-testid="pickup-sell-more" onClick={props.onSellMore}>
          {t('pickup.sellMore')}
        </button>
      )}
    </section>
  );
}
