import { IconCalendarEvent, IconChartBar, IconMessages, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '@web/ui/components/StatusPage';

type Module = 'customers' | 'requests' | 'calendar' | 'reports';

const ICONS: Record<Module, Icon> = {
  customers: IconUsers,
  requests: IconMessages,
  calendar: IconCalendarEvent,
  reports: IconChartBar,
};

/** Stands in for a module that is not built yet, and says what it will offer. */
export function PlaceholderPage({ module }: { module: Module }) {
  const { t } = useTranslation();
  const ModuleIcon = ICONS[module];
  return (
    <StatusPage
      icon={<ModuleIcon />}
      title={t(`nav.${module}`)}
      description={t(`placeholders.${module}`)}
      badge={t('placeholders.soon')}
    />
  );
}
