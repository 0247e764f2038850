import { Alert, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileUnknown, IconInfoCircle, IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { OPEN_STATUSES, type RequestStatus } from '@shared/requests/enums';
import { ApiError } from '@web/ui/api';
import { ErrorState } from '@web/ui/components/ErrorState';
import { StatusPage } from '@web/ui/components/StatusPage';
import { PageLoader } from '@web/app/shell/PageLoader';
import { useContact } from '@web/features/customers/queries';
import { useRequest } from '../queries';
import type { CustomerRequest } from '../types';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useCurrentUser } from '@web/app/auth';
import { LetterPanel } from '../letters/LetterPanel';
import { InboundMailsPanel } from '@web/features/mailboxes/InboundMailsPanel';
import { AttemptForm } from './AttemptForm';
import { EmailReplyDialog } from './EmailReplyDialog';
import { AttemptList } from './AttemptList';
import { CustomerPanel } from './CustomerPanel';
import { IntakeRepairsNotice } from './IntakeRepairsNotice';
import { NextStepCard } from './NextStepCard';
import { LinkedActivities } from '@web/features/activities/LinkedActivities';
import { ReassignDialog } from './ReassignDialog';
import { RequestHeader } from './RequestHeader';
import { RequestHistory } from './RequestHistory';
import { ScriptsPanel } from './ScriptsPanel';
import { RequestTicketsPanel } from '@web/features/service-tickets/RequestTicketsPanel';
import { StatusDialog } from './StatusDialog';
import { SubmittedPanel } from './SubmittedPanel';
import { can } from '@shared/auth/policies';
import { ComplaintPanel } from '@web/features/complaints/ComplaintPanel';
import { CreateOpportunityButton } from '@web/features/sales/opportunities/CreateOpportunityButton';

/** /requests/:id — everything needed before and during the call (R3.2, R3.3, R4.2). */
export default function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);

  if (request.isPending) return <PageLoader />;
  if (request.isError) {
    if (request.error instanceof ApiError && [400, 404].includes(request.error.status)) {
      return (
        <StatusPage
          icon={<IconFileUnknown />}
          title={t('requests.view.notFoundTitle')}
          description={t('requests.view.notFoundText')}
          action={{ label: t('requests.view.toList'), to: '/requests' }}
        />
      );
    }
    return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  }
  return <RequestView key={id} request={request.data} />;
}

function RequestView({ request }: { request: CustomerRequest }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const contact = useContact(request.contact.id);
  const [statusTarget, setStatusTarget] = useState<RequestStatus | null>(null);
  const [reassigning, setReassigning] = useState(false);
  const open = OPEN_STATUSES.includes(request.status);
  const [replying, setReplying] = useState(false);
  // Who may record an attempt may answer: the assignee (or whom it is for), managers of the location, admins.
  const mayWork =
    me.role === 'admin' ||
    request.assignee?.id === me.id ||
    request.onBehalfOf?.id === me.id ||
    (me.role === 'manager' && me.locationIds.includes(request.locationId));
  const email =
    contact.data?.emails.find((entry) => entry.isPrimary)?.address ?? contact.data?.emails[0]?.address ?? null;

  return (
    <>
      <RequestHeader request={request} onStatus={setStatusTarget} onReassign={() => setReassigning(true)} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {request.message && request.messageFrom === 'system' && (
              <Alert variant="light" color="gray" icon={<IconInfoCircle />} title={t('requests.view.systemNote')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {request.message}
                </Text>
              </Alert>
            )}
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="xs">
                {t('requests.view.customerWords')}
              </Title>
              {request.message && request.messageFrom === 'customer' ? (
                <Text size="md" style={{ whiteSpace: 'pre-wrap' }} fs="italic">
                  {request.message}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('requests.view.noMessage')}
                </Text>
              )}
              {request.vehicle && (
                <Text size="sm" mt="xs" c="dimmed">
                  {t('requests.view.vehicle', { vehicle: request.vehicle.label })}
                </Text>
              )}
              <IntakeRepairsNotice requestId={request.id} />
            </Paper>
            {request.channel === 'letter' && <LetterPanel requestId={request.id} />}
            {can(me.role, 'complaints.work') && (
              <ComplaintPanel requestId={request.id} isComplaint={request.type === 'complaint'} />
            )}
            {open && <NextStepCard requestId={request.id} nextStep={request.nextStep} email={email} />}
            {open && mayWork && (
              <Group justify="flex-end">
                <Button variant="light" leftSection={<IconMailForward size={16} />} onClick={() => setReplying(true)}>
                  {t('requests.reply.button')}
                </Button>
              </Group>
            )}
            {open && <AttemptForm requestId={request.id} />}
            <AttemptList attempts={request.attempts} />
            <InboundMailsPanel requestId={request.id} />
            <AttachmentsPanel requestId={request.id} />
            {open && <ScriptsPanel requestId={request.id} />}
            <RequestHistory requestId={request.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {request.submitted && <SubmittedPanel requestId={request.id} submitted={request.submitted} />}
            {contact.isPending ? (
              <Skeleton height={320} radius="md" />
            ) : contact.isError ? (
              <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
            ) : (
              <CustomerPanel contact={contact.data} requestId={request.id} />
            )}
            {request.type === 'sales_lead' && <CreateOpportunityButton variant="light" requestId={request.id} />}
            <RequestTicketsPanel
              requestId={request.id}
              locationId={request.locationId}
              vehicleId={request.vehicle?.id ?? null}
            />
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="xs">
                {t('customers.record.tabs.activities')}
              </Title>
              <LinkedActivities
                filter={{ requestId: request.id }}
                preset={{
                  contact: { id: request.contact.id, label: request.contact.displayName },
                  vehicle: request.vehicle,
                  request: { id: request.id, label: `${request.number} · ${request.subject}` },
                  subject: request.subject,
                }}
              />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {replying && <EmailReplyDialog request={request} opened={replying} onClose={() => setReplying(false)} />}
      <StatusDialog request={request} target={statusTarget} onClose={() => setStatusTarget(null)} />
      <ReassignDialog request={request} opened={reassigning} onClose={() => setReassigning(false)} />
    </>
  );
}
