import { Badge, Button, Center, EmptyState, Group, Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconArrowsExchange, IconInbox, IconMail, IconPlus, IconWalk } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { canManageRequests } from '../format';
import { useWorkList, useWorkListCounts } from '../queries';
import type { WorkListFilters as Filters, WorkListScope } from '../types';
import { BulkReassignDialog } from './BulkReassignDialog';
import { RequestTable } from './RequestTable';
import { WorkListFilters } from './WorkListFilters';

const SCOPES: readonly WorkListScope[] = ['mine', 'team', 'location', 'all'];

/** The filters live in the address, so a work list can be bookmarked and shared. */
function useFilters(): [Filters, (patch: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') as WorkListScope | null;
  const filters: Filters = {
    scope: scope && SCOPES.includes(scope) ? scope : 'mine',
    status: params.get('status') ?? 'open',
    type: params.get('type') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    due: params.get('due') === 'today' ? 'today' : undefined,
    unassigned: params.get('unassigned') === 'true' ? 'true' : undefined,
    locationId: params.get('locationId') ?? undefined,
    assigneeId: params.get('assigneeId') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const update = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    const entries = Object.entries(next).filter(([key, value]) => value && !(key === 'status' && value === 'open'));
    setParams(Object.fromEntries(entries) as Record<string, string>, { replace: true });
  };
  return [filters, update];
}

export default function WorkListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manager = canManageRequests(me.role);
  const [filters, setFilters] = useFilters();
  const list = useWorkList(filters);
  const counts = useWorkListCounts();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reassigning, setReassigning] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const scopes = manager ? SCOPES : SCOPES.filter((scope) => scope !== 'all');

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[]) =>
    setSelected((current) => (ids.every((id) => current.has(id)) ? new Set() : new Set(ids)));

  return (
    <>
      <PageHeader
        title={t('requests.list.title')}
        description={t('requests.list.subtitle')}
        actions={
          <>
            <Button
              component={Link}
              to="/requests/new?channel=walk_in"
              variant="default"
              leftSection={<IconWalk size={16} />}
            >
              {t('requests.intake.walkIn')}
            </Button>
            <Button
              component={Link}
              to="/requests/new?channel=letter&type=general"
              variant="default"
              leftSection={<IconMail size={16} />}
            >
              {t('requests.letter.new')}
            </Button>
            <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} />}>
              {t('requests.intake.new')}
            </Button>
          </>
        }
      />
      <Tabs
        value={filters.scope}
        onChange={(value) => {
          setSelected(new Set());
          setFilters({
            scope: (value as WorkListScope | null) ?? 'mine',
            locationId: undefined,
            assigneeId: undefined,
            unassigned: undefined,
          });
        }}
        mb="md"
      >
        <Tabs.List>
          {scopes.map((scope) => (
            <Tabs.Tab
              key={scope}
              value={scope}
              rightSection={
                scope === 'mine' && counts.data?.mine ? (
                  <Badge size="sm" circle={counts.data.mine < 10} color={counts.data.mineOverdue > 0 ? 'red' : 'blue'}>
                    {counts.data.mine}
                  </Badge>
                ) : scope === 'team' && counts.data?.team ? (
                  <Badge size="sm" variant="light" color="gray">
                    {counts.data.team}
                  </Badge>
                ) : null
              }
            >
              {t(`requests.scope.${scope}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <WorkListFilters filters={filters} onChange={setFilters} />
      {manager && selected.size > 0 && (
        <Paper withBorder radius="md" p="xs" mb="sm" bg="blue.0">
          <Group justify="space-between">
            <Badge variant="light" size="lg" tt="none">
              {t('requests.list.selected', { count: selected.size })}
            </Badge>
            <Button size="xs" leftSection={<IconArrowsExchange size={14} />} onClick={() => setReassigning(true)}>
              {t('requests.reassign.bulkAction')}
            </Button>
          </Group>
        </Paper>
      )}
      {list.isPending ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={52} />
          ))}
        </Stack>
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="lg" py={48} px="md">
          <EmptyState
            variant="light"
            icon={<IconInbox />}
            title={t('requests.list.emptyTitle')}
            description={t(filters.scope === 'mine' ? 'requests.list.emptyMine' : 'requests.list.emptyText')}
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <RequestTable items={items} selection={manager ? { selected, toggle, toggleAll } : undefined} />
        </Paper>
      )}
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('requests.list.loadMore')}
          </Button>
        </Center>
      )}
      <BulkReassignDialog
        ids={[...selected]}
        opened={reassigning}
        onClose={() => setReassigning(false)}
        onDone={() => {
          setReassigning(false);
          setSelected(new Set());
        }}
      />
    </>
  );
}
