import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Connection } from '@shared/telephony/schemas';
import { formatDateTime } from '@web/ui/format';

const COLORS = {
  connected: 'teal',
  connecting: 'yellow',
  reconnecting: 'orange',
  failed: 'red',
  disabled: 'gray',
} as const;

/**
 * A CSTA link has a live state; push providers have none, so for them the
 * last event received is the sign of life the admin needs.
 */
export function StateBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  if (connection.provider !== 'csta') {
    return (
      <Stack gap={2}>
        <Badge variant="light" color={connection.enabled ? 'teal' : 'gray'} miw="max-content">
          {connection.enabled ? t('telephonyAdmin.state.receiving') : t('telephonyAdmin.state.disabled')}
        </Badge>
        <Text size="xs" c="dimmed">
          {connection.lastEventAt
            ? t('telephonyAdmin.state.lastEvent', { at: formatDateTime(connection.lastEventAt) })
            : t('telephonyAdmin.state.noEventYet')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Badge variant="light" color={COLORS[connection.state]} miw="max-content">
        {t(`telephonyAdmin.state.${connection.state}`)}
      </Badge>
      {connection.stateDetail && (
        <Text size="xs" c={connection.state === 'failed' ? 'red' : 'dimmed'}>
          {connection.stateDetail}
        </Text>
      )}
      {connection.stateChangedAt && (
        <Text size="xs" c="dimmed">
          {t('telephonyAdmin.state.since', { at: formatDateTime(connection.stateChangedAt) })}
        </Text>
      )}
    </Stack>
  );
}
