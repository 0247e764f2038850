import { Accordion, CopyButton, Button, Skeleton, Text } from '@mantine/core';
import { IconMicrophone, IconScript } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useRequestTemplates } from '../queries';

const ICONS = { phone_script: IconScript, voicemail: IconMicrophone } as const;

/** Phone script and voicemail text, filled for this customer; folded away until needed. */
export function ScriptsPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const templates = useRequestTemplates(requestId);
  if (templates.isPending) return <Skeleton height={48} />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  const spoken = templates.data.filter((template) => template.kind !== 'email');
  return (
    <Accordion variant="separated" radius="md" multiple>
      {spoken.map((template) => {
        const Icon = ICONS[template.kind as keyof typeof ICONS];
        return (
          <Accordion.Item key={template.kind} value={template.kind} bg="white">
            <Accordion.Control icon={<Icon size={18} />}>{t(`templates.kind.${template.kind}`)}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {template.body}
              </Text>
              {template.missing.length > 0 && (
                <Text size="xs" c="orange.8" mt="xs">
                  {t('requests.templates.missing', { fields: template.missing.join(', ') })}
                </Text>
              )}
              <CopyButton value={template.body}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" mt="xs" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
