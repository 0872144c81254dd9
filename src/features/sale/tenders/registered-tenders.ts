/*
 * The tenders the pay panel offers, in the order of its tabs. A new way to pay is its form's file in this
 * folder (a TenderForm, tender-form.ts) and one line here; the pay panel itself does not change. What the
 * tender is on the wire, in the ledger and on the receipt is registered with its kind in
 * src/domain/tender-kinds.ts.
 */
import { bankQrTender } from './bank-qr.tsx';
import { cardTender } from './card.tsx';
import { cashTender } from './cash.tsx';
import { giftCardTender } from './gift-card.tsx';
import { pointsTender } from './points.tsx';
import { storeCreditTender } from './store-credit.tsx';
import type { TenderForm } from './tender-form.ts';

export const registeredTenders: readonly TenderForm[] = [cashTender, cardTender, bankQrTender, giftCardTender, pointsTender, storeCreditTender];
