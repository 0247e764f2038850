import {
  Accordion,
  Button,
  Checkbox,
  Group,
  MultiSelect,
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
import {
  CSTA_DIAL_FORMATS,
  CSTA_EDITIONS,
  PROVIDER_SETTINGS,
  SECRET_REQUIRED,
} from '../../../../shared/telephony/provider-settings';
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
    userId: string;
    devices: string;
    country: string;
    dialFormat: string;
    dialPrefix: string;
    protocolVersions: string[];
    tokenId: string;
    callerId: string;
    publicKey: string;
    allowedIps: string;
    apiToken: string;
    removeApiToken: boolean;
    baseUrl: string;
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const lines = (value: unknown) => (Array.isArray(value) ? value.join('\n') : '');
const list = (value: string) =>
  value
    .split(/[\n,]+/)
    .map((d) => d.trim())
    .filter(Boolean);

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
      userId: text(s.userId),
      devices: lines(s.devices),
      country: text(s.country),
      dialFormat: text(s.dialFormat) || 'e164',
      dialPrefix: text(s.dialPrefix),
      protocolVersions: Array.isArray(s.protocolVersions) ? s.protocolVersions.map(String) : ['ed3'],
      tokenId: text(s.tokenId),
      callerId: text(s.callerId),
      publicKey: text(s.publicKey),
      allowedIps: lines(s.allowedIps),
      apiToken: '',
      removeApiToken: false,
      baseUrl: text(s.baseUrl),
    },
  };
}

const optional = (value: string) => value.trim() || undefined;

/**
 * Only the settings of the chosen provider go to the server, which refuses any
 * other. Tuning keys the form does not show (set through the API) are sent back
 * as they were, so saving the form does not reset them.
 */
function settingsBody(values: Values, connection: Connection | null): Record<string, unknown> {
  const s = values.settings;
  const kept = connection?.provider === values.provider ? connection.settings : {};
  switch (values.provider) {
    case 'csta':
      return {
        ...kept,
        host: s.host.trim(),
        port: s.port === '' ? undefined : Number(s.port),
        applicationSession: s.applicationSession,
        applicationId: optional(s.applicationId),
        userId: optional(s.userId),
        devices: list(s.devices),
        country: optional(s.country)?.toUpperCase(),
        dialFormat: s.dialFormat,
        dialPrefix: s.dialPrefix.trim(),
        protocolVersions: s.protocolVersions,
      };
    case 'sipgate': {
      const allowedIps = list(s.allowedIps);
      return {
        ...kept,
        tokenId: optional(s.tokenId),
        callerId: optional(s.callerId)?.replace(/[\s/()-]/g, ''),
        publicKey: optional(s.publicKey),
        allowedIps: allowedIps.length > 0 ? allowedIps : undefined,
        baseUrl: optional(s.baseUrl),
      };
    }
    case 'placetel': {
      // Write-only like the secret: empty keeps the stored token, "remove" clears it.
      const apiToken = optional(s.apiToken) ?? (s.removeApiToken ? null : undefined);
      return {
        ...kept,
        ...(apiToken !== undefined ? { apiToken } : {}),
        baseUrl: optional(s.baseUrl),
        country: optional(s.country)?.toUpperCase(),
      };
    }
    case 'webhook':
      return {};
  }
}

