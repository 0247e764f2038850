import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Priority, RequestStatus } from '@shared/requests/enums';

const STATUS_COLORS: Record<RequestStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'yellow',
  waiting: 'grape',
  done: 'teal',
  lost: 'gray',
};

const PRIORITY_COLORS: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export function StatusBadge({ status, size = 'sm' }: { status: RequestStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} tt="none">
      {t(`requests.status.${status}`)}
    </Badge>
  );
}

/** Normal priority is the rule and stays quiet; only the others get a badge. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant={priority === 'urgent' ? 'filled' : 'outline'} size="sm" tt="none">
      {t(`requests.priority.${priority}`)}
    </Badge>
  );
}
