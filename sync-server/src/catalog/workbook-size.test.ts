// A workbook's unzipped size is counted from what actually inflates, not from what the zip declares, and
// counting stops at the limit: a zip bomb costs the limit, never its own size.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { measureWorkbook, unzippedAllowance, WORKBOOK_ENTRY_LIMIT, WORKBOOK_UNZIPPED_LIMIT } from './workbook-size.ts';

async function catalogWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hàng hóa');
  sheet.addRow(['sku', 'name', 'price', 'taxClass']);
  for (let i = 0; i < rows; i += 1) sheet.addRow([`SKU-${i}`, `Sản phẩm ${i}`, 10_000 + i, 'vat8']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function zipOf(entries: Record<string, Uint8Array | string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function declareSizes(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 4 <= out.length; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) out.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

describe('the unzipped size of a catalog workbook', () => {
  it('is the sum of what its parts inflate to', async () => {
    const body = await catalogWorkbook(2_000);
    const zip = await JSZip.loadAsync(body);
    let expected = 0;
    for (const entry of Object.values(zip.files)) if (!entry.dir) expected += (await entry.async('uint8array')).length;
    const size = await measureWorkbook(body);
    expect(size).toEqual({ ok: true, bytes: expected, entries: Object.values(zip.files).filter((e) => !e.dir).length });
    expect(expected).toBeGreaterThan(body.length);
  });

  it('refuses a part that inflates past the limit, and a bomb across several parts', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const one = await zipOf({ 'xl/worksheets/sheet1.xml': zeros });
    expect(one.length).toBeLessThan(64 * 1024);
    expect(await measureWorkbook(one, 1024 * 1024)).toEqual({ ok: false, reason: 'too-large', limit: 1024 * 1024 });
    expect(await measureWorkbook(one, 8 * 1024 * 1024)).toEqual({ ok: true, bytes: zeros.length, entries: 1 });
    const spread = await zipOf({ a: zeros, b: zeros, c: zeros });
    expect(await measureWorkbook(spread, 10 * 1024 * 1024)).toEqual({ ok: false, reason: 'too-large', limit: 10 * 1024 * 1024 });
  });

  it('allows a small workbook 16 MB and a large one a hundred times its size, never more than 256 MB', () => {
    expect(unzippedAllowance(10_000)).toBe(16 * 1024 * 1024 + 1_000_000);
    expect(unzippedAllowance(1024 * 1024)).toBe(116 * 1024 * 1024);
    expect(unzippedAllowance(32 * 1024 * 1024)).toBe(WORKBOOK_UNZIPPED_LIMIT);
  });

  it('does not believe the sizes the zip declares', async () => {
    const lying = declareSizes(await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }), 10);
    expect(await measureWorkbook(lying, 1024 * 1024)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('refuses a zip of thousands of parts and bytes that are not a zip', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i <= WORKBOOK_ENTRY_LIMIT; i += 1) many[`part-${i}.xml`] = '<a/>';
    expect(await measureWorkbook(await zipOf(many))).toEqual({ ok: false, reason: 'too-many-entries', limit: WORKBOOK_ENTRY_LIMIT });
    expect(await measureWorkbook(Buffer.from('sku,name,price'))).toMatchObject({ ok: false, reason: 'not-a-zip' });
  });
});
