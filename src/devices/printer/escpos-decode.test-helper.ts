/*
 * A small ESC/POS reader for tests: it walks the bytes a printer would receive and reports what ends up
 * on the paper (text rows decoded in the active code page, images, barcodes, QR codes) and the commands
 * that do not print (cut, drawer pulse). It knows only the commands our receipts use and throws on any
 * other control byte, so a receipt that sends something unexpected fails its test instead of passing.
 *
 * Text is decoded with the same code page tables the encoder writes with (@point-of-sale/codepage-encoder),
 * and the code page numbers (ESC t n) are learnt by asking an encoder for the printer, not copied here.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptPrinterEncoderOptions } from '@point-of-sale/receipt-printer-encoder';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { Codepage } from '@point-of-sale/codepage-encoder';

export type PaperItem =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean; readonly tall: boolean; readonly codepages: readonly number[] }
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly blackDots: number; readonly command: 'GS v 0' | 'ESC *' }
  | { readonly kind: 'barcode'; readonly symbology: number; readonly data: string }
  | { readonly kind: 'qrcode'; readonly data: string };

export interface DecodedPrint {
  readonly paper: readonly PaperItem[];
  /** Every command in order, by name: 'initialize', 'codepage 30', 'pulse', 'cut', 'text', 'image', ... */
  readonly commands: readonly string[];
  readonly pulses: readonly { readonly pin: number; readonly onMs: number; readonly offMs: number }[];
}

/** ESC t numbers of code pages on a printer, learnt from the encoder's own mapping for it. */
export function codepageNumbers(options: ReceiptPrinterEncoderOptions, codepages: readonly Codepage[]): Map<number, Codepage> {
  const numbers = new Map<number, Codepage>();
  for (const codepage of ['cp437', ...codepages] as Codepage[]) {
    const encoder = new ReceiptPrinterEncoder({ ...options });
    let bytes: Uint8Array;
    try {
      bytes = encoder.codepage(codepage).text('a').encode();
    } catch (error) {
      if (error instanceof Error && /not supported/i.test(error.message)) continue;
      throw error;
    }
    const at = bytes.findIndex((byte, index) => byte === 0x1b && bytes[index + 1] === 0x74);
    if (at >= 0) numbers.set(bytes[at + 2] ?? -1, codepage);
  }
  return numbers;
}

function decodeText(bytes: readonly number[], codepage: Codepage | undefined): string {
  if (codepage === undefined) return bytes.map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : '\ufffd')).join('');
  const table = CodepageEncoder.getEncoding(codepage).codepoints;
  return bytes.map((byte) => String.fromCodePoint(table[byte] ?? 0xfffd)).join('');
}

function countBits(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) for (let bit = 0; bit < 8; bit += 1) count += (byte >> bit) & 1;
  return count;
}

