/*
 * Loyalty tiers as the server decides them (loyalty.ts): a customer earns at the tier their spend over the
 * programme's period reached, counted chain-wide from customer_spend (one row per sale or return of theirs,
 * under whichever id they had then: merged customers count together). A sale names the tier its tablet
 * thought (`loyaltyTier`); the server earns it at the lower of that and the one reached, so a tablet that
 * knew less keeps its receipt's figure and one that claimed more is corrected (its embedded earning then
 * differs from what the server applies, and the sale is flagged).
 * Every new sale and return of a customer adds its row here, in the push's transaction.
 */
import type { Transaction } from 'kysely';
import type { SaleDocument } from '../../../src/data/schemas/types.ts';
import { spendInPeriod, tierById, tierForSpend } from '../../../src/domain/loyalty.ts';
import type { LoyaltyRules, LoyaltyTier } from '../../../src/domain/loyalty.ts';
import { resolveCustomerAliases } from '../store/customers-repository.ts';
import type { Database } from '../store/database-types.ts';
import { aliasesOf, customerSpendOf, insertCustomerSpend } from '../store/returns-repository.ts';
import type { CustomerSpendRow } from '../store/returns-repository.ts';

const DAY_MS = 86_400_000;

/** What a sale or return counts towards its customer's spend: its goods (gift cards are money, not spend). */
export function spendOf(doc: Pick<SaleDocument, 'lines'>): number {
  return doc.lines.reduce((sum, line) => sum + (typeof line['giftCardId'] === 'string' ? 0 : line.total), 0);
}

export interface LoyaltyBook {
  /** The tier a sale or return of this push earns at. */
  tierOf(sale: SaleDocument): LoyaltyTier | undefined;
  /** Writes the spend rows of this push's documents. */
  write(trx: Transaction<Database>): Promise<void>;
}

/** The tiers of this push's documents, and their spend rows; reads each customer's spend of the period once. */
export async function loadLoyaltyBook(trx: Transaction<Database>, docs: readonly SaleDocument[], loyalty: LoyaltyRules | undefined): Promise<LoyaltyBook> {
  const withCustomer = docs.filter((doc): doc is SaleDocument & { customerId: string } => typeof doc.customerId === 'string' && !Number.isNaN(Date.parse(doc.createdAt)));
  const canonical = await resolveCustomerAliases(trx, withCustomer.map((doc) => doc.customerId));
  const idOf = (customerId: string): string => canonical.get(customerId) ?? customerId;
  const rows: CustomerSpendRow[] = withCustomer.map((doc) => ({ saleId: doc.id, customerId: idOf(doc.customerId), storeId: doc.storeId, amount: spendOf(doc), createdAt: new Date(doc.createdAt).toISOString() }));
  const write = (trx2: Transaction<Database>): Promise<void> => insertCustomerSpend(trx2, rows);
  if (loyalty === undefined || loyalty.tiers.length === 0 || rows.length === 0) return { tierOf: () => undefined, write };

  const customers = [...new Set(rows.map((row) => row.customerId))];
  const aliases = await aliasesOf(trx, customers);
  const times = rows.map((row) => Date.parse(row.createdAt));
  const from = new Date(Math.min(...times) - loyalty.tierPeriodDays * DAY_MS).toISOString();
  const to = new Date(Math.max(...times) + 1).toISOString();
  const stored = await customerSpendOf(trx, [...customers, ...customers.flatMap((id) => aliases.get(id) ?? [])], from, to);
  const spendBy = new Map<string, Array<{ at: string; amount: number }>>();
  const pushed = new Set(rows.map((row) => row.saleId));
  for (const row of [...stored.filter((r) => !pushed.has(r.saleId)), ...rows]) {
    const owner = idOf(row.customerId);
    const list = spendBy.get(owner) ?? [];
    list.push({ at: row.createdAt, amount: row.amount });
    spendBy.set(owner, list);
  }
  return {
    tierOf(sale) {
      if (typeof sale.customerId !== 'string') return undefined;
      const claimed = tierById(typeof sale['loyaltyTier'] === 'string' ? sale['loyaltyTier'] : undefined, loyalty);
      if (claimed === undefined) return undefined;
      const reached = tierForSpend(spendInPeriod(spendBy.get(idOf(sale.customerId)) ?? [], new Date(sale.createdAt).toISOString(), loyalty), loyalty);
      if (reached === undefined) return undefined;
      return claimed.multiplierBasisPoints <= reached.multiplierBasisPoints ? claimed : reached;
    },
    write,
  };
}
