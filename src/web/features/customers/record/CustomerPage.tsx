import { Alert, Badge, CloseButton, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconArrowsJoin,
  IconCalendarEvent,
  IconCar,
  IconCoin,
  IconHistory,
  IconInbox,
  IconMessageChatbot,
  IconPhone,
  IconUserQuestion,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerRequests } from '@web/features/requests/components/CustomerRequests';
import { CustomerCalls } from '@web/features/telephony/CustomerCalls';
import { LinkedActivities } from '@web/features/activities/LinkedActivities';
import { CustomerBoardThreads } from '@web/features/board/CustomerBoardThreads';
import { CustomerOpportunities } from '@web/features/sales/opportunities/CustomerOpportunities';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '@web/ui/api';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { StatusPage } from '@web/ui/components/StatusPage';
import { PageLoader } from '@web/app/shell/PageLoader';
import { canEditCustomers, canManageCustomers } from '../permissions';
import { useContact, useContactVehicles } from '../queries';
import { Timeline } from '../timeline/Timeline';
import type { Contact } from '../types';
import { BlockBanner } from './BlockBanner';
import { BlockDialog } from './BlockDialog';
import { MergeDialog } from './MergeDialog';
import { ConsentPanel } from './ConsentPanel';
import { ContactDetails } from './ContactDetails';
import { CustomerEmailDialog } from '@web/features/correspondence';
import { CustomerHeader } from './CustomerHeader';
import { CustomerVehicles } from './CustomerVehicles';
import { EditContactDrawer } from './EditContactDrawer';

interface MergedState {
  mergedFrom?: string;
}

const TABS = ['timeline', 'vehicles', 'requests', 'calls', 'activities', 'sales', 'board'] as const;
type Tab = (typeof TABS)[number];

/** /customers/:id — everything about a customer while they are on the phone (R3.2, R4.2). */
export default function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useContact(id);
  const state = useLocation().state as MergedState | null;

  if (contact.isPending) return <PageLoader />;
  if (contact.isError) {
    const missing = contact.error instanceof ApiError && [400, 404].includes(contact.error.status);
    if (missing) {
      return (
        <StatusPage
          icon={<IconUserQuestion />}
          title={t('customers.record.notFoundTitle')}
          description={t('customers.record.notFoundText')}
          action={{ label: t('customers.record.toList'), to: '/customers' }}
        />
      );
    }
    return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  // A merged-away contact lives on in its target; old links and search hits lead there.
  if (contact.data.mergedInto) {
    const mergedState: MergedState = { mergedFrom: contact.data.displayName };
    return <Navigate to={`/customers/${contact.data.mergedInto.id}`} replace state={mergedState} />;
  }
  return <CustomerRecord key={id} contact={contact.data} mergedFrom={state?.mergedFrom} onReload={contact.refetch} />;
}

interface CustomerRecordProps {
  contact: Contact;
  mergedFrom?: string;
  onReload(): Promise<unknown>;
}

