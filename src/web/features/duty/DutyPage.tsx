import { Alert, Anchor, Badge, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useDutyHistory, useDutyLive, useOnDuty } from './queries';

const when = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** Who is on duty now at a location (everyone may look), and the shifts: one's own, a manager's location's. */
export function DutyPage() {
  const { t } = useTranslation();
  useDutyLive();
  const me = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState<string | null>(me.homeLocationId);
  const onDuty = useOnDuty(locationId);
  const manager = me.role === 'admin' || me.role === 'manager';
  const history = useDutyHistory(manager ? { locationId } : { userId: me.id });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('duty.title')}</Title>
        <Anchor component={Link} to="/checks">
          {t('dailyChecks.title')}
        </Anchor>
      </Group>
      <Select
        label={t('duty.location')}
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        onChange={setLocationId}
        allowDeselect={false}
        searchable
        maw={360}
      />
      {onDuty.isPending ? (
        <Loader size="sm" />
      ) : onDuty.isError ? (
        <Alert color="red">{t('duty.loadFailed')}</Alert>
      ) : onDuty.data.length === 0 ? (
        <Text c="dimmed">{t('duty.nobody')}</Text>
      ) : (
        <Table striped aria-label={t('duty.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duty.name')}</Table.Th>
              <Table.Th>{t('duty.department')}</Table.Th>
              <Table.Th>{t('duty.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {onDuty.data.map((entry) => (
              <Table.Tr key={entry.user.id}>
                <Table.Td>{entry.user.displayName}</Table.Td>
                <Table.Td>{entry.department ? t(`departments.${entry.department}`) : '—'}</Table.Td>
                <Table.Td>{when(entry.since)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={3}>{manager ? t('duty.history') : t('duty.myHistory')}</Title>
      {history.isPending ? (
        <Loader size="sm" />
      ) : history.isError ? (
        <Alert color="red">{t('duty.loadFailed')}</Alert>
      ) : history.data.length === 0 ? (
        <Text c="dimmed">{t('duty.noHistory')}</Text>
      ) : (
        <Table aria-label={t('duty.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duty.name')}</Table.Th>
              <Table.Th>{t('duty.location')}</Table.Th>
              <Table.Th>{t('duty.checkedIn')}</Table.Th>
              <Table.Th>{t('duty.checkedOut')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((shift) => (
              <Table.Tr key={shift.id}>
                <Table.Td>{shift.user.displayName}</Table.Td>
                <Table.Td>{shift.location.name}</Table.Td>
                <Table.Td>{when(shift.checkedInAt)}</Table.Td>
                <Table.Td>
                  {shift.checkedOutAt ? (
                    `${when(shift.checkedOutAt)} (${t(`duty.kind.${shift.checkOutKind ?? 'manual'}`)})`
                  ) : (
                    <Badge color="teal">{t('duty.stillOnDuty')}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
