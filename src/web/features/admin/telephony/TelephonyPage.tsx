import { Tabs } from '@mantine/core';
import { IconActivity, IconAddressBook, IconPlugConnected, IconSpeakerphone, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { PageHeader } from '@web/ui/components/PageHeader';
import { ConnectionsPanel } from './ConnectionsPanel';
import { EventsPanel } from './EventsPanel';
import { ExtensionsPanel } from './ExtensionsPanel';
import { PhonebookPanel } from './PhonebookPanel';
import { TrackingNumbersPanel } from './TrackingNumbersPanel';
import { can } from '@shared/auth/policies';

const TABS = [
  { value: 'connections', icon: IconPlugConnected },
  { value: 'extensions', icon: IconUserShare },
  { value: 'tracking', icon: IconSpeakerphone },
  { value: 'events', icon: IconActivity },
  { value: 'phonebook', icon: IconAddressBook },
] as const;
type Tab = (typeof TABS)[number]['value'];

/** Phone systems, who sits at which extension, campaign numbers and the PBX phonebook. Managers look, admins change. */
export default function TelephonyPage() {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const canEdit = can(role, 'telephony.setup.manage');
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x.value === params.get('tab'))?.value ?? 'connections';

  return (
    <>
      <PageHeader title={t('telephonyAdmin.tab')} description={t('telephonyAdmin.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) => value && setParams({ tab: value }, { replace: true })}
        variant="pills"
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={<x.icon size={16} />}>
              {t(`telephonyAdmin.tabs.${x.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="connections">
          <ConnectionsPanel canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="extensions">
          <ExtensionsPanel canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="tracking">
          <TrackingNumbersPanel canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <EventsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="phonebook">
          <PhonebookPanel canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
