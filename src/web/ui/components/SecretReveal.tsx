import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface SecretRevealProps {
  /** The secret to show; the dialog is open while it is set. */
  secret: string | null;
  title: string;
  message: string;
  /** Shown as a warning, for secrets that can never be shown again. */
  warning?: string;
  onClose(): void;
}

/** Shows a one-time password or API key exactly once, with a copy button. */
export function SecretReveal({ secret, title, message, warning, onClose }: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text>{message}</Text>
        {warning && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />}>
            {warning}
          </Alert>
        )}
        <Group wrap="nowrap" gap="xs">
          <Code block fz="md" style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="secret">
            {secret}
          </Code>
          <CopyButton value={secret ?? ''} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon
                  size="xl"
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  aria-label={t('common.copy')}
                >
                  {copied ? <IconCheck /> : <IconCopy />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
