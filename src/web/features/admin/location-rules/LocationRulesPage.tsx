import { Button, Checkbox, Group, Paper, Select, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockPolicy } from '@shared/messages/schemas';
import { ROLES, type Role } from '@shared/org/enums';
import type { DutySettings } from '@shared/org/duty';
import { useCurrentUser } from '@web/app/auth';
import { useLocations } from '@web/app/org-queries';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { reportError } from '@web/ui/form-errors';
import { useBlockPolicy, useDutySettings, useSaveBlockPolicy, useSaveDutySettings } from './queries';

function DutyForm({ locationId, stored }: { locationId: string; stored: DutySettings }) {
  const { t } = useTranslation();
  const save = useSaveDutySettings(locationId);
  const [usesCheckIn, setUsesCheckIn] = useState(stored.usesCheckIn);
  const [autoCheckOut, setAutoCheckOut] = useState(stored.autoCheckOutAtClosing);
  const dirty = usesCheckIn !== stored.usesCheckIn || autoCheckOut !== stored.autoCheckOutAtClosing;
  async function submit() {
    try {
      // Without check-in there is nothing to check out at closing time.
      await save.mutateAsync({ usesCheckIn, autoCheckOutAtClosing: usesCheckIn && autoCheckOut });
      notifications.show({ color: 'teal', message: t('locationRules.saved') });
    } catch (error) {
      reportError(error);
    }
  }
  return (
    <Stack gap="sm">
      <Switch
        label={t('locationRules.duty.usesCheckIn')}
        description={t('locationRules.duty.usesCheckInHint')}
        checked={usesCheckIn}
        onChange={(e) => setUsesCheckIn(e.currentTarget.checked)}
      />
      <Switch
        label={t('locationRules.duty.autoCheckOut')}
        description={t('locationRules.duty.autoCheckOutHint')}
        checked={usesCheckIn && autoCheckOut}
        disabled={!usesCheckIn}
        onChange={(e) => setAutoCheckOut(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button disabled={!dirty} loading={save.isPending} onClick={() => void submit()}>
          {t('locationRules.duty.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function BlockForm({ locationId, stored }: { locationId: string; stored: BlockPolicy }) {
  const { t } = useTranslation();
  const save = useSaveBlockPolicy(locationId);
  const [blockRoles, setBlockRoles] = useState<string[]>(stored.blockRoles);
  const [unblockRoles, setUnblockRoles] = useState<string[]>(stored.unblockRoles);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));
  const dirty = !same(blockRoles, stored.blockRoles) || !same(unblockRoles, stored.unblockRoles);
  const roles = (value: string[], onChange: (v: string[]) => void, label: string, hint: string) => (
    <Checkbox.Group label={label} description={hint} value={value} onChange={onChange}>
      <Group gap="md" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
  async function submit() {
    try {
      await save.mutateAsync({ blockRoles: blockRoles as Role[], unblockRoles: unblockRoles as Role[] });
      notifications.show({ color: 'teal', message: t('locationRules.saved') });
    } catch (error) {
      reportError(error);
    }
  }
  return (
    <Stack gap="md">
      {roles(blockRoles, setBlockRoles, t('locationRules.block.blockRoles'), t('locationRules.block.blockRolesHint'))}
      {roles(
        unblockRoles,
        setUnblockRoles,
        t('locationRules.block.unblockRoles'),
        t('locationRules.block.unblockRolesHint'),
      )}
      <Group justify="flex-end">
        <Button disabled={!dirty} loading={save.isPending} onClick={() => void submit()}>
          {t('locationRules.block.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function Section<T>({
  title,
  query,
  children,
}: {
  title: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown; data?: T };
  children: (data: T) => React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError || query.data === undefined ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
    </Paper>
  );
}

/** /admin/location-rules — per location: duty check-in and who may block or unblock a customer. */
export default function LocationRulesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locations = useLocations();
  const mine = (locations.data ?? []).filter((l) => me.role === 'admin' || me.locationIds.includes(l.id));
  const [chosen, setChosen] = useState<string | null>(null);
  const locationId = chosen ?? mine.find((l) => l.id === me.homeLocationId)?.id ?? mine[0]?.id ?? null;
  const duty = useDutySettings(locationId);
  const policy = useBlockPolicy(locationId);

  return (
    <>
      <PageHeader title={t('locationRules.title')} description={t('locationRules.subtitle')} />
      <Select
        label={t('locationRules.location')}
        data={mine.map((l) => ({ value: l.id, label: l.name }))}
        value={locationId}
        onChange={setChosen}
        allowDeselect={false}
        w={280}
        mb="md"
      />
      {locationId ? (
        <Stack gap="md">
          <Section title={t('locationRules.duty.title')} query={duty}>
            {(data) => <DutyForm key={`${locationId}-${JSON.stringify(data)}`} locationId={locationId} stored={data} />}
          </Section>
          <Section title={t('locationRules.block.title')} query={policy}>
            {(data) => (
              <BlockForm key={`${locationId}-${JSON.stringify(data)}`} locationId={locationId} stored={data} />
            )}
          </Section>
        </Stack>
      ) : (
        <Text c="dimmed">{t('locationRules.noLocation')}</Text>
      )}
    </>
  );
}
