import { Accordion, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionFormApi } from './values';

/** The provider's API address, folded away: only a test system or a proxy needs another one. */
export function BaseUrlField({ form, placeholder }: { form: ConnectionFormApi; placeholder: string }) {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained">
      <Accordion.Item value="advanced">
        <Accordion.Control>{t('telephonyAdmin.connections.advanced')}</Accordion.Control>
        <Accordion.Panel>
          <TextInput
            label={t('telephonyAdmin.connections.baseUrl')}
            description={t('telephonyAdmin.connections.baseUrlHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={placeholder}
            key={form.key('settings.baseUrl')}
            {...form.getInputProps('settings.baseUrl')}
          />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
