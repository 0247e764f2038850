import { Anchor, Badge, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPEN_STATUSES } from '@shared/requests/enums';
import { DueLabel } from '../components/DueLabel';
import { PriorityBadge, StatusBadge } from '../components/StatusBadge';
import { usePhoneLayout } from '@web/app/use-phone';
import type { RequestListItem } from '../types';
import { RequestCards } from './RequestCards';

interface RequestTableProps {
  items: RequestListItem[];
  /** Multi-select for bulk reassignment; left out for those who may not reassign. */
  selection?: { selected: Set<string>; toggle(id: string): void; toggleAll(ids: string[]): void };
}

export function RequestTable({ items, selection }: RequestTableProps) {
  const { t } = useTranslation();
  const phone = usePhoneLayout();
  const now = new Date();
  if (phone) return <RequestCards items={items} selection={selection} />;
  const allSelected = selection && items.length > 0 && items.every((item) => selection.selected.has(item.id));
  const someSelected = selection && items.some((item) => selection.selected.has(item.id));

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('requests.list.selectAll')}
                  checked={Boolean(allSelected)}
                  indeterminate={Boolean(someSelected && !allSelected)}
                  onChange={() => selection.toggleAll(items.map((item) => item.id))}
                />
              </Table.Th>
            )}
            <Table.Th>{t('requests.fields.request')}</Table.Th>
            <Table.Th>{t('requests.fields.customer')}</Table.Th>
            <Table.Th>{t('requests.fields.status')}</Table.Th>
            <Table.Th>{t('requests.fields.assignee')}</Table.Th>
            <Table.Th>{t('requests.fields.due')}</Table.Th>
            <Table.Th ta="right">{t('requests.fields.attempts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            // Once the customer has been contacted (any attempt), the first-contact deadline is met.
            const settled = !OPEN_STATUSES.includes(item.status) || Boolean(item.firstContactedAt);
            const late = item.overdue && !settled;
            return (
              <Table.Tr
                key={item.id}
                bg={late ? 'var(--mantine-color-red-0)' : undefined}
                data-overdue={late || undefined}
                style={late ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('requests.list.select', { number: item.number })}
                      checked={selection.selected.has(item.id)}
                      onChange={() => selection.toggle(item.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/requests/${item.id}`} fw={600} size="sm">
                        {item.number}
                      </Anchor>
                      <Badge size="xs" variant="light" color="gray" tt="none">
                        {t(`requests.type.${item.type}`)}
                      </Badge>
                      <PriorityBadge priority={item.priority} />
                    </Group>
                    <Text size="sm" lineClamp={1}>
                      {item.subject}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/customers/${item.contact.id}`} size="sm" c="inherit">
                      {item.contact.displayName}
                    </Anchor>
                    {item.contact.blocked && (
                      <Tooltip label={t('requests.list.blocked')}>
                        <Badge size="xs" color="red" variant="filled" leftSection={<IconBan size={10} />}>
                          {t('requests.list.blockedShort')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.assignee ? undefined : 'orange.8'} fw={item.assignee ? undefined : 600}>
                    {item.assignee?.displayName ?? t('requests.unassigned')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DueLabel
                    dueAt={item.firstContactDueAt}
                    overdue={item.overdue}
                    settled={settled}
                    contactedAt={item.firstContactedAt}
                    now={now}
                  />
                </Table.Td>
                <Table.Td ta="right">{item.attemptCount}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
