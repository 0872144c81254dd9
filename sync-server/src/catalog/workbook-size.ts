/*
 * How much an .xlsx workbook unzips to, counted before exceljs reads it: a workbook is a zip, and a zip of a
 * few kilobytes can inflate to gigabytes (a "zip bomb"), which exceljs would hold in memory whole. JSZip
 * (exceljs's own unzipper) lists the entries from the central directory without inflating them; each entry
 * is then inflated as a stream and its bytes counted, stopping at the first chunk past the limit, so a bomb
 * costs at most the limit in work and nothing in memory. The sizes the zip declares are not trusted: they
 * can lie.
 */
import JSZip from 'jszip';

/** A catalog of 200,000 rows unzips to about 60 MB of XML; four times that is far beyond any real one. */
export const WORKBOOK_UNZIPPED_LIMIT = 256 * 1024 * 1024;
/**
 * The XML of a real workbook deflates about ten to twenty times; a bomb's repeated bytes a thousand times.
 * What a workbook may unzip to also grows with its size on the wire, so a small bomb is stopped early.
 */
export const WORKBOOK_RATIO_LIMIT = 100;
const WORKBOOK_SMALL_ALLOWANCE = 16 * 1024 * 1024;

/** What a workbook of `bytes` bytes may unzip to: 16 MB plus a hundred times its size, at most the limit. */
export function unzippedAllowance(bytes: number, limit = WORKBOOK_UNZIPPED_LIMIT): number {
  return Math.min(limit, WORKBOOK_SMALL_ALLOWANCE + WORKBOOK_RATIO_LIMIT * bytes);
}

/** A workbook has a few dozen parts (sheets, styles, relationships); thousands are not a spreadsheet. */
export const WORKBOOK_ENTRY_LIMIT = 2_000;

export type WorkbookSize =
  | { ok: true; bytes: number; entries: number }
  | { ok: false; reason: 'too-large'; limit: number }
  | { ok: false; reason: 'too-many-entries'; limit: number }
  | { ok: false; reason: 'not-a-zip'; message: string };

export async function measureWorkbook(body: Uint8Array, limit = unzippedAllowance(body.length)): Promise<WorkbookSize> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(body, { checkCRC32: false });
  } catch (error) {
    return { ok: false, reason: 'not-a-zip', message: (error as Error).message.slice(0, 200) };
  }
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  if (files.length > WORKBOOK_ENTRY_LIMIT) return { ok: false, reason: 'too-many-entries', limit: WORKBOOK_ENTRY_LIMIT };
  let total = 0;
  for (const entry of files) {
    const within = await inflateWithin(entry, limit - total);
    if (within === undefined) return { ok: false, reason: 'too-large', limit };
    total += within;
  }
  return { ok: true, bytes: total, entries: files.length };
}

/** The entry's inflated size, or undefined as soon as it passes `room` bytes (the stream is stopped there). */
function inflateWithin(entry: JSZip.JSZipObject, room: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > room) {
        settled = true;
        stream.pause();
        stream.removeAllListeners('data');
        resolve(undefined);
      }
    });
    stream.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(bytes);
    });
  });
}
