/*
 * The gift-card screen (issue 16): a card scanned or typed, what it holds as this tablet knows it (the
 * server's last confirmed balance and this tablet's own loads and spends since, use-gift-card-standing.ts),
 * the server's own figure when online (use-server-gift-card-balance.ts), and "reload at the counter", which
 * opens the counter's gift-card prompt with the card's number (src/session/gift-card-line-store.ts). A bank
 * card is refused as one and only its masked digits are repeated (gift-card-entry.ts).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import { readGiftCardEntry, type GiftCardEntry } from '../../domain/gift-card-entry.ts';
import { formatGiftCardNumber } from '../../domain/gift-card-number.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { displayLanguageOf, formatStoreTime } from '../../domain/store-time-format.ts';
import { reloadGiftCardAtCounter } from '../../session/gift-card-line-store.ts';
import { useGiftCardStanding } from './use-gift-card-standing.ts';
import { useServerGiftCardBalance } from './use-server-gift-card-balance.ts';
import './gift-cards.css';

type Refusal = Extract<GiftCardEntry, { ok: false }>;

export function GiftCardsScreen() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const check = (text: string) => {
    const entry = readGiftCardEntry(text);
    if (entry.ok) {
      setNumber(entry.number);
      setRefusal(null);
      setTyped(formatGiftCardNumber(entry.number));
    } else {
      setNumber(null);
      setRefusal(entry);
      // A bank card's digits never stay on screen.
      setTyped(entry.reason === 'bank-card' ? '' : text);
    }
  };
  useWedgeScanner(check);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(typed);
  };
  return (
    <section className="gift-cards" data-testid="gift-cards-screen" aria-labelledby="gift-cards-heading">
      <h1 id="gift-cards-heading">{t('giftCards.screen.heading')}</h1>
      <p>{t('giftCards.screen.intro')}</p>
      <form className="gift-cards-find" onSubmit={submit}>
        <label>
          {t('giftCards.screen.number')}
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" inputMode="numeric" autoFocus data-testid="gift-card-check-number" />
        </label>
        <button type="submit" data-testid="gift-card-check">{t('giftCards.screen.check')}</button>
      </form>
      {refusal !== null && (
        <p role="alert" className="error" data-testid="gift-card-check-problem" data-reason={refusal.reason}>
          {t(`giftCards.refused.${refusal.reason}`, { shown: refusal.shown })}
        </p>
      )}
      {number !== null && <GiftCardBalancePanel key={number} number={number} />}
    </section>
  );
}

function GiftCardBalancePanel({ number }: { readonly number: string }) {
  const { t, i18n } = useTranslation();
  const config = useStoreConfig();
  const standing = useGiftCardStanding(number);
  const server = useServerGiftCardBalance(number, standing === undefined ? undefined : (standing.confirmed?.updatedAt ?? null));
  const currency = config?.store.currency ?? 'VND';
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  const time = (at: string) => formatStoreTime(at, { language: displayLanguageOf(i18n.language), timeZone: config?.store.timeZone });
  return (
    <article className="gift-card-balance" data-testid="gift-card-balance" data-number={number}>
      <h2>{formatGiftCardNumber(number)}</h2>
      {standing === undefined ? (
        <p role="status">…</p>
      ) : (
        <div className="gift-card-figures">
          {standing.confirmed === null ? (
            <p data-testid="gift-card-confirmed" data-amount="">{t('giftCards.screen.notConfirmed')}</p>
          ) : (
            <p data-testid="gift-card-confirmed" data-amount={standing.confirmed.value}>
              {t('giftCards.screen.confirmed', { amount: money(standing.confirmed.value) })} <small>({t('giftCards.screen.confirmedAt', { time: time(standing.confirmed.updatedAt) })})</small>
            </p>
          )}
          {standing.loadedHere > 0 && <p data-testid="gift-card-loaded-here" data-amount={standing.loadedHere}>{t('giftCards.screen.loadedHere', { amount: money(standing.loadedHere) })}</p>}
          {standing.spentHere > 0 && <p data-testid="gift-card-spent-here" data-amount={standing.spentHere}>{t('giftCards.screen.spentHere', { amount: money(standing.spentHere) })}</p>}
          <p className="gift-card-on-tablet" data-testid="gift-card-on-tablet" data-amount={standing.onThisTablet}>
            <strong>{t('giftCards.screen.onThisTablet', { amount: money(standing.onThisTablet) })}</strong>
          </p>
        </div>
      )}
      {server !== null && (
        <p role="status" data-testid="gift-card-server" data-kind={server.kind} data-amount={server.kind === 'known' ? server.balance : ''}>
          {server.kind === 'known' && t('giftCards.screen.serverNow', { amount: money(server.balance) })}
          {server.kind === 'none' && t('giftCards.screen.serverNone')}
          {server.kind === 'asking' && t('giftCards.screen.serverAsking')}
          {server.kind === 'offline' && t('giftCards.screen.serverOffline')}
          {server.kind === 'unreachable' && t('giftCards.screen.serverUnreachable')}
        </p>
      )}
      <button type="button" className="primary" onClick={() => reloadGiftCardAtCounter(number)} data-testid="gift-card-reload">
        {t('giftCards.screen.reload')}
      </button>
    </article>
  );
}
