import { Alert, Badge, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LetterText } from '@shared/requests/letters';
import { ErrorState } from '@web/ui/components/ErrorState';
import { useLetterText } from './queries';

/** How the text was read, in words: from the PDF, by OCR with its confidence, or both. */
function SourceBadge({ letter }: { letter: LetterText }) {
  const { t } = useTranslation();
  if (!letter.source) return null;
  const confidence = letter.confidence !== null ? t('requests.letter.confidence', { value: letter.confidence }) : '';
  return (
    <Badge variant="light" color={letter.source === 'text_layer' ? 'gray' : 'yellow'} tt="none">
      {t(`requests.letter.source.${letter.source}`)}
      {letter.source !== 'text_layer' && confidence ? ` · ${confidence}` : ''}
    </Badge>
  );
}

/** The scanned letter's text on the request: being read, read (verbatim), or why there is none. */
export function LetterPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const letter = useLetterText(requestId, true);
  if (letter.isPending) return null;
  if (letter.isError) return <ErrorState error={letter.error} onRetry={() => void letter.refetch()} />;
  const data = letter.data;
  if (!data) return null;

  return (
    <Paper withBorder radius="md" p="md" aria-label={t('requests.letter.title')} component="section">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <IconMail size={18} />
          <Title order={4}>{t('requests.letter.title')}</Title>
          {data.fileName && (
            <Text size="sm" c="dimmed">
              {data.fileName}
            </Text>
          )}
        </Group>
        <SourceBadge letter={data} />
      </Group>
      <Stack gap="xs">
        {data.status === 'pending' && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('requests.letter.reading')}</Text>
          </Group>
        )}
        {data.suggestedType && (
          <Alert variant="light" color="orange" icon={<IconBulb />} p="xs">
            <Text size="sm">{t('requests.letter.suggestComplaint')}</Text>
          </Alert>
        )}
        {data.text && (
          <ScrollArea.Autosize mah={420}>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap' }}
              ff={data.source === 'text_layer' ? undefined : 'monospace'}
            >
              {data.text}
            </Text>
          </ScrollArea.Autosize>
        )}
        {data.status === 'unread' && !data.notes.length && (
          <Text size="sm" c="dimmed">
            {t('requests.letter.notes.noText')}
          </Text>
        )}
        {data.notes.map((note) => (
          <Group key={`${note.key}-${JSON.stringify(note.params)}`} gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0 }} />
            <Text size="sm">{t(`requests.letter.notes.${note.key}`, note.params)}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
