import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBoardLiveUpdates, useBoardUnread } from './queries';

/** Unread board posts beside "Board"; it also keeps the board's lists live while the app is open. */
export function BoardNavBadge() {
  const { t } = useTranslation();
  useBoardLiveUpdates();
  const unread = useBoardUnread();
  if (unread === 0) return null;
  return (
    <Badge
      size="sm"
      circle={unread < 10}
      aria-label={t('board.channels.unread', { count: unread })}
      data-testid="board-unread"
    >
      {unread > 99 ? '99+' : unread}
    </Badge>
  );
}
