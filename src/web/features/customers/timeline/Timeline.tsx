import {
  Button,
  Center,
  Chip,
  Group,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  ThemeIcon,
  Timeline as MantineTimeline,
} from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { useTimeline } from '../queries';
import type { TimelineEntry } from '../types';
import { NoteForm } from './NoteForm';
import { FILTER_GROUPS, isKnownKind, kindLook } from './timeline-kinds';
import { timelineSummary } from './words';
import { useOpenedOnce } from '@web/ui/use-opened-once';

// A sent e-mail is opened from the history now and then: its dialog is loaded and mounted when first opened.
const CustomerEmailMessage = lazy(() =>
  import('@web/features/correspondence').then((m) => ({ default: m.CustomerEmailMessage })),
);

interface TimelineProps {
  /** "/contacts/<id>/timeline" or "/vehicles/<id>/timeline" */
  path: string;
  /** Where new notes go; without it the note pad is hidden. */
  noteContactId?: string;
  noteVehicleId?: string;
}

/** A note's summary is the start of its text; showing both would say the same thing twice. */
function summaryRepeatsBody(entry: TimelineEntry) {
  if (!entry.body) return false;
  const summary = entry.summary.replace(/[….\s]+$/, '');
  return entry.body.trim().startsWith(summary);
}

/** A customer e-mail sent from the CRM links to the stored message. */
function customerEmailIdOf(entry: TimelineEntry): string | null {
  const id = entry.data?.customerEmailId;
  return entry.kind === 'email' && typeof id === 'string' ? id : null;
}

function Entry({ entry, onOpenEmail }: { entry: TimelineEntry; onOpenEmail: (id: string) => void }) {
  const { t } = useTranslation();
  const emailId = customerEmailIdOf(entry);
  const repeats = summaryRepeatsBody(entry);
  const kindLabel = isKnownKind(entry.kind) ? t(`customers.timeline.kinds.${entry.kind}`) : entry.kind;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {repeats ? kindLabel : timelineSummary(entry)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(entry.occurredAt)}
        {entry.author ? ` · ${entry.author.displayName}` : ` · ${t('customers.timeline.system')}`}
      </Text>
      {entry.body && (
        <Spoiler maxHeight={96} showLabel={t('customers.timeline.more')} hideLabel={t('customers.timeline.less')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
            {entry.body}
          </Text>
        </Spoiler>
      )}
      {emailId && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => onOpenEmail(emailId)}>
          {t('correspondence.message.view')}
        </Button>
      )}
    </Stack>
  );
}

/** Everything that happened with a customer or vehicle, newest first, filterable by kind. */
export function Timeline({ path, noteContactId, noteVehicleId }: TimelineProps) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<string[]>([]);
  const kinds = useMemo(
    () => FILTER_GROUPS.filter((group) => groups.includes(group.key)).flatMap((group) => group.kinds),
    [groups],
  );
  const timeline = useTimeline(path, kinds);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const [openEmail, setOpenEmail] = useState<string | null>(null);
  const emailLoaded = useOpenedOnce(openEmail !== null);

  return (
    <Stack gap="sm">
      {emailLoaded && (
        <Suspense fallback={null}>
          <CustomerEmailMessage id={openEmail} onClose={() => setOpenEmail(null)} />
        </Suspense>
      )}
      {noteContactId && <NoteForm contactId={noteContactId} vehicleId={noteVehicleId} />}
      <Chip.Group multiple value={groups} onChange={setGroups}>
        <Group gap={6} aria-label={t('customers.timeline.filter')} role="group">
          {FILTER_GROUPS.map((group) => (
            <Chip key={group.key} value={group.key} size="xs" variant="outline">
              {t(`customers.timeline.groups.${group.key}` as 'customers.timeline.groups.notes')}
            </Chip>
          ))}
        </Group>
      </Chip.Group>

      {timeline.isPending ? (
        <Stack gap="md" mt="sm" aria-busy="true">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={48} />
          ))}
        </Stack>
      ) : timeline.isError && !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : entries.length === 0 ? (
        <Center py="xl">
          <Stack align="center" gap={6}>
            <ThemeIcon variant="light" color="gray" size={40} radius="xl">
              <IconHistory size={22} />
            </ThemeIcon>
            <Text c="dimmed" size="sm">
              {groups.length > 0 ? t('customers.timeline.emptyFiltered') : t('customers.timeline.empty')}
            </Text>
          </Stack>
        </Center>
      ) : (
        <MantineTimeline
          bulletSize={28}
          lineWidth={2}
          mt="sm"
          style={{ opacity: timeline.isPlaceholderData ? 0.6 : 1 }}
        >
          {entries.map((entry) => {
            const look = kindLook(entry.kind);
            return (
              <MantineTimeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon size={28} radius="xl" variant="light" color={look.color}>
                    <look.icon size={16} stroke={1.7} />
                  </ThemeIcon>
                }
              >
                <Entry entry={entry} onOpenEmail={setOpenEmail} />
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
      {timeline.hasNextPage && (
        <Center>
          <Button
            variant="default"
            size="xs"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            {t('customers.timeline.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
