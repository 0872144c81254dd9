/*
 * The kinds of tender the counter takes, one row each in `tenderKinds`: how a tender of that kind is checked,
 * how the sale document stores it (its wire shape, src/data/schemas/sales.json), which balance it moves (its
 * ledger entry) and what its receipt line says after the tender's name. The sale document (sale-document.ts),
 * payment (tender.ts) and the receipt read this table instead of naming tenders one by one; the pay panel's
 * forms register apart, in src/features/sale/tenders.
 *
 * Adding a kind: its shape in TenderShapes and its row here (the type checker then asks for every part; a
 * new wire method also needs its name in sales.json's enum, which the wire names here come from), its form
 * in the sale feature, and its name in the receipt texts (receipt.tender.<method>).
 */
import type { SaleLedgerEntry, SaleTender, TenderMethod } from './documents.ts';
import { CARD_TERMINAL_ID_MAX_LENGTH } from './card-terminals.ts';
import { pointsOf } from './sale-amounts.ts';
import { checkTerminalReference } from './tender-reference.ts';
import type { ReferenceFailureReason } from './tender-reference.ts';

export type { TenderMethod };

/** What each kind of tender carries besides its method, as the pay panel takes it. Amounts in minor units. */
export interface TenderShapes {
  /** Cash as handed over by the customer (change comes back out of it). */
  readonly cash: { readonly amount: number };
  /**
   * External card terminal: only the slip's reference, never a card number; and the terminal it was charged
   * on (its id in config store.cardTerminals, card-terminals.ts) when the store names its terminals.
   */
  readonly card: { readonly amount: number; readonly reference: string; readonly terminal?: string };
  /** Bank transfer to the store's account by VietQR, confirmed by the cashier; reference = transfer content. */
  readonly bank_qr: { readonly amount: number; readonly reference?: string };
  readonly gift_card: { readonly amount: number; readonly giftCardId: string };
  /** Loyalty points of the sale's customer: `points` redeemed for `amount`. */
  readonly points: { readonly amount: number; readonly points: number };
  /** Store credit of the sale's customer. */
  readonly store_credit: { readonly amount: number };
  /**
   * A return of an order paid online, refunded by the shop's platform (negative; reference = the order's
   * number). Never taken by the pay panel: the server derives the refund it asks the platform for from the
   * return it checked (return-money.ts, sync-server/src/integrations/refunds).
   */
  readonly online_refund: { readonly amount: number; readonly reference?: string };
}

type TenderOfOne<Method extends TenderMethod> = { readonly method: Method } & TenderShapes[Method];

/**
 * A tender taken at the counter: of any kind (Tender), or of the given kinds (Tender<'cash'>). Written as an
 * indexed mapped type so that a function generic in the method (kindOf, checkTender) keeps a tender and its
 * kind's row together without a switch.
 */
export type Tender<Method extends TenderMethod = TenderMethod> = { [One in Method]: TenderOfOne<One> }[Method];
export type TenderOf<Method extends TenderMethod> = Tender<Method>;

/** A tender as the counter writes it in the sale document (the schema lets `points` through unnamed). */
export type CounterSaleTender = SaleTender & {
  /** Points redeemed, on a points tender. */
  readonly points?: number;
};

export type TenderDetailFailureReason =
  | ReferenceFailureReason
  /** A gift card without its id, points that are not a positive whole number, or an empty card terminal id. */
  | 'missing-detail';

export type TenderDetailCheck<Method extends TenderMethod> =
  | { readonly ok: true; readonly tender: TenderOf<Method> }
  | { readonly ok: false; readonly reason: TenderDetailFailureReason; readonly detail: string };

/** What a receipt line says after the tender's name: the points used, or the reference (receipt.* texts). */
export type ReceiptNote = { readonly note: 'pointsUsed'; readonly points: number } | { readonly note: 'reference'; readonly reference: string };

/** Where a tender sits in its sale, for the ids of the movements it causes. */
export interface TenderPlace {
  /** The sale's id: ledger ids derive from it, so writing the sale twice moves nothing twice. */
  readonly saleId: string;
  /** The tender's position among the sale's tenders. */
  readonly index: number;
  readonly customerId?: string;
}

export interface TenderKind<Method extends TenderMethod> {
  /** Only cash may go beyond what is due: the excess is handed back as change. */
  readonly givesChange: boolean;
  /** Points and store credit belong to the sale's customer: none can be taken without one attached. */
  readonly needsCustomer: boolean;
  /** False when paying this way earns no loyalty points (paying in points). */
  readonly earnsPoints: boolean;
  /** Its own details checked (every tender's amount is checked by tender.ts); a reference comes back trimmed. */
  check(tender: TenderOf<Method>): TenderDetailCheck<Method>;
  /** The tender as the sale document stores it. */
  onWire(tender: TenderOf<Method>): CounterSaleTender;
  /** The balance it moves (gift card money, points, store credit), if any; none without the customer it needs. */
  ledgerEntry(tender: TenderOf<Method>, place: TenderPlace): SaleLedgerEntry | undefined;
  /** What its receipt line adds to the tender's name, read from the stored tender. */
  receiptNote(tender: SaleTender): ReceiptNote | undefined;
}

