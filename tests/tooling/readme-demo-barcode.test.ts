// The README's "Try it" names a demo barcode: it must be one the demo store really sells, with the name,
// SKU and price the README gives, or a new user scans it and finds nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readServerConfig, repoRoot } from '../../sync-server/src/config.ts';
import { generateProduct } from '../../sync-server/src/seed/catalog.ts';
import { hasValidGtinCheckDigit } from '../../src/domain/gtin.ts';

const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');

/** The "Try it" paragraph of the README (up to the next blank line). */
function tryIt(): string {
  const start = readme.indexOf('Try it:');
  if (start === -1) throw new Error('the README has no "Try it:" paragraph');
  const end = readme.indexOf('\n\n', start);
  return readme.slice(start, end === -1 ? undefined : end).replace(/\s+/g, ' ');
}

describe('the README\'s demo barcode', () => {
  it('is a product of the demo store as seeded by default, named, coded and priced as the README says', () => {
    const paragraph = tryIt();
    const barcode = /demo barcode `(\d{8,14})`/.exec(paragraph)?.[1];
    expect(barcode, 'the paragraph names a barcode in backticks after "demo barcode"').toBeDefined();
    expect(hasValidGtinCheckDigit(barcode ?? '')).toBe(true);

    // The demo catalog as `npm start` seeds it (POS_DEMO_PRODUCTS unset).
    const { demoProducts } = readServerConfig({});
    const product = Array.from({ length: demoProducts }, (_, index) => generateProduct(index, '2025-01-01T00:00:00.000Z')).find((each) =>
      each.barcodes.some((code) => code === barcode),
    );
    expect(product, `a product of the ${demoProducts}-product demo catalog carries ${barcode}`).toBeDefined();
    expect(paragraph).toContain(`"${product?.name}"`);
    expect(paragraph).toContain(`SKU \`${product?.sku}\``);
    expect(paragraph).toContain(`${new Intl.NumberFormat('vi-VN').format(product?.price ?? 0)} ₫`);
  });
});
