import { Badge } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getLiveStatus, subscribeLiveStatus } from './live-bus';

/**
 * A calm note in the header while live updates are interrupted: new requests, notifications
 * and screen pops may arrive late until it goes away again by itself.
 */
export function LiveStatusBanner() {
  const { t } = useTranslation();
  const status = useSyncExternalStore(subscribeLiveStatus, getLiveStatus);
  if (status !== 'interrupted') return null;
  return (
    <Badge
      role="status"
      variant="light"
      color="orange"
      size="lg"
      radius="sm"
      tt="none"
      fw={500}
      leftSection={<IconPlugConnectedX size={14} aria-hidden />}
      title={t('notifications.liveInterruptedHint')}
      style={{ maxWidth: '40vw' }}
    >
      {t('notifications.liveInterrupted')}
    </Badge>
  );
}
