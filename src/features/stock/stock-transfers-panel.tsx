/*
 * Transfers between the chain's stores: sending goods to another store (they leave this store's stock and
 * are in transit), the transfers on their way here, received with one tap (they arrive in this store's
 * stock), and what is in transit both ways.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { formatStockQuantity } from '../../domain/stock-quantity.ts';
import { useSyncStatusStore } from '../../sync/sync-status-store.ts';
import { StockLinesRefused, stockApi, type StockApi, type StockLineError } from './stock-api.ts';
import { emptyLine, readTypedLines, StockLinesEditor, type TypedLine } from './stock-lines-editor.tsx';

export function StockTransfersPanel({ api, onProblem }: { api: StockApi; onProblem: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const storeId = useSyncStatusStore((state) => state.enrolment?.storeId);
  const [toStoreId, setToStoreId] = useState('');
  const [lines, setLines] = useState<TypedLine[]>([emptyLine()]);
  const [errors, setErrors] = useState<StockLineError[]>([]);
  const [unreadable, setUnreadable] = useState<number>();
  const [id, setId] = useState(() => uuidv7());
  const fmt = (value: number) => formatStockQuantity(value, i18n.language === 'en' ? '.' : ',');
  const reportAndThrow = (error: unknown) => {
    onProblem(error);
    throw error;
  };
  const stores = useQuery({ queryKey: ['stock-stores', api.staffToken], queryFn: () => stockApi.stores(api).catch(reportAndThrow), retry: false });
  const transfers = useQuery({ queryKey: ['stock-transfers', api.staffToken], queryFn: () => stockApi.transfers(api).catch(reportAndThrow), retry: false });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['stock-transfers'] });
    void queryClient.invalidateQueries({ queryKey: ['stock-levels'] });
  };
  const send = useMutation({
    mutationFn: async () => {
      const read = readTypedLines(lines, {}, (sku, quantity) => ({ sku, quantity }));
      if (!read.ok) return read.line;
      await stockApi.send(api, id, toStoreId, read.lines);
      return undefined;
    },
    onSuccess: (badLine) => {
      setUnreadable(badLine);
      if (badLine !== undefined) return;
      setLines([emptyLine()]);
      setId(uuidv7());
      refresh();
    },
    onError: (error: unknown) => (error instanceof StockLinesRefused ? setErrors(error.errors) : onProblem(error)),
  });
  const receive = useMutation({ mutationFn: (transferId: string) => stockApi.receiveTransfer(api, transferId), onSuccess: refresh, onError: onProblem });
  const others = (stores.data?.stores ?? []).filter((s) => s.id !== storeId);

  return (
    <div className="stock-transfers" data-testid="stock-transfers">
      {transfers.data && (
        <p data-testid="stock-in-transit" data-outgoing={transfers.data.inTransit.outgoing} data-incoming={transfers.data.inTransit.incoming}>
          {t('stock.transfers.inTransit', { outgoing: fmt(transfers.data.inTransit.outgoing), incoming: fmt(transfers.data.inTransit.incoming) })}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setErrors([]);
          send.mutate();
        }}
      >
        <label>
          {t('stock.transfers.to')}
          <select data-testid="stock-transfer-to" required value={toStoreId} onChange={(e) => setToStoreId(e.target.value)}>
            <option value="">{t('stock.transfers.choose')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <StockLinesEditor lines={lines} onChange={(next) => (setLines(next), setErrors([]))} quantityLabel={t('stock.receive.quantity')} errors={errors} />
        {unreadable !== undefined && (
          <p className="error" role="alert" data-testid="stock-unreadable">
            {t('stock.lines.unreadable', { line: unreadable })}
          </p>
        )}
        <button type="submit" className="primary" data-testid="stock-transfer-send" disabled={send.isPending}>
          {t('stock.transfers.send')}
        </button>
      </form>
      {transfers.data && transfers.data.transfers.length > 0 && (
        <ul className="stock-transfer-list">
          {transfers.data.transfers.map((transfer) => (
            <li key={transfer.id} data-testid="stock-transfer" data-status={transfer.status}>
              <span>
                {t('stock.transfers.route', { from: transfer.fromStoreName, to: transfer.toStoreName })} ·{' '}
                {transfer.lines.map((line) => `${line.sku} × ${fmt(line.quantity)}`).join(', ')} · {t(`stock.transfers.status.${transfer.status}`)}
              </span>
              {transfer.status === 'in-transit' && transfer.toStoreId === storeId && (
                <button type="button" data-testid="stock-transfer-receive" disabled={receive.isPending} onClick={() => receive.mutate(transfer.id)}>
                  {t('stock.transfers.receive')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
