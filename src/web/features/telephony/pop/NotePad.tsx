import { Button, Group, Loader, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NoteStatus } from './use-note-autosave';

interface NotePadProps {
  value: string;
  status: NoteStatus;
  onChange(value: string): void;
  onSave(): void;
  /** Shown under the pad, which then counts as required (a conversation needs its note). */
  error?: string;
}

function StatusLine({ status }: { status: NoteStatus }) {
  const { t } = useTranslation();
  const look = {
    saved: { icon: <IconCheck size={14} />, color: 'teal' },
    saving: { icon: <Loader size={12} />, color: 'dimmed' },
    unsaved: { icon: null, color: 'dimmed' },
    failed: { icon: <IconAlertCircle size={14} />, color: 'red' },
  }[status];
  return (
    <Group gap={4} c={look.color} aria-live="polite" data-note-status={status}>
      {look.icon}
      <Text size="xs" c={look.color}>
        {t(`telephony.note.${status}`)}
      </Text>
    </Group>
  );
}

/** Notes while the customer talks; saved by themselves, Ctrl+Enter saves at once. */
export function NotePad({ value, status, onChange, onSave, error }: NotePadProps) {
  const { t } = useTranslation();
  return (
    <div>
      <Textarea
        label={t('telephony.note.label')}
        placeholder={t('telephony.note.placeholder')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave();
          }
        }}
        // The keyboard shortcut finds the pad by this.
        data-note-pad
        autosize
        minRows={3}
        maxRows={8}
        maxLength={10_000}
        required={Boolean(error)}
        error={error}
      />
      <Group justify="space-between" mt={6}>
        {value || status !== 'saved' ? <StatusLine status={status} /> : <span />}
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconDeviceFloppy size={14} />}
          onClick={onSave}
          disabled={status === 'saved' || status === 'saving'}
        >
          {t('telephony.note.save')}
        </Button>
      </Group>
    </div>
  );
}
