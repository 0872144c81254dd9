/*
 * A customer's loyalty standing as this till knows it (domain/loyalty-standing.ts), live: their sales and
 * returns on this device over the store's tier period, read again whenever one is written. The store's
 * rules come from its config (loyalty.tiers, loyalty.tierPeriodDays); without a programme or tiers there is
 * nothing to stand in, and the hook says so (null).
 */
import { useEffect, useMemo, useState } from 'react';
import { useDatabase } from './database-context.ts';
import { useStoreConfig } from './use-store-config.ts';
import { loyaltyRules } from '../domain/loyalty.ts';
import type { LoyaltyRules } from '../domain/loyalty.ts';
import { loyaltyStanding, tierPeriodStart } from '../domain/loyalty-standing.ts';
import type { LoyaltyStanding } from '../domain/loyalty-standing.ts';

export interface CustomerStanding {
  readonly customerId: string;
  readonly standing: LoyaltyStanding;
  readonly rules: LoyaltyRules;
}

/** The store's loyalty rules (undefined while the config is read, null without a programme). */
export function useLoyaltyRules(): LoyaltyRules | null | undefined {
  const config = useStoreConfig();
  return useMemo(() => (config === undefined ? undefined : config === null ? null : (loyaltyRules(config) ?? null)), [config]);
}

/** The customer's standing now (undefined while it is read; null when the store has no tiers or no customer is given). */
export function useCustomerStanding(customerId: string | null | undefined): CustomerStanding | null | undefined {
  const database = useDatabase();
  const rules = useLoyaltyRules();
  const [found, setFound] = useState<CustomerStanding>();
  const hasTiers = rules !== undefined && rules !== null && rules.tiers.length > 0;

  useEffect(() => {
    if (customerId === null || customerId === undefined || !hasTiers) return undefined;
    const since = tierPeriodStart(new Date().toISOString(), rules);
    const subscription = database.sales.find({ selector: { createdAt: { $gte: since }, customerId } }).$.subscribe({
      next: (sales) => setFound({ customerId, rules, standing: loyaltyStanding(sales, new Date().toISOString(), rules) }),
      error: (error: unknown) => console.error('Reading the customer’s purchases for their tier failed', { customerId, error }),
    });
    return () => subscription.unsubscribe();
  }, [database, customerId, rules, hasTiers]);

  if (customerId === null || customerId === undefined || rules === null) return null;
  if (rules === undefined) return undefined;
  if (!hasTiers) return null;
  return found?.customerId === customerId && found.rules === rules ? found : undefined;
}
