import { Code, Select, Stack, Table } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@web/ui/format';
import { ListState } from '@web/ui/admin/ListState';
import { useConnectionEvents, useConnections } from './queries';

const PREVIEW_CHARS = 160;

function preview(payload: Record<string, unknown> | null): string {
  if (!payload) return '';
  const json = JSON.stringify(payload);
  return json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS)}…` : json;
}

/** What a phone system last sent: the first place to look when calls do not pop up. */
export function EventsPanel() {
  const { t } = useTranslation();
  const connections = useConnections();
  const [chosen, setChosen] = useState<string | null>(null);
  const connectionId = chosen ?? connections.data?.[0]?.id ?? null;
  const events = useConnectionEvents(connectionId);
  // With no connection the events query never runs; show the empty state rather than loading forever.
  const query = connectionId ? events : { ...connections, data: [] };

  return (
    <Stack gap="md">
      <Select
        label={t('telephonyAdmin.events.connection')}
        w={320}
        allowDeselect={false}
        data={(connections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={connectionId}
        onChange={setChosen}
      />
      <ListState
        query={query}
        empty={{
          icon: <IconActivity />,
          title: t('telephonyAdmin.events.emptyTitle'),
          text: connectionId ? t('telephonyAdmin.events.emptyText') : t('telephonyAdmin.events.noConnection'),
        }}
      >
        <Table.ScrollContainer minWidth={820}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('telephonyAdmin.events.at')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.events.kind')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.events.call')}</Table.Th>
                <Table.Th>{t('telephonyAdmin.events.payload')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(events.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.receivedAt)}</Table.Td>
                  <Table.Td>{e.kind}</Table.Td>
                  <Table.Td>{e.callId ? <Code>{e.callId.slice(0, 8)}</Code> : t('common.none')}</Table.Td>
                  <Table.Td>
                    <Code style={{ wordBreak: 'break-all' }}>{preview(e.payload)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>
    </Stack>
  );
}
