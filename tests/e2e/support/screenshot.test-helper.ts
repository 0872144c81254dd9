/*
 * Screenshots compared with committed references, so a layout regression fails the run. A reference is
 * tests/e2e/screenshots/<name>.png; `UPDATE_SCREENSHOTS=1` rewrites the references of the screenshots a run
 * takes (look at them before committing). A run never passes on a missing reference.
 *
 * Held still before each shot: reduced motion (src/ui/theme.css stops every animation and transition for
 * it), animations finished by Playwright, the caret hidden, web fonts loaded (the app uses the system's
 * fonts, the same on this machine and CI, which is this machine), two frames for layout. Compared with
 * pixelmatch: a pixel differs when its colour is further than `threshold` (anti-aliased edges ignored), and
 * the shot fails when more than `maxDiffRatio` of its pixels differ (0.02 % by default, about 200 pixels of a
 * 1280x800 shot: three runs in a row on this machine differ in none, while the pay button moved down 4 px
 * differs in over 1,200). On a failure the actual shot and a diff image are written to
 * tests/.artifacts/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';

const REFERENCES = join(import.meta.dirname, '..', 'screenshots');
const ARTIFACTS = join(import.meta.dirname, '..', '..', '.artifacts', 'screenshots');

export interface ScreenshotOptions {
  /** Parts painted over in one colour: what the shot is not about and may change on its own (the header's chips). */
  readonly mask?: readonly Locator[];
  /** Share of pixels that may differ, 0..1 (default 0.0002). */
  readonly maxDiffRatio?: number;
  /** Per-pixel colour distance that counts as a difference, 0..1 (pixelmatch's threshold, default 0.1). */
  readonly threshold?: number;
}

export const updatingScreenshots = process.env.UPDATE_SCREENSHOTS === '1';

/** Stops what moves and waits for fonts and layout: the page as it will stay. */
export async function holdStill(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    (document.activeElement as HTMLElement | null)?.blur?.();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** What a comparison found: how many pixels differ, of how many. */
export interface ScreenshotDifference {
  readonly differing: number;
  readonly total: number;
}

export function compareScreenshots(reference: Buffer, actual: Buffer, threshold: number): ScreenshotDifference & { readonly diff: Buffer | null } {
  const expected = PNG.sync.read(reference);
  const taken = PNG.sync.read(actual);
  if (expected.width !== taken.width || expected.height !== taken.height) {
    return { differing: taken.width * taken.height, total: taken.width * taken.height, diff: null };
  }
  const { width, height } = taken;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expected.data, taken.data, diff.data, width, height, { threshold });
  return { differing, total: width * height, diff: PNG.sync.write(diff) };
}

/** Takes the page's screenshot and compares it with the reference `name` (or writes it, when updating). */
export async function expectScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<void> {
  await holdStill(page);
  const actual = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', mask: [...(options.mask ?? [])], maskColor: MASK_COLOUR });
  matchReference(actual, name, options);
}

/** The same for one part of the page (a panel at the window's width), e.g. the receipt preview. */
export async function expectElementScreenshot(element: Locator, name: string, options: ScreenshotOptions = {}): Promise<void> {
  await holdStill(element.page());
  const actual = await element.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', mask: [...(options.mask ?? [])], maskColor: MASK_COLOUR });
  matchReference(actual, name, options);
}

const MASK_COLOUR = '#ff00ff';

function matchReference(actual: Buffer, name: string, options: ScreenshotOptions): void {
  const referenceFile = join(REFERENCES, `${name}.png`);
  if (updatingScreenshots) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(referenceFile, actual);
    return;
  }
  if (!existsSync(referenceFile)) {
    throw new Error(`No reference screenshot ${referenceFile}: run this test with UPDATE_SCREENSHOTS=1, look at the image, and commit it.`);
  }
  const { differing, total, diff } = compareScreenshots(readFileSync(referenceFile), actual, options.threshold ?? 0.1);
  const allowed = Math.floor(total * (options.maxDiffRatio ?? 0.0002));
  if (differing <= allowed) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const actualFile = join(ARTIFACTS, `${name}.actual.png`);
  writeFileSync(actualFile, actual);
  const diffNote = diff === null ? 'the sizes differ' : `diff image ${join(ARTIFACTS, `${name}.diff.png`)}`;
  if (diff !== null) writeFileSync(join(ARTIFACTS, `${name}.diff.png`), diff);
  throw new Error(
    `Screenshot ${name} differs from its reference in ${differing} of ${total} pixels (at most ${allowed} allowed): actual ${actualFile}, ${diffNote}. ` +
      'If the change is meant, rewrite the reference with UPDATE_SCREENSHOTS=1 and commit it.',
  );
}