function CustomerRecord({ contact, mergedFrom, onReload }: CustomerRecordProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const vehicles = useContactVehicles(contact.id);
  const [editing, setEditing] = useState(false);
  const [blockMode, setBlockMode] = useState<'block' | 'unblock' | null>(null);
  const [merging, setMerging] = useState(false);
  const [emailing, setEmailing] = useState(false);
  const [showMerged, setShowMerged] = useState(Boolean(mergedFrom));
  const canEdit = canEditCustomers(me.role);
  const canManage = canManageCustomers(me.role);
  const tabParam = params.get('tab') as Tab | null;
  // A reminder links to "?activity=<id>": the activities tab opens it.
  const tab: Tab = params.get('activity') ? 'activities' : tabParam && TABS.includes(tabParam) ? tabParam : 'timeline';
  const currentVehicles = vehicles.data?.filter((vehicle) => vehicle.current).length;

  return (
    <>
      {showMerged && mergedFrom && (
        <Alert color="blue" icon={<IconArrowsJoin />} mb="md" radius="md">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('customers.record.mergedNotice', { name: mergedFrom })}</Text>
            <CloseButton
              aria-label={t('common.close')}
              onClick={() => {
                setShowMerged(false);
                void navigate('.', { replace: true, state: null });
              }}
            />
          </Group>
        </Alert>
      )}
      {contact.activeBlock && (
        <BlockBanner block={contact.activeBlock} canUnblock={canManage} onUnblock={() => setBlockMode('unblock')} />
      )}
      <CustomerHeader
        contact={contact}
        canEdit={canEdit}
        canManage={canManage}
        onEdit={() => setEditing(true)}
        onBlock={() => setBlockMode('block')}
        onUnblock={() => setBlockMode('unblock')}
        onMerge={() => setMerging(true)}
        onEmail={() => setEmailing(true)}
      />
      <CustomerEmailDialog contactId={contact.id} opened={emailing} onClose={() => setEmailing(false)} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="sm">
                {t('customers.record.contactData')}
              </Title>
              <ContactDetails contact={contact} />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={4} mb="sm">
                {t('customers.consent.title')}
              </Title>
              <ConsentPanel contact={contact} canEdit={canEdit} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder radius="md" p="md">
            <Tabs
              value={tab}
              onChange={(value) => setParams(value && value !== 'timeline' ? { tab: value } : {}, { replace: true })}
              keepMounted={false}
            >
              <Tabs.List mb="md">
                <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} />}>
                  {t('customers.record.tabs.timeline')}
                </Tabs.Tab>
                <Tabs.Tab
                  value="vehicles"
                  leftSection={<IconCar size={16} />}
                  rightSection={
                    currentVehicles ? (
                      <Badge size="xs" variant="light" circle>
                        {currentVehicles}
                      </Badge>
                    ) : null
                  }
                >
                  {t('customers.record.tabs.vehicles')}
                </Tabs.Tab>
                <Tabs.Tab value="requests" leftSection={<IconInbox size={16} />}>
                  {t('customers.record.tabs.requests')}
                </Tabs.Tab>
                <Tabs.Tab value="calls" leftSection={<IconPhone size={16} />}>
                  {t('telephony.calls.tab')}
                </Tabs.Tab>
                <Tabs.Tab value="activities" leftSection={<IconCalendarEvent size={16} />}>
                  {t('customers.record.tabs.activities')}
                </Tabs.Tab>
                <Tabs.Tab value="sales" leftSection={<IconCoin size={16} />}>
                  {t('sales.customer.tab')}
                </Tabs.Tab>
                <Tabs.Tab value="board" leftSection={<IconMessageChatbot size={16} />}>
                  {t('board.customer.tab')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="timeline">
                <Timeline path={`/contacts/${contact.id}/timeline`} noteContactId={canEdit ? contact.id : undefined} />
              </Tabs.Panel>
              <Tabs.Panel value="vehicles">
                <CustomerVehicles contactId={contact.id} canEdit={canEdit} />
              </Tabs.Panel>
              <Tabs.Panel value="requests">
                <CustomerRequests contactId={contact.id} />
              </Tabs.Panel>
              <Tabs.Panel value="calls">
                <CustomerCalls contactId={contact.id} />
              </Tabs.Panel>
              <Tabs.Panel value="activities">
                <LinkedActivities
                  filter={{ contactId: contact.id }}
                  tab="activities"
                  preset={{ contact: { id: contact.id, label: contact.displayName } }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="sales">
                <CustomerOpportunities contactId={contact.id} />
              </Tabs.Panel>
              <Tabs.Panel value="board">
                <CustomerBoardThreads
                  contact={{
                    id: contact.id,
                    label: [contact.customerNumber, contact.displayName].filter(Boolean).join(' · '),
                  }}
                />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>

      <EditContactDrawer contact={contact} opened={editing} onClose={() => setEditing(false)} onReload={onReload} />
      {canManage && <MergeDialog contact={contact} opened={merging} onClose={() => setMerging(false)} />}
      <BlockDialog
        contactId={contact.id}
        displayName={contact.displayName}
        mode={blockMode}
        onClose={() => setBlockMode(null)}
      />
    </>
  );
}
