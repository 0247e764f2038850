import { Alert, Badge, Button, Card, Container, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { describeProblem, reportError } from '@web/ui/form-errors';
import { type CustomerMessage, useInbox, useMessageAction, useToBoard } from './queries';

/** One message with what the reader may do with it; shared by the inbox and the managers' list. */
export function MessageCard({ message }: { message: CustomerMessage }) {
  const { t } = useTranslation();
  const acknowledge = useMessageAction('acknowledge');
  const archive = useMessageAction('archive');
  const confirm = useMessageAction('confirm-unblock');
  const toBoard = useToBoard();
  const navigate = useNavigate();
  const when = new Date(message.createdAt).toLocaleString(undefined, { timeZone: 'Europe/Berlin' });
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light">{t(`messages.type.${message.type}`)}</Badge>
            <Text fw={600} component={Link} to={`/customers/${message.contact.id}`}>
              {message.contact.customerNumber} · {message.contact.displayName}
            </Text>
          </Group>
          {/* What the colleague wrote, verbatim. */}
          <Text style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>
          <Text size="xs" c="dimmed">
            {when} · {t('messages.inbox.from', { name: message.enteredBy.displayName })}
            {message.houseRule ? ` · ${message.houseRule}` : ''}
            {message.channel ? ` · ${t(`messages.channel.${message.channel}`)}` : ''}
          </Text>
          {message.unblockState === 'pending' && <Badge color="orange">{t('messages.inbox.pendingUnblock')}</Badge>}
          {message.acknowledgedAt && message.acknowledgedBy && (
            <Text size="xs" c="dimmed">
              {t('messages.inbox.acknowledged', {
                when: new Date(message.acknowledgedAt).toLocaleString(undefined, { timeZone: 'Europe/Berlin' }),
                name: message.acknowledgedBy.displayName,
              })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {message.unblockState === 'pending' && (
            <Button size="compact-sm" color="orange" onClick={() => confirm.mutate(message.id)}>
              {t('messages.inbox.confirmUnblock')}
            </Button>
          )}
          {!message.acknowledgedAt && (
            <Button size="compact-sm" onClick={() => acknowledge.mutate(message.id)}>
              {t('messages.inbox.acknowledge')}
            </Button>
          )}
          {message.boardThreadId ? (
            <Button size="compact-sm" variant="light" component={Link} to={`/board/threads/${message.boardThreadId}`}>
              {t('messages.inbox.onBoard')}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="light"
              loading={toBoard.isPending}
              onClick={() =>
                toBoard.mutate(message.id, {
                  onSuccess: ({ threadId }) => navigate(`/board/threads/${threadId}`),
                  onError: (error) => reportError(error),
                })
              }
            >
              {t('messages.form.toBoard')}
            </Button>
          )}
          <Button size="compact-sm" variant="default" onClick={() => archive.mutate(message.id)}>
            {t('messages.inbox.archive')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

/** "Meine Nachrichten": the messages addressed to me, to read and acknowledge. */
export function InboxPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [showAcknowledged, setShowAcknowledged] = useState(false);
  const inbox = useInbox(showAcknowledged);
  return (
    <Container size="md" py="md">
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('messages.inbox.title')}</Title>
        {can(me.role, 'messages.manage') && (
          <Button component={Link} to="/messages/all" variant="light" size="compact-sm">
            {t('messages.list.open')}
          </Button>
        )}
        <Switch
          label={t('messages.inbox.showAcknowledged')}
          checked={showAcknowledged}
          onChange={(e) => setShowAcknowledged(e.currentTarget.checked)}
        />
      </Group>
      {inbox.isLoading && <Loader />}
      {inbox.isError && <Alert color="red">{describeProblem(inbox.error)}</Alert>}
      {inbox.data && inbox.data.items.length === 0 && <Text c="dimmed">{t('messages.inbox.empty')}</Text>}
      <Stack gap="sm">
        {inbox.data?.items.map((m) => (
          <MessageCard key={m.id} message={m} />
        ))}
      </Stack>
    </Container>
  );
}
