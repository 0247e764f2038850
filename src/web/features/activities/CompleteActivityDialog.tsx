import 'dayjs/locale/de';
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowForward } from '@tabler/icons-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ACTIVITY_TYPES, type ActivityResult, type ActivityType } from '@shared/activities/enums';
import type { Activity, ActivityInput } from '@shared/activities/schemas';
import { currentLocale } from '@web/i18n';
import { ApiError } from '@web/ui/api';
import { reportError, serverFieldErrors } from '@web/ui/form-errors';
import { useCompleteActivity, useFollowUpProposal } from './queries';
import { addDays, berlinInstant, parseHhmm, toOffsetIso, todayBerlin } from './time';
import { isAppointmentType } from './words';

/** Results that fit the activity: an appointment was kept or not, a call reached someone or not. */
export function resultsFor(type: ActivityType): ActivityResult[] {
  return isAppointmentType(type)
    ? ['kept', 'no_show', 'appointment_made', 'not_interested', 'done']
    : ['reached', 'not_reached', 'appointment_made', 'offer_sent', 'not_interested', 'done'];
}

interface Values {
  result: ActivityResult | '';
  note: string;
  followUp: boolean;
  followUpType: ActivityType;
  followUpSubject: string;
  followUpDay: string;
  followUpTime: string;
}

const FOLLOW_UP_FIELDS: Record<string, keyof Values> = {
  'followUp.type': 'followUpType',
  'followUp.subject': 'followUpSubject',
  'followUp.dueOn': 'followUpDay',
  'followUp.startsAt': 'followUpTime',
};

/** Done with a result and a verbatim note, and the next step planned in the same go (R2.1). */
export function CompleteActivityDialog({
  activity,
  onClose,
  onCompleted,
}: {
  activity: Activity | null;
  onClose(): void;
  /** Told once the activity is done (before the dialog closes), e.g. so a reminder card can go. */
  onCompleted?(activity: Activity): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={Boolean(activity)}
      onClose={onClose}
      title={activity ? t('activity.completeTitle', { subject: activity.subject }) : ''}
      size="lg"
      radius="md"
    >
      {activity && <CompleteForm activity={activity} onClose={onClose} onCompleted={onCompleted} />}
    </Modal>
  );
}

/**
 * A satisfaction call is answered with the questionnaire: its form completes the call with the
 * answers, so the call is not also completed here by hand.
 */
function SurveyCallout({ activity, contactId }: { activity: Activity; contactId: string }) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ contactId, activityId: activity.id });
  if (activity.vehicle) query.set('vehicleId', activity.vehicle.id);
  return (
    <Alert color="blue" variant="light" title={t('activity.survey.title')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('activity.survey.text')}</Text>
        <Button component={Link} to={`/surveys/new?${query.toString()}`} size="xs" variant="filled">
          {t('activity.survey.open')}
        </Button>
      </Group>
    </Alert>
  );
}

