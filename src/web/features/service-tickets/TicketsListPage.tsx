import { Anchor, Badge, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { formatDateTime } from '@web/ui/format';
import { type TicketScope, useTickets } from './queries';

const SCOPES: TicketScope[] = ['mine', 'location', 'overdue'];

/** /service-tickets — mine (a step in my hands), my locations', or the overdue ones. */
export default function TicketsListPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<TicketScope>('mine');
  const tickets = useTickets({ scope });

  return (
    <>
      <PageHeader title={t('serviceTickets.list.title')} description={t('serviceTickets.list.description')} />
      <SegmentedControl
        mb="md"
        value={scope}
        onChange={(v) => setScope(v as TicketScope)}
        data={SCOPES.map((s) => ({ value: s, label: t(`serviceTickets.list.scope.${s}`) }))}
      />
      {tickets.isPending ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : tickets.isError ? (
        <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
      ) : tickets.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center">
            {t(`serviceTickets.list.empty.${scope}`)}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover miw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('serviceTickets.list.number')}</Table.Th>
                <Table.Th>{t('serviceTickets.list.customer')}</Table.Th>
                <Table.Th>{t('serviceTickets.list.process')}</Table.Th>
                <Table.Th>{t('serviceTickets.list.currentStep')}</Table.Th>
                <Table.Th>{t('serviceTickets.list.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.data.items.map((ticket) => {
                const step = ticket.currentStep;
                return (
                  <Table.Tr key={ticket.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/service-tickets/${ticket.id}`}>
                        {ticket.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{ticket.contact.name}</Table.Td>
                    <Table.Td>{ticket.template.name}</Table.Td>
                    <Table.Td>
                      {step ? (
                        <>
                          {step.title}
                          <Text size="xs" c="dimmed">
                            {step.assignee?.name ?? t(`roles.${step.role}`)}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('serviceTickets.list.done')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {formatDateTime(step?.dueAt ?? ticket.dueAt)}{' '}
                      {(step?.overdue || ticket.overdue) && (
                        <Badge color="red" size="sm">
                          {t('serviceTickets.ticket.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
