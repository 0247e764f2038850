import { Alert, Button, CopyButton, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconMail, IconMailForward, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeProblem, reportError } from '@web/ui/form-errors';
import { useRecordAttempt, useRequestTemplates } from '../queries';
import type { NextStepData } from '../types';

interface EmailPromptProps {
  requestId: string;
  nextStep: NextStepData;
  /** The customer's address for the mailto: link; without one the same text goes out by letter or SMS. */
  email: string | null;
}

/**
 * After three failed calls in 48 hours or with an invalid number (R3.3) the
 * e-mail is the next step: the filled template sent from the CRM in one click
 * (consent rules apply), or copied / opened in the mail program and noted as sent.
 */
export function EmailPrompt({ requestId, nextStep, email }: EmailPromptProps) {
  const { t } = useTranslation();
  const templates = useRequestTemplates(requestId);
  const record = useRecordAttempt(requestId);
  const template = templates.data?.find((candidate) => candidate.kind === 'email');
  const subject = template?.subject ?? '';
  const body = template?.body ?? '';
  const mailto = `mailto:${email ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

  /** Sends the filled template from the CRM: from the user, with replies to them, kept on the customer's timeline. */
  async function sendNow() {
    try {
      await record.mutateAsync({ channel: 'email', outcome: 'email_sent', send: { subject, text: body } });
      notifications.show({ color: 'teal', message: t('requests.nextStep.recorded.email') });
    } catch (error) {
      notifications.show({ color: 'red', message: describeProblem(error) });
    }
  }

  async function markSent(channel: 'email' | 'letter' | 'sms') {
    try {
      // A letter or SMS is the written follow-up too: it counts like the e-mail, on its own channel.
      await record.mutateAsync({
        channel,
        outcome: 'email_sent',
        note: subject ? `${subject}\n\n${body}` : body,
      });
      notifications.show({ color: 'teal', message: t(`requests.nextStep.recorded.${channel}`) });
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconMailForward />}
      title={email ? t('requests.nextStep.emailTitle') : t('requests.nextStep.writeTitle')}
      role="alert"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {nextStep.reason === 'invalid_number'
            ? t('requests.nextStep.invalidNumber')
            : t('requests.nextStep.threeFailed', { count: nextStep.failedPhoneAttempts })}
        </Text>
        {!email && (
          <Text size="sm" fw={600}>
            {t('requests.nextStep.noEmail')}
          </Text>
        )}
        {templates.isPending ? (
          <Skeleton height={120} />
        ) : !template ? (
          <Text size="sm" c="dimmed">
            {t('requests.templates.unavailable')}
          </Text>
        ) : (
          <Paper withBorder radius="sm" p="sm" bg="white">
            <Text size="xs" c="dimmed">
              {t('requests.nextStep.subject')}
            </Text>
            <Text size="sm" fw={600} mb="xs" data-testid="email-subject">
              {subject}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="email-body">
              {body}
            </Text>
          </Paper>
        )}
        <Group gap="xs">
          <CopyButton value={subject ? `${subject}\n\n${body}` : body}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="sm"
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
                disabled={!template}
              >
                {copied ? t('common.copied') : t('requests.nextStep.copy')}
              </Button>
            )}
          </CopyButton>
          {email ? (
            <>
              <Button
                color="orange"
                size="sm"
                leftSection={<IconSend size={16} />}
                loading={record.isPending}
                disabled={!template || !subject}
                onClick={() => void sendNow()}
              >
                {t('correspondence.sendNow')}
              </Button>
              <Button component="a" href={mailto} variant="default" size="sm" leftSection={<IconMail size={16} />}>
                {t('requests.nextStep.openMail', { email })}
              </Button>
              <Button
                variant="default"
                size="sm"
                leftSection={<IconCheck size={16} />}
                loading={record.isPending}
                onClick={() => void markSent('email')}
              >
                {t('requests.nextStep.markSent')}
              </Button>
            </>
          ) : (
            (['letter', 'sms'] as const).map((channel) => (
              <Button
                key={channel}
                color="orange"
                variant={channel === 'letter' ? 'filled' : 'light'}
                size="sm"
                leftSection={<IconCheck size={16} />}
                loading={record.isPending}
                onClick={() => void markSent(channel)}
              >
                {t(`requests.nextStep.markSentBy.${channel}`)}
              </Button>
            ))
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
