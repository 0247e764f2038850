import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ReassignModal } from '../components/ReassignModal';
import { useBulkReassign } from '../queries';

interface BulkReassignDialogProps {
  ids: string[];
  opened: boolean;
  onClose(): void;
  onDone(): void;
}

export function BulkReassignDialog({ ids, opened, onClose, onDone }: BulkReassignDialogProps) {
  const { t } = useTranslation();
  const bulk = useBulkReassign();
  return (
    <ReassignModal
      title={t('requests.reassign.bulkTitle', { count: ids.length })}
      opened={opened}
      onClose={onClose}
      pending={bulk.isPending}
      onSubmit={async (values) => {
        const result = await bulk.mutateAsync({ ids, ...values });
        notifications.show({ color: 'teal', message: t('requests.reassign.bulkDone', { count: result.reassigned }) });
        onDone();
      }}
    />
  );
}
