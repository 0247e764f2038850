import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ReassignModal } from '../components/ReassignModal';
import { useReassign } from '../queries';
import type { CustomerRequest } from '../types';

export function ReassignDialog({
  request,
  opened,
  onClose,
}: {
  request: CustomerRequest;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const reassign = useReassign(request.id);
  return (
    <ReassignModal
      title={t('requests.reassign.title', { number: request.number })}
      opened={opened}
      onClose={onClose}
      locationId={request.locationId}
      pending={reassign.isPending}
      onSubmit={async (values) => {
        const updated = await reassign.mutateAsync(values);
        notifications.show({
          color: 'teal',
          message: t('requests.reassign.done', { name: updated.assignee?.displayName ?? '' }),
        });
        onClose();
      }}
    />
  );
}
