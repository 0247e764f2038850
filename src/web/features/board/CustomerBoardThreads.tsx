import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { NewThreadDialog } from './NewThreadDialog';
import { useBoardChannels, useContactBoardThreads } from './queries';
import { ThreadCard } from './ThreadList';

/** The record's "Board" tab: the threads about the customer, and a new one about them. */
export function CustomerBoardThreads({ contact }: { contact: { id: string; label: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const threads = useContactBoardThreads(contact.id);
  const channels = useBoardChannels();
  const [writing, setWriting] = useState(false);
  const home = channels.data?.find((c) => c.kind === 'location' && c.locationId === me.homeLocationId);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('board.customer.intro')}
        </Text>
        {home && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setWriting(true)}>
            {t('board.customer.newThread')}
          </Button>
        )}
      </Group>
      {threads.isPending ? (
        <Skeleton h={80} radius="md" />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.length === 0 ? (
        <Text c="dimmed" size="sm" py="md" ta="center">
          {t('board.customer.empty')}
        </Text>
      ) : (
        threads.data.map((thread) => (
          <ThreadCard key={thread.id} thread={thread} onOpen={() => navigate(`/board/threads/${thread.id}`)} />
        ))
      )}
      {home && (
        <NewThreadDialog
          opened={writing}
          onClose={() => setWriting(false)}
          channelId={home.id}
          customer={contact}
          onCreated={(id) => navigate(`/board/threads/${id}`)}
        />
      )}
    </Stack>
  );
}
