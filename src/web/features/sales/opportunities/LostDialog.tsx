import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOST_REASONS, type LostReason } from '@shared/sales/enums';
import { TEXT_MAX } from '@shared/text/limits';
import { describeProblem, serverFieldErrors } from '@web/ui/form-errors';
import { useLoseOpportunity } from './queries';

interface Values {
  reason: LostReason | '';
  brand: string;
  note: string;
}

/** Mark an opportunity lost: the reason is required, the brand when bought elsewhere, a note for "other". */
export function LostDialog({
  opportunity,
  opened,
  onClose,
}: {
  opportunity: { id: string; number: string; version: number };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lose = useLoseOpportunity(opportunity.id);
  // The server's refusal in words, whether or not its field is on the form.
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { reason: '', brand: '', note: '' },
    validate: {
      reason: (v) => (v ? null : t('validation.required')),
      brand: (v, values) => (values.reason === 'bought_elsewhere' && !v.trim() ? t('validation.brandRequired') : null),
      note: (v, values) => (values.reason === 'other' && !v.trim() ? t('validation.required') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    setRefusal(null);
    lose.mutate(
      {
        reason: values.reason as LostReason,
        brand: values.reason === 'bought_elsewhere' ? values.brand : null,
        note: values.note || null,
        version: opportunity.version,
      },
      {
        onSuccess: () => {
          form.reset();
          onClose();
        },
        onError: (error) => {
          form.setErrors(serverFieldErrors(error));
          setRefusal(describeProblem(error));
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.lost.title', { number: opportunity.number })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {refusal && (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          )}
          <Select
            label={t('sales.lost.reason')}
            required
            data={LOST_REASONS.map((r) => ({ value: r, label: t(`texts.salesLostReason.${r}`) }))}
            {...form.getInputProps('reason')}
          />
          {form.values.reason === 'bought_elsewhere' && (
            <TextInput
              label={t('sales.lost.brand')}
              required
              maxLength={TEXT_MAX.brand}
              {...form.getInputProps('brand')}
            />
          )}
          <Textarea
            label={t('sales.lost.note')}
            required={form.values.reason === 'other'}
            maxLength={2000}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={lose.isPending}>
              {t('sales.lost.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
