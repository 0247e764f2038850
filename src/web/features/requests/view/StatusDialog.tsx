import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { LOST_REASONS, type RequestStatus } from '@shared/requests/enums';
import { StatusChange } from '@shared/requests/schemas';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useChangeStatus } from '../queries';
import type { CustomerRequest } from '../types';

interface StatusDialogProps {
  request: CustomerRequest;
  /** The status to move to; null while closed. */
  target: RequestStatus | null;
  onClose(): void;
}

interface Values {
  outcome: string;
  lostReason: string | null;
  note: string;
}

const toBody = (target: RequestStatus, values: Values, version: number) => ({
  status: target,
  outcome: values.outcome.trim() || null,
  lostReason: target === 'lost' ? values.lostReason : null,
  note: values.note.trim() || null,
  version,
});

/** Closing asks what came of it: an outcome for done, a reason for lost; any move may carry a note. */
export function StatusDialog({ request, target, onClose }: StatusDialogProps) {
  const { t } = useTranslation();
  const change = useChangeStatus(request.id);
  const form = useForm<Values>({
    initialValues: { outcome: '', lostReason: null, note: '' },
    validate: (values) =>
      target ? zodValidate<Values>(StatusChange, (v) => toBody(target, v, request.version))(values) : {},
  });

  async function submit(values: Values) {
    if (!target) return;
    try {
      await change.mutateAsync(toBody(target, values, request.version));
      form.reset();
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('requests.statusDialog.title', { status: t(`requests.status.${target}`) }) : ''}
    >
      <form onSubmit={form.onSubmit(submit)}>
        <Stack>
          {target === 'done' && (
            <Textarea
              label={t('requests.statusDialog.outcome')}
              description={t('requests.statusDialog.outcomeHint')}
              withAsterisk
              autosize
              minRows={2}
              data-autofocus
              {...form.getInputProps('outcome')}
            />
          )}
          {target === 'lost' && (
            <Select
              label={t('requests.statusDialog.lostReason')}
              withAsterisk
              data={LOST_REASONS.map((reason) => ({ value: reason, label: t(`requests.lostReason.${reason}`) }))}
              data-autofocus
              {...form.getInputProps('lostReason')}
            />
          )}
          <Textarea label={t('requests.statusDialog.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} color={target === 'lost' ? 'gray' : undefined}>
              {t('requests.statusDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
