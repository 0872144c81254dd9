/*
 * A product's picture (products.json `image`): an https URL (a shop's CDN, its online store) or a path on the
 * POS's own server ("/images/ca-phe.webp"). Nothing else: http would be blocked as mixed content on a tablet
 * served over https, a `//host` path is another origin in disguise, and javascript:/data: have no place in a
 * catalog. The same rule checks a catalog file's image cell (catalog-import.ts) and the back office's form;
 * products.json's pattern is its coarse twin, for the server's and the device's validation.
 */

export const MAX_IMAGE_LENGTH = 2000;

export type ProductImageProblem = 'not-https-or-path' | 'spaces' | 'too-long';

export type CheckedProductImage = { ok: true; image: string } | { ok: false; problem: ProductImageProblem };

const WHITESPACE_OR_CONTROL = /[\s\p{Cc}]/u;

/** The picture's address as the product keeps it (trimmed), or why it cannot be one. */
export function checkProductImage(text: string): CheckedProductImage {
  const image = text.trim();
  if (image.length > MAX_IMAGE_LENGTH) return { ok: false, problem: 'too-long' };
  if (WHITESPACE_OR_CONTROL.test(image)) return { ok: false, problem: 'spaces' };
  if (image.startsWith('/')) {
    const second = image.charAt(1);
    return second === '' || second === '/' || second === '\\' ? { ok: false, problem: 'not-https-or-path' } : { ok: true, image };
  }
  if (!/^https:\/\/[^/?#\\]/i.test(image) || !URL.canParse(image)) return { ok: false, problem: 'not-https-or-path' };
  const url = new URL(image);
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') return { ok: false, problem: 'not-https-or-path' };
  return { ok: true, image: `https://${image.slice('https://'.length)}` };
}
