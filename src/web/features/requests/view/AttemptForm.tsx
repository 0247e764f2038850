import { Button, Chip, Group, Kbd, Paper, SegmentedControl, Stack, Text, Textarea, Title, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, noteRequiredFor } from '@shared/requests/enums';
import { reportError } from '@web/ui/form-errors';
import { useRecordAttempt } from '../queries';

interface Values {
  channel: (typeof ATTEMPT_CHANNELS)[number];
  outcome: (typeof ATTEMPT_OUTCOMES)[number] | '';
  note: string;
}

/** Log a contact attempt (R3.4): channel, outcome and what was said, word for word. */
export function AttemptForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const record = useRecordAttempt(requestId);
  const form = useForm<Values>({
    initialValues: { channel: 'phone', outcome: '', note: '' },
    validate: {
      outcome: (value) => (value ? null : t('requests.attempts.pickOutcome')),
      note: (value, values) =>
        values.outcome && noteRequiredFor(values.outcome) && !value.trim() ? t('requests.attempts.noteRequired') : null,
    },
  });
  const noteRequired = Boolean(form.values.outcome && noteRequiredFor(form.values.outcome));

  async function submit(values: Values) {
    try {
      await record.mutateAsync({ channel: values.channel, outcome: values.outcome, note: values.note.trim() || null });
      notifications.show({ color: 'teal', message: t('requests.attempts.saved') });
      form.reset();
    } catch (error) {
      reportError(error, form);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.onSubmit(submit)();
    }
  }

  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={form.onSubmit(submit)}
        onKeyDown={onKeyDown}
        aria-label={t('requests.attempts.formTitle')}
        noValidate
      >
        <Stack gap="sm">
          <Group gap="xs">
            <IconPhoneCall size={18} />
            <Title order={4}>{t('requests.attempts.formTitle')}</Title>
          </Group>
          <SegmentedControl
            aria-label={t('requests.attempts.channel')}
            data={ATTEMPT_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`requests.attemptChannel.${channel}`),
            }))}
            {...form.getInputProps('channel')}
          />
          <Stack gap={4}>
            <Input.Label id="attempt-outcome-label">{t('requests.attempts.outcome')}</Input.Label>
            <Chip.Group
              value={form.values.outcome}
              onChange={(value) => form.setFieldValue('outcome', value as Values['outcome'])}
            >
              <Group gap="xs" role="radiogroup" aria-labelledby="attempt-outcome-label">
                {ATTEMPT_OUTCOMES.map((outcome) => (
                  <Chip key={outcome} value={outcome} size="sm" color={outcome === 'reached' ? 'teal' : 'blue'}>
                    {t(`requests.outcome.${outcome}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors.outcome && (
              <Text size="xs" c="red">
                {form.errors.outcome}
              </Text>
            )}
          </Stack>
          <Textarea
            label={t('requests.attempts.note')}
            description={t('requests.attempts.noteHint')}
            autosize
            minRows={2}
            maxRows={8}
            required={noteRequired}
            {...form.getInputProps('note')}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">{t('requests.intake.ctrl')}</Kbd> + <Kbd size="xs">Enter</Kbd>{' '}
              {t('requests.intake.shortcut')}
            </Text>
            <Button type="submit" loading={record.isPending}>
              {t('requests.attempts.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
