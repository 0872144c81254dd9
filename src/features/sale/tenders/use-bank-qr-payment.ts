/*
 * The bank's word on a transfer QR (issue 15): while the pay panel shows the QR and the tablet is online,
 * the payment is registered with the server (src/sync/bank-qr-api.ts) under an id of its own; a bank's
 * notice that matches its transfer note and amount confirms it on the server, and the confirmation reaches
 * this tablet through the synced `payments` collection, watched here. Offline, or when the server cannot
 * take it, there is nothing to watch: the cashier confirms by the customer's phone, as before, and that
 * tender is left for the day end to reconcile. A QR closed unconfirmed withdraws its payment.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useDatabase } from '../../../data/database-context.ts';
import type { PaymentDocument } from '../../../data/schemas/types.ts';
import { cancelBankQrPayment, registerBankQrPayment } from '../../../sync/bank-qr-api.ts';
import { loadDeviceIdentity } from '../../../sync/enrolment.ts';
import { SyncDatabaseContext } from '../../../sync/sync-database-context.ts';
import { useNetworkOnline } from '../../../ui/use-network-online.ts';

export type BankQrWatch =
  /** Not registered: offline, not enrolled, or the server refused or did not answer. */
  | { readonly kind: 'manual'; readonly why: 'offline' | 'not-enrolled' | 'unreachable' | 'refused' }
  | { readonly kind: 'registering' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'confirmed'; readonly payment: PaymentDocument };

export function useBankQrPayment(reference: string, amount: number, currency: string): BankQrWatch {
  const database = useDatabase();
  const syncDatabase = useContext(SyncDatabaseContext);
  const online = useNetworkOnline();
  // One payment per QR drawn: a new amount or sale number is a new payment.
  const [id] = useState(() => uuidv7());
  const paymentId = `${id}-${amount}`;
  // What the server said of which payment (a new amount is a new payment, registering again).
  const [registered, setRegistered] = useState<{ readonly paymentId: string; readonly watch: BankQrWatch } | null>(null);
  const setRegistration = (watch: BankQrWatch) => setRegistered({ paymentId, watch });
  const registration: BankQrWatch = registered?.paymentId === paymentId ? registered.watch : { kind: 'registering' };
  const [payment, setPayment] = useState<PaymentDocument | null>(null);
  // A confirmed payment is the sale's money: closing the QR then withdraws nothing.
  const confirmed = useRef(false);

  useEffect(() => {
    if (!online || syncDatabase === null) return undefined;
    let current = true;
    let taken = false;
    let identity: Awaited<ReturnType<typeof loadDeviceIdentity>>;
    void (async () => {
      identity = await loadDeviceIdentity(syncDatabase);
      if (identity === undefined || identity.revokedAt !== undefined) return current && setRegistration({ kind: 'manual', why: 'not-enrolled' });
      const answer = await registerBankQrPayment(identity, { id: paymentId, reference, amount, currency });
      taken = answer.kind === 'registered';
      if (!current) return;
      if (answer.kind !== 'registered') console.warn('The bank-QR payment could not be registered; the cashier confirms it by hand', answer);
      setRegistration(answer.kind === 'registered' ? { kind: 'waiting' } : { kind: 'manual', why: answer.kind });
    })().catch((error: unknown) => {
      console.error('Registering the bank-QR payment failed', error);
      if (current) setRegistration({ kind: 'manual', why: 'unreachable' });
    });
    return () => {
      current = false;
      if (taken && identity !== undefined && !confirmed.current) void cancelBankQrPayment(identity, paymentId);
    };
    // setRegistration names paymentId, which the dependencies hold.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, syncDatabase, paymentId, reference, amount, currency]);

  useEffect(() => {
    const subscription = database.payments.findOne(paymentId).$.subscribe((doc) => {
      const next = doc === null ? null : (doc.toJSON() as PaymentDocument);
      if (next?.status === 'confirmed') confirmed.current = true;
      setPayment(next);
    });
    return () => subscription.unsubscribe();
  }, [database, paymentId]);

  if (payment !== null && payment.status === 'confirmed' && payment.amount === amount) return { kind: 'confirmed', payment };
  if (!online) return { kind: 'manual', why: 'offline' };
  if (syncDatabase === null) return { kind: 'manual', why: 'not-enrolled' };
  return registration;
}
