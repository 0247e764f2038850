import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { describeProblem } from '@web/ui/form-errors';
import { formatDateTime } from '@web/ui/format';
import { euro, formatHours } from './format';
import { useProcesses, useStartTicket, useTickets } from './queries';

/**
 * On the request page: the service tickets started from it, and "Serviceauftrag starten" with a
 * process of the request's location, showing its steps, time and cost before starting.
 */
export function RequestTicketsPanel({
  requestId,
  locationId,
  vehicleId,
}: {
  requestId: string;
  locationId: string;
  vehicleId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tickets = useTickets({ scope: 'location', requestId, status: 'all' });
  const processes = useProcesses();
  const start = useStartTicket();
  const [picking, setPicking] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const usable = (processes.data?.items ?? []).filter((p) => !p.locationId || p.locationId === locationId);
  const chosen = usable.find((p) => p.id === templateId);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="request-tickets-title">
      <Group justify="space-between" mb="xs">
        <Title order={4} id="request-tickets-title">
          {t('serviceTickets.panel.title')}
        </Title>
        {!picking && (
          <Button size="xs" variant="light" leftSection={<IconTool size={14} />} onClick={() => setPicking(true)}>
            {t('serviceTickets.panel.start')}
          </Button>
        )}
      </Group>
      {tickets.isError ? (
        <Text size="sm" c="red">
          {describeProblem(tickets.error)}
        </Text>
      ) : tickets.data?.items.length ? (
        <Stack gap={4} mb={picking ? 'sm' : 0}>
          {tickets.data.items.map((ticket) => (
            <Group key={ticket.id} gap="xs" justify="space-between">
              <Anchor component={Link} to={`/service-tickets/${ticket.id}`} size="sm">
                {ticket.number} · {ticket.template.name}
              </Anchor>
              <Badge size="sm" color={ticket.overdue ? 'red' : ticket.status === 'done' ? 'green' : 'blue'}>
                {ticket.currentStep?.title ?? t(`serviceTickets.status.${ticket.status}`)}
              </Badge>
            </Group>
          ))}
        </Stack>
      ) : (
        !tickets.isPending &&
        !picking && (
          <Text size="sm" c="dimmed">
            {t('serviceTickets.panel.empty')}
          </Text>
        )
      )}
      {picking && (
        <Stack gap="xs">
          {processes.isSuccess && usable.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('serviceTickets.panel.noProcesses')}
            </Text>
          ) : (
            <Select
              label={t('serviceTickets.panel.pick')}
              data={usable.map((p) => ({ value: p.id, label: p.name }))}
              value={templateId}
              onChange={setTemplateId}
              disabled={processes.isPending}
              searchable
            />
          )}
          {chosen && (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('serviceTickets.panel.summary', {
                  steps: chosen.steps.length,
                  hours: formatHours(chosen.totalHours),
                  cost: euro(chosen.totalCostCents),
                })}
              </Text>
              <Stack gap={0} component="ol" style={{ margin: 0, paddingLeft: 18 }}>
                {chosen.steps.map((s) => (
                  <Text key={s.position} size="xs" component="li">
                    {s.title} · {t(`roles.${s.role}`)}
                  </Text>
                ))}
              </Stack>
            </Stack>
          )}
          {start.error && (
            <Alert color="red" role="alert">
              {describeProblem(start.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setPicking(false)}>
              {t('serviceTickets.admin.cancel')}
            </Button>
            <Button
              size="xs"
              disabled={!chosen}
              loading={start.isPending}
              onClick={() =>
                start.mutate(
                  { templateId: chosen!.id, requestId, vehicleId },
                  {
                    onSuccess: (ticket) => {
                      setPicking(false);
                      notifications.show({
                        color: 'green',
                        message: `${t('serviceTickets.panel.started', { number: ticket.number })} · ${formatDateTime(ticket.dueAt)}`,
                      });
                      void navigate(`/service-tickets/${ticket.id}`);
                    },
                  },
                )
              }
            >
              {t('serviceTickets.panel.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
