// Draws the app icons (a teal rounded square with a white receipt) as PNG files with nothing but node:zlib,
// so the icons can be regenerated on any machine without an image toolchain. Run: node scripts/make-icons.mjs
// The PNGs are committed; rerun only when the mark changes.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'icons');

const TEAL = [15, 118, 110];
const PAPER = [255, 255, 255];
const INK = [15, 118, 110];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The receipt glyph in unit coordinates centred on (0.5, 0.5), scaled by `scale`. */
function glyphColour(ux, uy, scale) {
  const x = (ux - 0.5) / scale + 0.5;
  const y = (uy - 0.5) / scale + 0.5;
  const left = 0.3;
  const right = 0.7;
  const top = 0.16;
  // A torn, zig-zag bottom edge is what makes a rectangle read as a receipt.
  const teeth = 5;
  const phase = ((x - left) / (right - left)) * teeth;
  const tooth = Math.abs(phase - Math.floor(phase) - 0.5) * 2;
  const bottom = 0.8 + 0.05 * tooth;
  if (x < left || x > right || y < top || y > bottom) return null;
  const bar = (y0, x1, h = 0.035) => y >= y0 && y <= y0 + h && x >= 0.37 && x <= x1;
  if (bar(0.26, 0.63) || bar(0.36, 0.55) || bar(0.44, 0.6) || bar(0.52, 0.5)) return INK;
  if (bar(0.64, 0.63, 0.06)) return INK;
  return PAPER;
}

function drawIcon(size, { fullBleed, glyphScale }) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const ux = (px + (sx + 0.5) / samples) / size;
          const uy = (py + (sy + 0.5) / samples) / size;
          const inBackground = fullBleed || insideRoundedRect(ux, uy, 0.03, 0.03, 0.97, 0.97, 0.2);
          if (!inBackground) continue;
          const colour = glyphColour(ux, uy, glyphScale) ?? TEAL;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const n = samples * samples;
      const covered = a / 255;
      const i = (py * size + px) * 4;
      rgba[i] = covered ? Math.round(r / covered) : 0;
      rgba[i + 1] = covered ? Math.round(g / covered) : 0;
      rgba[i + 2] = covered ? Math.round(b / covered) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  { file: 'icon-192.png', size: 192, fullBleed: false, glyphScale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, glyphScale: 1 },
  // Maskable icons may be cropped to a circle: keep the glyph inside the central 80 % safe zone.
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true, glyphScale: 0.75 },
  // iOS rounds the corners itself and shows transparency as black, so this one is full-bleed.
  { file: 'apple-touch-icon-180.png', size: 180, fullBleed: true, glyphScale: 0.9 },
];

mkdirSync(outDir, { recursive: true });
for (const icon of icons) {
  writeFileSync(join(outDir, icon.file), drawIcon(icon.size, icon));
  console.log(`wrote public/icons/${icon.file}`);
}
