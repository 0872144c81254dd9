import { useTranslation } from 'react-i18next';
import { useConnectionState, type ConnectionState } from './use-connection-state.ts';

const labelKeys: Record<ConnectionState, string> = {
  online: 'connection.online',
  offline: 'connection.offline',
  'server-unreachable': 'connection.serverUnreachable',
};

/** The header badge; it tells the cashier that selling continues whatever the network does. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span
      className="connection-status"
      data-testid="connection-status"
      data-state={state}
      role="status"
      aria-label={t('connection.label')}
    >
      <span className="connection-dot" aria-hidden="true" />
      {t(labelKeys[state])}
    </span>
  );
}