/** Reads the bytes the way a printer would and returns what it printed. */
export function decodeEscPos(data: Uint8Array, codepages: ReadonlyMap<number, Codepage>): DecodedPrint {
  const paper: PaperItem[] = [];
  const commands: string[] = [];
  const pulses: { pin: number; onMs: number; offMs: number }[] = [];
  let codepage: Codepage | undefined = 'cp437';
  let bold = false;
  let tall = false;
  let line: { bytes: number[]; codepages: number[]; text: string; bold: boolean; tall: boolean } = { bytes: [], codepages: [], text: '', bold: false, tall: false };
  let qrData = '';
  let i = 0;

  const byte = (offset: number): number => {
    const value = data[i + offset];
    if (value === undefined) throw new Error(`The data ends inside a command at byte ${i}`);
    return value;
  };
  const flushText = (): void => {
    line.text += decodeText(line.bytes, codepage);
    line.bytes = [];
  };
  const endLine = (): void => {
    flushText();
    paper.push({ kind: 'text', text: line.text, bold: line.bold, tall: line.tall, codepages: line.codepages });
    line = { bytes: [], codepages: [], text: '', bold, tall };
  };

  while (i < data.length) {
    const b0 = byte(0);
    if (b0 >= 0x20) {
      line.bytes.push(b0);
      line.bold ||= bold;
      line.tall ||= tall;
      if (commands.at(-1) !== 'text') commands.push('text');
      i += 1;
      continue;
    }
    if (b0 === 0x0a) { endLine(); i += 1; continue; }
    if (b0 === 0x0d) { i += 1; continue; }
    const b1 = byte(1);
    const command = `${b0.toString(16)} ${b1.toString(16)}`;
    switch (command) {
      case '1b 40': commands.push('initialize'); codepage = 'cp437'; bold = false; tall = false; i += 2; break;
      case '1c 2e': i += 2; break; // cancel Kanji mode: single-byte text
      case '1b 4d': case '1b 61': case '1b 2d': case '1b 34': case '1d 42': case '1d 68': case '1d 77': case '1d 48': i += 3; break;
      case '1b 32': i += 2; break;
      case '1b 33': i += 3; break;
      case '1d 50': i += 4; break;
      case '1b 45': flushText(); bold = byte(2) !== 0; if (bold) line.bold = true; i += 3; break;
      case '1d 21': tall = (byte(2) & 0x0f) > 0; if (tall) line.tall = true; i += 3; break;
      case '1b 74': {
        flushText();
        const number = byte(2);
        codepage = codepages.get(number);
        line.codepages.push(number);
        commands.push(`codepage ${number}`);
        i += 3;
        break;
      }
      case '1d 56': commands.push('cut'); i += byte(2) >= 65 ? 4 : 3; break;
      case '1b 70': pulses.push({ pin: byte(2), onMs: byte(3) * 2, offMs: byte(4) * 2 }); commands.push('pulse'); i += 5; break;
      case '1d 6b': {
        const symbology = byte(2);
        let bytes: number[];
        if (symbology > 0x40) {
          const length = byte(3);
          bytes = [...data.subarray(i + 4, i + 4 + length)];
          i += 4 + length;
        } else {
          const end = data.indexOf(0, i + 3);
          bytes = [...data.subarray(i + 3, end)];
          i = end + 1;
        }
        // CODE128 data starts with its code set ("{B"), which is not part of what the scanner reads.
        const text = String.fromCharCode(...bytes).replace(/^\{[ABC]/, '');
        paper.push({ kind: 'barcode', symbology, data: text });
        commands.push('barcode');
        break;
      }
      case '1d 28': {
        if (byte(2) !== 0x6b) throw new Error(`Unknown GS ( command at byte ${i}`);
        const length = byte(3) + byte(4) * 256;
        const body = data.subarray(i + 5, i + 5 + length);
        if (body[0] === 0x31 && body[1] === 0x50) qrData = String.fromCharCode(...body.subarray(3));
        if (body[0] === 0x31 && body[1] === 0x51) {
          paper.push({ kind: 'qrcode', data: qrData });
          commands.push('qrcode');
        }
        i += 5 + length;
        break;
      }
      case '1d 76': {
        const widthBytes = byte(4) + byte(5) * 256;
        const height = byte(6) + byte(7) * 256;
        const bits = data.subarray(i + 8, i + 8 + widthBytes * height);
        const previous = paper.at(-1);
        // Tall images come in chunks of at most 255 rows that print as one picture.
        if (previous?.kind === 'image' && previous.command === 'GS v 0' && commands.at(-1) === 'image' && previous.width === widthBytes * 8) {
          paper[paper.length - 1] = { ...previous, height: previous.height + height, blackDots: previous.blackDots + countBits(bits) };
        } else {
          paper.push({ kind: 'image', width: widthBytes * 8, height, blackDots: countBits(bits), command: 'GS v 0' });
        }
        if (commands.at(-1) !== 'image') commands.push('image');
        i += 8 + widthBytes * height;
        break;
      }
      case '1b 2a': {
        const width = byte(3) + byte(4) * 256;
        const bits = data.subarray(i + 5, i + 5 + width * 3);
        const previous = paper.at(-1);
        if (previous?.kind === 'image' && previous.command === 'ESC *' && commands.at(-1) === 'image') {
          paper[paper.length - 1] = { ...previous, height: previous.height + 24, blackDots: previous.blackDots + countBits(bits) };
        } else {
          paper.push({ kind: 'image', width, height: 24, blackDots: countBits(bits), command: 'ESC *' });
        }
        if (commands.at(-1) !== 'image') commands.push('image');
        // Each 24-dot strip ends with its own line feed, part of the image rather than a text row.
        i += 5 + width * 3 + (data[i + 5 + width * 3] === 0x0a ? 1 : 0);
        break;
      }
      default:
        throw new Error(`Unexpected command ${command} at byte ${i}`);
    }
  }
  if (line.bytes.length > 0 || line.text !== '') endLine();
  return { paper, commands, pulses };
}

/** The paper as a customer reads it: text rows trimmed, pictures shown as "[image]", codes as "[CODE128 x]". */
export function readPaper(decoded: DecodedPrint): string[] {
  return decoded.paper.map((item) => {
    switch (item.kind) {
      case 'text': return item.text.trimEnd();
      case 'image': return '[image]';
      case 'barcode': return `[CODE128 ${item.data}]`;
      case 'qrcode': return `[QR ${item.data}]`;
    }
  });
}
