/*
 * Which way each printer prints Vietnamese, and what the till knows about its paper, from the
 * encoder's own printer definitions.
 */
import { describe, expect, it } from 'vitest';
import { knownPrinterModels, resolvePrinterProfile } from './printer-profile.ts';

describe('how a printer prints Vietnamese', () => {
  it.each([
    ['epson-tm-t20iii', 80, 'tcvn3', 48, 576],
    ['epson-tm-t88v', 80, 'tcvn3', 42, 504],
    ['citizen-ct-s310ii', 80, 'tcvn3', 48, 576],
    ['pos-5890', 58, 'windows1258', 32, 384],
    ['youku-58t', 58, 'windows1258', 32, 384],
    ['sunmi-p2se', 58, 'raster', 32, 384],
    ['xprinter-xp-n160ii', 80, 'raster', 48, 576],
  ] as const)('a %s on %i mm: %s, %i characters, images %i dots wide', (printerModel, paperWidth, vietnamese, columns, dots) => {
    expect(resolvePrinterProfile({ paperWidth, printerModel })).toMatchObject({ vietnamese, columns, rasterWidthDots: dots });
  });

  it('a printer known only by what the USB driver reported uses that code page table', () => {
    expect(resolvePrinterProfile({ paperWidth: 80, language: 'esc-pos', codepageMapping: 'epson' }).vietnamese).toBe('tcvn3');
    expect(resolvePrinterProfile({ paperWidth: 58, language: 'esc-pos', codepageMapping: 'zjiang' }).vietnamese).toBe('windows1258');
  });

  it('a printer whose table the encoder does not know prints Vietnamese as images rather than guess', () => {
    expect(resolvePrinterProfile({ paperWidth: 80, language: 'esc-pos', codepageMapping: 'default' }).vietnamese).toBe('raster');
  });

  it('a store can ask for images even where a code page exists, for a printer whose font lacks the glyphs', () => {
    expect(resolvePrinterProfile({ paperWidth: 80, printerModel: 'epson-tm-t20iii', vietnamese: 'raster' }).vietnamese).toBe('raster');
  });

  it('a store can insist on one code page; where the printer lacks it, Vietnamese goes out as images, never as "?"', () => {
    expect(resolvePrinterProfile({ paperWidth: 80, printerModel: 'epson-tm-t20iii', vietnamese: 'windows1258' }).vietnamese).toBe('windows1258');
    expect(resolvePrinterProfile({ paperWidth: 58, printerModel: 'pos-5890', vietnamese: 'tcvn3' }).vietnamese).toBe('raster');
    expect(resolvePrinterProfile({ paperWidth: 58, printerModel: 'pos-5890', vietnamese: 'windows1258' }).vietnamese).toBe('windows1258');
  });

  it('Settings offers the models the encoder knows whose rows the receipt fits, by name, and each one resolves', () => {
    const models = knownPrinterModels();
    expect(models).toContainEqual({ id: 'epson-tm-t20iii', name: 'Epson TM-T20III' });
    for (const { id } of models) expect(() => resolvePrinterProfile({ paperWidth: 80, printerModel: id })).not.toThrow();
  });

  it('a model without barcodes or QR says so, and an unknown model is refused', () => {
    expect(resolvePrinterProfile({ paperWidth: 80, printerModel: 'epson-tm-t88ii' })).toMatchObject({ barcode: true, qrcode: false });
    expect(() => resolvePrinterProfile({ paperWidth: 80, printerModel: 'no-such-printer' as 'pos-5890' })).toThrow(/Unknown printer model/);
  });
});
