import { Button, Group, Loader, Modal } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Opened now and then from the user menu: its forms load when it opens, not with every page.
const CalendarSubscription = lazy(() =>
  import('./CalendarSubscription').then((module) => ({ default: module.CalendarSubscription })),
);

export function CalendarSubscriptionModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('calendarSubscription.title')}>
      {opened && (
        <Suspense fallback={<Loader size="sm" />}>
          <CalendarSubscription />
        </Suspense>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
    </Modal>
  );
}
