/*
 * The returns desk (issue 16): a customer brings back what they bought, in this store or online. The cashier
 * scans the receipt's barcode or the packing slip's QR (checked offline with the server's key), or types the
 * receipt or order number or the customer's phone (find-purchase.ts); chooses the lines or part of a line,
 * each with a reason and a condition; chooses where the money goes as the store's rules allow; a manager
 * approves when the return needs it; the return is written as ONE sales document (write-return.ts) and its
 * receipt printed. From a purchase's panel the return may become an exchange (new items, the difference paid
 * or given back, one document); without any receipt, the items are found one by one (no-receipt-panel.tsx)
 * and a manager always approves. The products are found as the counter finds them (src/catalog), and the
 * difference is paid through the counter's registered tender forms, under the sale settings given here.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogDatabase } from '../../catalog/catalog-context.ts';
import { catalogProductFinder, ProductFinderContext } from '../../catalog/product-finder.ts';
import { useDatabase } from '../../data/database-context.ts';
import { saleSettingsOf } from '../../data/sale-settings.ts';
import { SaleSettingsContext } from '../../data/sale-settings-context.ts';
import { deliverToClaim } from '../../devices/scanner/scan-claim.ts';
import { useStoreConfig } from '../../data/use-store-config.ts';
import { scanSounds } from '../../devices/feedback/scan-feedback.ts';
import { useWedgeScanner } from '../../devices/scanner/use-wedge-scanner.ts';
import { cashRoundingFromConfig } from '../../domain/cash-rounding-config.ts';
import { loyaltyRules } from '../../domain/loyalty.ts';
import { loyaltyRedeemRules } from '../../domain/redeem-limits.ts';
import { formatMoney } from '../../domain/money-format.ts';
import { returnPolicyOf } from '../../domain/return-policy.ts';
import type { ReturnRequest, ReturnRules } from '../../domain/sale-return.ts';
import { useStaffSessionStore } from '../../session/staff-session-store.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import type { FoundPurchase } from './find-purchase.ts';
import { counterDatabaseFor } from '../../data/counter-database.ts';
import { printReturnReceipt } from './print-return-receipt.ts';
import { NoReceiptPanel } from './no-receipt-panel.tsx';
import { ReturnPurchasePanel } from './return-purchase-panel.tsx';
import { ReturnApprovalWaiting } from './return-approval-waiting.tsx';
import { useFindPurchase } from './use-find-purchase.ts';
import { useReturnApproval } from './use-return-approval.ts';
import { writeReturn } from './write-return.ts';
import type { ReturnPeople } from './write-return.ts';
import './returns.css';

interface Notice {
  readonly tone: 'success' | 'error' | 'info';
  readonly text: string;
}

export function ReturnsScreen() {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  const catalog = useCatalogDatabase();
  const finder = useMemo(() => catalogProductFinder(catalog), [catalog]);
  const counter = useMemo(() => counterDatabaseFor(database.name), [database]);
  const config = useStoreConfig();
  const staff = useStaffSessionStore((state) => state.staff);
  const enrolment = useSyncStatusStore((state) => state.enrolment);
  const find = useFindPurchase(config);
  const approve = useReturnApproval(config);
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<readonly FoundPurchase[] | null>(null);
  const [selected, setSelected] = useState<FoundPurchase | null>(null);
  const [noReceipt, setNoReceipt] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [searching, setSearching] = useState(false);

  const redeemRules = useMemo(() => (config === null || config === undefined ? undefined : loyaltyRedeemRules(config.loyalty)), [config]);
  const settings = useMemo(() => (config === null || config === undefined ? undefined : saleSettingsOf(config)), [config]);

  const rules = useMemo((): ReturnRules | undefined => {
    if (config === null || config === undefined) return undefined;
    const rounding = cashRoundingFromConfig(config.store, config.store.currency);
    const loyalty = loyaltyRules(config);
    return {
      policy: returnPolicyOf(config.returnPolicy),
      ...(rounding.ok && rounding.cashRounding !== undefined ? { cashRounding: rounding.cashRounding } : {}),
      ...(loyalty === undefined ? {} : { loyalty }),
    };
  }, [config]);

  const people = useMemo((): ReturnPeople | undefined => {
    if (staff === null || enrolment === undefined || config === null || config === undefined) return undefined;
    return { storeId: enrolment.storeId, deviceId: enrolment.deviceId, staffId: staff.id, currency: config.store.currency };
  }, [staff, enrolment, config]);

  const lookUp = useCallback(
    async (text: string) => {
      if (text.trim() === '') return;
      setSearching(true);
      try {
        const outcome = await find(text);
        if (outcome.kind === 'found') {
          scanSounds.play('accepted');
          setNotice(null);
          setNoReceipt(false);
          if (outcome.matches.length === 1) {
            setSelected(outcome.matches[0] ?? null);
            setMatches(null);
          } else {
            setSelected(null);
            setMatches(outcome.matches);
          }
          return;
        }
        scanSounds.play('rejected');
        setMatches(null);
        if (outcome.kind === 'slip-refused') return setNotice({ tone: 'error', text: t(`returns.slip.${outcome.reason}`) });
        if (outcome.kind === 'server-refused') return setNotice({ tone: 'error', text: t('returns.find.serverRefused', { status: outcome.status }) });
        setNotice({ tone: 'error', text: t(outcome.askedServer ? 'returns.find.noneAnywhere' : 'returns.find.none', { text: text.trim().slice(0, 40) }) });
      } catch (error) {
        console.error('Finding a purchase to return failed', { error });
        setNotice({ tone: 'error', text: t('returns.find.failed') });
      } finally {
        setSearching(false);
      }
    },
    [find, t],
  );

  // A scan is a receipt or slip, unless a product picker on screen claims it (return-item-picker.tsx).
  useWedgeScanner((code) => {
    if (!deliverToClaim(code)) void lookUp(code);
  });

  const confirm = useCallback(
    async (request: ReturnRequest) => {
      if (rules === undefined || config === null || config === undefined) return;
      if (people === undefined) return setNotice({ tone: 'error', text: t(staff === null ? 'returns.signIn' : 'returns.notEnrolled') });
      setBusy(true);
      try {
        const preview = (await import('./write-return.ts')).planReturn(request, people, rules, new Date());
        if (!preview.ok) return setNotice({ tone: 'error', text: t(`returns.refused.${preview.reason}`, { defaultValue: preview.detail }) });
        let approverId: string | undefined;
        if (preview.approvalsNeeded.length > 0) {
          const amount = formatMoney(preview.refunded, preview.document.currency, i18n.language);
          const reason = request.purchase === undefined ? t('returns.noReceipt.approvalReason', { amount }) : t('returns.approvalReason', { number: request.purchase.number, amount });
          const approver = await approve(preview.approvalsNeeded, reason);
          if (approver === null) return setNotice({ tone: 'error', text: t('returns.notApproved') });
          approverId = approver;
        }
        const written = await writeReturn({ database, counter, request, rules, people: { ...people, ...(approverId === undefined ? {} : { approverId }) } });
        if (!written.ok) return setNotice({ tone: 'error', text: t(`returns.refused.${written.reason}`, { defaultValue: written.detail }) });
        setSelected(null);
        setNoReceipt(false);
        setSearch('');
        const paid = Math.max(0, written.document.totals.total);
        const amount = formatMoney(paid > 0 ? paid : written.refunded, written.document.currency, i18n.language);
        setNotice({ tone: 'success', text: t(paid > 0 ? 'returns.exchange.donePaid' : written.document.reason === 'exchange' ? 'returns.exchange.done' : 'returns.done', { number: written.document.number, amount }) });
        const printed = await printReturnReceipt(written.document, { config, database, locale: i18n.language });
        if (!printed.ok) setNotice({ tone: 'error', text: t('returns.doneNotPrinted', { number: written.document.number, amount, problem: t(`receipt.printer.${printed.problem}`, { defaultValue: printed.problem }) }) });
      } catch (error) {
        console.error('Writing the return failed', { number: request.purchase?.number, error });
        setNotice({ tone: 'error', text: t('returns.writeFailed') });
      } finally {
        setBusy(false);
      }
    },
    [rules, config, people, staff, approve, database, counter, i18n, t],
  );

  return (
    <section className="returns" data-testid="returns-screen" data-ready={rules === undefined ? 'no' : 'yes'}>
      <h1>{t('returns.title')}</h1>
      <form
        className="returns-find"
        onSubmit={(event) => {
          event.preventDefault();
          void lookUp(search);
        }}
      >
        <label>
          {t('returns.find.label')}
          <input data-testid="returns-search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('returns.find.placeholder')} autoComplete="off" />
        </label>
        <button type="submit" data-testid="returns-find" disabled={searching}>
          {t('returns.find.submit')}
        </button>
        {!noReceipt && (
          <button type="button" data-testid="returns-noreceipt-start" onClick={() => (setNoReceipt(true), setSelected(null), setMatches(null), setNotice(null))}>
            {t('returns.noReceipt.start')}
          </button>
        )}
      </form>
      <ReturnApprovalWaiting />
      {notice && (
        <p className={`returns-notice returns-notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="returns-notice" data-tone={notice.tone}>
          {notice.text}
        </p>
      )}
      {matches && (
        <ul className="returns-matches" data-testid="returns-matches">
          {matches.map((match, index) => (
            <li key={`${match.purchase.source}-${match.purchase.id}`}>
              <button type="button" data-testid={`returns-match-${index}`} onClick={() => (setSelected(match), setMatches(null), setNoReceipt(false))}>
                {match.purchase.number} · {new Date(match.purchase.purchasedAt).toLocaleDateString(i18n.language)} · {t(`returns.origin.${match.origin}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {settings !== undefined && rules !== undefined && (
        <SaleSettingsContext value={settings}>
          <ProductFinderContext value={finder}>
            {selected && (
              <ReturnPurchasePanel
                key={`${selected.purchase.source}-${selected.purchase.id}`}
                found={selected}
                rules={rules}
                redeemRules={redeemRules}
                people={people}
                busy={busy}
                onConfirm={(request) => void confirm(request)}
                onClose={() => setSelected(null)}
              />
            )}
            {noReceipt && selected === null && (
              <NoReceiptPanel rules={rules} people={people} busy={busy} onConfirm={(request) => void confirm(request)} onClose={() => setNoReceipt(false)} onNotAProduct={(code) => void lookUp(code)} />
            )}
          </ProductFinderContext>
        </SaleSettingsContext>
      )}
    </section>
  );
}
