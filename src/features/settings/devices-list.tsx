import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreTime } from '../../data/use-store-time.ts';
import type { StoreDevice } from './devices-api.ts';

interface DevicesListProps {
  devices: StoreDevice[];
  thisDeviceId: string;
  /** The device being revoked right now, if any. */
  revoking: string | undefined;
  onRevoke: (device: StoreDevice) => void;
}

/**
 * The store's devices, active ones first. Revoking asks once more, naming the device and what it means;
 * this tablet cannot be revoked from itself (it would lock the manager out mid-task): the row says to do
 * it from another device.
 */
export function DevicesList({ devices, thisDeviceId, revoking, onRevoke }: DevicesListProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<string>();
  const date = useStoreTime();
  const sorted = [...devices].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.createdAt.localeCompare(b.createdAt));
  return (
    <ul className="devices-list" data-testid="devices-list">
      {sorted.map((device) => {
        const isThis = device.id === thisDeviceId;
        const status = device.revokedAt === null ? 'active' : 'revoked';
        return (
          <li key={device.id} className="device-row" data-testid="device-row" data-device-id={device.id} data-status={status} data-this-device={String(isThis)}>
            <div className="device-summary">
              <strong className="device-name">{device.name}</strong>
              {isThis && <span className="device-badge this">{t('settings.devices.thisTablet')}</span>}
              <span className={`device-badge ${status}`}>
                {device.revokedAt === null ? t('settings.devices.active') : t('settings.devices.revokedOn', { date: date(device.revokedAt) })}
              </span>
              <span className="device-enrolled">{t('settings.devices.enrolledOn', { date: date(device.createdAt) })}</span>
            </div>
            {device.revokedAt === null && isThis && <p className="device-note">{t('settings.devices.cannotRevokeThis')}</p>}
            {device.revokedAt === null && !isThis && confirming !== device.id && (
              <button type="button" className="danger" data-testid="device-revoke" disabled={revoking !== undefined} onClick={() => setConfirming(device.id)}>
                {revoking === device.id ? t('settings.devices.revoking') : t('settings.devices.revoke')}
              </button>
            )}
            {device.revokedAt === null && !isThis && confirming === device.id && (
              <div className="device-confirm" role="alertdialog" aria-label={t('settings.devices.confirmTitle', { name: device.name })} data-testid="device-revoke-confirm">
                <p>{t('settings.devices.confirmText', { name: device.name })}</p>
                <button
                  type="button"
                  className="danger"
                  data-testid="device-revoke-yes"
                  disabled={revoking !== undefined}
                  onClick={() => {
                    setConfirming(undefined);
                    onRevoke(device);
                  }}
                >
                  {t('settings.devices.confirmRevoke')}
                </button>
                <button type="button" data-testid="device-revoke-no" onClick={() => setConfirming(undefined)}>
                  {t('staff.cancel')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
