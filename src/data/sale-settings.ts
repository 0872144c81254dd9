/*
 * What the counter needs from the store's config document, read once per config change: tax classes,
 * cash rounding, barcode rules, the card terminals, the cashier's limits for discounts and price changes, loyalty earning, the currency,
 * its banknotes and the bank account for VietQR. The loosely typed parts of the config (barcodeRules, permissions, loyalty,
 * store.bank) are read defensively: a missing or malformed part falls back to a safe default.
 */
import type { StoreConfigDocument } from './schemas/types.ts';
import type { BarcodeRules, BarcodeRule } from '../domain/barcode.ts';
import { cardTerminalsOf } from '../domain/card-terminals.ts';
import type { CardTerminal } from '../domain/card-terminals.ts';
import { cashRoundingFromConfig } from '../domain/cash-rounding-config.ts';
import type { PriceRules } from '../domain/cart.ts';
import { parsePermissionTable, type PermissionTable } from '../domain/permissions.ts';
import { loyaltyRules } from '../domain/loyalty.ts';
import type { SaleRules } from '../domain/sale-document.ts';
import type { TaxClass } from '../domain/tax-presets.ts';
import { banknotesFor } from '../domain/tender-cash.ts';
import { giftCardQuickAmounts } from '../domain/gift-card-amounts.ts';
import { giftCardProductIds } from '../domain/gift-card-sale.ts';

/** Without configured limits a cashier may give up to 10 % off, or move a price by 10 %, alone. */
export const DEFAULT_PRICE_RULES: PriceRules = { maxDiscountBasisPoints: 1000, overrideNeedsApprovalAbove: 1000 };

export interface BankAccount {
  readonly bin: string;
  readonly accountNumber: string;
  readonly accountName?: string;
}

export interface SaleSettings {
  readonly currency: string;
  readonly taxClasses: readonly TaxClass[];
  readonly barcodeRules: BarcodeRules;
  readonly priceRules: PriceRules;
  readonly saleRules: SaleRules;
  /** config.store.bank = {bin, accountNumber, accountName?}; undefined when the store has not set it. */
  readonly bank?: BankAccount;
  /**
   * What each role may do (config.permissions), e.g. supervisors may give discounts themselves. Parsed by
   * src/domain/permissions.ts, the one reading of the table on the device: a malformed entry holds nothing.
   */
  readonly permissions: PermissionTable;
  /** The banknotes the quick cash amounts are built from: config store.banknotes, else the currency's (tender-cash.ts). */
  readonly banknotes: readonly number[];
  /** The store's gift-card products (loyalty.giftCardProductIds) and the amounts tapped to load one (gift-card-line.tsx). */
  readonly giftCards: { readonly productIds: ReadonlySet<string>; readonly amounts: readonly number[] };
  /** The store's card terminals (config store.cardTerminals, card-terminals.ts): a card tender names one; none = as before. */
  readonly cardTerminals: readonly CardTerminal[];
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function readBank(store: StoreConfigDocument['store']): BankAccount | undefined {
  const bank = store['bank'];
  if (typeof bank !== 'object' || bank === null) return undefined;
  const { bin, accountNumber, accountName } = bank as Record<string, unknown>;
  if (typeof bin !== 'string' || typeof accountNumber !== 'string') return undefined;
  return { bin, accountNumber, ...(typeof accountName === 'string' ? { accountName } : {}) };
}

/**
 * A config rule shaped as a BarcodeRule: a prefix and a value kind, with lengths on a weight or price rule.
 * Whether its numbers make a 13-digit layout is barcodeRuleProblem's question, asked at each scan that
 * meets the rule, so a cashier hears "the layout is wrong" rather than "no layout" for a rule that is merely
 * mistyped in its numbers.
 */
function isBarcodeRule(rule: Readonly<Record<string, unknown>>): rule is Readonly<Record<string, unknown>> & BarcodeRule {
  if (typeof rule['prefix'] !== 'string') return false;
  if (rule['value'] === 'none') return true;
  return (rule['value'] === 'weight' || rule['value'] === 'price') && typeof rule['itemCodeLength'] === 'number' && typeof rule['valueLength'] === 'number';
}

/** config.barcodeRules as the scanner reads them; a rule of another shape matches no code and is logged once here. */
function readBarcodeRules(rules: readonly Readonly<Record<string, unknown>>[]): BarcodeRules {
  const usable = rules.filter(isBarcodeRule);
  if (usable.length < rules.length) console.error('Barcode rules of the store config without a prefix and value kind are not used', rules.filter((rule) => !isBarcodeRule(rule)));
  return usable;
}

export function saleSettingsOf(config: StoreConfigDocument): SaleSettings {
  const permissions = config.permissions ?? {};
  const priceRules: PriceRules = {
    maxDiscountBasisPoints: whole(permissions['maxDiscountBasisPoints']) ?? DEFAULT_PRICE_RULES.maxDiscountBasisPoints,
    overrideNeedsApprovalAbove: whole(permissions['overrideNeedsApprovalAbove']) ?? DEFAULT_PRICE_RULES.overrideNeedsApprovalAbove,
  };
  const loyalty = config.loyalty ?? {};
  const amountPerPoint = loyalty['enabled'] === true ? whole(loyalty['earnAmountPerPoint']) : undefined;
  // The whole programme (tiers, promotion days, categories that earn nothing), as the server earns by it.
  const earning = loyaltyRules(config);
  const taxClasses = config.taxClasses;
  const bank = readBank(config.store);
  // store.cashRoundingStep (src/domain/cash-rounding-config.ts); a step the server would flag is not used.
  const rounding = cashRoundingFromConfig(config.store, config.store.currency);
  if (!rounding.ok) console.error('The store config’s cash rounding is not used', rounding.detail);
  const cashRounding = rounding.ok ? rounding.cashRounding : undefined;
  return {
    currency: config.store.currency,
    taxClasses,
    barcodeRules: readBarcodeRules(config.barcodeRules ?? []),
    priceRules,
    saleRules: { taxClasses, ...(cashRounding ? { cashRounding } : {}), ...(amountPerPoint ? { loyalty: { amountPerPoint, ...(earning === undefined ? {} : { rules: earning }) } } : {}) },
    ...(bank ? { bank } : {}),
    permissions: parsePermissionTable(permissions),
    banknotes: banknotesFor(config.store.currency, config.store['banknotes']),
    giftCards: { productIds: giftCardProductIds(config.loyalty), amounts: giftCardQuickAmounts(config.loyalty, banknotesFor(config.store.currency, config.store['banknotes'])) },
    cardTerminals: cardTerminalsOf(config.store),
  };
}
