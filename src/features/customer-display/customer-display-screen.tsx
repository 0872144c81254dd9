/*
 * The screen facing the customer: what the till rings up, the total read from across the counter, the
 * bank-transfer QR to scan when they pay by QR, the change, and a thank-you with the points earned. It
 * only shows what the till sends (src/session/customer-display-channel.ts); it runs in its own window
 * (display.html), with no database, sync or staff sign-in, and works offline as the till does.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDisplayView } from '../../domain/customer-display.ts';
import { formatQuantity } from '../../domain/cart-quantity.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { watchCustomerDisplay } from '../../session/customer-display-channel.ts';
import './customer-display.css';

export function CustomerDisplayScreen() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<CustomerDisplayView | null>(null);
  useEffect(() => watchCustomerDisplay(setView), []);
  useEffect(() => {
    if (view !== null && view.language !== i18n.language) void i18n.changeLanguage(view.language);
  }, [view, i18n]);

  if (view === null) {
    return (
      <main className="customer-display waiting" data-testid="customer-display" data-phase="waiting">
        <p>{t('customerDisplay.waiting')}</p>
      </main>
    );
  }
  if (view.phase === 'welcome') {
    return (
      <main className="customer-display welcome" data-testid="customer-display" data-phase="welcome">
        <h1>{t('customerDisplay.welcome', { store: view.storeName })}</h1>
      </main>
    );
  }
  const money = (amount: number) => formatMoney(amount, view.currency, view.language);
  if (view.phase === 'thanks') {
    return (
      <main className="customer-display thanks" data-testid="customer-display" data-phase="thanks">
        <h1>{t('customerDisplay.thanks')}</h1>
        <dl className="customer-display-figures">
          <dt>{t('customerDisplay.total')}</dt>
          <dd data-testid="display-total">{money(view.total)}</dd>
          {view.change > 0 && (
            <>
              <dt>{t('customerDisplay.change')}</dt>
              <dd data-testid="display-change">{money(view.change)}</dd>
            </>
          )}
        </dl>
        {view.pointsEarned > 0 && <p data-testid="display-points">{t('customerDisplay.pointsEarned', { count: view.pointsEarned })}</p>}
      </main>
    );
  }
  return (
    <main className="customer-display sale" data-testid="customer-display" data-phase="sale">
      <section className="customer-display-lines" aria-label={t('customerDisplay.items')}>
        <h1 className="customer-display-store">{view.storeName}</h1>
        <ol>
          {view.lines.map((line) => (
            <li key={line.lineId} data-testid="display-line" data-last={line.lineId === view.lastLineId ? 'true' : undefined} className={line.lineId === view.lastLineId ? 'last' : undefined}>
              <span className="name">{line.name}</span>
              <span className="qty">
                {formatQuantity(line.qty, line.unit === 'kg', view.language === 'vi' ? ',' : '.')}
                {line.unit === 'kg' ? ' kg' : ''}
              </span>
              <span className="amount">{money(line.total)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="customer-display-pay">
        <dl className="customer-display-figures">
          {view.discount > 0 && (
            <>
              <dt>{t('customerDisplay.discount')}</dt>
              <dd>−{money(view.discount)}</dd>
            </>
          )}
          <dt>{t('customerDisplay.total')}</dt>
          <dd className="total" data-testid="display-total">{money(view.total)}</dd>
          {view.paid > 0 && (
            <>
              <dt>{t('customerDisplay.paid')}</dt>
              <dd data-testid="display-paid">{money(view.paid)}</dd>
              <dt>{view.change > 0 ? t('customerDisplay.change') : t('customerDisplay.remaining')}</dt>
              <dd className="due" data-testid={view.change > 0 ? 'display-change' : 'display-remaining'}>{money(view.change > 0 ? view.change : view.remaining)}</dd>
            </>
          )}
        </dl>
        {view.qr !== null && <TransferQr payload={view.qr.payload} amount={money(view.qr.amount)} />}
      </section>
    </main>
  );
}

function TransferQr({ payload, amount }: { payload: string; amount: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<{ payload: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(payload, { margin: 2, width: 360, errorCorrectionLevel: 'M' }))
      .then(
        (url) => current && setImage({ payload, url }),
        (error: unknown) => console.error('Drawing the transfer QR on the customer display failed', error),
      );
    return () => {
      current = false;
    };
  }, [payload]);
  return (
    <figure className="customer-display-qr" data-testid="display-qr" data-payload={payload}>
      {image?.payload === payload && <img src={image.url} alt={t('customerDisplay.scanToPay')} width={360} height={360} />}
      <figcaption>
        {t('customerDisplay.scanToPay')} · {amount}
      </figcaption>
    </figure>
  );
}
