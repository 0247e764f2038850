import { Anchor, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPEN_STATUSES } from '@shared/requests/enums';
import { DueLabel } from '../components/DueLabel';
import { PriorityBadge, StatusBadge } from '../components/StatusBadge';
import type { RequestListItem } from '../types';

interface RequestCardsProps {
  items: RequestListItem[];
  selection?: { selected: Set<string>; toggle(id: string): void };
}

/** The work list on a phone: one card per request, the deadline on top, nothing to scroll sideways. */
export function RequestCards({ items, selection }: RequestCardsProps) {
  const { t } = useTranslation();
  const now = new Date();
  return (
    <Stack gap={0} data-testid="request-cards">
      {items.map((item) => {
        // Once the customer has been contacted (any attempt), the first-contact deadline is met.
        const settled = !OPEN_STATUSES.includes(item.status) || item.attemptCount > 0;
        const late = item.overdue && !settled;
        return (
          <Paper
            key={item.id}
            component="article"
            p="sm"
            radius={0}
            bg={late ? 'var(--mantine-color-red-0)' : undefined}
            data-overdue={late || undefined}
            style={{
              borderBottom: '1px solid var(--mantine-color-gray-3)',
              boxShadow: late ? 'inset 3px 0 0 var(--mantine-color-red-6)' : undefined,
            }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                {selection && (
                  <Checkbox
                    aria-label={t('requests.list.select', { number: item.number })}
                    checked={selection.selected.has(item.id)}
                    onChange={() => selection.toggle(item.id)}
                  />
                )}
                <Anchor
                  component={Link}
                  to={`/requests/${item.id}`}
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {item.number}
                </Anchor>
                <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 1, minWidth: 0 }}>
                  {t(`requests.type.${item.type}`)}
                </Badge>
                <PriorityBadge priority={item.priority} />
              </Group>
              <StatusBadge status={item.status} />
            </Group>
            <Text size="sm" mt={4} lineClamp={2}>
              {item.subject}
            </Text>
            <Group gap={6} mt={2} wrap="nowrap">
              <Anchor component={Link} to={`/customers/${item.contact.id}`} size="sm" c="inherit" truncate>
                {item.contact.displayName}
              </Anchor>
              {item.contact.blocked && (
                <Badge size="xs" color="red" variant="filled" leftSection={<IconBan size={10} />}>
                  {t('requests.list.blockedShort')}
                </Badge>
              )}
            </Group>
            <Group justify="space-between" align="flex-end" mt={6} wrap="nowrap" gap="xs">
              <DueLabel dueAt={item.firstContactDueAt} overdue={item.overdue} settled={settled} now={now} />
              <Text size="xs" c={item.assignee ? 'dimmed' : 'orange.8'} fw={item.assignee ? undefined : 600} ta="right">
                {item.assignee?.displayName ?? t('requests.unassigned')}
              </Text>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
