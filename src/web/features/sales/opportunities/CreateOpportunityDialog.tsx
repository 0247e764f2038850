import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { INTEREST_KINDS, type InterestKind } from '@shared/sales/enums';
import { TEXT_MAX } from '@shared/text/limits';
import { reportError } from '@web/ui/form-errors';
import { useCreateOpportunity } from './queries';
import { DayField } from '@web/ui/date-fields';

interface Values {
  interestKind: InterestKind;
  interestMake: string;
  interestModel: string;
  interestDescription: string;
  source: string;
  expectedValueEuros: number | string;
  expectedCloseOn: string;
}

/**
 * Open an opportunity for a customer (record tab "Verkauf", walk-in confirmation) or from a
 * sales lead (`requestId`: customer, consultant and source come from the request).
 */
export function CreateOpportunityDialog({
  opened,
  onClose,
  contactId,
  requestId,
  navigateOnCreate = true,
}: {
  opened: boolean;
  onClose: () => void;
  contactId?: string;
  requestId?: string;
  navigateOnCreate?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOpportunity();
  const form = useForm<Values>({
    initialValues: {
      interestKind: 'described',
      interestMake: '',
      interestModel: '',
      interestDescription: '',
      source: '',
      expectedValueEuros: '',
      expectedCloseOn: '',
    },
  });
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        contactId: contactId ?? null,
        requestId: requestId ?? null,
        interestKind: v.interestKind,
        interestMake: v.interestMake,
        interestModel: v.interestModel,
        interestDescription: v.interestDescription || null,
        source: v.source || null,
        // Whole euros typed; stored as integer cents.
        expectedValueCents: v.expectedValueEuros === '' ? null : Math.round(Number(v.expectedValueEuros)) * 100,
        expectedCloseOn: v.expectedCloseOn || null,
      },
      {
        onSuccess: (created) => {
          form.reset();
          onClose();
          if (navigateOnCreate) navigate(`/sales/${created.id}`);
        },
        onError: (error) => reportError(error, form),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.create.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            aria-label={t('sales.interest')}
            data={INTEREST_KINDS.map((k) => ({ value: k, label: t(`sales.interestKinds.${k}`) }))}
            {...form.getInputProps('interestKind')}
          />
          <Group grow>
            <TextInput
              label={t('sales.create.make')}
              maxLength={TEXT_MAX.make}
              {...form.getInputProps('interestMake')}
            />
            <TextInput
              label={t('sales.create.model')}
              maxLength={TEXT_MAX.model}
              {...form.getInputProps('interestModel')}
            />
          </Group>
          <Textarea
            label={t('sales.create.description')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('interestDescription')}
          />
          {!requestId && (
            <TextInput label={t('sales.source')} maxLength={TEXT_MAX.source} {...form.getInputProps('source')} />
          )}
          <Group grow>
            <NumberInput
              label={t('sales.create.value')}
              min={0}
              max={10_000_000}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              suffix=" €"
              {...form.getInputProps('expectedValueEuros')}
            />
            <DayField clearable label={t('sales.create.closeOn')} {...form.getInputProps('expectedCloseOn')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('sales.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
