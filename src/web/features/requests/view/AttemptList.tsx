import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerEmailMessage } from '@web/features/correspondence';
import { formatDateTime } from '@web/ui/format';
import type { AttemptData } from '../types';

const OUTCOME_COLORS = {
  reached: 'teal',
  no_answer: 'orange',
  voicemail: 'yellow',
  wrong_number: 'red',
  email_sent: 'blue',
} as const;

/** Every attempt with its verbatim note, newest first (R3.4). */
export function AttemptList({ attempts }: { attempts: AttemptData[] }) {
  const { t } = useTranslation();
  const sorted = [...attempts].sort((a, b) => b.at.localeCompare(a.at));
  const [openEmail, setOpenEmail] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('requests.attempts.title', { count: attempts.length })}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.attempts.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {sorted.map((attempt) => (
            <Stack key={attempt.id} gap={2} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {formatDateTime(attempt.at)}
                </Text>
                <Badge size="sm" variant="light" color="gray" tt="none">
                  {t(`requests.attemptChannel.${attempt.channel}`)}
                </Badge>
                <Badge size="sm" variant="light" color={OUTCOME_COLORS[attempt.outcome]} tt="none">
                  {t(`requests.outcome.${attempt.outcome}`)}
                </Badge>
                {attempt.user && (
                  <Text size="xs" c="dimmed">
                    {attempt.user.displayName}
                  </Text>
                )}
                {attempt.emailId && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconMail size={12} />}
                    onClick={() => setOpenEmail(attempt.emailId ?? null)}
                  >
                    {t('requests.attempts.showEmail')}
                  </Button>
                )}
              </Group>
              {attempt.note && (
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                  {attempt.note}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      <CustomerEmailMessage id={openEmail} onClose={() => setOpenEmail(null)} />
    </Paper>
  );
}
