import { Group, Paper, SegmentedControl, Select, Skeleton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_TYPES, TEMPLATE_KINDS, type RequestType, type TemplateKind } from '@shared/requests/enums';
import { ErrorState } from '@web/ui/components/ErrorState';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useTemplates } from './queries';
import { TemplateEditor } from './TemplateEditor';
import { CustomerEmailTemplates } from './CustomerEmailTemplates';

/** /admin/templates — phone script, voicemail and e-mail per request type (R3.3), and the customer e-mails. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [requestType, setRequestType] = useState<RequestType>('callback');
  const [kind, setKind] = useState<TemplateKind>('phone_script');
  const template = templates.data?.find(
    (candidate) => candidate.requestType === requestType && candidate.kind === kind,
  );

  return (
    <>
      <PageHeader title={t('templates.title')} description={t('templates.subtitle')} />
      <Group mb="md" align="flex-end">
        <Select
          label={t('requests.fields.type')}
          data={REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))}
          value={requestType}
          onChange={(value) => value && setRequestType(value as RequestType)}
          allowDeselect={false}
          w={240}
        />
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as TemplateKind)}
          data={TEMPLATE_KINDS.map((value) => ({ value, label: t(`templates.kind.${value}`) }))}
        />
      </Group>
      <Paper withBorder radius="md" p="md">
        {templates.isPending ? (
          <Skeleton height={280} />
        ) : templates.isError ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : template ? (
          // Keyed by type, kind and version, so switching or saving starts from the stored text.
          <TemplateEditor key={`${requestType}-${kind}-${template.updatedAt}`} template={template} />
        ) : (
          <ErrorState error={null} />
        )}
      </Paper>
      <CustomerEmailTemplates />
    </>
  );
}
