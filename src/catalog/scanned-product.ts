/*
 * From a scanned code to the product and how it is rung up: the barcode is read by the domain parser with
 * the store's rules, then looked up on one index. A GTIN may be stored as 13 digits (EAN-13), 12 (UPC-A),
 * 8 (EAN-8) or 14, so every form it can take is asked for in one indexed query; a scale label is found by
 * its PLU and brings its weight or price; a code that is not a retail symbol at all may be a shop's own
 * SKU label. Nothing is ever rung up by guess: an unknown code comes back as such.
 */
import type { ProductDocument } from '../data/schemas/types.ts';
import { parseBarcode } from '../domain/barcode.ts';
import type { BarcodeFailureReason, BarcodeRules, ParsedBarcode } from '../domain/barcode.ts';
import type { CartProduct, RingUpOptions } from '../domain/cart.ts';
import type { ProductFinder } from './product-finder.ts';

export type ScanLookup =
  | { readonly found: true; readonly product: ProductDocument; readonly options: RingUpOptions }
  | { readonly found: false; readonly reason: 'unknown-product' | BarcodeFailureReason; readonly code: string };

/** Every stored form of a 14-digit GTIN: 14, 13 (EAN-13 / UPC-A with a 0), 12 (UPC-A) and 8 (EAN-8). */
export function gtinForms(gtin: string): string[] {
  const forms = [gtin, gtin.replace(/^0/, ''), gtin.replace(/^00/, '')];
  if (gtin.startsWith('000000')) forms.push(gtin.slice(6));
  return [...new Set(forms)];
}

/** The forms to look up, the code as scanned first: a catalog nearly always stores a code as it is printed. */
function codesOf(parsed: ParsedBarcode, scanned: string): string[] {
  const codes = parsed.gtin === undefined ? [] : gtinForms(parsed.gtin);
  if ('alternative' in parsed && parsed.alternative !== undefined) codes.push(...gtinForms(parsed.alternative.gtin));
  return codes.includes(scanned) ? [scanned, ...codes.filter((each) => each !== scanned)] : codes;
}

export async function lookUpScannedCode(raw: string, rules: BarcodeRules, finder: ProductFinder): Promise<ScanLookup> {
  const code = raw.trim();
  const parsed = parseBarcode(code, rules);
  if (!parsed.ok) {
    // A shop's own Code 128 label carries the SKU itself.
    if (parsed.reason === 'not-digits' || parsed.reason === 'bad-length') {
      const product = await finder.bySku(code.toUpperCase());
      if (product !== undefined) return { found: true, product, options: {} };
    }
    return { found: false, reason: parsed.reason, code };
  }
  if (parsed.kind === 'variable') {
    const product = await finder.byPlu(parsed.itemCode);
    if (product === undefined) return { found: false, reason: 'unknown-product', code };
    const options: RingUpOptions = {
      ...(parsed.weightGrams !== undefined ? { qty: parsed.weightGrams } : {}),
      ...(parsed.price !== undefined ? { labelPrice: parsed.price } : {}),
    };
    return { found: true, product, options };
  }
  const product = await finder.byBarcodes(codesOf(parsed, code));
  if (product === undefined) return { found: false, reason: 'unknown-product', code };
  // A GS1 label with a net weight (AI 310n) sells a weighed item by that weight.
  return { found: true, product, options: parsed.weightGrams !== undefined && product.weighed ? { qty: parsed.weightGrams } : {} };
}

export function cartProductOf(product: ProductDocument): CartProduct {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    price: product.price,
    taxClassId: product.taxClassId,
    weighed: product.weighed,
    unit: product.unit,
  };
}
