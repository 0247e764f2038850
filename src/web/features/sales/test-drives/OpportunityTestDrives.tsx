import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { api } from '@web/ui/api';
import { BookTestDriveDialog } from './BookTestDriveDialog';
import { useOpportunityTestDrives } from './queries';
import { TestDriveDrawer } from './TestDriveDrawer';
import { formatDateTime, formatTime } from './words';

/** An opportunity's test drives with a button to book one for its customer (on the opportunity page). */
export function OpportunityTestDrives({ opportunityId, contactId }: { opportunityId: string; contactId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const drives = useOpportunityTestDrives(opportunityId);
  const contact = useQuery({
    queryKey: ['contacts', contactId, 'name'],
    queryFn: ({ signal }) => api.get<{ displayName: string; customerNumber: string }>(`/contacts/${contactId}`, signal),
  });
  const [booking, setBooking] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('testDrives.opportunity.title')}</Title>
          {can(me.role, 'sales.testDrives.book') && (
            <Button size="xs" onClick={() => setBooking(true)}>
              {t('testDrives.opportunity.book')}
            </Button>
          )}
        </Group>
        {drives.isLoading && <Loader size="sm" />}
        {drives.data?.items.length === 0 && <Text c="dimmed">{t('testDrives.opportunity.empty')}</Text>}
        {drives.data?.items.map((drive) => (
          <Group key={drive.id} justify="space-between">
            <Button variant="subtle" onClick={() => setOpenId(drive.id)}>
              {formatDateTime(drive.startsAt)}–{formatTime(drive.endsAt)} · {drive.demoVehicle.label}
            </Button>
            <Badge variant="light">{t(`testDrives.status.${drive.status}`)}</Badge>
          </Group>
        ))}
      </Stack>
      {booking && (
        <BookTestDriveDialog
          opened
          onClose={() => setBooking(false)}
          preset={{
            locationId: me.homeLocationId,
            opportunityId,
            contact: {
              id: contactId,
              label: contact.data?.displayName ?? drives.data?.items[0]?.contact.displayName ?? '',
            },
          }}
        />
      )}
      <TestDriveDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
