import { Paper, Skeleton, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '@shared/requests/enums';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { useRequestEvents } from '../queries';
import type { RequestEventData } from '../types';

const KNOWN_KINDS = [
  'created',
  'assigned',
  'reassigned',
  'status_changed',
  'reopened',
  'attempt',
  'escalated',
  'duplicate_received',
  'attachments_added',
  'call_repeated',
  'callback_moved',
  'email_received',
] as const;

const isOutcome = (value: string): value is AttemptOutcome => (ATTEMPT_OUTCOMES as readonly string[]).includes(value);

/** Detail lines worth reading: the reason of a reassignment, an outcome, a note. */
function details(event: RequestEventData): string | null {
  const data = event.data ?? {};
  // An attempt's outcome is a code; the attempts list above shows it in words with its note.
  if (event.kind === 'attempt') return null;
  // The new window, as the moved call in the calendar now has it.
  if (event.kind === 'callback_moved' && typeof data.from === 'string') {
    return typeof data.to === 'string'
      ? `${formatDateTime(data.from)} – ${formatDateTime(data.to)}`
      : formatDateTime(data.from);
  }
  // The customer's mail on the request: who wrote, and about what.
  if (event.kind === 'email_received') {
    const line = [data.from, data.subject].filter((v) => typeof v === 'string' && v).join(' · ');
    return line || null;
  }
  // Reopened by the customer's mail: said by the entry above it, no code to show.
  if (event.kind === 'reopened' && data.reason === 'email_received') return null;
  const parts = ['reason', 'outcome', 'note']
    .map((key) => data[key])
    .filter((value) => typeof value === 'string' && value);
  return parts.length ? parts.join(' · ') : null;
}

/** The request's own history, oldest first. */
export function RequestHistory({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const events = useRequestEvents(requestId);
  const describe = (event: RequestEventData): string => {
    const known = (KNOWN_KINDS as readonly string[]).includes(event.kind);
    const kind = known ? t(`requests.events.${event.kind as (typeof KNOWN_KINDS)[number]}`) : event.kind;
    const { count, calledAt } = event.data ?? {};
    if (event.kind === 'call_repeated' && typeof count === 'number' && typeof calledAt === 'string') {
      return t('requests.events.callRepeatedAt', { count, at: formatDateTime(calledAt) });
    }
    if (event.kind === 'status_changed' && event.toStatus) return `${kind}: ${t(`requests.status.${event.toStatus}`)}`;
    const outcome = event.data?.outcome;
    if (event.kind === 'attempt' && typeof outcome === 'string' && isOutcome(outcome)) {
      return `${kind}: ${t(`requests.outcome.${outcome}`)}`;
    }
    return kind;
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {t('requests.view.history')}
      </Title>
      {events.isPending ? (
        <Skeleton height={80} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {events.data.map((event) => (
            <Timeline.Item key={event.id} title={describe(event)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)} · {event.actor?.displayName ?? t('requests.view.system')}
              </Text>
              {details(event) && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {details(event)}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
