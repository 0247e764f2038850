import { IconMapPinQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '@web/ui/components/StatusPage';

/** What an address that leads nowhere shows, inside the shell (and inside the administration). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconMapPinQuestion />}
      title={t('errors.notFoundTitle')}
      description={t('errors.notFoundText')}
      action={{ label: t('errors.backHome'), to: '/' }}
    />
  );
}
