import { Alert, Button, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_TEXT_MAX, type TicketStep } from '@shared/service-tickets/schemas';
import { describeProblem } from '@web/ui/form-errors';
import { useCompleteStep } from './queries';

/** The step in progress is done: what it really took (time, cost) and a note; the next step starts. */
export function CompleteStepForm({ ticketId, step, onDone }: { ticketId: string; step: TicketStep; onDone(): void }) {
  const { t } = useTranslation();
  const complete = useCompleteStep(ticketId);
  const [hours, setHours] = useState<number | ''>(step.expectedHours);
  const [cost, setCost] = useState<number | ''>(step.expectedCostCents / 100);
  const [note, setNote] = useState('');

  return (
    <Stack gap="xs" component="form" aria-label={t('serviceTickets.ticket.completeTitle', { step: step.title })}>
      <Group grow>
        <NumberInput
          label={t('serviceTickets.ticket.actualHours')}
          value={hours}
          min={0}
          step={0.25}
          decimalScale={2}
          decimalSeparator=","
          onChange={(v) => setHours(v === '' ? '' : Number(v))}
        />
        <NumberInput
          label={t('serviceTickets.ticket.actualCost')}
          value={cost}
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator="."
          onChange={(v) => setCost(v === '' ? '' : Number(v))}
        />
      </Group>
      <Textarea
        label={t('serviceTickets.ticket.note')}
        value={note}
        maxLength={TEMPLATE_TEXT_MAX.note}
        autosize
        minRows={2}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {complete.error && (
        <Alert color="red" role="alert">
          {describeProblem(complete.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          loading={complete.isPending}
          onClick={() =>
            complete.mutate(
              {
                stepId: step.id,
                actualHours: hours === '' ? null : hours,
                actualCostCents: cost === '' ? null : Math.round(cost * 100),
                note: note.trim() || null,
              },
              { onSuccess: onDone },
            )
          }
        >
          {t('serviceTickets.ticket.save')}
        </Button>
      </Group>
    </Stack>
  );
}