/** A stored tender's reference, printed after its name when it has one. */
function referenceNote(tender: SaleTender): ReceiptNote | undefined {
  return tender.reference === undefined || tender.reference === '' ? undefined : { note: 'reference', reference: tender.reference };
}

function noDetails<Method extends TenderMethod>(tender: TenderOf<Method>): TenderDetailCheck<Method> {
  return { ok: true, tender };
}

const noLedgerEntry = (): undefined => undefined;

/** The kinds of tender, by the method the sale document names them with. */
export const tenderKinds: { readonly [Method in TenderMethod]: TenderKind<Method> } = {
  cash: {
    givesChange: true,
    needsCustomer: false,
    earnsPoints: true,
    check: noDetails,
    onWire: (tender) => ({ method: tender.method, amount: tender.amount }),
    ledgerEntry: noLedgerEntry,
    receiptNote: referenceNote,
  },
  card: {
    givesChange: false,
    needsCustomer: false,
    earnsPoints: true,
    check: (tender) => {
      if (tender.terminal !== undefined && (tender.terminal.trim() === '' || tender.terminal.length > CARD_TERMINAL_ID_MAX_LENGTH)) {
        return { ok: false, reason: 'missing-detail', detail: `a card terminal's id has 1 to ${CARD_TERMINAL_ID_MAX_LENGTH} characters, got ${JSON.stringify(tender.terminal)}` };
      }
      const checked = checkTerminalReference(tender.reference);
      return checked.ok ? { ok: true, tender: { ...tender, reference: checked.reference } } : checked;
    },
    onWire: (tender) => ({
      method: tender.method,
      amount: tender.amount,
      reference: tender.reference,
      ...(tender.terminal === undefined ? {} : { terminal: tender.terminal }),
    }),
    ledgerEntry: noLedgerEntry,
    receiptNote: referenceNote,
  },
  bank_qr: {
    givesChange: false,
    needsCustomer: false,
    earnsPoints: true,
    check: (tender) => {
      if (tender.reference === undefined) return { ok: true, tender };
      const checked = checkTerminalReference(tender.reference);
      return checked.ok ? { ok: true, tender: { ...tender, reference: checked.reference } } : checked;
    },
    onWire: (tender) =>
      tender.reference === undefined ? { method: tender.method, amount: tender.amount } : { method: tender.method, amount: tender.amount, reference: tender.reference },
    ledgerEntry: noLedgerEntry,
    receiptNote: referenceNote,
  },
  gift_card: {
    givesChange: false,
    needsCustomer: false,
    earnsPoints: true,
    check: (tender) => {
      if (tender.giftCardId.trim() === '' || tender.giftCardId.length > 64) {
        return { ok: false, reason: 'missing-detail', detail: 'a gift card tender needs the card id (up to 64 characters)' };
      }
      return { ok: true, tender };
    },
    onWire: (tender) => ({ method: tender.method, amount: tender.amount, reference: tender.giftCardId }),
    ledgerEntry: (tender, { saleId, index }) => ({ id: `${saleId}-giftcard-${index}`, kind: 'giftcard', refId: tender.giftCardId, delta: -tender.amount, reason: 'redeem' }),
    // The card's id is its balance's key, not a slip reference: it is not printed.
    receiptNote: () => undefined,
  },
  points: {
    givesChange: false,
    needsCustomer: true,
    earnsPoints: false,
    check: (tender) => {
      if (!Number.isSafeInteger(tender.points) || tender.points <= 0) {
        return { ok: false, reason: 'missing-detail', detail: `points redeemed must be a positive whole number, got ${String(tender.points)}` };
      }
      return { ok: true, tender };
    },
    onWire: (tender) => ({ method: tender.method, amount: tender.amount, points: tender.points }),
    ledgerEntry: (tender, { saleId, index, customerId }) =>
      customerId === undefined ? undefined : { id: `${saleId}-points-${index}`, kind: 'points', refId: customerId, delta: -tender.points, reason: 'redeem' },
    receiptNote: (tender) => {
      const points = pointsOf(tender);
      return points === undefined ? referenceNote(tender) : { note: 'pointsUsed', points };
    },
  },
  store_credit: {
    givesChange: false,
    needsCustomer: true,
    earnsPoints: true,
    check: noDetails,
    onWire: (tender) => ({ method: tender.method, amount: tender.amount }),
    ledgerEntry: (tender, { saleId, index, customerId }) =>
      customerId === undefined ? undefined : { id: `${saleId}-credit-${index}`, kind: 'credit', refId: customerId, delta: -tender.amount, reason: 'redeem' },
    receiptNote: referenceNote,
  },
  online_refund: {
    givesChange: false,
    needsCustomer: false,
    earnsPoints: true,
    check: noDetails,
    onWire: (tender) =>
      tender.reference === undefined ? { method: tender.method, amount: tender.amount } : { method: tender.method, amount: tender.amount, reference: tender.reference },
    ledgerEntry: noLedgerEntry,
    receiptNote: referenceNote,
  },
};

/** The kind of a tender, typed to it. */
export function kindOf<Method extends TenderMethod>(tender: TenderOf<Method>): TenderKind<Method> {
  return tenderKinds[tender.method];
}

/** The tender as the sale document stores it. */
export function tenderOnWire<Method extends TenderMethod>(tender: TenderOf<Method>): CounterSaleTender {
  return kindOf(tender).onWire(tender);
}
