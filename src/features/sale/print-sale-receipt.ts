/*
 * Printing a stored sale: the receipt model from the sale and the store's config, then the till's printer
 * service (USB, or the browser's print dialog when none is paired). The printer code is loaded on the first
 * print, so the counter opens without it. Never throws: the sale is already durable, and the outcome says
 * what went wrong in a code the screen words (receipt.printer.*).
 *
 * Every fact printed comes from the stored document: the cashier is the sale's staffId named by the config's
 * staff (a reprint names who sold, not who is signed in now), the customer is the sale's customerId named by
 * this device's customers, and the amounts are the sale's own (receipt-model.ts).
 */
import type { PosDatabase } from '../../data/database.ts';
import type { SaleDocument, StoreConfigDocument } from '../../data/schemas/types.ts';
import type { PrintOutcome } from '../../devices/printer/usb-printer-service.ts';
import type { Receipt, ReceiptSale, StoreReceiptText } from '../../devices/printer/receipt-model.ts';
import { firstValueFrom } from 'rxjs';
import type { CatalogDatabase } from '../../catalog/catalog-database.ts';
import { pendingLedgerDeltas } from '../../data/pending-ledger.ts';
import { sumMinorUnits } from '../../domain/money.ts';
import { giftCardProductIds } from '../../domain/gift-card-sale.ts';
import { giftCardStanding } from '../../domain/gift-card-standing.ts';
import type { GiftCardStanding } from '../../domain/gift-card-standing.ts';
import { customerNameOf } from './customer-lookup.ts';

export interface PrintSaleOptions {
  readonly config: StoreConfigDocument;
  /** Where the sale's customer is looked up by id. */
  readonly database: PosDatabase;
  readonly locale: string;
  readonly reprint?: boolean;
  /**
   * Where the customer's points balance is read (the catalog's confirmed balance plus this till's sales
   * since), for the balance line of a new sale's receipt; a reprint leaves it out (it would be today's).
   */
  readonly balanceFrom?: { readonly catalog: CatalogDatabase; readonly storeId: string; readonly deviceId: string };
}

/** The customer's points as this till knows them now, or undefined when the server has confirmed none. */
async function pointsBalanceOf(sale: PrintableSale, options: PrintSaleOptions): Promise<number | undefined> {
  const from = options.balanceFrom;
  if (from === undefined || sale.customerId === undefined || options.reprint) return undefined;
  const confirmed = await from.catalog.balances.get(`points:${from.storeId}:${sale.customerId}`);
  if (confirmed === undefined) return undefined;
  const pending = await firstValueFrom(pendingLedgerDeltas(options.database, from.deviceId, 'points', sale.customerId, confirmed.updatedAt));
  return confirmed.value + sumMinorUnits(pending);
}

/**
 * What each gift card the sale loads or pays with holds as this till knows it (gift-card-standing.ts: the
 * server's confirmed balance plus this till's loads and spends since, this sale's included); none on a reprint.
 */
async function giftCardStandingsOf(sale: PrintableSale, options: PrintSaleOptions, productIds: ReadonlySet<string>): Promise<Record<string, GiftCardStanding>> {
  const from = options.balanceFrom;
  if (from === undefined || options.reprint) return {};
  const { giftCardsOnReceipt } = await import('../../devices/printer/receipt-model.ts');
  const standings: Record<string, GiftCardStanding> = {};
  for (const card of giftCardsOnReceipt(sale, productIds)) {
    const row = await from.catalog.balances.get(`giftcard:${from.storeId}:${card}`);
    const confirmed = row === undefined ? null : { value: row.value, updatedAt: row.updatedAt };
    // Without a confirmed balance every sale of this till counts: nothing of it is in the server's figure yet.
    const pending = await firstValueFrom(pendingLedgerDeltas(options.database, from.deviceId, 'giftcard', card, confirmed?.updatedAt ?? ''));
    standings[card] = giftCardStanding(confirmed, pending);
  }
  return standings;
}

/** A stored sale as the receipt prints it: the receipt's fields and the people it names. */
export type PrintableSale = ReceiptSale & Pick<SaleDocument, 'staffId' | 'customerId'>;

