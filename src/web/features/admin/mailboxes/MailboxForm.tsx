import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, TypeRule } from '@shared/mailboxes/schemas';
import { DEPARTMENT_KINDS } from '@shared/org/enums';
import { REQUEST_TYPES, type RequestType } from '@shared/requests/enums';
import { useLocations } from '@web/app/org-queries';
import { reportError } from '@web/ui/form-errors';
import { type ConnectionTestResult, useSaveMailbox, useTestMailbox } from './queries';

interface Values {
  locationId: string;
  department: string;
  name: string;
  address: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  secret: string;
  folder: string;
  defaultType: RequestType;
  typeRules: TypeRule[];
  afterProcessing: 'flag' | 'move';
  moveToFolder: string;
  acknowledge: boolean;
  enabled: boolean;
  pollSeconds: number;
}

const initial = (m: Mailbox | null): Values => ({
  locationId: m?.locationId ?? '',
  department: m?.department ?? '',
  name: m?.name ?? '',
  address: m?.address ?? '',
  host: m?.host ?? '',
  port: m?.port ?? 993,
  tls: m?.tls ?? true,
  username: m?.username ?? '',
  secret: '',
  folder: m?.folder ?? 'INBOX',
  defaultType: m?.defaultType ?? 'general',
  typeRules: m?.typeRules ?? [],
  afterProcessing: m?.afterProcessing ?? 'flag',
  moveToFolder: m?.moveToFolder ?? '',
  acknowledge: m?.acknowledge ?? false,
  enabled: m?.enabled ?? true,
  pollSeconds: m?.pollSeconds ?? 60,
});

/** The password is write-only: empty keeps the stored one. */
const bodyOf = (v: Values) => ({
  ...v,
  department: v.department || null,
  moveToFolder: v.afterProcessing === 'move' ? v.moveToFolder || null : null,
  secret: v.secret || undefined,
});

export function MailboxForm({ mailbox, onClose }: { mailbox: Mailbox | null; onClose(): void }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const save = useSaveMailbox();
  const test = useTestMailbox();
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);
  const form = useForm<Values>({
    initialValues: initial(mailbox),
    validate: {
      locationId: (v) => (v ? null : t('validation.required')),
      name: (v) => (v.trim() ? null : t('validation.required')),
      address: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : t('mailboxes.form.addressInvalid')),
      host: (v) => (v.trim() ? null : t('validation.required')),
      username: (v) => (v.trim() ? null : t('validation.required')),
      secret: (v) => (v || mailbox?.secretStored ? null : t('validation.required')),
      moveToFolder: (v, all) => (all.afterProcessing === 'move' && !v.trim() ? t('validation.required') : null),
    },
  });
  const v = form.values;

  async function submit(values: Values) {
    try {
      const saved = await save.mutateAsync({ id: mailbox?.id, body: bodyOf(values) });
      notifications.show({ color: 'teal', message: t('mailboxes.form.saved', { name: saved.name }) });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  async function runTest() {
    setTested(null);
    try {
      setTested(
        await test.mutateAsync({
          host: v.host,
          port: v.port,
          tls: v.tls,
          username: v.username,
          folder: v.folder,
          secret: v.secret || undefined,
          mailboxId: mailbox?.id,
        }),
      );
    } catch (error) {
      reportError(error);
    }
  }

  const typeData = REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }));
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('mailboxes.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('mailboxes.form.address')} withAsterisk {...form.getInputProps('address')} />
          <Select
            label={t('mailboxes.form.location')}
            withAsterisk
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            {...form.getInputProps('locationId')}
          />
          <Select
            label={t('mailboxes.form.department')}
            clearable
            data={DEPARTMENT_KINDS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
            {...form.getInputProps('department')}
          />
          <TextInput label={t('mailboxes.form.host')} withAsterisk {...form.getInputProps('host')} />
          <NumberInput
            label={t('mailboxes.form.port')}
            min={1}
            max={65535}
            withAsterisk
            {...form.getInputProps('port')}
          />
          <TextInput
            label={t('mailboxes.form.username')}
            withAsterisk
            autoComplete="off"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('mailboxes.form.secret')}
            withAsterisk={!mailbox?.secretStored}
            description={mailbox?.secretStored ? t('mailboxes.form.secretStored') : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="new-password"
            {...form.getInputProps('secret')}
          />
          <TextInput label={t('mailboxes.form.folder')} {...form.getInputProps('folder')} />
          <NumberInput
            label={t('mailboxes.form.pollSeconds')}
            min={10}
            max={3600}
            {...form.getInputProps('pollSeconds')}
          />
          <Select
            label={t('mailboxes.form.defaultType')}
            allowDeselect={false}
            data={typeData}
            {...form.getInputProps('defaultType')}
          />
          <Select
            label={t('mailboxes.form.afterProcessing')}
            allowDeselect={false}
            data={[
              { value: 'flag', label: t('mailboxes.form.afterFlag') },
              { value: 'move', label: t('mailboxes.form.afterMove') },
            ]}
            {...form.getInputProps('afterProcessing')}
          />
          {v.afterProcessing === 'move' && (
            <TextInput label={t('mailboxes.form.moveToFolder')} withAsterisk {...form.getInputProps('moveToFolder')} />
          )}
        </SimpleGrid>

        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('mailboxes.form.rules')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('mailboxes.form.rulesHint')}
          </Text>
          {v.typeRules.map((_, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <Select
                aria-label={t('mailboxes.form.ruleKind')}
                allowDeselect={false}
                data={[
                  { value: 'sender_domain', label: t('mailboxes.form.ruleDomain') },
                  { value: 'subject_word', label: t('mailboxes.form.ruleWord') },
                ]}
                {...form.getInputProps(`typeRules.${i}.kind`)}
              />
              <TextInput aria-label={t('mailboxes.form.ruleValue')} {...form.getInputProps(`typeRules.${i}.value`)} />
              <Select
                aria-label={t('mailboxes.form.ruleType')}
                allowDeselect={false}
                data={typeData}
                {...form.getInputProps(`typeRules.${i}.type`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('mailboxes.form.ruleRemove')}
                onClick={() => form.removeListItem('typeRules', i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('typeRules', { kind: 'subject_word', value: '', type: 'complaint' })}
          >
            {t('mailboxes.form.ruleAdd')}
          </Button>
        </Stack>

        <Group>
          <Switch label={t('mailboxes.form.tls')} {...form.getInputProps('tls', { type: 'checkbox' })} />
          <Switch
            label={t('mailboxes.form.acknowledge')}
            {...form.getInputProps('acknowledge', { type: 'checkbox' })}
          />
          <Switch label={t('mailboxes.form.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        </Group>
        {tested && (
          <Alert color={tested.ok ? 'teal' : 'red'} role="status">
            {tested.ok
              ? t('mailboxes.form.testOk', { count: tested.messages })
              : t('mailboxes.form.testFailed', { error: tested.error })}
          </Alert>
        )}
        <Group justify="space-between" mt="sm">
          <Button variant="light" onClick={() => void runTest()} loading={test.isPending}>
            {t('mailboxes.form.test')}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {mailbox ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
