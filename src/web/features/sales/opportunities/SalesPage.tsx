import { Alert, Anchor, Group, Loader, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  OPPORTUNITY_STAGES,
  OPPORTUNITY_STATUSES,
  type OpportunityStage,
  type OpportunityStatus,
} from '@shared/sales/enums';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { describeError } from '@web/ui/describe-error';
import { PipelineBoard } from './PipelineBoard';
import { NextActivityLine } from './OpportunityCard';
import { formatCents, useBoard, useOpportunityList } from './queries';

/** "Verkauf": the pipeline board of a location and the list with filters. */
export function SalesPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const myLocations = (locations.data ?? []).filter(
    (l) => me.role === 'admin' || l.id === me.homeLocationId || me.locationIds.includes(l.id),
  );
  const [locationId, setLocationId] = useState<string>(me.homeLocationId);
  const [onlyMine, setOnlyMine] = useState(me.role === 'sales' ? 'mine' : 'all');
  const ownerId = onlyMine === 'mine' ? me.id : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('sales.title')}</Title>
        <Group>
          <Select
            aria-label={t('sales.location')}
            data={myLocations.map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            onChange={(v) => v && setLocationId(v)}
            allowDeselect={false}
          />
          <Select
            aria-label={t('sales.whose')}
            data={[
              { value: 'mine', label: t('sales.mine') },
              { value: 'all', label: t('sales.team') },
            ]}
            value={onlyMine}
            onChange={(v) => v && setOnlyMine(v)}
            allowDeselect={false}
          />
        </Group>
      </Group>
      <Tabs defaultValue="board" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board">{t('sales.board')}</Tabs.Tab>
          <Tabs.Tab value="list">{t('sales.list')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <BoardTab locationId={locationId} ownerId={ownerId} language={i18n.language} />
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <ListTab locationId={locationId} ownerId={ownerId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function BoardTab({ locationId, ownerId, language }: { locationId: string; ownerId?: string; language: string }) {
  const { t } = useTranslation();
  const board = useBoard(locationId, ownerId);
  if (board.isPending) return <Loader aria-label={t('common.loading')} />;
  if (board.isError) return <Alert color="red">{describeError(board.error)}</Alert>;
  const total = board.data.columns.reduce((n, c) => n + c.count, 0);
  return (
    <Stack>
      <Text>{t('sales.pipelineValue', { value: formatCents(board.data.pipelineValueCents, language) })}</Text>
      {total === 0 ? <Text c="dimmed">{t('sales.emptyBoard')}</Text> : <PipelineBoard board={board.data} />}
    </Stack>
  );
}

function ListTab({ locationId, ownerId }: { locationId: string; ownerId?: string }) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<OpportunityStage | null>(null);
  const [status, setStatus] = useState<OpportunityStatus | null>('open');
  const [source, setSource] = useState('');
  const [debouncedSource] = useDebouncedValue(source, 300);
  const list = useOpportunityList({
    locationId,
    ownerId,
    stage: stage ?? undefined,
    status: status ?? undefined,
    source: debouncedSource || undefined,
  });
  return (
    <Stack>
      <Group>
        <Select
          label={t('sales.stage')}
          clearable
          data={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`texts.opportunityStage.${s}`) }))}
          value={stage}
          onChange={(v) => setStage(v as OpportunityStage | null)}
        />
        <Select
          label={t('sales.status')}
          clearable
          data={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`sales.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as OpportunityStatus | null)}
        />
        <TextInput label={t('sales.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
      </Group>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <Alert color="red">{describeError(list.error)}</Alert>
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('sales.emptyList')}</Text>
      ) : (
        <>
          <Text>
            {t('sales.listSummary', {
              count: list.data.total,
              value: formatCents(list.data.pipelineValueCents, i18n.language),
            })}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sales.number')}</Table.Th>
                <Table.Th>{t('sales.customerColumn')}</Table.Th>
                <Table.Th>{t('sales.consultant')}</Table.Th>
                <Table.Th>{t('sales.stage')}</Table.Th>
                <Table.Th>{t('sales.value')}</Table.Th>
                <Table.Th>{t('sales.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sales/${item.id}`}>
                      {item.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.contact.displayName}</Table.Td>
                  <Table.Td>{item.owner.displayName}</Table.Td>
                  <Table.Td>
                    {t(`texts.opportunityStage.${item.stage}`)}
                    {item.status !== 'open' && ` (${t(`sales.statuses.${item.status}`)})`}
                  </Table.Td>
                  <Table.Td>{formatCents(item.expectedValueCents, i18n.language)}</Table.Td>
                  <Table.Td>
                    <NextActivityLine next={item.nextActivity} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
