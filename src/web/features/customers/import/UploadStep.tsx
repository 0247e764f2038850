import { Alert, Button, FileButton, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '@shared/imports/schemas';
import { describeProblem } from '@web/ui/form-errors';
import { uploadImportFile, type ImportUploadResult } from './import-api';

const ACCEPT = '.csv,.xlsx,.vcf,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface UploadStepProps {
  onUploaded: (result: ImportUploadResult) => void;
}

export function UploadStep({ onUploaded }: UploadStepProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ImportTarget>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (input: { target: ImportTarget; file: File }) => uploadImportFile(input.target, input.file),
    onSuccess: onUploaded,
  });

  return (
    <Stack gap="md" maw={560}>
      <Stack gap={4}>
        <Text fw={500} size="sm" id="import-target-label">
          {t('imports.target.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="import-target-label"
          value={target}
          onChange={(value) => setTarget(value as ImportTarget)}
          data={[
            { value: 'contacts', label: t('imports.target.contacts') },
            { value: 'vehicles', label: t('imports.target.vehicles') },
            { value: 'bank_contracts', label: t('imports.target.bankContracts') },
          ]}
        />
        {target === 'bank_contracts' && (
          <Text size="xs" c="dimmed">
            {t('imports.target.bankContractsHint')}
          </Text>
        )}
      </Stack>

      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('imports.file.label')}
        </Text>
        <Group gap="sm">
          <FileButton onChange={setFile} accept={ACCEPT}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />}>
                {t('imports.file.pick')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c={file ? undefined : 'dimmed'}>
            {file ? file.name : t('imports.file.none')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {/* vCards hold people only; a vehicle or bank list comes as a sheet. */}
          {t(target === 'contacts' ? 'imports.file.hint' : 'imports.file.hintSheets')}
        </Text>
      </Stack>

      {upload.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('imports.file.uploadFailed')}>
          {describeProblem(upload.error)}
        </Alert>
      )}

      <Group gap="sm">
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate({ target, file })}
        >
          {t('imports.file.upload')}
        </Button>
        {upload.isPending && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('imports.file.uploading')}
            </Text>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
