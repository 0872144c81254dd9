import { useTranslation } from 'react-i18next';
import type { StorageHealth } from '../../data/storage-health.ts';
import { formatBytes } from './format-bytes.ts';
import { useStorageHealth } from './use-storage-health.ts';

function persistenceKey(health: StorageHealth): string {
  if (health.persisted) return 'storage.persisted';
  return health.persistenceSupported ? 'storage.notPersisted' : 'storage.unsupported';
}

/** How much this device stores and whether the browser promised not to evict it. */
export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const { status, requestPersistence } = useStorageHealth();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'vi-VN';
  const health = status.state === 'ready' ? status.health : undefined;
  return (
    <section className="panel storage-panel" data-testid="storage-panel" data-persisted={String(health?.persisted ?? false)}>
      <h2>{t('storage.title')}</h2>
      {status.state === 'loading' && <p role="status">{t('storage.loading')}</p>}
      {status.state === 'failed' && <p role="alert">{t('storage.readFailed')}</p>}
      {health && (
        <>
          {health.usageBytes !== null && health.quotaBytes !== null ? (
            <>
              <p data-testid="storage-usage">
                {t('storage.usage', {
                  used: formatBytes(health.usageBytes, locale),
                  quota: formatBytes(health.quotaBytes, locale),
                })}
              </p>
              <meter className="storage-meter" min={0} max={health.quotaBytes} value={health.usageBytes} />
            </>
          ) : (
            <p>{t('storage.unknownUsage')}</p>
          )}
          <p className="persistence" data-testid="storage-persistence">
            {t(persistenceKey(health))}
          </p>
          {!health.persisted && health.persistenceSupported && (
            <button type="button" data-testid="request-persistence" onClick={() => void requestPersistence()}>
              {t('storage.requestAgain')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
