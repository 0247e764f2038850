import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/ui/format';
import { formatSpan } from '../format';

interface DueLabelProps {
  dueAt: string | null;
  overdue: boolean;
  /** Closed or already contacted: the deadline no longer matters. */
  settled?: boolean;
  /** When the first contact happened: shown instead of the deadline it met (or missed). */
  contactedAt?: string | null;
  now?: Date;
}

/** "fällig in 3 Std." above the exact time; red "überfällig seit …" once the deadline has passed. */
export function DueLabel({ dueAt, overdue, settled = false, contactedAt = null, now = new Date() }: DueLabelProps) {
  const { t } = useTranslation();
  if (contactedAt)
    return (
      <Stack gap={0}>
        <Text size="sm" fw={500} c="dimmed">
          {t('requests.due.settled')}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(contactedAt)}
        </Text>
      </Stack>
    );
  if (settled)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.due.closedUncontacted')}
      </Text>
    );
  if (!dueAt)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.due.none')}
      </Text>
    );
  const diff = new Date(dueAt).getTime() - now.getTime();
  const late = overdue || diff < 0;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={late ? 700 : 500} c={late ? 'red.7' : undefined}>
        {late
          ? t('requests.due.overdueSince', { span: formatSpan(diff) })
          : t('requests.due.in', { span: formatSpan(diff) })}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(dueAt)}
      </Text>
    </Stack>
  );
}
