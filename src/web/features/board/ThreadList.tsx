import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconMessage2, IconPlus, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { NewThreadDialog } from './NewThreadDialog';
import { type BoardChannel, type BoardThreadSummary, useChannelThreads, useMarkChannelRead } from './queries';
import { channelName } from './words';

/** A channel's threads, last active first; opening the channel reads it. */
export function ThreadList({ channel }: { channel: BoardChannel }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const threads = useChannelThreads(channel.id);
  const [writing, setWriting] = useState(false);
  useMarkChannelRead(channel.id, channel.lastPostAt);
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h3">
          {channelName(channel, t)}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setWriting(true)}>
          {t('board.newThread.open')}
        </Button>
      </Group>
      {threads.isPending ? (
        <Stack gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={88} radius="md" />
          ))}
        </Stack>
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Center>
            <Stack align="center" gap={6}>
              <IconMessage2 size={32} stroke={1.4} color="var(--mantine-color-dimmed)" />
              <Text fw={600}>{t('board.threads.empty')}</Text>
              <Text size="sm" c="dimmed">
                {t('board.threads.emptyHint')}
              </Text>
            </Stack>
          </Center>
        </Paper>
      ) : (
        <Stack gap="sm" data-testid="board-threads">
          {items.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} onOpen={() => navigate(`/board/threads/${thread.id}`)} />
          ))}
          {threads.hasNextPage && (
            <Button variant="subtle" loading={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
              {t('board.threads.more')}
            </Button>
          )}
          {threads.isFetching && !threads.isFetchingNextPage && <Loader size="xs" mx="auto" />}
        </Stack>
      )}
      <NewThreadDialog
        opened={writing}
        onClose={() => setWriting(false)}
        channelId={channel.id}
        onCreated={(id) => {
          setWriting(false);
          navigate(`/board/threads/${id}`);
        }}
      />
    </Stack>
  );
}

/** One thread in a list: title, who started it, the customer, how many posts, last activity, the opening words. */
export function ThreadCard({ thread, onOpen }: { thread: BoardThreadSummary; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onOpen} w="100%" className="board-thread">
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={650} lineClamp={1}>
              {thread.title}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(thread.lastPostAt)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
            {thread.preview.replace(/^> ?/gm, '')}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {thread.author.name}
            </Text>
            {thread.contact && (
              <Badge size="sm" variant="light" color="teal" leftSection={<IconUser size={11} />}>
                {thread.contact.customerNumber} · {thread.contact.name}
              </Badge>
            )}
            {thread.messageId && (
              <Badge size="sm" variant="light" color="grape">
                {t('board.threads.fromMessage')}
              </Badge>
            )}
            <Badge size="sm" variant="default" leftSection={<IconMessage2 size={11} />}>
              {t('board.threads.posts', { count: thread.posts })}
            </Badge>
          </Group>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
