import { Alert, Badge, Group, SegmentedControl, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocations } from '@web/app/org-queries';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime, formatLongDate } from '@web/ui/format';
import { useComplaintList } from './queries';

const FILTERS = ['open', 'overdue', 'mine', 'all'] as const;

/** Complaints at the user's locations: open, overdue, the ones with a step of mine, or all. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const locations = useLocations();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('open');
  const [locationId, setLocationId] = useState<string | null>(null);
  const list = useComplaintList({ filter, locationId: locationId ?? undefined });
  const names = new Map((locations.data ?? []).map((l) => [l.id, l.name]));

  return (
    <Stack>
      <Title order={2}>{t('complaints.listTitle')}</Title>
      <Group>
        <SegmentedControl
          aria-label={t('complaints.filter')}
          value={filter}
          onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
          data={FILTERS.map((f) => ({ value: f, label: t(`complaints.filters.${f}`) }))}
        />
        <Select
          aria-label={t('complaints.location')}
          placeholder={t('complaints.allLocations')}
          data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={setLocationId}
          clearable
          w={220}
        />
      </Group>
      {list.isPending ? (
        <Skeleton height={240} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Alert color="gray">{t('complaints.empty')}</Alert>
      ) : (
        <Table striped aria-label={t('complaints.listTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaints.columns.number')}</Table.Th>
              <Table.Th>{t('complaints.columns.customer')}</Table.Th>
              <Table.Th>{t('complaints.fields.category')}</Table.Th>
              <Table.Th>{t('complaints.columns.status')}</Table.Th>
              <Table.Th>{t('complaints.columns.opened')}</Table.Th>
              <Table.Th>{t('complaints.columns.nextDue')}</Table.Th>
              <Table.Th>{t('complaints.location')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text component={Link} to={`/requests/${c.requestId}`} fw={600} size="sm">
                    {c.number}
                  </Text>
                </Table.Td>
                <Table.Td>{c.customer}</Table.Td>
                <Table.Td>{c.category ? t(`complaints.category.${c.category}`) : '–'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'closed' ? 'gray' : 'orange'}>
                    {t(`complaints.status.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatLongDate(c.openedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.overdue ? 'red' : undefined}>
                    {c.nextDueAt ? formatDateTime(c.nextDueAt) : '–'}
                  </Text>
                </Table.Td>
                <Table.Td>{names.get(c.locationId) ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
