import { Alert, Button, Group, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_HANDLINGS, type DuplicateHandling } from '@shared/imports/schemas';
import type { ImportSettings, ImportUploadResult } from './import-api';

interface MappingStepProps {
  upload: ImportUploadResult;
  settings: ImportSettings;
  onChange: (settings: ImportSettings) => void;
  onBack: () => void;
  onNext: () => void;
}

/** A few distinct, non-empty values of one column, so the user recognises what it holds. */
function samplesOf(upload: ImportUploadResult, column: number): string {
  const values = upload.sampleRows.map((row) => row[column]?.trim() ?? '').filter((value) => value !== '');
  return [...new Set(values)].slice(0, 3).join(' · ');
}

export function MappingStep({ upload, settings, onChange, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('imports.mapping.skipColumn') },
    ...upload.fields.map((field) => ({ value: field.key, label: field.required ? `${field.label} *` : field.label })),
  ];
  const mapped = new Set(Object.values(settings.mapping));
  const missing = upload.fields.filter((field) => field.required && !mapped.has(field.key));

  const setField = (header: string, field: string) =>
    onChange({ ...settings, mapping: { ...settings.mapping, [header]: field } });

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('imports.file.summary', { fileName: upload.fileName, count: upload.totalRows })}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.mapping.column')}</Table.Th>
              <Table.Th>{t('imports.mapping.samples')}</Table.Th>
              <Table.Th w={260}>{t('imports.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.headers.map((header, column) => (
              <Table.Tr key={`${column}-${header}`}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {samplesOf(upload, column)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('imports.mapping.field')}: ${header}`}
                    data={options}
                    value={settings.mapping[header] ?? ''}
                    onChange={(value) => setField(header, value ?? '')}
                    allowDeselect={false}
                    searchable
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {missing.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />}>
          {t('imports.mapping.requiredMissing', { fields: missing.map((field) => field.label).join(', ') })}
        </Alert>
      )}

      {/* A bank's list only changes vehicles already in the CRM: there are no duplicates to decide on. */}
      {upload.target !== 'bank_contracts' && (
        <Radio.Group
          label={t('imports.mapping.duplicates')}
          value={settings.duplicateHandling}
          onChange={(value) => onChange({ ...settings, duplicateHandling: value as DuplicateHandling })}
        >
          <Stack gap="xs" mt="xs">
            {DUPLICATE_HANDLINGS.map((handling) => (
              <Radio
                key={handling}
                value={handling}
                label={t(`imports.mapping.${handling}`)}
                description={t(`imports.mapping.${handling}Hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}

      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={onNext}>
          {t('imports.dryRun.run')}
        </Button>
      </Group>
    </Stack>
  );
}
