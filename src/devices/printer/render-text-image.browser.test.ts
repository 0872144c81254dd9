/*
 * The image fallback in a real browser: Vietnamese rows drawn on a canvas, the width the printer needs,
 * and accents that really are on the paper.
 */
import { describe, expect, it } from 'vitest';
import { createCanvasTextRenderer } from './render-text-image.ts';
import type { TextImage } from './escpos-receipt.ts';
import { buildReceipt } from './receipt-model.ts';
import { encodeReceipt } from './escpos-receipt.ts';
import { resolvePrinterProfile } from './printer-profile.ts';
import { codepageNumbers, decodeEscPos } from './escpos-decode.test-helper.ts';
import { hoaSenStore, porkAndCoffeeSale } from './receipt-fixtures.test-helper.ts';

function darkPixels(image: TextImage): number {
  let count = 0;
  for (let index = 0; index < image.data.length; index += 4) if ((image.data[index] ?? 255) < 128) count += 1;
  return count;
}

describe('a till whose printer has no Vietnamese code page', () => {
  const render = createCanvasTextRenderer();

  it('draws a row of Vietnamese as a non-blank image exactly as wide as the 58 mm print head', () => {
    const image = render([{ text: 'Thịt lợn ba chỉ' }, { text: 'TỔNG CỘNG           90.000 ₫', bold: true, tall: true }], 384, 32);
    expect(image.width).toBe(384);
    expect(image.height).toBe(24 + 48);
    expect(darkPixels(image)).toBeGreaterThan(200);
  });

  it('puts the accents on the paper: "Thịt lợn" is not drawn like "Thit lon"', () => {
    const accented = render([{ text: 'Thịt lợn' }], 576, 48);
    const plain = render([{ text: 'Thit lon' }], 576, 48);
    expect(darkPixels(accented)).toBeGreaterThan(darkPixels(plain));
  });

  it('prints the whole receipt on a SUNMI P2 SE with those images where the Vietnamese rows are', () => {
    const profile = resolvePrinterProfile({ paperWidth: 58, printerModel: 'sunmi-p2se' });
    const bytes = encodeReceipt(buildReceipt(porkAndCoffeeSale(), { ...hoaSenStore, width: 58 }), { profile, renderTextImage: render });
    const decoded = decodeEscPos(bytes, codepageNumbers(profile.encoderOptions, []));
    const images = decoded.paper.filter((item) => item.kind === 'image');
    expect(images.length).toBeGreaterThan(3);
    for (const image of images) {
      expect(image.width).toBe(384);
      expect(image.kind === 'image' && image.blackDots).toBeGreaterThan(0);
    }
    expect(decoded.commands.at(-1)).toBe('cut');
  });
});
