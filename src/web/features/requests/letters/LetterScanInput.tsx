import { FileInput } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '@shared/requests/attachments';
import { isLetterType, LETTER_MAX_PAGES, LETTER_TYPES } from '@shared/requests/letters';

const MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);

/** Why the server would refuse this scan, checked before it is sent; null when it is fine. */
export function scanProblem(file: File | null): 'type' | 'tooLarge' | null {
  if (!file) return null;
  if (!isLetterType(file.type)) return 'type';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooLarge';
  return null;
}

/** The scanned letter of the intake form: one PDF or picture; its text is read after saving. */
export function LetterScanInput({
  value,
  onChange,
  error,
}: {
  value: File | null;
  onChange(file: File | null): void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const problem = scanProblem(value);
  return (
    <FileInput
      label={t('requests.letter.scan')}
      description={t('requests.letter.scanHint', { megabytes: MEGABYTES, pages: LETTER_MAX_PAGES })}
      accept={LETTER_TYPES.join(',')}
      clearable
      value={value}
      onChange={onChange}
      error={problem ? t(`requests.letter.scanProblem.${problem}`, { name: value?.name, megabytes: MEGABYTES }) : error}
      leftSection={<IconScan size={16} />}
    />
  );
}
