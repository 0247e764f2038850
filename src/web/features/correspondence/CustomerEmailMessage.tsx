import { Alert, Anchor, Badge, Code, Group, Modal, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@web/ui/components/ErrorState';
import { formatDateTime } from '@web/ui/format';
import { useCustomerEmail } from './queries';

const STATUS_COLOR = { queued: 'blue', held: 'yellow', sent: 'teal', failed: 'red' } as const;

/** The stored message as it was sent: sender, Reply-To, text, attachments, every header, and the .eml. */
export function CustomerEmailMessage({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const email = useCustomerEmail(id);
  const data = email.data;
  return (
    <Modal opened={id !== null} onClose={onClose} title={t('correspondence.message.title')} size="xl">
      {email.isPending ? (
        <Skeleton height={240} />
      ) : email.isError || !data ? (
        <ErrorState error={email.error} onRetry={() => void email.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{data.subject}</Text>
            <Badge color={STATUS_COLOR[data.status]}>{t(`correspondence.status.${data.status}`)}</Badge>
          </Group>
          <Text size="sm">
            {t('correspondence.message.from')}: {data.fromName} &lt;{data.fromAddress}&gt; · {t('correspondence.to')}:{' '}
            {data.to} · {formatDateTime(data.createdAt)}
          </Text>
          {data.replyTo && (
            <Text size="sm">
              {t('correspondence.message.replyTo')}: {data.replyTo}
            </Text>
          )}
          {data.reason === 'asked' && (
            <Alert color="orange" variant="light">
              {t('correspondence.message.asked')}
            </Alert>
          )}
          {data.lastError && (
            <Alert color="red" variant="light">
              {data.lastError}
            </Alert>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="email-text">
            {data.text}
          </Text>
          {data.attachments.length > 0 && (
            <Group gap="xs" aria-label={t('correspondence.attachments')}>
              {data.attachments.map((a) => (
                <Badge
                  key={`${a.fileName}-${a.size}`}
                  variant="light"
                  leftSection={<IconPaperclip size={12} />}
                  tt="none"
                >
                  {a.fileName}
                </Badge>
              ))}
            </Group>
          )}
          <Text size="sm" fw={600}>
            {t('correspondence.message.headers')}
          </Text>
          <ScrollArea.Autosize mah={200}>
            <Table fz="xs" withRowBorders={false}>
              <Table.Tbody>
                {data.headers.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{h.name}</Table.Td>
                    <Table.Td>
                      <Code>{h.value}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Anchor href={`/api/customer-emails/${data.id}/raw`} size="sm">
            <Group gap={4}>
              <IconDownload size={14} />
              {t('correspondence.message.download')}
            </Group>
          </Anchor>
        </Stack>
      )}
    </Modal>
  );
}
