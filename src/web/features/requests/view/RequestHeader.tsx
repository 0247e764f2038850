import { Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconChevronDown, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type RequestStatus } from '@shared/requests/enums';
import { formatDateTime } from '@web/ui/format';
import { formatDate } from '@web/features/customers/format';
import { DueLabel } from '../components/DueLabel';
import { PriorityBadge, StatusBadge } from '../components/StatusBadge';
import type { CustomerRequest } from '../types';

/** Where a request may go from its current status (the server's workflow); done and lost reopen. */
const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'done', 'lost'],
  assigned: ['in_progress', 'waiting', 'done', 'lost'],
  in_progress: ['waiting', 'done', 'lost'],
  waiting: ['in_progress', 'done', 'lost'],
  done: ['in_progress'],
  lost: ['in_progress'],
};

interface RequestHeaderProps {
  request: CustomerRequest;
  onStatus(target: RequestStatus): void;
  onReassign(): void;
}

export function RequestHeader({ request, onStatus, onReassign }: RequestHeaderProps) {
  const { t } = useTranslation();
  const open = OPEN_STATUSES.includes(request.status);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      style={request.overdue && open ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={700} c="dimmed">
              {request.number}
            </Text>
            <Badge variant="light" color="gray" tt="none">
              {t(`requests.type.${request.type}`)}
            </Badge>
            <StatusBadge status={request.status} size="md" />
            <PriorityBadge priority={request.priority} />
            <Badge variant="outline" color="gray" tt="none">
              {t(`requests.channel.${request.channel}`)}
            </Badge>
          </Group>
          <Title order={2}>{request.subject}</Title>
          <Group gap="lg">
            <Group gap={6}>
              <IconUser size={16} />
              <Text size="sm">
                {request.assignee?.displayName ?? t('requests.unassigned')}
                {request.onBehalfOf && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    {t('requests.view.onBehalfOf', { name: request.onBehalfOf.displayName })}
                  </Text>
                )}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('requests.view.received', { date: formatDateTime(request.receivedAt) })}
            </Text>
            {(request.source || request.campaign) && (
              <Text size="sm" c="dimmed">
                {t('requests.view.origin', {
                  origin: [request.source, request.campaign].filter(Boolean).join(' · '),
                })}
              </Text>
            )}
            {request.department && (
              <Text size="sm" c="dimmed">
                {t('requests.view.department', { department: t(`departments.${request.department}`) })}
              </Text>
            )}
            {request.callbackFrom && (
              <Text size="sm" c="dimmed">
                {t('requests.view.callbackWindow', {
                  from: formatDateTime(request.callbackFrom),
                  to: request.callbackTo ? formatDateTime(request.callbackTo) : '',
                })}
              </Text>
            )}
          </Group>
          {!open && (request.outcome || request.lostReason) && (
            <Text size="sm">
              {request.lostReason ? t(`requests.lostReason.${request.lostReason}`) : request.outcome}
              {request.closedAt && ` · ${formatDate(request.closedAt)}`}
            </Text>
          )}
        </Stack>
        <Stack gap="sm" align="flex-end">
          <DueLabel
            dueAt={request.firstContactDueAt}
            overdue={request.overdue}
            settled={!open || Boolean(request.firstContactedAt)}
            contactedAt={request.firstContactedAt}
          />
          <Group gap="xs">
            <Button variant="default" size="sm" leftSection={<IconArrowsExchange size={16} />} onClick={onReassign}>
              {t('requests.reassign.action')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="sm" rightSection={<IconChevronDown size={16} />}>
                  {t('requests.view.changeStatus')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {NEXT_STATUSES[request.status].map((target) => (
                  <Menu.Item key={target} onClick={() => onStatus(target)}>
                    {request.status === 'done' || request.status === 'lost'
                      ? t('requests.view.reopen')
                      : t(`requests.status.${target}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
