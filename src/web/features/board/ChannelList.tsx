import { Badge, NavLink, Skeleton, Stack, Text } from '@mantine/core';
import { IconBuildingStore, IconHash, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@web/ui/components/ErrorState';
import { type BoardChannel, useBoardChannels } from './queries';
import { channelName } from './words';

const ICON = { group: IconWorld, location: IconBuildingStore, department: IconHash } as const;

/** The group's channel, then per location its own and its departments' channels, with unread counts. */
export function ChannelList({ activeId }: { activeId: string | undefined }) {
  const { t } = useTranslation();
  const channels = useBoardChannels();
  if (channels.isPending)
    return (
      <Stack gap={6}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={34} radius="md" />
        ))}
      </Stack>
    );
  if (channels.isError) return <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />;
  return (
    <Stack gap={2} component="nav" aria-label={t('board.channels.title')}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
        {t('board.channels.title')}
      </Text>
      {channels.data.map((channel) => (
        <ChannelLink key={channel.id} channel={channel} active={channel.id === activeId} />
      ))}
    </Stack>
  );
}

function ChannelLink({ channel, active }: { channel: BoardChannel; active: boolean }) {
  const { t } = useTranslation();
  const Icon = ICON[channel.kind];
  // Listed under their location, departments go by their own name.
  const name =
    channel.kind === 'department' && channel.department
      ? t(`departments.${channel.department}`)
      : channelName(channel, t);
  return (
    <NavLink
      component={Link}
      to={`/board/channels/${channel.id}`}
      label={name}
      leftSection={<Icon size={16} stroke={1.7} />}
      rightSection={
        channel.unread > 0 ? (
          <Badge
            size="sm"
            circle={channel.unread < 10}
            aria-label={t('board.channels.unread', { count: channel.unread })}
          >
            {channel.unread > 99 ? '99+' : channel.unread}
          </Badge>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      pl={channel.kind === 'department' ? 'xl' : 'sm'}
      fw={channel.unread > 0 ? 700 : 400}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}
