/*
 * One receipt, built once from a stored sale document and the store's config, then rendered two ways:
 * ESC/POS bytes for a thermal printer (escpos-receipt.ts) and HTML for the browser's print dialog
 * (html-receipt.ts). Everything a customer reads is decided here, already worded in the receipt's
 * language and with money formatted by the domain code, so the two renderings can only differ in looks.
 *
 * Pure: no DOM, no clock, no storage. A reprint rebuilds the same receipt from the same sale.
 * The amounts are the sale's own (the device wrote them before printing): totals, the VAT added to
 * tax-exclusive prices (total - line totals), cash rounding and change. Only the per-rate VAT summary,
 * which the document does not store, is derived from its lines with the domain's computeTaxes (the
 * same computation that made totals.tax, so its rows add up to it).
 */
import type { SaleDocument, SaleLine, SaleTender } from '../../domain/documents.ts';
import type { GiftCardStanding } from '../../domain/gift-card-standing.ts';
import { formatMoney, formatMoneyAmount } from '../../domain/money-format.ts';
import { multiplyByQuantity, sumMinorUnits } from '../../domain/money.ts';
import { cashRoundingOf } from '../../domain/sale-amounts.ts';
import { tenderKinds } from '../../domain/tender-kinds.ts';
import { computeTaxes } from '../../domain/tax.ts';
import { returnReceiptDetails } from '../../domain/receipt-return-details.ts';
import { DEFAULT_TIME_ZONE, formatQuantity, formatRate, formatReceiptTime, printableReference } from './receipt-format.ts';
import { fillIn, receiptTexts } from './receipt-texts.ts';
import type { ReceiptLocale, ReceiptTexts } from './receipt-texts.ts';

/** What the receipt reads of a sale line: the stored line's fields (a line's unit is not named by the schema yet). */
export type ReceiptLine = Pick<SaleLine, 'sku' | 'name' | 'qty' | 'unitPrice' | 'discount' | 'taxRate' | 'total' | 'priceIncludesTax'> & {
  readonly unit?: unknown;
  readonly productId?: string;
  /** The gift card a line of a gift-card product loads (gift-card-sale.ts). */
  readonly giftCardId?: unknown;
  /** A returned line's reason code and condition (return-lines.ts). */
  readonly returnReason?: unknown;
  readonly condition?: unknown;
};

/**
 * What the receipt needs of a sale document (src/data/schemas/sales.json): the stored document's own fields,
 * so a stored sale is printed as it stands. `reason` is 'void' on a cancellation (a reversing return,
 * src/domain/sale-reversal.ts), with the cancelled sale's number in `originalNumber`.
 */
export type ReceiptSale = Pick<SaleDocument, 'kind' | 'reason' | 'originalNumber' | 'number' | 'createdAt' | 'currency' | 'totals' | 'change'> & {
  readonly lines: readonly ReceiptLine[];
  readonly tenders: readonly SaleTender[];
  /** The movements the sale carries: the customer's points earned (or taken back) are printed from them. */
  readonly ledger?: SaleDocument['ledger'];
  readonly customerId?: string;
  /** Who approved a return or cancellation, when the cashier could not alone. */
  readonly approverId?: string;
};

/**
 * A store's own receipt text (config `receipt.header` / `receipt.footer`): one text in the store's language,
 * or one per receipt language ({ vi, en }).
 */
export type StoreReceiptText = string | Partial<Readonly<Record<ReceiptLocale, string>>>;