function CompleteForm({
  activity,
  onClose,
  onCompleted,
}: {
  activity: Activity;
  onClose(): void;
  onCompleted?(activity: Activity): void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteActivity();
  const form = useForm<Values>({
    initialValues: {
      result: '',
      note: '',
      followUp: false,
      followUpType: 'call',
      followUpSubject: activity.subject,
      followUpDay: addDays(todayBerlin(), 1),
      followUpTime: '',
    },
    validate: {
      result: (value) => (value ? null : t('validation.required')),
      followUpSubject: (value, values) =>
        values.followUp && !value.trim()
          ? t('validation.required')
          : value.length > 200
            ? t('validation.tooLong', { max: 200 })
            : null,
      followUpDay: (value, values) => (values.followUp && !value ? t('validation.required') : null),
      followUpTime: (value, values) =>
        values.followUp && value && Number.isNaN(parseHhmm(value)) ? t('validation.time') : null,
    },
  });
  const result = form.values.result || null;
  const proposal = useFollowUpProposal(activity.id, result);
  // The rules' proposal fills the follow-up once per result; what the user typed afterwards stays.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!result || proposal.isFetching || filledFor.current === result) return;
    filledFor.current = result;
    const next = proposal.data;
    if (next) {
      form.setValues({
        followUp: true,
        followUpType: next.type,
        followUpSubject: next.subject,
        followUpDay: next.dueOn,
      });
    } else {
      form.setFieldValue('followUp', false);
    }
    // form is stable enough: its setters do not change between renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, proposal.isFetching, proposal.data]);

  function followUpBody(values: Values): ActivityInput | undefined {
    if (!values.followUp) return undefined;
    const minutes = parseHhmm(values.followUpTime);
    const timed = values.followUpTime && !Number.isNaN(minutes);
    return {
      type: values.followUpType,
      subject: values.followUpSubject.trim(),
      ownerId: activity.owner.id,
      ...(timed
        ? { allDay: false, startsAt: toOffsetIso(berlinInstant(values.followUpDay, minutes)) }
        : { allDay: true, dueOn: values.followUpDay }),
    };
  }

  async function submit(values: Values) {
    try {
      const answer = await complete.mutateAsync({
        id: activity.id,
        body: {
          result: values.result as ActivityResult,
          note: values.note.trim() || null,
          version: activity.version,
          followUp: followUpBody(values),
        },
      });
      notifications.show({
        color: 'teal',
        message: answer.followUp
          ? t('activity.completedWithFollowUp', { subject: answer.followUp.subject })
          : t('activity.completed'),
      });
      onCompleted?.(answer.activity);
      onClose();
    } catch (error) {
      const errors = serverFieldErrors(error);
      const mapped: Record<string, string> = {};
      for (const [field, message] of Object.entries(errors)) mapped[FOLLOW_UP_FIELDS[field] ?? field] ??= message;
      if (Object.keys(mapped).length > 0) form.setErrors(mapped);
      else if (error instanceof ApiError && error.status === 409)
        notifications.show({ color: 'orange', message: t('activity.conflict') });
      else reportError(error);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const dateProps = { valueFormat: 'DD.MM.YYYY', locale: currentLocale() };
  return (
    <form onSubmit={form.onSubmit(submit)} onKeyDown={onKeyDown} noValidate>
      <Stack gap="md">
        {activity.type === 'satisfaction_call' && activity.contact && (
          <SurveyCallout activity={activity} contactId={activity.contact.id} />
        )}
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('activity.result')}{' '}
            <Text span c="red">
              *
            </Text>
          </Text>
          <Chip.Group
            multiple={false}
            value={form.values.result}
            onChange={(value) => form.setFieldValue('result', value as ActivityResult)}
          >
            <Group gap="xs" role="radiogroup" aria-label={t('activity.result')}>
              {resultsFor(activity.type).map((r) => (
                <Chip key={r} value={r} type="radio" variant="outline">
                  {t(`texts.activityResult.${r}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {form.errors.result && (
            <Text size="xs" c="red">
              {form.errors.result}
            </Text>
          )}
        </Stack>
        <Textarea
          label={t('activity.resultNote')}
          description={t('activity.resultNoteHint')}
          autosize
          minRows={3}
          maxRows={8}
          data-autofocus
          {...form.getInputProps('note')}
        />
        <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
          <Stack gap="sm">
            <Group justify="space-between">
              <Checkbox
                label={t('activity.followUp')}
                fw={500}
                {...form.getInputProps('followUp', { type: 'checkbox' })}
              />
              {proposal.isFetching && <Loader size="xs" />}
            </Group>
            {result && !proposal.isFetching && proposal.data && (
              <Text size="xs" c="dimmed">
                <IconArrowForward size={12} />{' '}
                {t('activity.followUpProposed', {
                  type: t(`texts.activityType.${proposal.data.type}`),
                  count: proposal.data.afterDays,
                })}
              </Text>
            )}
            {result && !proposal.isFetching && proposal.isSuccess && !proposal.data && !form.values.followUp && (
              <Text size="xs" c="dimmed">
                {t('activity.followUpNone')}
              </Text>
            )}
            {proposal.isError && (
              <Alert color="gray" p="xs">
                {t('activity.loadError')}
              </Alert>
            )}
            {form.values.followUp && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={t('activity.type')}
                    data={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`texts.activityType.${type}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps('followUpType')}
                  />
                  <DateInput label={t('activity.followUpDay')} {...dateProps} {...form.getInputProps('followUpDay')} />
                  <TimeInput label={t('activity.start')} {...form.getInputProps('followUpTime')} />
                </SimpleGrid>
                <TextInput label={t('activity.subject')} maxLength={200} {...form.getInputProps('followUpSubject')} />
              </>
            )}
          </Stack>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="teal" loading={complete.isPending}>
            {t('activity.complete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
