import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PopCandidate } from '@shared/telephony/schemas';
import { reportError } from '@web/ui/form-errors';
import { useChooseContact } from '../queries';

/** Several customers share the number (a family landline, a company's switchboard): the user says who it is. */
export function CandidateChoice({ callId, candidates }: { callId: string; candidates: PopCandidate[] }) {
  const { t } = useTranslation();
  const choose = useChooseContact(callId);
  return (
    <Stack gap="xs" role="list" aria-label={t('telephony.pop.chooseTitle', { count: candidates.length })}>
      <Text size="sm" fw={600}>
        {t('telephony.pop.chooseTitle', { count: candidates.length })}
      </Text>
      {candidates.map((candidate) => (
        <Paper key={candidate.id} withBorder radius="sm" p="xs" role="listitem">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600} truncate>
                  {candidate.displayName}
                </Text>
                {candidate.block && (
                  <Badge color="red" variant="filled" size="xs">
                    {t('customers.blocked')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" truncate>
                {[candidate.customerNumber, candidate.companyName, t(`telephony.pop.matchedBy.${candidate.matchedBy}`)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <Button
              size="compact-sm"
              variant="light"
              loading={choose.isPending && choose.variables === candidate.id}
              onClick={() => choose.mutate(candidate.id, { onError: (error) => reportError(error) })}
              aria-label={`${t('telephony.pop.choose')}: ${candidate.displayName}`}
            >
              {t('telephony.pop.choose')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
