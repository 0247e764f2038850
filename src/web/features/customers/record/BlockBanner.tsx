import { Alert, Button, Group, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import type { Contact } from '../types';

interface BlockBannerProps {
  block: Pick<NonNullable<Contact['activeBlock']>, 'reason' | 'blockedAt' | 'blockedUntil' | 'blockedBy'>;
  canUnblock: boolean;
  onUnblock(): void;
}

/** Impossible to miss: a blocked customer gets no offers, appointments or test drives until unblocked. */
export function BlockBanner({ block, canUnblock, onUnblock }: BlockBannerProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconBan />}
      title={t('customers.block.bannerTitle')}
      radius="md"
      mb="md"
      role="alert"
    >
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
            {block.reason}
          </Text>
          <Text size="xs" mt={4} opacity={0.9}>
            {t('customers.block.since', { date: formatDate(block.blockedAt) })}
            {block.blockedUntil && ` · ${t('customers.block.until', { date: formatDate(block.blockedUntil) })}`}
            {block.blockedBy && ` · ${t('customers.block.by', { name: block.blockedBy.displayName })}`}
          </Text>
        </div>
        {canUnblock && (
          <Button variant="white" color="red" size="xs" onClick={onUnblock}>
            {t('customers.block.unblock')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
