import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkProductImage, MAX_IMAGE_LENGTH } from '../domain/product-image.ts';
import productsSchema from './schemas/products.json' with { type: 'json' };

const schemaPattern = new RegExp(productsSchema.properties.image.pattern, 'u');

it('a picture the import or the back office accepts is one the products schema accepts', () => {
  fc.assert(
    fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `https://${s}`)), (text) => {
      const checked = checkProductImage(text);
      if (checked.ok) expect(schemaPattern.test(checked.image) && checked.image.length <= MAX_IMAGE_LENGTH).toBe(true);
    }),
    { examples: [['https:///!'], ['https://\\\\x']] },
  );
});
