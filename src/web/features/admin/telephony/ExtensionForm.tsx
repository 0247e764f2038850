import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ExtensionInput } from '@shared/telephony/schemas';
import type { Connection } from '@shared/telephony/schemas';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { type ExtensionItem, useSaveExtension, useUserDirectory } from './queries';

interface Values {
  connectionId: string | null;
  extension: string;
  userId: string | null;
  label: string;
  monitored: boolean;
}

const toBody = (v: Values) => ({
  connectionId: v.connectionId ?? '',
  extension: v.extension,
  userId: v.userId ?? '',
  label: v.label,
  monitored: v.monitored,
});

interface ExtensionFormProps {
  extension: ExtensionItem | null;
  connections: Connection[];
  defaultConnectionId: string | null;
  onClose(): void;
}

export function ExtensionForm({ extension, connections, defaultConnectionId, onClose }: ExtensionFormProps) {
  const { t } = useTranslation();
  const users = useUserDirectory();
  const save = useSaveExtension();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      connectionId: extension?.connectionId ?? defaultConnectionId ?? connections[0]?.id ?? null,
      extension: extension?.extension ?? '',
      userId: extension?.user.id ?? null,
      label: extension?.label ?? '',
      monitored: extension?.monitored ?? true,
    },
    validate: zodValidate<Values>(ExtensionInput, toBody),
  });

  async function handleSubmit(values: Values) {
    try {
      await save.mutateAsync({ id: extension?.id, body: toBody(values) });
      notifications.show({
        color: 'teal',
        message: t('telephonyAdmin.extensions.saved', { extension: values.extension }),
      });
      onClose();
    } catch (error) {
      reportError(error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('telephonyAdmin.extensions.connection')}
            withAsterisk
            allowDeselect={false}
            data={connections.map((c) => ({ value: c.id, label: c.name }))}
            key={form.key('connectionId')}
            {...form.getInputProps('connectionId')}
          />
          <TextInput
            label={t('telephonyAdmin.extensions.extension')}
            description={t('telephonyAdmin.extensions.extensionHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            withAsterisk
            data-autofocus
            key={form.key('extension')}
            {...form.getInputProps('extension')}
          />
          <Select
            label={t('telephonyAdmin.extensions.user')}
            withAsterisk
            searchable
            data={(users.data ?? [])
              .filter((u) => u.active || u.id === extension?.user.id)
              .map((u) => ({ value: u.id, label: u.displayName }))}
            key={form.key('userId')}
            {...form.getInputProps('userId')}
          />
          <TextInput
            label={t('telephonyAdmin.extensions.label')}
            key={form.key('label')}
            {...form.getInputProps('label')}
          />
        </SimpleGrid>
        <Switch
          label={t('telephonyAdmin.extensions.monitored')}
          description={t('telephonyAdmin.extensions.monitoredHint')}
          key={form.key('monitored')}
          {...form.getInputProps('monitored', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {extension ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
