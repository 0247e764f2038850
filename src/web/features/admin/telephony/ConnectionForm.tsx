import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TELEPHONY_PROVIDERS } from '@shared/telephony/enums';
import { PROVIDER_SETTINGS, SECRET_REQUIRED } from '@shared/telephony/provider-settings';
import { type Connection, ConnectionInput } from '@shared/telephony/schemas';
import { reportError, zodValidate } from '@web/ui/form-errors';
import { useLocations } from '@web/app/org-queries';
import i18next from '@web/i18n';
import { PROVIDER_FORMS } from './connection/providers';
import { type ConnectionValues, initialValues } from './connection/values';
import { useSaveConnection } from './queries';

/** Only the settings of the chosen provider go to the server, which refuses any other. */
function settingsBody(values: ConnectionValues, connection: Connection | null): Record<string, unknown> {
  const kept = connection?.provider === values.provider ? connection.settings : {};
  return PROVIDER_FORMS[values.provider].settings(values.settings, kept);
}

/** The secret is write-only: empty keeps the stored one, "remove" clears it. */
export function connectionBody(values: ConnectionValues, connection: Connection | null) {
  const secret = values.secret.trim();
  return {
    provider: values.provider,
    name: values.name,
    enabled: values.enabled,
    locationId: values.locationId || null,
    settings: settingsBody(values, connection),
    ...(secret ? { secret } : connection && values.removeSecret ? { secret: null } : {}),
  };
}

/** Lists typed as one text field: "settings.devices.2" is shown on the field. */
const LIST_FIELDS = ['settings.devices', 'settings.allowedIps', 'settings.protocolVersions'];

function validate(connection: Connection | null) {
  return (values: ConnectionValues) => {
    const schema = ConnectionInput.extend({ settings: PROVIDER_SETTINGS[values.provider] });
    const errors = zodValidate<ConnectionValues>(schema, (v) => connectionBody(v, connection))(values);
    for (const key of Object.keys(errors)) {
      const field = LIST_FIELDS.find((f) => key.startsWith(`${f}.`));
      if (field) errors[field] ??= errors[key]!;
    }
    const keepsSecret = connection?.hasSecret && !values.removeSecret && connection.provider === values.provider;
    if (SECRET_REQUIRED[values.provider] && !values.secret.trim() && !keepsSecret) {
      errors.secret = i18next.t('validation.required');
    }
    return errors;
  };
}

interface ConnectionFormProps {
  connection: Connection | null;
  onClose(): void;
}

export function ConnectionForm({ connection, onClose }: ConnectionFormProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const save = useSaveConnection();
  const creating = connection === null;
  const form = useForm<ConnectionValues>({
    mode: 'uncontrolled',
    initialValues: initialValues(connection),
    validate: validate(connection),
  });
  const [provider, setProvider] = useState(form.getValues().provider);
  form.watch('provider', ({ value }) => setProvider(value));
  const ProviderFields = PROVIDER_FORMS[provider].Fields;

  async function handleSubmit(values: ConnectionValues) {
    try {
      const saved = await save.mutateAsync({ id: connection?.id, body: connectionBody(values, connection) });
      notifications.show({ color: 'teal', message: t('telephonyAdmin.connections.saved', { name: saved.name }) });
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
            label={t('telephonyAdmin.connections.provider')}
            withAsterisk
            allowDeselect={false}
            data={TELEPHONY_PROVIDERS.map((p) => ({ value: p, label: t(`telephonyAdmin.providers.${p}`) }))}
            key={form.key('provider')}
            {...form.getInputProps('provider')}
          />
          <TextInput
            label={t('telephonyAdmin.connections.name')}
            withAsterisk
            data-autofocus
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('telephonyAdmin.connections.location')}
            placeholder={t('telephonyAdmin.connections.allLocations')}
            clearable
            data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            key={form.key('locationId')}
            {...form.getInputProps('locationId')}
          />
          <PasswordInput
            label={t(`telephonyAdmin.secretLabel.${provider}`)}
            withAsterisk={SECRET_REQUIRED[provider] && !connection?.hasSecret}
            description={
              connection?.hasSecret
                ? t('telephonyAdmin.connections.secretKept')
                : t('telephonyAdmin.connections.secretHint')
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="new-password"
            key={form.key('secret')}
            {...form.getInputProps('secret')}
          />
        </SimpleGrid>

        {ProviderFields && <ProviderFields form={form} connection={connection} />}

        <Group>
          <Switch
            label={t('telephonyAdmin.connections.enabled')}
            key={form.key('enabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          {connection?.hasSecret && (
            <Checkbox
              label={t('telephonyAdmin.connections.removeSecret')}
              key={form.key('removeSecret')}
              {...form.getInputProps('removeSecret', { type: 'checkbox' })}
            />
          )}
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
