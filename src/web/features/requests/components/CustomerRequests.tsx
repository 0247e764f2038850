import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconInbox, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '@web/ui/format';
import { useContactRequests } from '../queries';
import { StatusBadge } from './StatusBadge';

/** The customer record's "Anliegen" tab: every request of the customer, open ones first. */
export function CustomerRequests({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { data, isLoading, isError } = useContactRequests(contactId, 'all');
  const newLink = `/requests/new?contactId=${contactId}`;

  if (isLoading) return <Skeleton h={120} radius="md" />;
  if (isError) return <Text c="red">{t('customers.record.requestsError')}</Text>;
  if (!data || data.length === 0) {
    return (
      <Stack align="center" gap="xs" py="xl">
        <IconInbox size={32} color="var(--mantine-color-gray-5)" />
        <Text fw={600}>{t('customers.record.noRequests')}</Text>
        <Button component={Link} to={newLink} variant="light" leftSection={<IconPlus size={16} />}>
          {t('requests.intake.new')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button component={Link} to={newLink} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
          {t('requests.intake.new')}
        </Button>
      </Group>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.fields.request')}</Table.Th>
            <Table.Th>{t('requests.fields.status')}</Table.Th>
            <Table.Th>{t('requests.fields.assignee')}</Table.Th>
            <Table.Th>{t('customers.record.requestReceived')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/requests/${item.id}`} fw={600} size="sm">
                    {item.number}
                  </Anchor>
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {t(`requests.type.${item.type}`)}
                  </Badge>
                </Group>
                <Text size="sm" lineClamp={1}>
                  {item.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.assignee?.displayName ?? t('requests.unassigned')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(item.receivedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