/** The secret is write-only: empty keeps the stored one, "remove" clears it. */
export function connectionBody(values: Values, connection: Connection | null) {
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
  return (values: Values) => {
    const schema = ConnectionInput.extend({ settings: PROVIDER_SETTINGS[values.provider] });
    const errors = zodValidate<Values>(schema, (v) => connectionBody(v, connection))(values);
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
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: initialValues(connection),
    validate: validate(connection),
  });
  const [provider, setProvider] = useState(form.getValues().provider);
  form.watch('provider', ({ value }) => setProvider(value));

  async function handleSubmit(values: Values) {
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
              label={t('telephonyAdmin.csta.userId')}
              description={t('telephonyAdmin.csta.userIdHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              key={form.key('settings.userId')}
              {...form.getInputProps('settings.userId')}
            />
            <TextInput
              label={t('telephonyAdmin.csta.applicationId')}
              placeholder="autohaus-crm"
              key={form.key('settings.applicationId')}
              {...form.getInputProps('settings.applicationId')}
            />
            <MultiSelect
              label={t('telephonyAdmin.csta.protocolVersions')}
              description={t('telephonyAdmin.csta.protocolVersionsHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={CSTA_EDITIONS.map((e) => ({ value: e, label: t(`telephonyAdmin.csta.editions.${e}`) }))}
              key={form.key('settings.protocolVersions')}
              {...form.getInputProps('settings.protocolVersions')}
            />
            <TextInput
              label={t('telephonyAdmin.csta.country')}
              placeholder="DE"
              maxLength={2}
              key={form.key('settings.country')}
              {...form.getInputProps('settings.country')}
            />
            <Select
              label={t('telephonyAdmin.csta.dialFormat')}
              allowDeselect={false}
              data={CSTA_DIAL_FORMATS.map((f) => ({ value: f, label: t(`telephonyAdmin.csta.dialFormats.${f}`) }))}
              key={form.key('settings.dialFormat')}
              {...form.getInputProps('settings.dialFormat')}
            />
            <TextInput
              label={t('telephonyAdmin.csta.dialPrefix')}
              description={t('telephonyAdmin.csta.dialPrefixHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              key={form.key('settings.dialPrefix')}
              {...form.getInputProps('settings.dialPrefix')}
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
              mt="xl"
              label={t('telephonyAdmin.csta.applicationSession')}
              key={form.key('settings.applicationSession')}
              {...form.getInputProps('settings.applicationSession', { type: 'checkbox' })}
            />
          </SimpleGrid>
        )}
        {provider === 'sipgate' && (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('telephonyAdmin.sipgate.tokenId')}
                description={t('telephonyAdmin.sipgate.tokenIdHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                key={form.key('settings.tokenId')}
                {...form.getInputProps('settings.tokenId')}
              />
              <TextInput
                label={t('telephonyAdmin.sipgate.callerId')}
                placeholder="+4922112345678"
                key={form.key('settings.callerId')}
                {...form.getInputProps('settings.callerId')}
              />
            </SimpleGrid>
            <Textarea
              label={t('telephonyAdmin.sipgate.publicKey')}
              description={t('telephonyAdmin.sipgate.publicKeyHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
              rows={4}
              styles={{ input: { fontFamily: 'monospace' } }}
              key={form.key('settings.publicKey')}
              {...form.getInputProps('settings.publicKey')}
            />
            <Textarea
              label={t('telephonyAdmin.sipgate.allowedIps')}
              description={t('telephonyAdmin.sipgate.allowedIpsHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              rows={2}
              key={form.key('settings.allowedIps')}
              {...form.getInputProps('settings.allowedIps')}
            />
          </Stack>
        )}
        {provider === 'placetel' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t('telephonyAdmin.placetel.apiToken')}
              description={
                connection?.provider === 'placetel' && connection.hasApiToken
                  ? t('telephonyAdmin.placetel.apiTokenKept')
                  : t('telephonyAdmin.placetel.apiTokenHint')
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="new-password"
              key={form.key('settings.apiToken')}
              {...form.getInputProps('settings.apiToken')}
            />
            <TextInput
              label={t('telephonyAdmin.placetel.country')}
              placeholder="DE"
              maxLength={2}
              key={form.key('settings.country')}
              {...form.getInputProps('settings.country')}
            />
            {connection?.provider === 'placetel' && connection.hasApiToken && (
              <Checkbox
                label={t('telephonyAdmin.placetel.removeApiToken')}
                key={form.key('settings.removeApiToken')}
                {...form.getInputProps('settings.removeApiToken', { type: 'checkbox' })}
              />
            )}
          </SimpleGrid>
        )}
        {(provider === 'sipgate' || provider === 'placetel') && (
          <Accordion variant="contained">
            <Accordion.Item value="advanced">
              <Accordion.Control>{t('telephonyAdmin.connections.advanced')}</Accordion.Control>
              <Accordion.Panel>
                <TextInput
                  label={t('telephonyAdmin.connections.baseUrl')}
                  description={t('telephonyAdmin.connections.baseUrlHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  placeholder={provider === 'sipgate' ? 'https://api.sipgate.com' : 'https://api.placetel.de'}
                  key={form.key('settings.baseUrl')}
                  {...form.getInputProps('settings.baseUrl')}
                />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
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
