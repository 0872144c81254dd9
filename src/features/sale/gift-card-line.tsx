/*
 * Selling or reloading a gift card at the counter (issue 16). Ringing up one of the store's gift-card products
 * (config loyalty.giftCardProductIds: from the grid, a search or a scan), or scanning a card's own number,
 * opens this prompt instead of a line: the amount to put on the card (the counter's keypad or the store's
 * quick amounts) and the card's number (scanned into the prompt, or typed). The number must be one of ours
 * (gift-card-entry.ts); a bank card is refused as one and only its masked digits are repeated. The line then
 * carries the number (`giftCardId`); the card holds the money once the sale is paid, as the server derives it
 * (gift-card-sale.ts). A card this till already knows is reloaded the same way: the prompt says what it holds.
 * The prompt's question is UI state in src/session/gift-card-line-store.ts (the gift-card screen asks it too).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import type { CartProduct, RingUpOptions } from '../../domain/cart.ts';
import { readGiftCardEntry, type GiftCardEntry } from '../../domain/gift-card-entry.ts';
import { formatGiftCardNumber } from '../../domain/gift-card-number.ts';
import { parseMoneyInput } from '../../domain/money-format.ts';
import { useScanClaim } from '../../devices/scanner/scan-claim.ts';
import { useKeypadTarget } from '../../ui/keypad-target.ts';
import { openGiftCardScreen, useGiftCardLineStore, type GiftCardQuestion } from '../../session/gift-card-line-store.ts';
import { moneyDecimalSeparator } from './keypad-separators.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';
import { cartProductOf } from '../../catalog/scanned-product.ts';
import { useTenderBalance } from './use-tender-balance.ts';

type OnLoad = (product: CartProduct, options: RingUpOptions) => boolean;

/** The prompt, while a gift card is being sold or reloaded. */
export function GiftCardLinePrompt({ onLoad }: { readonly onLoad: OnLoad }) {
  const asked = useGiftCardLineStore((state) => state.asked);
  const product = useGiftCardProduct(asked);
  if (asked === null) return null;
  return <GiftCardLineForm key={`${asked.product?.id ?? ''}:${asked.number ?? ''}`} product={product} initialNumber={asked.number ?? ''} onLoad={onLoad} />;
}

/** The product the line sells: the one chosen, else the store's first gift-card product from the catalog. */
function useGiftCardProduct(asked: GiftCardQuestion | null): CartProduct | null | undefined {
  const catalog = useCatalogDatabase();
  const { giftCards } = useSaleSettings();
  const [found, setFound] = useState<{ readonly id: string; readonly product: CartProduct | null }>();
  const firstId = giftCards.productIds.values().next().value;
  const wanted = asked === null || asked.product !== undefined ? undefined : firstId;
  useEffect(() => {
    if (wanted === undefined) return undefined;
    let current = true;
    catalog.products
      .get(wanted)
      .then((document) => current && setFound({ id: wanted, product: document === undefined ? null : cartProductOf(document) }))
      .catch((error: unknown) => {
        console.error('Reading the store’s gift-card product from the catalog failed', { id: wanted, error });
        if (current) setFound({ id: wanted, product: null });
      });
    return () => {
      current = false;
    };
  }, [catalog, wanted]);
  if (asked?.product !== undefined) return asked.product;
  if (wanted === undefined) return null;
  return found?.id === wanted ? found.product : undefined;
}

type Problem = { readonly key: 'amount' } | { readonly key: 'noProduct' } | { readonly key: 'refused' } | { readonly key: 'number'; readonly entry: Extract<GiftCardEntry, { ok: false }> };

function GiftCardLineForm({ product, initialNumber, onLoad }: { readonly product: CartProduct | null | undefined; readonly initialNumber: string; readonly onLoad: OnLoad }) {
  const { t, i18n } = useTranslation();
  const { currency, giftCards } = useSaleSettings();
  const money = useMoney();
  const close = useGiftCardLineStore((state) => state.close);
  const [typedNumber, setTypedNumber] = useState(initialNumber === '' ? '' : formatGiftCardNumber(initialNumber));
  const [typedAmount, setTypedAmount] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const amountField = useRef<HTMLInputElement>(null);
  const numberField = useRef<HTMLInputElement>(null);
  const amountLabel = t('giftCards.line.amount');
  useKeypadTarget(amountField, { decimalSeparator: moneyDecimalSeparator(currency, i18n.language), label: amountLabel, enterLabel: t('giftCards.line.add') });
  // A card scanned while the prompt is open is its number, never a product.
  useScanClaim((code) => {
    setTypedNumber(code);
    setProblem(null);
  });
  const entry = readGiftCardEntry(typedNumber);
  const balance = useTenderBalance('giftcard', entry.ok ? entry.number : null);

  const load = (amount: number) => {
    if (product === undefined) return;
    if (product === null) return setProblem({ key: 'noProduct' });
    if (!entry.ok) {
      setProblem({ key: 'number', entry });
      numberField.current?.focus();
      return;
    }
    if (onLoad(product, { giftCard: { id: entry.number, amount } })) close();
    else setProblem({ key: 'refused' });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(typedAmount, currency, i18n.language);
    if (!parsed.ok || parsed.amount <= 0) return setProblem({ key: 'amount' });
    load(parsed.amount);
  };

  return (
    <form className="gift-card-line notice" onSubmit={submit} data-testid="gift-card-line" aria-label={t('giftCards.line.title')}>
      <strong>{t('giftCards.line.title')}</strong>
      <label>
        {t('giftCards.line.number')}
        <input
          ref={numberField}
          autoFocus={initialNumber === ''}
          value={typedNumber}
          onChange={(event) => {
            setTypedNumber(event.target.value);
            setProblem(null);
          }}
          autoComplete="off"
          inputMode="numeric"
          data-testid="gift-card-line-number"
        />
      </label>
      {entry.ok && balance !== undefined && (
        <p role="status" data-testid="gift-card-line-balance" data-amount={balance.value ?? ''}>
          {balance.value === null ? t('giftCards.line.newCard') : t('giftCards.line.reload', { amount: money(balance.value) })}
        </p>
      )}
      <div className="quick-amounts" role="group" aria-label={t('giftCards.line.quickAmounts')}>
        {giftCards.amounts.map((amount) => (
          <button key={amount} type="button" onClick={() => load(amount)} data-testid="gift-card-line-quick" data-amount={amount}>
            {money(amount)}
          </button>
        ))}
      </div>
      <label>
        {amountLabel}
        <input ref={amountField} autoFocus={initialNumber !== ''} value={typedAmount} onChange={(event) => setTypedAmount(event.target.value)} inputMode="none" data-testid="gift-card-line-amount" />
      </label>
      <button type="submit" data-testid="gift-card-line-add">{t('giftCards.line.add')}</button>
      <button type="button" onClick={close} data-testid="gift-card-line-cancel">
        {t('giftCards.line.cancel')}
      </button>
      <button type="button" onClick={openGiftCardScreen} data-testid="gift-card-line-check-balances">
        {t('giftCards.line.checkBalances')}
      </button>
      {problem !== null && (
        <p role="alert" className="error" data-testid="gift-card-line-problem" data-reason={problem.key === 'number' ? problem.entry.reason : problem.key}>
          {problem.key === 'number' ? t(`giftCards.refused.${problem.entry.reason}`, { shown: problem.entry.shown }) : t(`giftCards.line.problem.${problem.key}`)}
        </p>
      )}
    </form>
  );
}
