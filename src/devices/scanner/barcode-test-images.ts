/*
 * Barcode pictures for tests, drawn here from the symbology's own tables rather than by the library under
 * test, so a decoding test proves the reader reads what a printer would print. Test-only: nothing in the
 * app imports this file.
 */

/** EAN-13 left-hand digits, odd parity (set A); set C (right-hand) is its complement, set B its mirror. */
const SET_A = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
/** Which left-hand digits use set B, by the first digit (which is encoded only in this parity pattern). */
const PARITY = ['AAAAAA', 'AABABB', 'AABBAB', 'AABBBA', 'ABAABB', 'ABBAAB', 'ABBBAA', 'ABABAB', 'ABABBA', 'ABBABA'];

const complement = (bits: string) => [...bits].map((b) => (b === '1' ? '0' : '1')).join('');
const mirror = (bits: string) => [...bits].reverse().join('');

/** The 95 modules of an EAN-13 symbol, '1' for a bar. */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new Error(`an EAN-13 has 13 digits, got ${JSON.stringify(code)}`);
  const digits = [...code].map(Number);
  const parity = PARITY[digits[0] ?? 0] ?? '';
  const setA = (d: number) => SET_A[d] ?? '';
  const left = digits.slice(1, 7).map((d, i) => (parity[i] === 'B' ? mirror(complement(setA(d))) : setA(d)));
  const right = digits.slice(7).map((d) => complement(setA(d)));
  return `101${left.join('')}01010${right.join('')}101`;
}

export interface DrawOptions {
  readonly moduleWidth?: number;
  readonly barHeight?: number;
  /** Degrees: a code held a little crooked in front of the camera. */
  readonly rotate?: number;
  /** CSS blur radius in px: a camera slightly out of focus. */
  readonly blur?: number;
}

/** Draws an EAN-13 with its quiet zones on a white card, centred on a grey `canvas` (the counter top). */
export function drawEan13(canvas: HTMLCanvasElement, code: string, options: DrawOptions = {}): void {
  const { moduleWidth = 3, barHeight = 120, rotate = 0, blur = 0 } = options;
  const modules = ean13Modules(code);
  const quiet = 11 * moduleWidth;
  const width = modules.length * moduleWidth + 2 * quiet;
  const height = barHeight + 2 * quiet;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas in this browser');
  ctx.save();
  ctx.fillStyle = '#8a8a8a';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.filter = blur > 0 ? `blur(${blur}px)` : 'none';
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((rotate * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  [...modules].forEach((bit, i) => {
    if (bit === '1') ctx.fillRect(quiet + i * moduleWidth, quiet, moduleWidth, barHeight);
  });
  ctx.restore();
}
