import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TELEPHONY_PROVIDERS, type TelephonyProvider } from '../../../../shared/telephony/enums';
import { PROVIDER_SETTINGS, SECRET_REQUIRED } from '../../../../shared/telephony/provider-settings';
import { type Connection, ConnectionInput } from '../../../../shared/telephony/schemas';
import { reportError, zodValidate } from '../../../app/form-errors';
import { useLocations } from '../../../app/org-queries';
import i18next from '../../../i18n';
import { useSaveConnection } from './queries';

interface Values {
  provider: TelephonyProvider;
  name: string;
  enabled: boolean;
  locationId: string | null;
  secret: string;
  removeSecret: boolean;
  settings: {
    host: string;
    port: number | string;
    applicationSession: boolean;
    applicationId: string;
    devices: string;
    tls: boolean;
    apiTokenId: string;
    verifySignature: boolean;
    apiBaseUrl: string;
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function initialValues(connection: Connection | null): Values {
  const s = connection?.settings ?? {};
  return {
    provider: connection?.provider ?? 'csta',
    name: connection?.name ?? '',
    enabled: connection?.enabled ?? true,
    locationId: connection?.locationId ?? null,
    secret: '',
    removeSecret: false,
    settings: {
      host: text(s.host),
      port: typeof s.port === 'number' ? s.port : '',
      applicationSession: s.applicationSession === true,
      applicationId: text(s.applicationId),
      devices: Array.isArray(s.devices) ? s.devices.join('\n') : '',
      tls: s.tls === true,
      apiTokenId: text(s.apiTokenId),
      verifySignature: s.verifySignature === true,
      apiBaseUrl: text(s.apiBaseUrl),
    },
  };
}

const optional = (value: string) => value.trim() || undefined;

/** Only the settings of the chosen provider go to the server, which refuses any other. */
function settingsBody(values: Values): Record<string, unknown> {
  const s = values.settings;
  switch (values.provider) {
    case 'csta':
      return {
        host: s.host.trim(),
        port: s.port === '' ? undefined : Number(s.port),
        applicationSession: s.applicationSession,
        applicationId: optional(s.applicationId),
        devices: s.devices
          .split(/[\n,]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        tls: s.tls,
      };
    case 'sipgate':
      return { apiTokenId: optional(s.apiTokenId), verifySignature: s.verifySignature };
    case 'placetel':
      return { apiBaseUrl: optional(s.apiBaseUrl) };
    case 'webhook':
      return {};
  }
}

/** The secret is write-only: empty keeps the stored one, "remove" clears it. */
export function connectionBody(values: Values, creating: boolean) {
  const secret = values.secret.trim();
  return {
    provider: values.provider,
    name: values.name,
    enabled: values.enabled,
    locationId: values.locationId || null,
    settings: settingsBody(values),
    ...(secret ? { secret } : !creating && values.removeSecret ? { secret: null } : {}),
  };
}

function validate(connection: Connection | null) {
  return (values: Values) => {
    const schema = ConnectionInput.extend({ settings: PROVIDER_SETTINGS[values.provider] });
    const errors = zodValidate<Values>(schema, (v) => connectionBody(v, connection === null))(values);
    // "settings.devices.2" points into the list typed as one text field.
    for (const key of Object.keys(errors)) {
      if (key.startsWith('settings.devices.')) errors['settings.devices'] ??= errors[key]!;
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
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: initialValues(connection),
    validate: validate(connection),
  });
  const [provider, setProvider] = useState(form.getValues().provider);
  form.watch('provider', ({ value }) => setProvider(value));

  async function handleSubmit(values: Values) {
    try {
      const saved = await save.mutateAsync({ id: connection?.id, body: connectionBody(values, creating) });
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

        {provider === 'csta' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('telephonyAdmin.csta.host')}
              withAsterisk
              key={form.key('settings.host')}
              {...form.getInputProps('settings.host')}
            />
            <NumberInput
              label={t('telephonyAdmin.csta.port')}
              withAsterisk
              min={1}
              max={65535}
              allowDecimal={false}
              key={form.key('settings.port')}
              {...form.getInputProps('settings.port')}
            />
            <TextInput
              label={t('telephonyAdmin.csta.applicationId')}
              key={form.key('settings.applicationId')}
              {...form.getInputProps('settings.applicationId')}
            />
            <Textarea
              label={t('telephonyAdmin.csta.devices')}
              description={t('telephonyAdmin.csta.devicesHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              rows={3}
              key={form.key('settings.devices')}
              {...form.getInputProps('settings.devices')}
            />
            <Checkbox
              label={t('telephonyAdmin.csta.applicationSession')}
              key={form.key('settings.applicationSession')}
              {...form.getInputProps('settings.applicationSession', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('telephonyAdmin.csta.tls')}
              key={form.key('settings.tls')}
              {...form.getInputProps('settings.tls', { type: 'checkbox' })}
            />
          </SimpleGrid>
        )}
        {provider === 'sipgate' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('telephonyAdmin.sipgate.apiTokenId')}
              key={form.key('settings.apiTokenId')}
              {...form.getInputProps('settings.apiTokenId')}
            />
            <Checkbox
              mt="xl"
              label={t('telephonyAdmin.sipgate.verifySignature')}
              key={form.key('settings.verifySignature')}
              {...form.getInputProps('settings.verifySignature', { type: 'checkbox' })}
            />
          </SimpleGrid>
        )}
        {provider === 'placetel' && (
          <TextInput
            label={t('telephonyAdmin.placetel.apiBaseUrl')}
            placeholder="https://api.placetel.de/v2"
            key={form.key('settings.apiBaseUrl')}
            {...form.getInputProps('settings.apiBaseUrl')}
          />
        )}

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
