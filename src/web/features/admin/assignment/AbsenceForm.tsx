import 'dayjs/locale/de';
import { Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS } from '@shared/requests/enums';
import { AbsenceInput } from '@shared/requests/assignment';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { currentLocale } from '@web/i18n';
import { todayInBerlin } from '@web/features/customers/format';
import { useDirectory } from '@web/features/customers/queries';
import { AssigneeSelect } from '@web/features/requests/components/AssigneeSelect';
import type { AbsenceData } from '@web/features/requests/types';
import { useSaveAbsence } from './queries';

interface Values {
  userId: string;
  kind: (typeof ABSENCE_KINDS)[number];
  startsOn: string;
  endsOn: string;
  deputyId: string | null;
  note: string;
}

const toBody = (values: Values) => ({ ...values, deputyId: values.deputyId || null, note: values.note.trim() || null });

/** A new absence or a change to one; the page puts it in its edit modal. */
export function AbsenceForm({ absence, onClose }: { absence: AbsenceData | null; onClose(): void }) {
  const { t } = useTranslation();
  const save = useSaveAbsence();
  const directory = useDirectory();
  const today = todayInBerlin();
  const form = useForm<Values>({
    initialValues: {
      userId: absence?.user.id ?? '',
      kind: absence?.kind ?? 'holiday',
      startsOn: absence?.startsOn ?? today,
      endsOn: absence?.endsOn ?? today,
      deputyId: absence?.deputy?.id ?? null,
      note: absence?.note ?? '',
    },
    validate: zodValidate<Values>(AbsenceInput, toBody),
  });

  async function submit(values: Values) {
    try {
      // The person of an absence stays; a PATCH leaves userId out.
      const { userId, ...rest } = toBody(values);
      await save.mutateAsync({ id: absence?.id, body: absence ? rest : { userId, ...rest } });
      notifications.show({ color: 'teal', message: t('assignment.absences.saved') });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  const dateProps = { valueFormat: 'DD.MM.YYYY', locale: currentLocale() };
  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack>
        <AssigneeSelect
          label={t('assignment.absences.who')}
          withAsterisk
          disabled={Boolean(absence)}
          data-autofocus
          {...form.getInputProps('userId')}
        />
        <Select
          label={t('assignment.absences.kind')}
          data={ABSENCE_KINDS.map((kind) => ({ value: kind, label: t(`assignment.absenceKind.${kind}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <SimpleGrid cols={2}>
          <DateInput
            label={t('assignment.absences.from')}
            withAsterisk
            {...dateProps}
            {...form.getInputProps('startsOn')}
          />
          <DateInput
            label={t('assignment.absences.to')}
            withAsterisk
            {...dateProps}
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <AssigneeSelect
          locationId={directory.data?.find((entry) => entry.id === form.values.userId)?.homeLocationId}
          label={t('assignment.absences.deputy')}
          description={t('assignment.absences.deputyHint')}
          {...form.getInputProps('deputyId')}
        />
        <Textarea label={t('assignment.absences.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
