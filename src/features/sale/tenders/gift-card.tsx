import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanClaim } from '../../../devices/scanner/scan-claim.ts';
import { readGiftCardEntry, type GiftCardEntry } from '../../../domain/gift-card-entry.ts';
import { storedValueRedeemLimit } from '../../../domain/redeem-limits.ts';
import type { LoyaltyRedeemRules } from '../../../domain/redeem-limits.ts';
import type { Tender } from '../../../domain/tender.ts';
import { RedeemAmount, UnknownBalance } from '../redeem-amount.tsx';
import { useMoney } from '../../../data/sale-settings-context.ts';
import { useTenderBalance } from '../use-tender-balance.ts';
import type { TenderForm } from '../../../ui/tender-form.ts';

type GiftCardRefusal = Extract<GiftCardEntry, { ok: false }>;

interface GiftCardTenderProps {
  readonly remaining: number;
  readonly tenders: readonly Tender[];
  readonly rules: LoyaltyRedeemRules | undefined;
  readonly onTender: (amount: number, giftCardId: string) => void;
}

/** A gift card: its number typed, its balance as this till knows it, and up to that much (or what is due) taken. */
export function GiftCardTender({ remaining, tenders, rules, onTender }: GiftCardTenderProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const [typed, setTyped] = useState('');
  const [cardId, setCardId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<GiftCardRefusal | null>(null);
  // A bank card typed or scanned here is refused and its digits cleared (gift-card-entry.ts); a number of ours is
  // read without its spaces; any other code is looked up as typed (a card the balances know by another id).
  const read = (text: string) => {
    const entry = readGiftCardEntry(text);
    const bankCard = !entry.ok && entry.reason === 'bank-card';
    setRefusal(bankCard ? entry : null);
    setTyped(bankCard ? '' : text);
    const id = entry.ok ? entry.number : text.trim();
    setCardId(bankCard || id === '' ? null : id);
  };
  // A gift card scanned while this form is open is read into it, never rung up as a product.
  useScanClaim(read);
  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    read(typed);
  };
  return (
    <div className="tender-gift-card">
      <form onSubmit={lookUp}>
        <label>
          {t('sale.pay.giftCardId')}
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" data-testid="gift-card-id" />
        </label>
        <button type="submit" data-testid="gift-card-lookup">{t('sale.pay.giftCardLookup')}</button>
      </form>
      {refusal !== null && (
        <p role="alert" className="error" data-testid="gift-card-refused" data-reason={refusal.reason}>
          {t(`giftCards.refused.${refusal.reason}`, { shown: refusal.shown })}
        </p>
      )}
      {cardId !== null && (
        <GiftCardBalance key={cardId} cardId={cardId} remaining={remaining} tenders={tenders} rules={rules} onTender={onTender} money={money} />
      )}
    </div>
  );
}

function GiftCardBalance({ cardId, remaining, tenders, rules, onTender, money }: GiftCardTenderProps & { readonly cardId: string; readonly money: (amount: number) => string }) {
  const balance = useTenderBalance('giftcard', cardId);
  const inSale = tenders.reduce((sum, tender) => sum + (tender.method === 'gift_card' && tender.giftCardId === cardId ? tender.amount : 0), 0);
  if (balance === undefined) return null;
  if (balance.value === null) return <UnknownBalance what="giftCardUnknown" />;
  const limit = storedValueRedeemLimit(balance.value, inSale, remaining, rules);
  return <RedeemAmount key={limit} balance={balance.value - inSale} limit={limit} money={money} onTender={(amount) => onTender(amount, cardId)} testId="gift-card" />;
}

export const giftCardTender: TenderForm = {
  id: 'gift_card',
  order: 40,
  method: 'gift_card',
  Form: ({ remaining, tenders, redeemRules, take }) => (
    <GiftCardTender remaining={remaining} tenders={tenders} rules={redeemRules} onTender={(amount, giftCardId) => take({ method: 'gift_card', amount, giftCardId })} />
  ),
  describe: (tender) => (tender.method === 'gift_card' ? ` ${tender.giftCardId}` : ''),
};
