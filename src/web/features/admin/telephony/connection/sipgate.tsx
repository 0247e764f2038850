import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BaseUrlField } from './BaseUrlField';
import { type ConnectionSettingsValues, list, optional, type ProviderFieldsProps } from './values';

export function sipgateSettings(s: ConnectionSettingsValues, kept: Record<string, unknown>): Record<string, unknown> {
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

/** sipgate's cloud: webhooks in, its REST API out. */
export function SipgateFields({ form }: ProviderFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
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
      <BaseUrlField form={form} placeholder="https://api.sipgate.com" />
    </>
  );
}
