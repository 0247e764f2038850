import { CloseButton, Grid, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessagesOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { PageLoader } from '@web/app/shell/PageLoader';
import { ErrorState } from '@web/ui/components/ErrorState';
import { StatusPage } from '@web/ui/components/StatusPage';
import { formatDateTime } from '@web/ui/format';
import { ChannelList } from './ChannelList';
import { useBoardChannels, useBoardSearch, useBoardThread } from './queries';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';

/** The Community Board: channels on the left, a channel's threads or one thread on the right. */
export function BoardPage() {
  const { t } = useTranslation();
  const { channelId, threadId } = useParams();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const thread = useBoardThread(threadId);
  const activeChannel = channelId ?? thread.data?.channelId;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('board.title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md">
            <TextInput
              placeholder={t('board.search.placeholder')}
              aria-label={t('board.search.label')}
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              rightSection={
                query ? (
                  <CloseButton size="sm" onClick={() => setQuery('')} aria-label={t('board.search.clear')} />
                ) : null
              }
            />
            <ChannelList activeId={activeChannel} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {debounced.trim().length >= 2 && query.trim().length >= 2 ? (
            <SearchResults q={debounced} onOpen={() => setQuery('')} />
          ) : threadId ? (
            <ThreadView threadId={threadId} />
          ) : (
            <ChannelPane channelId={channelId} />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** /board opens the user's own location's channel; /board/channels/:id that channel. */
function ChannelPane({ channelId }: { channelId: string | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const channels = useBoardChannels();
  if (channels.isPending) return <PageLoader />;
  if (channels.isError) return <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  if (!channelId) {
    const home =
      channels.data.find((c) => c.kind === 'location' && c.locationId === me.homeLocationId) ?? channels.data[0];
    return home ? (
      <Navigate to={`/board/channels/${home.id}`} replace />
    ) : (
      <Text c="dimmed">{t('board.channels.none')}</Text>
    );
  }
  const channel = channels.data.find((c) => c.id === channelId);
  if (!channel)
    return (
      <StatusPage
        icon={<IconMessagesOff size={40} stroke={1.4} />}
        title={t('board.channels.notFound')}
        description={t('board.channels.notFoundHint')}
        action={{ label: t('board.title'), to: '/board' }}
      />
    );
  return <ThreadList channel={channel} />;
}

function SearchResults({ q, onOpen }: { q: string; onOpen(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const results = useBoardSearch(q);
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('board.search.results', { q })}
      </Title>
      {results.data.length === 0 && <Text c="dimmed">{t('board.search.none')}</Text>}
      {results.data.map((hit) => (
        <UnstyledButton
          key={`${hit.threadId}-${hit.postId ?? 'title'}`}
          w="100%"
          onClick={() => {
            onOpen();
            navigate(`/board/threads/${hit.threadId}`);
          }}
        >
          <Paper withBorder radius="md" p="sm">
            <Text fw={600} size="sm">
              {hit.title}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {hit.excerpt}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(hit.at)}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
