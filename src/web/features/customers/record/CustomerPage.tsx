import { Alert, Badge, Center, CloseButton, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
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
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '@web/ui/api';
import { useCurrentUser } from '@web/app/auth';
import { ErrorState } from '@web/ui/components/ErrorState';
import { StatusPage } from '@web/ui/components/StatusPage';
import { useOpenedOnce } from '@web/ui/use-opened-once';
import { PageLoader } from '@web/app/shell/PageLoader';
import { canEditCustomers, canManageCustomers } from '../permissions';
import { useContact, useContactVehicles } from '../queries';
import { Timeline } from '../timeline/Timeline';
import type { Contact } from '../types';
import { BlockBanner } from './BlockBanner';
import { ConsentPanel } from './ConsentPanel';
import { ContactDetails } from './ContactDetails';
import { CustomerHeader } from './CustomerHeader';

// The record opens on its timeline: the other tabs and the dialogs (with their forms and date pickers) load when
// first shown, so a cold start loads and runs only what the first view needs.
const CustomerVehicles = lazy(() => import('./CustomerVehicles').then((m) => ({ default: m.CustomerVehicles })));
const CustomerRequests = lazy(() =>
  import('@web/features/requests/components/CustomerRequests').then((m) => ({ default: m.CustomerRequests })),
);
const CustomerCalls = lazy(() =>
  import('@web/features/telephony/CustomerCalls').then((m) => ({ default: m.CustomerCalls })),
);
const LinkedActivities = lazy(() =>
  import('@web/features/activities/LinkedActivities').then((m) => ({ default: m.LinkedActivities })),
);
const CustomerOpportunities = lazy(() =>
  import('@web/features/sales/opportunities/CustomerOpportunities').then((m) => ({
    default: m.CustomerOpportunities,
  })),
);
const CustomerBoardThreads = lazy(() =>
  import('@web/features/board/CustomerBoardThreads').then((m) => ({ default: m.CustomerBoardThreads })),
);
const EditContactDrawer = lazy(() => import('./EditContactDrawer').then((m) => ({ default: m.EditContactDrawer })));
const MergeDialog = lazy(() => import('./MergeDialog').then((m) => ({ default: m.MergeDialog })));
const BlockDialog = lazy(() => import('./BlockDialog').then((m) => ({ default: m.BlockDialog })));
const CustomerEmailDialog = lazy(() =>
  import('@web/features/correspondence').then((m) => ({ default: m.CustomerEmailDialog })),
);

/** A tab's content while its code loads. */
function TabLoader({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl" aria-busy="true">
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

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
  const editLoaded = useOpenedOnce(editing);
  const blockLoaded = useOpenedOnce(blockMode !== null);
  const mergeLoaded = useOpenedOnce(merging);
  const emailLoaded = useOpenedOnce(emailing);

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
      {emailLoaded && (
        <Suspense fallback={null}>
          <CustomerEmailDialog contactId={contact.id} opened={emailing} onClose={() => setEmailing(false)} />
        </Suspense>
      )}
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
                <TabLoader>
                  <CustomerVehicles contactId={contact.id} canEdit={canEdit} />
                </TabLoader>
              </Tabs.Panel>
              <Tabs.Panel value="requests">
                <TabLoader>
                  <CustomerRequests contactId={contact.id} />
                </TabLoader>
              </Tabs.Panel>
              <Tabs.Panel value="calls">
                <TabLoader>
                  <CustomerCalls contactId={contact.id} />
                </TabLoader>
              </Tabs.Panel>
              <Tabs.Panel value="activities">
                <TabLoader>
                  <LinkedActivities
                    filter={{ contactId: contact.id }}
                    tab="activities"
                    preset={{ contact: { id: contact.id, label: contact.displayName } }}
                  />
                </TabLoader>
              </Tabs.Panel>
              <Tabs.Panel value="sales">
                <TabLoader>
                  <CustomerOpportunities contactId={contact.id} />
                </TabLoader>
              </Tabs.Panel>
              <Tabs.Panel value="board">
                <TabLoader>
                  <CustomerBoardThreads
                    contact={{
                      id: contact.id,
                      label: [contact.customerNumber, contact.displayName].filter(Boolean).join(' · '),
                    }}
                  />
                </TabLoader>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>

      {editLoaded && (
        <Suspense fallback={null}>
          <EditContactDrawer contact={contact} opened={editing} onClose={() => setEditing(false)} onReload={onReload} />
        </Suspense>
      )}
      {canManage && mergeLoaded && (
        <Suspense fallback={null}>
          <MergeDialog contact={contact} opened={merging} onClose={() => setMerging(false)} />
        </Suspense>
      )}
      {blockLoaded && (
        <Suspense fallback={null}>
          <BlockDialog
            contactId={contact.id}
            displayName={contact.displayName}
            mode={blockMode}
            onClose={() => setBlockMode(null)}
          />
        </Suspense>
      )}
    </>
  );
}
