import { Alert, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CallTicketResult } from '@shared/service-tickets/schemas';
import { useCurrentUser } from '@web/app/auth';
import { describeProblem } from '@web/ui/form-errors';
import { useProcesses, useStartTicketFromCall, useTickets } from './queries';

/** Who may start a ticket (the server checks the same). */
const STARTERS = new Set(['admin', 'manager', 'service', 'reception', 'parts']);

interface CallTicketButtonProps {
  callId: string;
  contactId: string;
  /** The call's location: only its processes and the group's are offered. */
  locationId: string | null;
  /** Saves the note first, when the pad is still open: the ticket takes it word for word. */
  beforeStart?(): Promise<void>;
}

/**
 * "Serviceticket starten" beside a call's note: a process of the call's location, and the ticket
 * runs for the call's customer with the note as its first note. The tickets this call already
 * started are listed; starting the same process again leads to the one there is.
 */
export function CallTicketButton({ callId, contactId, locationId, beforeStart }: CallTicketButtonProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [picking, setPicking] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [result, setResult] = useState<CallTicketResult | null>(null);
  const processes = useProcesses();
  const existing = useTickets({ scope: 'location', callId, status: 'all' }, { enabled: picking || result !== null });
  const start = useStartTicketFromCall(callId);
  if (!STARTERS.has(user.role)) return null;
  const usable = (processes.data?.items ?? []).filter((p) => !p.locationId || p.locationId === locationId);

  const submit = async () => {
    if (!templateId) return;
    try {
      await beforeStart?.();
      setResult(await start.mutateAsync({ templateId, contactId }));
      setPicking(false);
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <Stack gap={6} data-testid="call-ticket">
      {!picking && (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconTool size={15} />}
            onClick={() => {
              setPicking(true);
              setResult(null);
              setTemplateId(null);
            }}
          >
            {t('serviceTickets.fromCall.start')}
          </Button>
        </Group>
      )}
      {result && (
        <Alert color={result.created ? 'teal' : 'yellow'} variant="light" p="xs" role="status">
          <Text size="sm">
            {t(result.created ? 'serviceTickets.fromCall.created' : 'serviceTickets.fromCall.exists', {
              number: result.ticket.number,
              process: result.ticket.template.name,
            })}{' '}
            <Anchor component={Link} to={`/service-tickets/${result.ticket.id}`} size="sm" fw={600}>
              {t('serviceTickets.fromCall.open')}
            </Anchor>
          </Text>
        </Alert>
      )}
      {picking && (
        <Stack gap="xs">
          {existing.data?.items.length ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('serviceTickets.fromCall.already')}
              </Text>
              {existing.data.items.map((ticket) => (
                <Anchor key={ticket.id} component={Link} to={`/service-tickets/${ticket.id}`} size="sm">
                  {ticket.number} · {ticket.template.name}
                </Anchor>
              ))}
            </Stack>
          ) : null}
          {processes.isError ? (
            <Text size="sm" c="red">
              {describeProblem(processes.error)}
            </Text>
          ) : processes.isSuccess && usable.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('serviceTickets.panel.noProcesses')}
            </Text>
          ) : (
            <Select
              size="xs"
              label={t('serviceTickets.panel.pick')}
              data={usable.map((p) => ({ value: p.id, label: p.name }))}
              value={templateId}
              onChange={setTemplateId}
              disabled={processes.isPending}
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
            />
          )}
          {start.error && (
            <Alert color="red" role="alert" p="xs">
              {describeProblem(start.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setPicking(false)}>
              {t('serviceTickets.admin.cancel')}
            </Button>
            <Button size="compact-sm" disabled={!templateId} loading={start.isPending} onClick={() => void submit()}>
              {t('serviceTickets.panel.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
