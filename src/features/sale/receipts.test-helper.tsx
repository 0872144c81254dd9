/*
 * The receipts screen on a test till, for its browser tests (reprint-receipt, return-reprint): a till
 * (till.test-helper.tsx) deleted after each test, the HTML handed to the browser's print dialog (no USB
 * printer is paired, so a receipt goes through browser-print.ts into a hidden iframe's srcdoc), and the
 * row of a receipt once the screen lists it.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { StoreConfigDocument } from '../../data/schemas/types.ts';
import type { SignedInStaff } from '../../session/staff-session-store.ts';
import { setUpTill, tearDownTill } from './till.test-helper.tsx';
import type { Till } from './till.test-helper.tsx';

export interface ReceiptsTill {
  /** A new till holding the store's config, this person signed in; deleted after the test. */
  setUp(config: StoreConfigDocument, staff: SignedInStaff): Promise<Till>;
  /** The documents handed to the browser's print dialog from now on until the test ends. */
  capturePrintedHtml(): string[];
}

/** Registers, for the calling test file, the clean-up of its till and of the print dialogs watched, after each test. */
export function receiptsOnTestTill(): ReceiptsTill {
  let till: Till | undefined;
  let printDialogs: MutationObserver | undefined;
  afterEach(async () => {
    printDialogs?.disconnect();
    printDialogs = undefined;
    cleanup();
    await tearDownTill(till);
    till = undefined;
  });
  return {
    async setUp(config, staff) {
      till = await setUpTill(config, staff);
      return till;
    },
    capturePrintedHtml() {
      const printed: string[] = [];
      printDialogs = new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (node instanceof HTMLIFrameElement && node.srcdoc !== '') printed.push(node.srcdoc);
          }
        }
      });
      printDialogs.observe(document.body, { childList: true });
      return printed;
    },
  };
}

/** The receipts screen's row of this receipt, once it is listed. */
export async function receiptRow(number: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByTestId('receipt-row').find((each) => each.dataset.number === number);
    if (found === undefined) throw new Error(`no row ${number} yet`);
    return found;
  });
}
