/*
 * The ways to pay the sale feature registers (src/ui/tender-form.ts): each form is a file in tenders/.
 * Another feature registers its own from its own tenders.ts; the pay panel is not edited either way.
 */
import { bankQrTender } from './tenders/bank-qr.tsx';
import { cardTender } from './tenders/card.tsx';
import { cashTender } from './tenders/cash.tsx';
import { giftCardTender } from './tenders/gift-card.tsx';
import { pointsTender } from './tenders/points.tsx';
import { storeCreditTender } from './tenders/store-credit.tsx';
import type { TenderForm } from '../../ui/tender-form.ts';

export const tenderForms: readonly TenderForm[] = [cashTender, cardTender, bankQrTender, giftCardTender, pointsTender, storeCreditTender];
