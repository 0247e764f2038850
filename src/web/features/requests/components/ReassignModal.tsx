import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { reportError } from '@web/ui/form-errors';
import { AssigneeSelect } from './AssigneeSelect';

export interface ReassignValues {
  assigneeId: string;
  reason: string;
}

interface ReassignModalProps {
  title: string;
  opened: boolean;
  onClose(): void;
  /** Offer only colleagues of this location. */
  locationId?: string;
  pending: boolean;
  /** Saves the reassignment; a rejected promise shows the server's field errors on the form. */
  onSubmit(values: ReassignValues): Promise<void>;
}

/** New assignee and a reason, for one request or many: every reassignment is explained. */
export function ReassignModal({ title, opened, onClose, locationId, pending, onSubmit }: ReassignModalProps) {
  const { t } = useTranslation();
  const form = useForm<ReassignValues>({
    initialValues: { assigneeId: '', reason: '' },
    validate: {
      assigneeId: (value) => (value ? null : t('requests.reassign.pickAssignee')),
      reason: (value) => (value.trim().length >= 3 ? null : t('requests.reassign.reasonRequired')),
    },
  });

  async function submit(values: ReassignValues) {
    try {
      await onSubmit({ assigneeId: values.assigneeId, reason: values.reason.trim() });
      form.reset();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          <AssigneeSelect
            label={t('requests.reassign.to')}
            withAsterisk
            data-autofocus
            locationId={locationId}
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
            <Button type="submit" loading={pending}>
              {t('requests.reassign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
