/*
 * Vietnam's VAT rates as the seed configuration of a new store. Rates are basis points (1000 = 10 %).
 * 10 % is the standard rate, 8 % the temporarily reduced rate for many goods (Decree 72/2024 and its
 * successors), 5 % essentials such as fresh food and medicine, 0 % exports; some goods are not subject
 * to VAT at all. Retail prices in Vietnam are shown tax-inclusive, so every class here includes tax.
 */

export interface TaxClass {
  id: string;
  name: string;
  rateBasisPoints: number;
  pricesIncludeTax: boolean;
}

export const VIETNAM_TAX_CLASSES: readonly TaxClass[] = [
  { id: 'vat10', name: 'VAT 10%', rateBasisPoints: 1000, pricesIncludeTax: true },
  { id: 'vat8', name: 'VAT 8%', rateBasisPoints: 800, pricesIncludeTax: true },
  { id: 'vat5', name: 'VAT 5%', rateBasisPoints: 500, pricesIncludeTax: true },
  { id: 'vat0', name: 'VAT 0%', rateBasisPoints: 0, pricesIncludeTax: true },
  { id: 'exempt', name: 'Không chịu thuế / Not subject to VAT', rateBasisPoints: 0, pricesIncludeTax: true },
];
