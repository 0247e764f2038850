import { Button, Center, EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconFilterOff, IconPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useLocations } from '@web/app/org-queries';
import { canEditCustomers, canManageCustomers } from '../permissions';
import { toSearchParams, useContactList } from '../queries';
import { CustomerFilters } from './CustomerFilters';
import { CustomerTable } from './CustomerTable';
import { useListFilters } from './use-list-filters';

function TableSkeleton() {
  return (
    <Stack gap="xs" p="md" aria-busy="true">
      {Array.from({ length: 8 }, (_, row) => (
        <Skeleton key={row} height={36} />
      ))}
    </Stack>
  );
}

export default function CustomerListPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { filters, active, update, toggleSort, reset } = useListFilters();
  const list = useContactList(filters);
  const locations = useLocations();
  const { ref: sentinel, entry } = useIntersection({ rootMargin: '300px' });

  // The short code (as in customer numbers) keeps the table narrow; the full name is in the tooltip.
  const locationLabel = useMemo(() => {
    const byId = new Map((locations.data ?? []).map((location) => [location.id, location]));
    return (id: string) => {
      const location = byId.get(id);
      return { code: location?.code ?? '…', name: location?.name ?? '' };
    };
  }, [locations.data]);

  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // Infinite scroll: the next page loads when the end of the list comes into view.
  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const { sort, dir, ...exportFilters } = filters;
  const exportHref = `/api/contacts/export.csv?${toSearchParams({ ...exportFilters, sort, dir })}`;

  return (
    <>
      <PageHeader
        title={t('customers.list.title')}
        description={t('customers.list.subtitle')}
        actions={
          <>
            {canManageCustomers(me.role) && (
              <Button
                component="a"
                href={exportHref}
                download
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {t('customers.list.export')}
              </Button>
            )}
            {canManageCustomers(me.role) && (
              <Button
                component={Link}
                to="/customers/import"
                variant="default"
                leftSection={<IconFileImport size={16} />}
              >
                {t('imports.listButton')}
              </Button>
            )}
            {canEditCustomers(me.role) && (
              <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                {t('customers.new')}
              </Button>
            )}
          </>
        }
      />
      <CustomerFilters filters={filters} active={active} onChange={update} onReset={reset} />

      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Paper withBorder radius="md">
          <TableSkeleton />
        </Paper>
      ) : items.length === 0 ? (
        <Paper withBorder radius="lg" py={48} px="md">
          {active ? (
            <EmptyState
              variant="light"
              color="gray"
              icon={<IconFilterOff />}
              title={t('customers.list.noMatchesTitle')}
              description={t('customers.list.noMatchesText')}
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={reset}>
                  {t('customers.list.resetFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              variant="light"
              icon={<IconUsers />}
              title={t('customers.list.emptyTitle')}
              description={t('customers.list.emptyText')}
            >
              {canEditCustomers(me.role) && (
                <EmptyState.Actions>
                  <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                    {t('customers.new')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
        </Paper>
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            style={{ overflow: 'hidden', opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
          >
            <CustomerTable
              items={items}
              sort={filters.sort}
              dir={filters.dir}
              locationLabel={locationLabel}
              onSort={toggleSort}
            />
          </Paper>
          <Center ref={sentinel} py="md">
            {hasNextPage ? (
              <Button variant="default" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                {t('customers.list.loadMore')}
              </Button>
            ) : (
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  {t('customers.list.shown', { count: items.length })}
                </Text>
              </Group>
            )}
          </Center>
        </>
      )}
    </>
  );
}
