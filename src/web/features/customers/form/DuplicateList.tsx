import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateCandidate } from '../types';
import { PhoneLink } from '@web/features/telephony/PhoneLink';

/** Contacts that may be the same person, each with why it looks like a match and a link to open it. */
export function DuplicateList({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {candidates.map((candidate) => (
        <Group key={candidate.id} gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/customers/${candidate.id}`} fw={600} size="sm">
            {candidate.displayName}
          </Anchor>
          <Text size="sm" ff="monospace" c="dimmed">
            {candidate.customerNumber}
          </Text>
          {candidate.city && (
            <Text size="sm" c="dimmed">
              {candidate.city}
            </Text>
          )}
          {candidate.primaryPhone && <PhoneLink number={candidate.primaryPhone} contactId={candidate.id} />}
          {candidate.reasons.map((reason) => (
            <Badge key={reason} size="xs" variant="light" color="yellow" tt="none">
              {t(`customers.duplicates.reason.${reason}`)}
            </Badge>
          ))}
          {candidate.blocked && (
            <Badge size="xs" color="red" variant="filled">
              {t('customers.blocked')}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** Shown while typing: the customer may already exist, open it instead of creating a second one. */
export function DuplicateWarning({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const { t } = useTranslation();
  if (candidates.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconCopy />} title={t('customers.duplicates.title')} role="status">
      <Text size="sm" mb="xs">
        {t('customers.duplicates.text', { count: candidates.length })}
      </Text>
      <DuplicateList candidates={candidates} />
    </Alert>
  );
}
