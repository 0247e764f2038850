import { Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ServiceTicket, TicketStep } from '@shared/service-tickets/schemas';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { ApiError } from '@web/ui/api';
import { CompleteStepForm } from './CompleteStepForm';
import { euro, formatHours } from './format';
import { useTicket } from './queries';

function StepDescription({ step }: { step: TicketStep }) {
  const { t } = useTranslation();
  const who = step.assignee
    ? t('serviceTickets.ticket.assignee', { name: step.assignee.name, role: t(`roles.${step.role}`) })
    : `${t(`roles.${step.role}`)} · ${t('serviceTickets.ticket.nobody')}`;
  return (
    <Stack gap={2}>
      <Text size="sm">{step.status === 'pending' ? t(`roles.${step.role}`) : who}</Text>
      <Text size="xs" c="dimmed">
        {t('serviceTickets.ticket.expected', {
          hours: formatHours(step.expectedHours),
          cost: euro(step.expectedCostCents),
        })}
        {step.status === 'done' && step.actualHours !== null
          ? ` · ${t('serviceTickets.ticket.actual', {
              hours: formatHours(step.actualHours),
              cost: euro(step.actualCostCents ?? 0),
            })}`
          : ''}
      </Text>
      {step.status === 'current' && step.dueAt && (
        <Text size="xs" c={step.overdue ? 'red' : undefined} fw={step.overdue ? 600 : undefined}>
          {step.overdue && `${t('serviceTickets.ticket.overdue')} · `}
          {t('serviceTickets.ticket.stepDue', { when: formatDateTime(step.dueAt) })}
        </Text>
      )}
      {step.status === 'done' && step.completedAt && (
        <Text size="xs" c="dimmed">
          {t('serviceTickets.ticket.stepDone', { when: formatDateTime(step.completedAt) })}
        </Text>
      )}
      {step.note && (
        <Text size="xs" fs="italic">
          {step.note}
        </Text>
      )}
    </Stack>
  );
}

/** The steps as a vertical stepper: done, the one in progress (with the person and the deadline), the next ones. */
export function TicketSteps({ ticket }: { ticket: ServiceTicket }) {
  const { t } = useTranslation();
  const [completing, setCompleting] = useState(false);
  const active = ticket.steps.findIndex((s) => s.status !== 'done');
  return (
    <Stepper
      active={active === -1 ? ticket.steps.length : active}
      orientation="vertical"
      size="sm"
      allowNextStepsSelect={false}
    >
      {ticket.steps.map((step) => (
        <Stepper.Step
          key={step.id}
          label={step.title}
          color={step.overdue ? 'red' : undefined}
          icon={step.overdue ? <IconAlertTriangle size={16} /> : undefined}
          completedIcon={<IconCheck size={16} />}
          description={
            <Stack gap="xs">
              <StepDescription step={step} />
              {step.status === 'current' &&
                ticket.status === 'open' &&
                (completing ? (
                  <CompleteStepForm ticketId={ticket.id} step={step} onDone={() => setCompleting(false)} />
                ) : (
                  <Button size="xs" variant="light" w="fit-content" onClick={() => setCompleting(true)}>
                    {t('serviceTickets.ticket.complete')}
                  </Button>
                ))}
            </Stack>
          }
        />
      ))}
    </Stepper>
  );
}

/** /service-tickets/:id — one ticket: its process version, deadline, costs and steps. */
export default function TicketPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  if (ticket.isPending) return <Skeleton height={400} radius="md" aria-busy="true" />;
  if (ticket.isError) {
    if (ticket.error instanceof ApiError && ticket.error.status === 404)
      return <Alert color="gray">{t('serviceTickets.ticket.notFound')}</Alert>;
    return <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  const data = ticket.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{t('serviceTickets.ticket.title', { number: data.number })}</Title>
          <Text c="dimmed">
            {t('serviceTickets.ticket.process', { name: data.template.name, version: data.template.version })} ·{' '}
            <Anchor component={Link} to={`/customers/${data.contact.id}`}>
              {data.contact.name}
            </Anchor>
            {data.requestId && (
              <>
                {' · '}
                <Anchor component={Link} to={`/requests/${data.requestId}`}>
                  {t('serviceTickets.ticket.request')}
                </Anchor>
              </>
            )}
            {data.call && (
              <>
                {' · '}
                <Anchor component={Link} to={`/customers/${data.contact.id}?tab=calls`} data-testid="ticket-call">
                  {t('serviceTickets.ticket.fromCall', { when: formatDateTime(data.call.startedAt) })}
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        <Badge size="lg" color={data.overdue ? 'red' : data.status === 'done' ? 'green' : 'blue'}>
          {data.overdue ? t('serviceTickets.ticket.overdue') : t(`serviceTickets.status.${data.status}`)}
        </Badge>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Group gap="xl">
          <Text fw={600} c={data.overdue ? 'red' : undefined}>
            {t('serviceTickets.ticket.due', { when: formatDateTime(data.dueAt) })}
          </Text>
          {data.status === 'open' && (
            <Text>{t('serviceTickets.ticket.remaining', { hours: formatHours(data.remainingHours) })}</Text>
          )}
          <Text>
            {t('serviceTickets.ticket.cost', {
              expected: euro(data.totalExpectedCostCents),
              actual: euro(data.totalActualCostCents),
            })}
          </Text>
        </Group>
        {data.escalatedAt && (
          <Text size="sm" c="red" mt="xs">
            {t('serviceTickets.ticket.escalated', { when: formatDateTime(data.escalatedAt) })}
          </Text>
        )}
        {data.note && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-note">
            {data.note}
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('serviceTickets.ticket.steps')}
        </Title>
        <TicketSteps ticket={data} />
      </Paper>
    </Stack>
  );
}
