import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { reportError } from '../../../app/form-errors';
import { AssigneeSelect } from '../components/AssigneeSelect';
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
  const form = useForm({
    initialValues: { assigneeId: '', reason: '' },
    validate: {
      assigneeId: (value) => (value ? null : t('requests.reassign.pickAssignee')),
      reason: (value) => (value.trim().length >= 3 ? null : t('requests.reassign.reasonRequired')),
    },
  });

  async function submit(values: { assigneeId: string; reason: string }) {
    try {
      const result = await bulk.mutateAsync({ ids, assigneeId: values.assigneeId, reason: values.reason.trim() });
      notifications.show({ color: 'teal', message: t('requests.reassign.bulkDone', { count: result.reassigned }) });
      form.reset();
      onDone();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.reassign.bulkTitle', { count: ids.length })}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <AssigneeSelect
            label={t('requests.reassign.to')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('assigneeId')}
          />
          <Textarea
            label={t('requests.reassign.reason')}
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={bulk.isPending}>
              {t('requests.reassign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
