import { Checkbox, PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BaseUrlField } from './BaseUrlField';
import { type ConnectionSettingsValues, optional, type ProviderFieldsProps } from './values';

export function placetelSettings(s: ConnectionSettingsValues, kept: Record<string, unknown>): Record<string, unknown> {
  // Write-only like the secret: empty keeps the stored token, "remove" clears it.
  const apiToken = optional(s.apiToken) ?? (s.removeApiToken ? null : undefined);
  return {
    ...kept,
    ...(apiToken !== undefined ? { apiToken } : {}),
    baseUrl: optional(s.baseUrl),
    country: optional(s.country)?.toUpperCase(),
  };
}

/** Placetel's cloud: notifications in, an API token for dialling out. */
export function PlacetelFields({ form, connection }: ProviderFieldsProps) {
  const { t } = useTranslation();
  const keepsToken = connection?.provider === 'placetel' && connection.hasApiToken;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label={t('telephonyAdmin.placetel.apiToken')}
          description={
            keepsToken ? t('telephonyAdmin.placetel.apiTokenKept') : t('telephonyAdmin.placetel.apiTokenHint')
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
        {keepsToken && (
          <Checkbox
            label={t('telephonyAdmin.placetel.removeApiToken')}
            key={form.key('settings.removeApiToken')}
            {...form.getInputProps('settings.removeApiToken', { type: 'checkbox' })}
          />
        )}
      </SimpleGrid>
      <BaseUrlField form={form} placeholder="https://api.placetel.de" />
    </>
  );
}
