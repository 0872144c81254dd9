// The pickup screen's lists of orders (to prepare, ready, handed over today, problems; or the orders a search found), each row opening its order.
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../data/schemas/types.ts';
import { formatMoney } from '../../domain/money-format.ts';

export interface PickupListsProps {
  /** Orders per list, in the order the lists are shown; a list's title is `pickup.list.<key>`. */
  readonly lists: Readonly<Record<string, readonly OrderDocument[]>>;
  readonly onOpen: (order: OrderDocument) => void;
}

export function PickupLists({ lists, onOpen }: PickupListsProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="pickup-lists">
      {Object.entries(lists).map(([key, orders]) => (
        <section key={key} className="pickup-list" data-testid={`pickup-list-${key}`} data-count={orders.length}>
          <h2>{t(`pickup.list.${key}`, { count: orders.length })}</h2>
          {orders.length === 0 ? (
            <p className="pickup-empty">{t('pickup.list.empty')}</p>
          ) : (
            <ul>
              {orders.map((order) => (
                <li key={order.id}>
                  <button type="button" data-testid="pickup-order-row" data-number={order.number} onClick={() => onOpen(order)}>
                    <strong>{order.number}</strong> {order.customerName || t('pickup.order.noName')} · {formatMoney(order.total, order.currency, i18n.language)}
                    {(order.flags ?? []).map((flag) => (
                      <span key={flag.eventId + flag.code} className="pickup-flag" data-testid="pickup-flag">
                        {' '}
                        {t(`pickup.flag.${flag.code}`, { defaultValue: flag.code })}
                      </span>
                    ))}
                    {order.lines.some((line) => line.unknownProduct === true) && <span className="pickup-flag"> {t('pickup.line.unknownProduct')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
