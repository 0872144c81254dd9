/*
 * How a tender is taken on the pay panel: a form a feature registers instead of wiring it into the panel.
 * A feature that offers tenders exports `tenderForms` from its own tenders.ts (src/features/<x>/tenders.ts);
 * the shell gathers every one of those files (src/app/tender-registry.ts) and hands them to the pay panel
 * through TenderFormsContext (loaded after the shell's first paint), so a gift-card or loyalty feature adds a way to pay without editing the sale
 * feature. The panel shows one tab per form, in `order`, and lists the tenders taken with what each form
 * says about its own. What a tender is on the wire, in the ledger and on the receipt is its kind's
 * (src/domain/tender-kinds.ts); this is only how the cashier takes one.
 */
import { createContext, use, type ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { LoyaltyRedeemRules } from '../domain/redeem-limits.ts';
import type { Tender, TenderMethod } from '../domain/tender.ts';

/** What the pay panel tells every tender form. Amounts in minor units. */
export interface TenderFormProps {
  /** The sale's total (exact, before any cash rounding). */
  readonly total: number;
  /** Still to pay, exactly: what a tender other than cash may take at most. */
  readonly remaining: number;
  /** Still to pay if the rest comes in cash (rounded when the store rounds cash). */
  readonly remainingInCash: number;
  /** The tenders taken so far. */
  readonly tenders: readonly Tender[];
  /** The store's loyalty redeem rules; undefined when the store has no loyalty. */
  readonly redeemRules: LoyaltyRedeemRules | undefined;
  /** The receipt number this sale is expected to get (e.g. the content of a bank transfer). */
  readonly expectedNumber: string;
  /** Takes a tender; the panel refuses it, and says why, when it does not fit what is due. */
  readonly take: (tender: Tender) => void;
  /**
   * Whose points or store credit pay, on a panel that is not the counter's (the returns desk's exchange:
   * its purchase's customer, null when it has none); absent on the counter, whose forms read the cart's.
   */
  readonly customerId?: string | null;
}

export interface TenderForm {
  /** The tab's id (data-testid method-<id>); unique among the registered forms. */
  readonly id: string;
  /** Place of its tab on the pay panel, lowest first. */
  readonly order: number;
  /** The kind of tender it takes; the tab is named receipt.tender.<method>. */
  readonly method: TenderMethod;
  readonly Form: ComponentType<TenderFormProps>;
  /** What the list of taken tenders says after the tender's name (its points, its card), if anything. */
  readonly describe?: (tender: Tender, t: TFunction) => string;
}

/** What a feature's tenders.ts exports. */
export interface TenderFormModule {
  readonly tenderForms: readonly TenderForm[];
}

/**
 * The registered tender forms, loaded once: the forms live in the features' chunks, not in the shell's
 * first download, so the shell starts loading them right after it first paints and the pay panel reads
 * them synchronously once they are in (suspending only if the cashier opens it before that).
 */
export interface TenderForms {
  /** The forms in tab order, once loaded. */
  loaded(): readonly TenderForm[] | undefined;
  /** Starts loading (once) and resolves with the forms in tab order. */
  load(): Promise<readonly TenderForm[]>;
}

export function tenderFormsFrom(source: () => Promise<readonly TenderForm[]>): TenderForms {
  let forms: readonly TenderForm[] | undefined;
  let loading: Promise<readonly TenderForm[]> | undefined;
  return {
    loaded: () => forms,
    load() {
      loading ??= source().then(
        (result) => (forms = result),
        (error: unknown) => {
          loading = undefined; // a failed chunk load (offline before the service worker had it) is tried again
          throw error;
        },
      );
      return loading;
    },
  };
}

/** Forms already at hand (a test, or a feature rendering its own panel). */
export function tenderFormsOf(forms: readonly TenderForm[]): TenderForms {
  const sorted = [...forms].sort((a, b) => a.order - b.order);
  return { loaded: () => sorted, load: () => Promise.resolve(sorted) };
}

export const TenderFormsContext = createContext<TenderForms | undefined>(undefined);

/** The tender forms for the pay panel; suspends until they are loaded. */
export function useTenderForms(): readonly TenderForm[] {
  const forms = use(TenderFormsContext);
  if (forms === undefined) throw new Error('No TenderFormsContext above the pay panel: the shell gives the registered tender forms (src/app/tender-registry.ts).');
  return forms.loaded() ?? use(forms.load());
}