export interface ReceiptContext {
  readonly store: { readonly name: string; readonly address?: string; readonly phone?: string; readonly taxCode?: string };
  readonly receiptTexts: { readonly header?: StoreReceiptText; readonly footer?: StoreReceiptText };
  /** The language the store's plain (not per-language) texts are written in; Vietnamese by default. */
  readonly storeLocale?: ReceiptLocale;
  readonly locale: ReceiptLocale;
  readonly staffName?: string;
  readonly customerName?: string;
  /** Paper roll width in millimetres. */
  readonly width: 58 | 80;
  /** Characters per row when the printer's font differs from 32 (58 mm) / 48 (80 mm), e.g. 42 at 180 dpi. */
  readonly paperChars?: 32 | 42 | 48;
  /** IANA time zone of the store; Vietnam by default. */
  readonly timeZone?: string;
  /** How the sale number is printed for the returns desk to scan. */
  readonly lookupCode?: 'barcode' | 'qr' | 'both';
  /** A reprint says so at the top, so it is never taken for a second sale. */
  readonly reprint?: boolean;
  /** The name of the sale's approverId (the config's staff), printed on a return. */
  readonly approverName?: string;
  /** The customer's points balance as this till knows it (last sync plus its own sales since), when it does. */
  readonly pointsBalance?: number;
  /** The store's gift-card products (config loyalty.giftCardProductIds): a line of one with a giftCardId loads that card. */
  readonly giftCardProductIds?: ReadonlySet<string>;
  /**
   * What each gift card the sale loads or pays with holds as this till knows it, by card number (the
   * server's last confirmed balance plus this till's own loads and spends since, gift-card-standing.ts);
   * a card left out (a reprint: it would be today's) prints its masked number only.
   */
  readonly giftCardStandings?: Readonly<Record<string, GiftCardStanding>>;
}

export interface LabelledValue {
  readonly label: string;
  readonly value: string;
  readonly emphasis?: boolean;
}

export interface ReceiptItem {
  readonly name: string;
  /** "0,375 kg x 120.000 ₫/kg" or "2 x 25.000 ₫". */
  readonly detail: string;
  /** The line before its discount, without the currency sign to keep the column narrow. */
  readonly amount: string;
  readonly weighed: boolean;
  readonly discount?: LabelledValue;
  /** The card a gift-card line loads: its masked number and its balance after the sale (giftCardRows). */
  readonly giftCard?: readonly LabelledValue[];
  /** A returned line: why it came back and in what state, in the receipt's language (receipt-return-details.ts). */
  readonly returnNote?: string;
}

/** A tender as printed; a gift card's is followed by the card's masked number and balance after the sale. */
export interface ReceiptTender extends LabelledValue {
  readonly giftCard?: readonly LabelledValue[];
}

export interface TaxSummary {
  readonly title: string;
  readonly headers: readonly [rate: string, net: string, tax: string];
  readonly rows: readonly (readonly [rate: string, net: string, tax: string])[];
}

export interface Receipt {
  readonly locale: ReceiptLocale;
  readonly kind: 'sale' | 'return';
  readonly paper: { readonly width: 58 | 80; readonly columns: 32 | 42 | 48 };
  readonly store: { readonly name: string; readonly lines: readonly string[] };
  readonly headerText: readonly string[];
  readonly reprintMark?: string;
  readonly title: string;
  readonly facts: readonly LabelledValue[];
  readonly itemsHeader: LabelledValue;
  readonly items: readonly ReceiptItem[];
  readonly totals: readonly LabelledValue[];
  readonly taxSummary: TaxSummary;
  readonly payment: { readonly title: string; readonly tenders: readonly ReceiptTender[]; readonly change?: LabelledValue };
  /** The customer's points: earned (or taken back) by this sale and the balance, when a customer is named. */
  readonly loyalty: readonly LabelledValue[];
  /** The sale number, printed as text and as a CODE128 barcode and/or QR code for returns. */
  readonly lookup: { readonly value: string; readonly barcode: boolean; readonly qrcode: boolean; readonly caption: string };
  readonly footer: readonly string[];
  /** True when cash changed hands: the drawer opens after printing. */
  readonly opensCashDrawer: boolean;
}

function lineUnit(line: ReceiptSale['lines'][number]): 'pcs' | 'kg' {
  if (line.unit === 'kg' || line.unit === 'pcs') return line.unit;
  // Older documents carry no unit: a quantity that is not whole pieces can only be a weight.
  return line.qty % 1000 === 0 ? 'pcs' : 'kg';
}

function textLines(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * The store's text for a receipt in `locale`: its own version for that language, or its plain text when that
 * is written in the receipt's language; undefined otherwise (a receipt never mixes two languages: an English
 * receipt of a store whose footer is only in Vietnamese prints its own fixed thank-you instead).
 */
