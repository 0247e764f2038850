import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShellWork } from '@web/app/shell-work';
import { useWorkListCounts } from '../queries';

/** My open requests beside "Anliegen" in the navigation; red as soon as one of them is overdue. */
export function RequestsNavBadge() {
  const { t } = useTranslation();
  const counts = useWorkListCounts(useShellWork('shell'));
  if (!counts.data || counts.data.mine === 0) return null;
  const { mine, mineOverdue } = counts.data;
  const label = mineOverdue
    ? t('requests.nav.openOverdue', { count: mine, overdue: mineOverdue })
    : t('requests.nav.open', { count: mine });
  return (
    <Tooltip label={label} position="right">
      <Badge
        size="sm"
        circle={mine < 10}
        color={mineOverdue ? 'red' : 'blue'}
        variant={mineOverdue ? 'filled' : 'light'}
        aria-label={label}
      >
        {mine}
      </Badge>
    </Tooltip>
  );
}
