import { Alert, Text } from '@mantine/core';
import { IconCircleCheck, IconPhoneOutgoing } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../format';
import type { NextStepData } from '../types';
import { EmailPrompt } from './EmailPrompt';

interface NextStepCardProps {
  requestId: string;
  nextStep: NextStepData;
  email: string | null;
}

/** What to do next (R3.3): call at another time of day, or switch to e-mail. */
export function NextStepCard({ requestId, nextStep, email }: NextStepCardProps) {
  const { t } = useTranslation();
  if (nextStep.action === 'email') return <EmailPrompt requestId={requestId} nextStep={nextStep} email={email} />;
  if (nextStep.action === 'none') {
    if (nextStep.reason === 'closed') return null;
    return (
      <Alert color="teal" variant="light" radius="md" icon={<IconCircleCheck />}>
        <Text size="sm">{t('requests.nextStep.reached')}</Text>
      </Alert>
    );
  }
  const when = nextStep.suggestedAt ? formatWhen(nextStep.suggestedAt) : null;
  return (
    <Alert
      color="blue"
      variant="light"
      radius="md"
      icon={<IconPhoneOutgoing />}
      title={t('requests.nextStep.callTitle')}
    >
      <Text size="sm" fw={600}>
        {when
          ? t(nextStep.reason === 'retry_other_time' ? 'requests.nextStep.callAtOther' : 'requests.nextStep.callAt', {
              when,
            })
          : t('requests.nextStep.callNow')}
      </Text>
      {nextStep.failedPhoneAttempts > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('requests.nextStep.failedSoFar', { count: nextStep.failedPhoneAttempts })}
        </Text>
      )}
    </Alert>
  );
}