function storeTextFor(text: StoreReceiptText | undefined, locale: ReceiptLocale, storeLocale: ReceiptLocale): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return storeLocale === locale ? text : undefined;
  return text[locale];
}

const foldForCompare = (text: string): string => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Words that label a phone number or a tax code on a receipt header, in both languages and as shops abbreviate them. */
const CONTACT_LABELS = [receiptTexts('vi').phone, receiptTexts('vi').taxCode, receiptTexts('en').phone, receiptTexts('en').taxCode, 'điện thoại', 'sđt', 'mã số thuế', 'mst', 'phone', 'tel', 'tax code', 'tax id'].map(foldForCompare);

/**
 * Whether a line of the store's header only repeats what the store block prints already (its name, address,
 * phone, tax code, with their labels and separators): many stores' configs carry them in the header too, and
 * the receipt printed them twice.
 */
function repeatsStore(line: string, store: ReceiptContext['store']): boolean {
  let rest = foldForCompare(line);
  const known = [store.name, ...textLines(store.address), store.phone, store.taxCode].filter((value): value is string => value !== undefined && value.trim() !== '');
  for (const value of known.map(foldForCompare).sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  for (const label of [...CONTACT_LABELS].sort((a, b) => b.length - a.length)) rest = rest.split(label).join(' ');
  return rest.replace(/[\s:·|,;./()\-–—]+/g, '') === '';
}

/** A gift-card number as a receipt prints it: masked but for its last four digits. */
export function maskGiftCardNumber(number: string): string {
  return `****${number.replace(/\D/g, '').slice(-4)}`;
}

/** The card a line loads: a line of one of the store's gift-card products, with a card number, putting money on it. */
function loadedCard(line: ReceiptLine, productIds: ReadonlySet<string> | undefined): string | undefined {
  const card = line.giftCardId;
  if (typeof card !== 'string' || card === '' || line.productId === undefined || !(productIds?.has(line.productId) ?? false)) return undefined;
  return line.qty > 0 && line.total > 0 ? card : undefined;
}

/** The card a tender pays with (or, on a return, refunds to): the stored gift_card tender's reference. */
function tenderCard(tender: SaleTender): string | undefined {
  return tender.method === 'gift_card' && typeof tender.reference === 'string' && tender.reference !== '' ? tender.reference : undefined;
}

/** The gift cards a sale loads or pays with, once each: the cards whose standing the caller reads for the receipt. */
export function giftCardsOnReceipt(sale: Pick<ReceiptSale, 'lines' | 'tenders'>, productIds: ReadonlySet<string>): string[] {
  const cards = [...sale.lines.map((line) => loadedCard(line, productIds)), ...sale.tenders.map(tenderCard)];
  return [...new Set(cards.filter((card): card is string => card !== undefined))];
}

/**
 * The rows under a gift-card line or tender: the card's masked number, and what it holds after this sale as
 * the till knows it. A balance that counts a load the server has not confirmed yet (the card holds that value
 * only once the server has the paid sale) says it is pending; a balance the till cannot know (no confirmed
 * figure and nothing loaded here, or below zero) is left out rather than guessed.
 */
function giftCardRows(card: string, sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts): LabelledValue[] {
  const rows: LabelledValue[] = [{ label: texts.giftCard.number, value: maskGiftCardNumber(card) }];
  const standing = context.giftCardStandings?.[card];
  if (standing === undefined || (standing.confirmed === null && standing.loadedHere === 0) || standing.onThisTablet < 0) return rows;
  const label = standing.loadedHere > 0 ? texts.giftCard.balancePending : texts.giftCard.balance;
  rows.push({ label, value: formatMoney(standing.onThisTablet, sale.currency, context.locale) });
  return rows;
}

function buildItem(line: ReceiptSale['lines'][number], sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts, returnNote: string | undefined): ReceiptItem {
  const card = loadedCard(line, context.giftCardProductIds);
  const unit = lineUnit(line);
  const money = (amount: number): string => formatMoney(amount, sale.currency, context.locale);
  const gross = multiplyByQuantity(line.unitPrice, line.qty);
  const price = unit === 'kg' ? `${money(line.unitPrice)}/kg` : money(line.unitPrice);
  // A return's discount reduced the refund, so it is shown with the sign that moves the line to zero.
  const signedDiscount = line.qty < 0 ? line.discount : -line.discount;
  return {
    name: line.name,
    detail: `${formatQuantity(line.qty, unit, context.locale)} x ${price}`,
    amount: formatMoneyAmount(gross, sale.currency, context.locale),
    weighed: unit === 'kg',
    ...(line.discount !== 0 ? { discount: { label: texts.lineDiscount, value: formatMoneyAmount(signedDiscount, sale.currency, context.locale) } } : {}),
    ...(card !== undefined ? { giftCard: giftCardRows(card, sale, context, texts) } : {}),
    ...(returnNote !== undefined ? { returnNote } : {}),
  };
}

function buildTaxSummary(sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts): TaxSummary {
  const taxes = computeTaxes(
    sale.lines.map((line) => ({ amount: line.total, rateBasisPoints: line.taxRate, pricesIncludeTax: line.priceIncludesTax ?? true })),
  );
  const amount = (value: number): string => formatMoneyAmount(value, sale.currency, context.locale);
  return {
    title: texts.taxSummary,
    headers: [texts.taxRate, texts.taxNet, texts.taxAmount],
    rows: taxes.byRate.map((row) => [formatRate(row.rateBasisPoints, context.locale), amount(row.net), amount(row.tax)] as const),
  };
}

function buildTotals(sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts): LabelledValue[] {
  const money = (amount: number): string => formatMoney(amount, sale.currency, context.locale);
  const rows: LabelledValue[] = [{ label: texts.subtotal, value: money(sale.totals.subtotal) }];
  if (sale.totals.discount !== 0) rows.push({ label: texts.discount, value: money(-sale.totals.discount) });
  // VAT only adds to the bill when some prices exclude it; otherwise it is inside the prices (see the summary).
  // The sale's own figures: what it totals beyond its lines is the VAT added on top of tax-exclusive prices.
  if (sale.lines.some((line) => line.priceIncludesTax === false)) {
    const added = sumMinorUnits([sale.totals.total, ...sale.lines.map((line) => -line.total)]);
    rows.push({ label: texts.taxAdded, value: money(added) });
  }
  rows.push({ label: texts.total[sale.kind], value: money(sale.totals.total), emphasis: true });
  const rounding = cashRoundingOf(sale.totals);
  if (rounding !== 0) rows.push({ label: texts.cashRounding, value: money(rounding) });
  return rows;
}

function tenderLabel(tender: ReceiptSale['tenders'][number], texts: ReceiptTexts): string {
  const name = texts.tender[tender.method];
  // What follows the name is the tender kind's to say (src/domain/tender-kinds.ts), worded here.
  const note = tenderKinds[tender.method].receiptNote(tender);
  if (note === undefined) return name;
  if (note.note === 'pointsUsed') return `${name} (${fillIn(texts.pointsUsed, { points: String(note.points) })})`;
  return `${name} (${fillIn(texts.reference, { reference: printableReference(note.reference) })})`;
}

function buildPayment(sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts): Receipt['payment'] {
  const money = (amount: number): string => formatMoney(amount, sale.currency, context.locale);
  const tenders = sale.tenders.map((tender): ReceiptTender => {
    const card = tenderCard(tender);
    return { label: tenderLabel(tender, texts), value: money(tender.amount), ...(card !== undefined ? { giftCard: giftCardRows(card, sale, context, texts) } : {}) };
  });
  // The change the sale document says was handed back (a cancellation that hands none back says 0 or less).
  const change = sale.change ?? 0;
  return {
    title: texts.payment[sale.kind],
    tenders,
    ...(change > 0 ? { change: { label: texts.change, value: money(change), emphasis: true } } : {}),
  };
}

function buildFacts(sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts, refundedBy: string | undefined): LabelledValue[] {
  const facts: LabelledValue[] = [
    { label: texts.number, value: sale.number },
    { label: texts.date, value: formatReceiptTime(sale.createdAt, context.locale, context.timeZone ?? DEFAULT_TIME_ZONE) },
  ];
  // A cancellation names the receipt it cancels; a return (some lines, or part of one) the receipt it returns from.
  if (sale.originalNumber) facts.push({ label: sale.kind === 'return' && sale.reason !== 'void' ? texts.returnOf : texts.cancels, value: sale.originalNumber });
  if (context.staffName) facts.push({ label: texts.cashier, value: context.staffName });
  if (context.customerName) facts.push({ label: texts.customer, value: context.customerName });
  if (refundedBy !== undefined) facts.push({ label: texts.refundedBy, value: refundedBy });
  // An approver is named when the document has one: by name from the store's staff, else by the id it carries.
  if (sale.kind === 'return' && sale.approverId !== undefined) facts.push({ label: texts.approvedBy, value: context.approverName ?? sale.approverId });
  return facts;
}

/** The receipt of a sale or return, ready for either renderer. */
export function buildReceipt(sale: ReceiptSale, context: ReceiptContext): Receipt {
  const texts = receiptTexts(context.locale);
  const { store } = context;
  const storeLines = [
    ...textLines(store.address),
    ...(store.phone ? [`${texts.phone}: ${store.phone}`] : []),
    ...(store.taxCode ? [`${texts.taxCode}: ${store.taxCode}`] : []),
  ];
  const lookupCode = context.lookupCode ?? 'barcode';
  const storeLocale = context.storeLocale ?? 'vi';
  const footer = textLines(storeTextFor(context.receiptTexts.footer, context.locale, storeLocale));
  // The store block above prints the name, address, phone and tax code once; header lines that only repeat them go.
  const headerText = textLines(storeTextFor(context.receiptTexts.header, context.locale, storeLocale)).filter((line) => !repeatsStore(line, store));
  const details = returnReceiptDetails(sale, texts);
  return {
    locale: context.locale,
    kind: sale.kind,
    paper: { width: context.width, columns: context.paperChars ?? (context.width === 58 ? 32 : 48) },
    store: { name: store.name, lines: storeLines },
    headerText,
    ...(context.reprint ? { reprintMark: texts.reprint } : {}),
    title: sale.kind === 'return' && sale.reason === 'void' ? texts.title.void : texts.title[sale.kind],
    facts: buildFacts(sale, context, texts, details.refundedBy),
    itemsHeader: { label: texts.item, value: texts.amount },
    items: sale.lines.map((line, index) => buildItem(line, sale, context, texts, details.lineNotes[index])),
    totals: buildTotals(sale, context, texts),
    taxSummary: buildTaxSummary(sale, context, texts),
    payment: buildPayment(sale, context, texts),
    loyalty: buildLoyalty(sale, context, texts),
    lookup: { value: sale.number, barcode: lookupCode !== 'qr', qrcode: lookupCode !== 'barcode', caption: texts.lookup },
    footer: footer.length > 0 ? footer : [texts.thanks],
    opensCashDrawer: sale.tenders.some((tender) => tender.method === 'cash' && tender.amount !== 0),
  };
}

/** Points earned (a sale) or taken back (a return) by the sale's customer, and their balance when known. */
function buildLoyalty(sale: ReceiptSale, context: ReceiptContext, texts: ReceiptTexts): LabelledValue[] {
  if (sale.customerId === undefined) return [];
  const points = sumMinorUnits((sale.ledger ?? []).filter((entry) => entry.kind === 'points' && entry.refId === sale.customerId && entry.reason !== 'redeem').map((entry) => entry.delta));
  const rows: LabelledValue[] = [];
  if (points !== 0) rows.push({ label: points > 0 ? texts.pointsEarned : texts.pointsTakenBack, value: formatPoints(Math.abs(points), context.locale) });
  if (context.pointsBalance !== undefined) rows.push({ label: texts.pointsBalance, value: formatPoints(context.pointsBalance, context.locale) });
  return rows;
}

function formatPoints(points: number, locale: ReceiptLocale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(points);
}
