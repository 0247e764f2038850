import { Alert, Anchor, Grid, Paper, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WriteMessageButton } from '@web/features/messages/WriteMessageButton';
import { PlanActivityButton } from '@web/features/activities/PlanActivityButton';
import { CreateOpportunityButton } from '@web/features/sales/opportunities/CreateOpportunityButton';
import { Link, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { formatDateTime } from '@web/ui/format';
import { PageHeader } from '@web/ui/components/PageHeader';
import type { CustomerRequest } from '../types';
import { IntakeForm } from './IntakeForm';

/** "Anliegen A-100123 angelegt — zugewiesen an X (fällig bis …)": the receptionist can tell the caller who will call back. */
function CreatedNotice({ request }: { request: CustomerRequest }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  // Saved from the bottom of a long form: bring the answer up to where the receptionist looks, clear of the header.
  useEffect(() => {
    notice.current?.scrollIntoView({ block: 'center' });
  }, [request.id]);
  const assignee = request.assignee
    ? request.onBehalfOf
      ? t('requests.intake.assignedOnBehalf', {
          name: request.assignee.displayName,
          for: request.onBehalfOf.displayName,
        })
      : t('requests.intake.assignedTo', { name: request.assignee.displayName })
    : t('requests.intake.notAssigned');
  return (
    <Alert
      ref={notice}
      color="teal"
      icon={<IconCircleCheck />}
      mb="md"
      radius="md"
      role="status"
      title={t('requests.intake.createdTitle')}
    >
      <Text size="sm">
        <Anchor component={Link} to={`/requests/${request.id}`} fw={700}>
          {t('requests.intake.createdNumber', { number: request.number })}
        </Anchor>{' '}
        {t('requests.intake.created')} — {assignee}
        {request.firstContactDueAt &&
          ` (${t('requests.intake.dueBy', { date: formatDateTime(request.firstContactDueAt) })})`}
      </Text>
      {/* The next step right away, e.g. the walk-in customer's test drive in the consultant's calendar. */}
      <PlanActivityButton
        mt="xs"
        size="compact-sm"
        variant="light"
        preset={{
          contact: { id: request.contact.id, label: request.contact.displayName },
          vehicle: request.vehicle,
          request: { id: request.id, label: `${request.number} · ${request.subject}` },
          subject: request.subject,
          ownerId: request.assignee?.id,
        }}
      />
      {request.type === 'sales_lead' && (
        <CreateOpportunityButton mt="xs" ml="xs" size="compact-sm" variant="light" requestId={request.id} />
      )}
      <WriteMessageButton
        mt="xs"
        ml="xs"
        size="compact-sm"
        variant="light"
        customer={{ id: request.contact.id, displayName: request.contact.displayName }}
      />
    </Alert>
  );
}

/**
 * /requests/new — the staff intake; ?channel=walk_in for a customer at the counter, ?channel=letter
 * for a letter of the post with its scan.
 */
export default function IntakePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const [created, setCreated] = useState<CustomerRequest | null>(null);
  // A fresh form after each save: the next caller is already waiting.
  const [round, setRound] = useState(0);
  const walkIn = params.get('channel') === 'walk_in';
  const letter = params.get('channel') === 'letter';
  // The next form of the same kind: the next customer at the counter, the next letter of the post.
  const again: Record<string, string> = walkIn
    ? { channel: 'walk_in' }
    : letter
      ? { channel: 'letter', type: 'general' }
      : {};

  return (
    <>
      <PageHeader
        title={t(walkIn ? 'requests.intake.walkInTitle' : letter ? 'requests.letter.title' : 'requests.intake.title')}
        description={t(
          walkIn ? 'requests.intake.walkInSubtitle' : letter ? 'requests.letter.subtitle' : 'requests.intake.subtitle',
        )}
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {created && <CreatedNotice request={created} />}
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <IntakeForm
              key={round}
              params={round === 0 ? params : new URLSearchParams(again)}
              homeLocationId={me.homeLocationId}
              onCreated={(request) => {
                setCreated(request);
                setRound((value) => value + 1);
              }}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
