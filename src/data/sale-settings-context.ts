/*
 * The store's sale settings (sale-settings.ts) for the counter's components, and money in the screen's
 * language. Provided once by the counter screen from the live config document.
 */
import { createContext, useCallback, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../domain/money-format.ts';
import type { SaleSettings } from './sale-settings.ts';

export const SaleSettingsContext = createContext<SaleSettings | null>(null);

export function useSaleSettings(): SaleSettings {
  const settings = useContext(SaleSettingsContext);
  if (settings === null) throw new Error('useSaleSettings must be used inside <SaleSettingsContext>');
  return settings;
}

/** Formats minor units of the store currency as the screen's language writes money ("25.000 ₫"). */
export function useMoney(): (amount: number) => string {
  const { currency } = useSaleSettings();
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useCallback((amount: number) => formatMoney(amount, currency, locale), [currency, locale]);
}