function joinedText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((line): line is string => typeof line === 'string').join('\n');
  return undefined;
}

/** A config receipt text: lines in the store's language, or { vi, en } with lines per receipt language. */
function storeReceiptText(value: unknown): StoreReceiptText | undefined {
  const plain = joinedText(value);
  if (plain !== undefined) return plain;
  if (typeof value !== 'object' || value === null) return undefined;
  const byLanguage = value as Record<string, unknown>;
  const vi = joinedText(byLanguage['vi']);
  const en = joinedText(byLanguage['en']);
  return vi === undefined && en === undefined ? undefined : { ...(vi !== undefined ? { vi } : {}), ...(en !== undefined ? { en } : {}) };
}

async function customerNameOfSale(database: PosDatabase, sale: PrintableSale): Promise<string | undefined> {
  const { customerId, number } = sale;
  if (customerId === undefined) return undefined;
  // The receipt still prints without the name: the sale is what matters.
  return customerNameOf(database, customerId).catch((error: unknown) => {
    console.error('Reading the customer of a receipt failed', { number, customerId, error });
    return undefined;
  });
}

/**
 * The receipt of a stored sale as the till prints it (receipt-model.ts): for the printer, and for the
 * on-screen preview, which shows exactly what prints.
 */
export async function saleReceipt(sale: PrintableSale, options: PrintSaleOptions): Promise<Receipt> {
  const productIds = giftCardProductIds(options.config.loyalty);
  const [{ buildReceipt }, { getPrinterService }, customerName, pointsBalance, giftCardStandings] = await Promise.all([
    import('../../devices/printer/receipt-model.ts'),
    import('../../devices/printer/use-printer.ts'),
    customerNameOfSale(options.database, sale),
    pointsBalanceOf(sale, options).catch((error: unknown) => {
      // The receipt prints without the balance line: the sale is what matters.
      console.error('Reading the points balance for a receipt failed', { number: sale.number, error });
      return undefined;
    }),
    giftCardStandingsOf(sale, options, productIds).catch((error: unknown) => {
      // The cards' numbers still print, without their balances: the sale is what matters.
      console.error('Reading gift-card balances for a receipt failed', { number: sale.number, error });
      return {};
    }),
  ]);
  const { config } = options;
  const header = storeReceiptText(config.receipt?.['header']);
  const footer = storeReceiptText(config.receipt?.['footer']);
  const staffName = config.staff.find((member) => member.id === sale.staffId)?.name;
  const approverName = sale.approverId === undefined ? undefined : config.staff.find((member) => member.id === sale.approverId)?.name;
  return buildReceipt(sale, {
    store: config.store,
    receiptTexts: { ...(header ? { header } : {}), ...(footer ? { footer } : {}) },
    locale: options.locale === 'en' ? 'en' : 'vi',
    // The store's plain texts are in its own language (config store.locale, e.g. vi-VN).
    storeLocale: config.store.locale.startsWith('en') ? 'en' : 'vi',
    width: getPrinterService().state.settings.paperWidth,
    ...(config.store.timeZone ? { timeZone: config.store.timeZone } : {}),
    ...(staffName ? { staffName } : {}),
    ...(approverName ? { approverName } : {}),
    ...(customerName ? { customerName } : {}),
    ...(options.reprint ? { reprint: true } : {}),
    ...(pointsBalance !== undefined ? { pointsBalance } : {}),
    giftCardProductIds: productIds,
    giftCardStandings,
  });
}

export async function printSaleReceipt(sale: PrintableSale, options: PrintSaleOptions): Promise<PrintOutcome> {
  try {
    const [receipt, { getPrinterService }] = await Promise.all([saleReceipt(sale, options), import('../../devices/printer/use-printer.ts')]);
    return await getPrinterService().printReceipt(receipt, { openCashDrawer: receipt.opensCashDrawer && !options.reprint });
  } catch (error) {
    console.error('Printing the receipt failed', { number: sale.number, error });
    return { ok: false, problem: 'printFailed' };
  }
}
