import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/org/enums';
import type { LocationChecks } from '@shared/org/duty';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { useCreateCheck, useLocationChecks, useRecordCheck } from './queries';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const germanDay = (day: string) => day.split('-').reverse().join('.');

/** Today's entry of one check: findings as written and whether all was right. */
function RecordForm({ check, today }: { check: LocationChecks['checks'][number]; today: string }) {
  const { t } = useTranslation();
  const record = useRecordCheck(check.id);
  const [findings, setFindings] = useState('');
  const [ok, setOk] = useState(true);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({ day: today, findings, ok });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('dailyChecks.findings')}
          value={findings}
          onChange={(e) => setFindings(e.currentTarget.value)}
          required
          maxLength={10_000}
        />
        <Checkbox label={t('dailyChecks.ok')} checked={ok} onChange={(e) => setOk(e.currentTarget.checked)} />
        {record.isError && <Alert color="red">{t('duty.failed')}</Alert>}
        <Group>
          <Button type="submit" loading={record.isPending} disabled={!findings.trim()}>
            {t('dailyChecks.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A manager sets up a check: its name, weekdays and who runs it. */
function NewCheckForm({ locationId }: { locationId: string }) {
  const { t } = useTranslation();
  const create = useCreateCheck(locationId);
  const [name, setName] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [role, setRole] = useState<string | null>(null);
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, weekdays, role }, { onSuccess: () => setName('') });
        }}
      >
        <Stack gap="xs">
          <Title order={4}>{t('dailyChecks.newCheck')}</Title>
          <TextInput
            label={t('dailyChecks.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <Checkbox.Group
            label={t('dailyChecks.weekdays')}
            value={weekdays.map(String)}
            onChange={(v) => setWeekdays(v.map(Number))}
          >
            <Group gap="xs">
              {WEEKDAY_KEYS.map((key, i) => (
                <Checkbox key={key} value={String(i + 1)} label={t(`weekdays.${key}`, key)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('dailyChecks.role')}
            placeholder={t('dailyChecks.anyone')}
            data={ROLES.filter((r) => r !== 'admin').map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={setRole}
            clearable
          />
          {create.isError && <Alert color="red">{t('duty.failed')}</Alert>}
          <Group>
            <Button type="submit" loading={create.isPending} disabled={name.trim().length < 2 || weekdays.length === 0}>
              {t('dailyChecks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A location's daily checks: what is due today, the entries of the last week and the days without one. */
export function ChecksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const [locationId, setLocationId] = useState<string | null>(me.homeLocationId);
  const checks = useLocationChecks(locationId);
  const mine = (locations.data ?? []).filter((l) => me.role === 'admin' || me.locationIds.includes(l.id));
  const manager = me.role === 'admin' || me.role === 'manager';
  const data = checks.data;
  return (
    <Stack>
      <Title order={2}>{t('dailyChecks.title')}</Title>
      <Select
        label={t('duty.location')}
        data={mine.map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        onChange={setLocationId}
        allowDeselect={false}
        maw={360}
      />
      {checks.isPending ? (
        <Loader size="sm" />
      ) : !data ? (
        <Alert color="red">{t('duty.loadFailed')}</Alert>
      ) : (
        <>
          {data.missing.length > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle />} title={t('dailyChecks.missingTitle')}>
              {data.missing.map((m) => (
                <Text key={`${m.checkId}:${m.day}`} size="sm">
                  {t('dailyChecks.missing', { check: m.checkName, day: germanDay(m.day), location: m.locationName })}
                </Text>
              ))}
            </Alert>
          )}
          {data.checks.length === 0 && <Text c="dimmed">{t('dailyChecks.noChecks')}</Text>}
          {data.checks.map((check) => (
            <Card key={check.id} withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={4}>{check.name}</Title>
                <Badge color={check.dueToday ? 'blue' : 'gray'}>
                  {check.dueToday ? t('dailyChecks.dueToday') : t('dailyChecks.notDueToday')}
                </Badge>
              </Group>
              {check.todayEntry ? (
                <Text size="sm">
                  {t('dailyChecks.done', {
                    name: check.todayEntry.user.displayName,
                    time: new Date(check.todayEntry.recordedAt).toLocaleTimeString('de-DE', {
                      timeZone: 'Europe/Berlin',
                      timeStyle: 'short',
                    }),
                  })}
                  {' · '}
                  {check.todayEntry.findings}
                </Text>
              ) : (
                check.dueToday && <RecordForm check={check} today={data.today} />
              )}
            </Card>
          ))}
          <Title order={3}>{t('dailyChecks.entries')}</Title>
          {data.entries.length === 0 ? (
            <Text c="dimmed">{t('dailyChecks.noEntries')}</Text>
          ) : (
            <Table aria-label={t('dailyChecks.entries')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dailyChecks.day')}</Table.Th>
                  <Table.Th>{t('dailyChecks.name')}</Table.Th>
                  <Table.Th>{t('dailyChecks.by')}</Table.Th>
                  <Table.Th>{t('dailyChecks.findings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{germanDay(e.day)}</Table.Td>
                    <Table.Td>{e.checkName}</Table.Td>
                    <Table.Td>{e.user.displayName}</Table.Td>
                    <Table.Td>
                      <Badge color={e.ok ? 'teal' : 'red'} mr="xs">
                        {e.ok ? t('dailyChecks.ok') : t('dailyChecks.notOk')}
                      </Badge>
                      {e.findings}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {manager && locationId && <NewCheckForm locationId={locationId} />}
        </>
      )}
    </Stack>
  );
}
