import { Anchor, Avatar, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconMoodPlus, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BOARD_REACTIONS } from '@shared/board/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { reportError } from '@web/ui/form-errors';
import { MentionTextarea } from './MentionTextarea';
import { PostBody } from './PostBody';
import { filesReady, PostAttachments, PostFilePicker } from './PostFiles';
import {
  type BoardPost,
  useBoardChannels,
  useBoardThread,
  useChannelReaders,
  useMarkChannelRead,
  useReact,
  useReply,
} from './queries';
import { channelName, mentionedIn } from './words';

/** A thread: its posts as written, reactions, and the reply box (Ctrl+Enter sends). */
export function ThreadView({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const thread = useBoardThread(threadId);
  const channelId = thread.data?.channelId;
  const readers = useChannelReaders(channelId);
  const channels = useBoardChannels();
  useMarkChannelRead(channelId, thread.data?.lastPostAt);

  if (thread.isPending)
    return (
      <Stack>
        <Skeleton h={32} w="60%" />
        <Skeleton h={120} radius="md" />
      </Stack>
    );
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const data = thread.data;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/board/channels/${data.channelId}`} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {channelName(channels.data?.find((c) => c.id === data.channelId) ?? data.channel, t)}
          </Group>
        </Anchor>
        <Title order={2} size="h3" data-testid="board-thread-title">
          {data.title}
        </Title>
        <Group gap="xs">
          {data.contact && (
            <Badge
              component={Link}
              to={`/customers/${data.contact.id}`}
              variant="light"
              color="teal"
              leftSection={<IconUser size={12} />}
              style={{ cursor: 'pointer' }}
            >
              {data.contact.customerNumber} · {data.contact.name}
            </Badge>
          )}
          {data.messageId && (
            <Anchor component={Link} to={`/messages?open=${data.messageId}`} size="sm">
              {t('board.thread.message')}
            </Anchor>
          )}
        </Group>
      </Stack>
      <Stack gap="sm" data-testid="board-posts">
        {data.items.map((post) => (
          <PostCard key={post.id} post={post} threadId={threadId} />
        ))}
      </Stack>
      <ReplyBox threadId={threadId} readers={readers.data ?? []} />
    </Stack>
  );
}

function PostCard({ post, threadId }: { post: BoardPost; threadId: string }) {
  const { t } = useTranslation();
  const react = useReact(threadId);
  const [picking, setPicking] = useState(false);
  const toggle = (emoji: string) =>
    react.mutate(
      { postId: post.id, emoji },
      { onError: (error) => reportError(error), onSettled: () => setPicking(false) },
    );
  const unused = BOARD_REACTIONS.filter((e) => !post.reactions.some((r) => r.emoji === e));
  return (
    <Paper withBorder radius="md" p="md" data-testid="board-post">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Avatar radius="xl" color="blue">
          {post.author.name.slice(0, 1)}
        </Avatar>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {post.author.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(post.createdAt)}
            </Text>
          </Group>
          <PostBody body={post.body} />
          <PostAttachments attachments={post.attachments} />
          <Group gap={6}>
            {post.reactions.map((r) => (
              <Button
                key={r.emoji}
                size="compact-xs"
                radius="xl"
                variant={r.mine ? 'light' : 'default'}
                aria-pressed={r.mine}
                onClick={() => toggle(r.emoji)}
              >
                {r.emoji} {r.count}
              </Button>
            ))}
            {picking ? (
              unused.map((emoji) => (
                <Button key={emoji} size="compact-xs" radius="xl" variant="subtle" onClick={() => toggle(emoji)}>
                  {emoji}
                </Button>
              ))
            ) : (
              <Tooltip label={t('board.post.react')}>
                <Button
                  size="compact-xs"
                  radius="xl"
                  variant="subtle"
                  color="gray"
                  aria-label={t('board.post.react')}
                  onClick={() => setPicking(true)}
                >
                  <IconMoodPlus size={14} />
                </Button>
              </Tooltip>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function ReplyBox({ threadId, readers }: { threadId: string; readers: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const reply = useReply(threadId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const ready = body.trim() !== '' && filesReady(files);
  async function send() {
    if (!ready || reply.isPending) return;
    try {
      await reply.mutateAsync({ body, mentions: mentionedIn(body, readers), files });
      setBody('');
      setFiles([]);
    } catch (error) {
      reportError(error);
    }
  }
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <MentionTextarea
          aria-label={t('board.reply.label')}
          placeholder={t('board.reply.placeholder')}
          value={body}
          onChange={setBody}
          readers={readers}
          onSubmit={() => void send()}
        />
        <PostFilePicker files={files} onChange={setFiles} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('board.reply.hint')}
          </Text>
          <Button disabled={!ready} loading={reply.isPending} onClick={() => void send()}>
            {t('board.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
