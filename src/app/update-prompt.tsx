import { useTranslation } from 'react-i18next';
import { useSaleActivityStore } from '../session/sale-activity-store.ts';
import { useUpdateStore } from './update-store.ts';

/** A small bar offering the new version; it stays hidden while a sale is being rung up. */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const updateAvailable = useUpdateStore((state) => state.updateAvailable);
  const applyUpdate = useUpdateStore((state) => state.applyUpdate);
  const saleInProgress = useSaleActivityStore((state) => state.saleInProgress);
  if (!updateAvailable || saleInProgress) return null;
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <span>{t('update.available')} —</span>{' '}
      <button type="button" onClick={applyUpdate}>
        {t('update.reload')}
      </button>
    </div>
  );
}
