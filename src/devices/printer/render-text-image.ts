/*
 * Draws receipt rows as pixels, for printers with no Vietnamese code page (escpos-receipt.ts).
 *
 * Each character is drawn in its own cell of the printer's grid (widthDots / columns dots wide, twice
 * that high), exactly where the printer would have put it as text, so an image row lines up with the
 * text rows above and below. Needs a canvas: OffscreenCanvas where there is one, else a <canvas>.
 */
import type { ImageRow, RenderTextImage, TextImage } from './escpos-receipt.ts';

/**
 * Fonts with every precomposed Vietnamese letter, on the systems tills run (Android/ChromeOS, Windows,
 * Linux). Not DejaVu Sans Mono: it lacks letters such as Ấ and ẫ, and the marks end up beside the letter.
 */
const DEFAULT_FONTS = '"Noto Sans Mono", "Liberation Mono", Consolas, "Noto Sans", Roboto, "Segoe UI", Arial, "Liberation Sans", sans-serif';

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function createContext(width: number, height: number): Context2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const context = new OffscreenCanvas(width, height).getContext('2d');
    if (context) return context;
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas, so Vietnamese cannot be printed as an image');
  return context;
}

/** A renderer for escpos-receipt.ts that draws with the browser's fonts. */
export function createCanvasTextRenderer(fontFamily: string = DEFAULT_FONTS): RenderTextImage {
  return (rows: readonly ImageRow[], widthDots: number, columns: number): TextImage => {
    const cell = widthDots / columns;
    const rowHeight = Math.round(cell * 2);
    const heights = rows.map((row) => (row.tall ? rowHeight * 2 : rowHeight));
    const height = heights.reduce((sum, value) => sum + value, 0);
    const context = createContext(widthDots, height);
    context.fillStyle = '#fff';
    context.fillRect(0, 0, widthDots, height);
    context.fillStyle = '#000';
    context.textAlign = 'center';
    context.textBaseline = 'alphabetic';
    let top = 0;
    rows.forEach((row, index) => {
      const rowDots = heights[index] ?? rowHeight;
      // Leave room above the letters for stacked Vietnamese marks (Ấ, Ở): glyphs are 70 % of the row.
      const fontSize = Math.floor(rowDots * 0.7);
      context.font = `${row.bold ? 700 : 400} ${fontSize}px ${fontFamily}`;
      const baseline = top + Math.round(rowDots * 0.8);
      [...row.text.normalize('NFC')].forEach((char, position) => {
        if (char.trim() !== '') context.fillText(char, position * cell + cell / 2, baseline, cell);
      });
      top += rowDots;
    });
    return context.getImageData(0, 0, widthDots, height);
  };
}
