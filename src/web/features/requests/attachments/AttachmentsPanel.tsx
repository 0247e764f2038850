import { Anchor, Button, FileButton, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { describeProblem } from '@web/ui/form-errors';
import { formatDateTime } from '@web/ui/format';
import { ACCEPT, downloadUrl, fileProblem, formatSize } from './files';
import { useFileProblemText } from './problem-text';
import { useAttachments, useUploadAttachments } from './queries';

/** Files on the request: documents and photos the customer sent, or staff added. */
export function AttachmentsPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const attachments = useAttachments(requestId);
  const upload = useUploadAttachments(requestId);
  const problemText = useFileProblemText();
  const [problem, setProblem] = useState<string | null>(null);

  function add(files: File[]) {
    const found = fileProblem(files);
    setProblem(found ? problemText(found) : null);
    if (!found && files.length > 0) upload.mutate(files);
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('requests.attachments.title')}</Title>
        <FileButton onChange={add} accept={ACCEPT} multiple>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="light"
              leftSection={<IconUpload size={14} />}
              loading={upload.isPending}
            >
              {t('requests.attachments.add')}
            </Button>
          )}
        </FileButton>
      </Group>
      {(problem ?? upload.error) && (
        <Text size="sm" c="red" mb="xs" role="alert">
          {problem ?? describeProblem(upload.error)}
        </Text>
      )}
      {attachments.isPending ? (
        <Skeleton height={40} />
      ) : attachments.isError ? (
        <ErrorState error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : attachments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.attachments.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {attachments.data.map((file) => (
            <Group key={file.id} gap="xs" wrap="nowrap">
              <IconPaperclip size={14} aria-hidden />
              <Anchor href={downloadUrl(requestId, file.id)} download={file.fileName} size="sm">
                {file.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatSize(file.size)} · {formatDateTime(file.createdAt)}
                {file.createdBy ? ` · ${file.createdBy.displayName}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
