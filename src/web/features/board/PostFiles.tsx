import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardAttachment } from '@shared/board/schemas';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '@shared/requests/attachments';
import { ACCEPT, fileProblem, formatSize } from '@web/features/requests/attachments/files';
import { useFileProblemText } from '@web/features/requests/attachments/problem-text';

/**
 * Files chosen for a post, before it is sent: "Datei anhängen", each file with its size and a
 * way to take it off again, and what the server would refuse said at once.
 */
export function PostFilePicker({ files, onChange }: { files: File[]; onChange(files: File[]): void }) {
  const { t } = useTranslation();
  const problemText = useFileProblemText();
  const problem = fileProblem(files);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton onChange={(added) => onChange([...files, ...added])} accept={ACCEPT} multiple>
          {(props) => (
            <Button {...props} size="xs" variant="subtle" leftSection={<IconPaperclip size={14} />}>
              {t('board.files.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('board.files.hint', { max: ATTACHMENT_MAX_FILES, megabytes: ATTACHMENT_MAX_BYTES / (1024 * 1024) })}
        </Text>
      </Group>
      {files.map((file, index) => (
        <Group key={`${file.name}-${index}`} gap={6} wrap="nowrap" data-testid="board-chosen-file">
          <IconPaperclip size={14} aria-hidden />
          <Text size="sm" truncate>
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatSize(file.size)}
          </Text>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('board.files.remove', { name: file.name })}
            onClick={() => onChange(files.filter((_, i) => i !== index))}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problemText(problem)}
        </Text>
      )}
    </Stack>
  );
}

/** Whether the chosen files can be sent as they are. */
export const filesReady = (files: File[]) => fileProblem(files) === null;

/** A post's files as downloads (always saved, never opened inside the app). */
export function PostAttachments({ attachments }: { attachments: BoardAttachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <Stack gap={2} data-testid="board-post-files">
      {attachments.map((file) => (
        <Group key={file.id} gap={6} wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          <Anchor href={`/api/documents/${file.id}`} download={file.fileName} size="sm">
            {file.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatSize(file.size)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
