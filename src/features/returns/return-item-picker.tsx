/*
 * Finding a product at the returns desk, as the counter finds one (src/catalog/product-finder.ts and
 * scanned-product.ts, the same code): a scan while this is on screen is the product's (it claims the
 * scanner, so a barcode is not taken for a receipt number), or the cashier types a name, SKU or barcode
 * and taps the result. Used for an exchange's new items and for items brought back without a receipt.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProductFinder } from '../../catalog/product-finder.ts';
import { lookUpScannedCode } from '../../catalog/scanned-product.ts';
import { useMoney, useSaleSettings } from '../../data/sale-settings-context.ts';
import type { ProductDocument } from '../../data/schemas/types.ts';
import { scanSounds } from '../../devices/feedback/scan-feedback.ts';
import { useScanClaim } from '../../devices/scanner/scan-claim.ts';
import type { RingUpOptions } from '../../domain/cart.ts';

/** Results shown for a typed search: a short list to tap, never a page of the catalog. */
export const PICKER_LIMIT = 12;

interface Props {
  /** What the picker is for ("New items", "Items brought back"), its heading. */
  readonly label: string;
  /** Prefix of its test ids (returns-exchange, returns-noreceipt). */
  readonly testId: string;
  readonly onPick: (product: ProductDocument, options: RingUpOptions) => void;
  /** A scanned code that is no product (a receipt's barcode, say): whoever knows what else it may be; else the picker says it is unknown. */
  readonly onNotAProduct?: (code: string) => void;
}

export function ReturnItemPicker({ label, testId, onPick, onNotAProduct }: Props) {
  const { t } = useTranslation();
  const finder = useProductFinder();
  const { barcodeRules } = useSaleSettings();
  const money = useMoney();
  const [text, setText] = useState('');
  const [results, setResults] = useState<readonly ProductDocument[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useScanClaim((code) => {
    lookUpScannedCode(code, barcodeRules, finder).then(
      (lookup) => {
        if (lookup.found) {
          scanSounds.play('accepted');
          setProblem(null);
          onPick(lookup.product, lookup.options);
          return;
        }
        if (onNotAProduct !== undefined) return onNotAProduct(lookup.code);
        scanSounds.play('rejected');
        setProblem(t('returns.items.unknownCode', { code: lookup.code }));
      },
      (error: unknown) => {
        console.error('Looking up a scanned code at the returns desk failed', { code, error });
        setProblem(t('returns.items.lookupFailed'));
      },
    );
  });

  const search = (wanted: string) => {
    if (wanted.trim() === '') return;
    finder.search(wanted, PICKER_LIMIT).then(
      (found) => {
        setResults(found);
        setProblem(found.length === 0 ? t('returns.items.nothing', { text: wanted.trim().slice(0, 40) }) : null);
      },
      (error: unknown) => {
        console.error('Product search at the returns desk failed', { text: wanted, error });
        setProblem(t('returns.items.lookupFailed'));
      },
    );
  };

  return (
    <div className="returns-picker" data-testid={`${testId}-picker`}>
      <form
        className="returns-find"
        onSubmit={(event) => {
          event.preventDefault();
          search(text);
        }}
      >
        <label>
          {label}
          <input type="search" data-testid={`${testId}-search`} value={text} onChange={(event) => setText(event.target.value)} placeholder={t('returns.items.placeholder')} autoComplete="off" />
        </label>
        <button type="submit" data-testid={`${testId}-search-submit`}>
          {t('returns.items.search')}
        </button>
      </form>
      {problem !== null && (
        <p className="returns-notice returns-notice-error" role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      )}
      {results !== null && results.length > 0 && (
        <ul className="returns-results" aria-label={t('returns.items.results')}>
          {results.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                data-testid={`${testId}-result`}
                data-sku={product.sku}
                onClick={() => {
                  onPick(product, {});
                  setResults(null);
                  setText('');
                }}
              >
                <span>{product.name}</span>
                <span className="hint">
                  {product.sku} · {money(product.price)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
