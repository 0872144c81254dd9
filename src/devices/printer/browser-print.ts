/*
 * Printing an HTML receipt with the browser's own print dialog, the fallback when no USB printer is
 * paired. The receipt goes into a hidden iframe so the dialog prints the receipt alone, not the till
 * screen, and the iframe is removed once the dialog closes. Focus goes back to where it was: a focused
 * iframe would receive the next customer's scanner keystrokes, and the counter would never see them.
 */

/** How long to wait for the dialog to report it closed before tidying up anyway. */
const CLEAN_UP_AFTER_MS = 60_000;

export function printHtmlInBrowser(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const previousFocus = document.activeElement;
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    const remove = (): void => {
      if (!frame.isConnected) return;
      frame.remove();
      window.focus();
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) previousFocus.focus();
    };
    frame.addEventListener('load', () => {
      const view = frame.contentWindow;
      if (!view) {
        remove();
        reject(new Error('The print frame has no window'));
        return;
      }
      view.addEventListener('afterprint', remove, { once: true });
      setTimeout(remove, CLEAN_UP_AFTER_MS);
      try {
        view.focus();
        // Chrome's print() returns once the dialog is closed (at once when there is no dialog, headless).
        view.print();
        remove();
        resolve();
      } catch (error) {
        remove();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, { once: true });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
