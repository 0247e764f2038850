import { Anchor, Center, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CallTicketButton } from '@web/features/service-tickets/CallTicketButton';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { CALL_STATE_LOOK, formatDuration } from './pop/call-look';
import { otherNumber, useContactCalls, type Call } from './queries';

function CallRow({ call }: { call: Call }) {
  const { t } = useTranslation();
  const look = CALL_STATE_LOOK[call.state];
  const Icon = look.icon;
  const who = call.answeredBy ?? call.users[0];
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-call-id={call.id}>
      <ThemeIcon variant="light" color={look.color} radius="xl" size={32}>
        <Icon size={17} />
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600}>
          {t(`telephony.pop.direction.${call.direction}`)} · {t(`telephony.pop.state.${call.state}`)}
          {call.durationSeconds !== null && ` · ${formatDuration(call.durationSeconds)}`}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(call.startedAt)}
          {otherNumber(call) && ` · ${otherNumber(call)}`}
          {who && ` · ${t('telephony.calls.with', { name: who.displayName })}`}
        </Text>
        {call.note ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
            {call.note}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" fs="italic">
            {t('telephony.calls.noNote')}
          </Text>
        )}
        {call.requestId && (
          <Anchor component={Link} to={`/requests/${call.requestId}`} size="xs" fw={600}>
            {t('telephony.calls.request')}
          </Anchor>
        )}
        {call.note && call.contact && (
          <CallTicketButton callId={call.id} contactId={call.contact.id} locationId={call.locationId} />
        )}
      </Stack>
    </Group>
  );
}

/** The customer's calls with their notes, newest first (GET /api/calls?contactId=). */
export function CustomerCalls({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const calls = useContactCalls(contactId);
  if (calls.isPending) return <Skeleton h={120} radius="md" />;
  if (calls.isError) return <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  if (calls.data.items.length === 0) {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs">
          <ThemeIcon variant="light" color="gray" size={44} radius="xl">
            <IconPhone size={22} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            {t('telephony.calls.empty')}
          </Text>
        </Stack>
      </Center>
    );
  }
  return (
    <Stack gap="md">
      {calls.data.items.map((call) => (
        <CallRow key={call.id} call={call} />
      ))}
    </Stack>
  );
}
