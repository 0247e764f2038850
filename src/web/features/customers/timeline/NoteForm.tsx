import { Button, Group, Paper, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '@web/ui/form-errors';
import { useAddNote } from '../queries';
import classes from './NoteForm.module.css';

interface NoteFormProps {
  contactId: string;
  /** A note taken on a vehicle's page belongs to that vehicle too. */
  vehicleId?: string;
}

/** The note pad at the top of the history: type, Ctrl+Enter, done. */
export function NoteForm({ contactId, vehicleId }: NoteFormProps) {
  const { t } = useTranslation();
  const addNote = useAddNote(contactId);
  const [text, setText] = useState('');

  async function submit() {
    if (!text.trim()) return;
    try {
      await addNote.mutateAsync({ text: text.trim(), ...(vehicleId ? { vehicleId } : {}) });
      setText('');
      notifications.show({ color: 'teal', message: t('customers.timeline.noteSaved') });
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Paper withBorder radius="md" p="sm" mb="md">
      <Textarea
        aria-label={t('customers.timeline.addNote')}
        placeholder={t('customers.timeline.notePlaceholder')}
        rows={2}
        classNames={{ input: classes.input }}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        variant="unstyled"
      />
      <Group justify="flex-end" gap="xs">
        <Button
          size="xs"
          leftSection={<IconNote size={14} />}
          onClick={() => void submit()}
          disabled={!text.trim()}
          loading={addNote.isPending}
          title={t('customers.timeline.noteShortcut')}
        >
          {t('customers.timeline.addNote')}
        </Button>
      </Group>
    </Paper>
  );
}
