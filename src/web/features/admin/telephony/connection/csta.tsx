import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { CSTA_DIAL_FORMATS, CSTA_EDITIONS } from '@shared/telephony/provider-settings';
import { useTranslation } from 'react-i18next';
import { type ConnectionSettingsValues, list, optional, type ProviderFieldsProps } from './values';

export function cstaSettings(s: ConnectionSettingsValues, kept: Record<string, unknown>): Record<string, unknown> {
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
}

/** A CSTA phone system on the dealer's network (a TCP link the server keeps open). */
export function CstaFields({ form }: ProviderFieldsProps) {
  const { t } = useTranslation();
  return (
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
  );
}
