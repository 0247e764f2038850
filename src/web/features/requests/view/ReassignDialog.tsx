import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { reportError } from '../../../app/form-errors';
import { AssigneeSelect } from '../components/AssigneeSelect';
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
  const form = useForm({
    initialValues: { assigneeId: '', reason: '' },
    validate: {
      assigneeId: (value) => (value ? null : t('requests.reassign.pickAssignee')),
      reason: (value) => (value.trim().length >= 3 ? null : t('requests.reassign.reasonRequired')),
    },
  });

  async function submit(values: { assigneeId: string; reason: string }) {
    try {
      const updated = await reassign.mutateAsync({ assigneeId: values.assigneeId, reason: values.reason.trim() });
      notifications.show({
        color: 'teal',
        message: t('requests.reassign.done', { name: updated.assignee?.displayName ?? '' }),
      });
      form.reset();
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.reassign.title', { number: request.number })}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <AssigneeSelect
            label={t('requests.reassign.to')}
            withAsterisk
            data-autofocus
            locationId={request.locationId}
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
            <Button type="submit" loading={reassign.isPending}>
              {t('requests.reassign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
